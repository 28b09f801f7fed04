import Foundation

/// Captures that carry terminal commands in every field, each with a clean twin.
///
/// A template holds slots: `{P}` in the middle of a word (title, key point, hero and inline
/// captions, heading, paragraph, quote, editorial team), `{E}` at the end of a line, and `{S}`
/// where the clean text has a space. A payload fills every slot it may go in; the clean twin
/// fills them with nothing (or the space). The sanitiser must turn the hostile capture into
/// exactly the clean twin's article, so the two must look the same everywhere.
enum HostileCorpus {
    struct Payload: Sendable, CustomStringConvertible {
        var name: String
        /// What goes into `{P}` and `{E}` slots.
        var text: String
        /// What goes into `{S}` slots (a space in the clean twin).
        var spaceText: String = " "
        /// False for sequences that swallow the rest of their line (an unterminated OSC): those
        /// only go into `{E}` slots.
        var fitsMidLine = true

        var description: String { name }
    }

    static let payloads: [Payload] = [
        Payload(name: "clear screen and home (CSI 2J, CSI H)", text: "\u{1B}[2J\u{1B}[H"),
        Payload(name: "cursor moves and erase (CSI 10;10H, CSI K, CSI 5A)", text: "\u{1B}[10;10H\u{1B}[K\u{1B}[5A"),
        Payload(name: "retitle (OSC 0 … BEL)", text: "\u{1B}]0;PWNED-TITLE\u{07}"),
        Payload(name: "retitle (OSC 2 … ST)", text: "\u{1B}]2;PWNED-TITLE\u{1B}\\"),
        Payload(name: "clipboard write (OSC 52)", text: "\u{1B}]52;c;cHduZWQ=\u{07}"),
        Payload(name: "hyperlink (OSC 8)", text: "\u{1B}]8;;https://evil.example/\u{1B}\\"),
        Payload(name: "colour codes (SGR)", text: "\u{1B}[31;1;5m\u{1B}[38;5;196m\u{1B}[0m"),
        Payload(name: "terminal reset and charset (ESC c, ESC ( 0)", text: "\u{1B}c\u{1B}(0"),
        Payload(name: "device control string (DCS … ST)", text: "\u{1B}P+q544e\u{1B}\\"),
        Payload(name: "BEL", text: "\u{07}\u{07}"),
        Payload(name: "backspace (BS)", text: "\u{08}\u{08}\u{08}"),
        Payload(name: "DEL", text: "\u{7F}"),
        Payload(name: "C1 CSI (U+009B)", text: "\u{9B}2J\u{9B}31m"),
        Payload(name: "C1 OSC (U+009D … U+009C)", text: "\u{9D}0;PWNED-TITLE\u{9C}"),
        Payload(name: "other C1 controls", text: "\u{80}\u{8D}\u{8E}\u{9A}"),
        Payload(name: "bidirectional overrides", text: "\u{202E}\u{202D}\u{202A}\u{2066}\u{2067}\u{2068}\u{2069}\u{200F}\u{061C}"),
        Payload(name: "zero-width characters", text: "\u{200B}\u{2060}\u{FEFF}\u{E0041}"),
        Payload(name: "carriage return over a space", text: "", spaceText: "\r"),
        Payload(name: "tab and form feed for a space", text: "", spaceText: "\t\u{0C}"),
        Payload(name: "unterminated OSC at a line end", text: "\u{1B}]0;PWNED-TITLE", fitsMidLine: false),
    ]

    /// The article template; `index` makes each copy a different article.
    static func template(_ index: Int) -> String {
        """
        Baca artikel IDN Times lainnya di IDN App
        For
        You

        Jem{P}batan Gantung{S}Desa Suka{P}maju Diresmikan, Uji {N}{E}

        Warga melin{P}tasi jembatan gantung{S}baru di Sukamaju (IDN Times/Rani{P} Putri){E}
        Warga melintasi jembatan gantung baru di Sukamaju (IDN Times/Rani Putri)
        Intinya sih...
          • Jembatan sepan{P}jang 80 meter{S}menghubungkan dua dusun.{E}
          • Anak sekolah tak lagi menye{P}berang dengan rakit.

        Garut, IDN Times - Jembatan gantung di Desa Sukamaju diresmikan pada Rabu (6/11/2024). Warga{S}menyambut{P}nya dengan syukuran.{E}

        1. Diba{P}ngun dalam{S}empat bulan{E}

        Pembangunan dikerja{P}kan bersama warga secara gotong{S}royong.

        Anak-anak menyeberang dengan gembira (Dok. Pemkab{P} Garut)
        Anak-anak menyeberang dengan gembira (Dok. Pemkab Garut)

        "Sekarang anak-anak bisa berang{P}kat sekolah tanpa takut," kata{S}Kepala Desa.{E}

        2. Dirawat bersama

        Dilansir Antara, pemerintah kabu{P}paten menyiapkan dana perawatan tahunan.

        Baca Juga: Jalan Desa Sukamaju Diper{P}baiki{E}

        Editorial Team
        Rani{P} Pu{P}tri{E}
        EditorBayu{S}Prata{P}ma
        Follow Us
        """
    }

    static func hostile(_ payload: Payload, index: Int) -> String {
        fill(template(index), index: index, mid: payload.fitsMidLine ? payload.text : "", end: payload.text,
             space: payload.spaceText)
    }

    static func clean(index: Int) -> String {
        fill(template(index), index: index, mid: "", end: "", space: " ")
    }

    private static func fill(_ template: String, index: Int, mid: String, end: String, space: String) -> String {
        template
            .replacingOccurrences(of: "{N}", with: "\(index)")
            .replacingOccurrences(of: "{P}", with: mid)
            .replacingOccurrences(of: "{E}", with: end)
            .replacingOccurrences(of: "{S}", with: space)
    }

    /// Scalars that must never reach a terminal from an article: controls (C0 but `\n`, DEL,
    /// C1), bidirectional controls, and invisible format characters.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        case 0x200B, 0x2060...0x2064, 0xFEFF, 0xE0000...0xE007F: return true
        default: return false
        }
    }

    static func forbiddenScalars(in text: String) -> [String] {
        text.unicodeScalars.filter(isForbidden).map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    /// Every string inside a value, by reflection (fields added later are walked too).
    static func strings(in value: Any) -> [String] {
        if let string = value as? String { return [string] }
        return Mirror(reflecting: value).children.flatMap { strings(in: $0.value) }
    }
}
