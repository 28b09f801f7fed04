import Foundation
import Testing
@testable import BacaCore

/// Nothing in a capture may drive the terminal: control characters are data to neutralise.
@Suite("Capture sanitising")
struct CaptureSanitizingTests {
    let support = CaptureTestSupport.self

    static let esc = "\u{1B}"
    static let bel = "\u{07}"

    /// Attacks, each with the visible text that must survive around it.
    static let attacks: [(name: String, payload: String)] = [
        ("clear screen", "\(esc)[2J\(esc)[H"),
        ("colour", "\(esc)[1;31m"),
        ("OSC 52 clipboard", "\(esc)]52;c;cm0gLXJmIH4=\(bel)"),
        ("OSC 0 title", "\(esc)]0;pwned\(bel)"),
        ("OSC 0 title with ST", "\(esc)]0;pwned\(esc)\\"),
        ("OSC 8 hyperlink", "\(esc)]8;;http://evil.example\(esc)\\"),
        ("DCS", "\(esc)Pq#0;2;0;0;0\(esc)\\"),
        ("charset", "\(esc)(0"),
        ("reset", "\(esc)c"),
        ("bell", bel),
        ("backspace", "\u{08}\u{08}"),
        ("delete", "\u{7F}"),
        ("carriage return", "\r"),
        ("vertical tab", "\u{0B}"),
        ("C1 CSI", "\u{9B}2J"),
        ("C1 OSC", "\u{9D}0;pwned\u{9C}"),
        ("C1 NEL-free controls", "\u{80}\u{8D}\u{9A}"),
        ("bidi override", "\u{202E}"),
        ("bidi isolate", "\u{2066}\u{2069}"),
        ("bidi marks", "\u{200E}\u{200F}\u{061C}"),
        ("zero width", "\u{200B}\u{FEFF}\u{2060}"),
        ("tag characters", "\u{E0041}\u{E0042}"),
    ]

    /// A capture with the payload inside the title, key points, hero caption, heading, body,
    /// quote, list, inline caption, topics and editorial team.
    static func capture(with payload: String) -> String {
        let p = payload
        return """
            Baca artikel IDN Times lainnya di IDN App
            For
            You

            Gempa\(p) Guncang Garut

            Warga berkumpul\(p) di lapangan (IDN Times/Adi\(p) Saputra)
            Warga berkumpul\(p) di lapangan (IDN Times/Adi\(p) Saputra)
            Intinya sih...
              • Gempa\(p) terasa kuat

            Garut, IDN Times - Gempa\(p) mengguncang Garut pada Jumat (8/11/2024).

            1. Warga\(p) mengungsi

            Rumah rusak\(p) di Cikajang (IDN Times/Adi Saputra)
            Rumah rusak\(p) di Cikajang (IDN Times/Adi Saputra)

            “Kami takut\(p) gempa susulan,” kata warga.

            Bantuan yang dibutuhkan:
            • tenda\(p) darurat

            Share
            Topics
            Gempa\(p) Garut
            Editorial Team
            Adi\(p) Saputra
            EditorRina\(p) Kusuma
            Follow Us
            """
    }

    @Test("No control, escape, bidi or invisible character survives anywhere in the article",
          arguments: attacks.map(\.name))
    func attack(name: String) throws {
        let payload = try #require(Self.attacks.first { $0.name == name }).payload
        let article = try support.article(Self.capture(with: payload))

        #expect(support.forbiddenScalars(in: article) == [])
        let everything = support.strings(in: article).joined(separator: "|")
        for garbage in ["]0;", "pwned", "[2J", "52;c", "cm0gLXJmIH4", "2J", "evil.example", "#0;2", "[1;31m"] {
            #expect(!everything.contains(garbage), "\(garbage.debugDescription) left in \(everything.debugDescription)")
        }

        // The visible text around the payload is kept (a removed control may leave one space).
        func squeezed(_ text: String?) -> String? { text?.replacingOccurrences(of: " ", with: "") }
        #expect(squeezed(article.title) == "GempaGuncangGarut")
        #expect(squeezed(article.heroImage?.caption) == "Wargaberkumpuldilapangan")
        #expect(squeezed(article.heroImage?.credit) == "IDNTimes/AdiSaputra")
        #expect(article.keyPoints.map { squeezed($0) } == ["Gempaterasakuat"])
        #expect(article.location == "Garut")
        #expect(article.publishedAt?.namedDay == CalendarDate(year: 2024, month: 11, day: 8))
        #expect(squeezed(article.numberedSections.first?.heading) == "Wargamengungsi")
        let blocks = article.allBlocks.map { squeezed($0.plainText) }
        #expect(blocks == [
            "GempamengguncangGarutpadaJumat(8/11/2024).",
            "RumahrusakdiCikajang",
            "“Kamitakutgempasusulan,”katawarga.",
            "Bantuanyangdibutuhkan:",
            "tendadarurat",
        ])
        #expect(article.topics.map { squeezed($0) } == ["GempaGarut"])
        #expect(squeezed(article.author) == "AdiSaputra")
        #expect(squeezed(article.editor) == "RinaKusuma")
    }

    @Test("The sanitiser on its own: sequences go whole, text and line structure stay")
    func sanitizer() {
        let esc = Self.esc
        #expect(Sanitizer.sanitize("a\(esc)]0;pwned\(Self.bel)b") == "ab")
        #expect(Sanitizer.sanitize("a\(esc)]52;c;AAAA\(esc)\\b") == "ab")
        #expect(Sanitizer.sanitize("a\(esc)[2Jb\(esc)[38;5;196mc") == "abc")
        #expect(Sanitizer.sanitize("a\u{9B}2Jb") == "ab")
        #expect(Sanitizer.sanitize("a\u{9D}0;x\u{07}b") == "ab")
        // An OSC left open ends at the line, so it cannot swallow the article.
        #expect(Sanitizer.sanitize("a\(esc)]0;never closed\nnext line") == "a\nnext line")
        // A malformed CSI keeps the text it stopped at.
        #expect(Sanitizer.sanitize("a\(esc)[12\u{E9}t\u{E9}") == "a\u{E9}t\u{E9}")
        #expect(Sanitizer.sanitize("line one\r\nline two\r\n") == "line one\nline two")
        #expect(Sanitizer.sanitize("line one\rline two") == "line one\nline two")
        #expect(Sanitizer.sanitize("safe\nreal\rfake") == "safe\nreal fake")
        #expect(Sanitizer.sanitize("  indented  \t\n\u{00A0}\u{00A0}x\u{202F}y") == "  indented\n  x y")
        #expect(Sanitizer.sanitize("a\u{202E}b\u{2067}c\u{200B}d\u{FEFF}e") == "abcde")
        #expect(Sanitizer.sanitize("👩\u{200D}💻") == "👩\u{200D}💻")
        #expect(Sanitizer.sanitize("x\n\n\n") == "x")
        #expect(Sanitizer.sanitizeLine("  Judul\n  berita\u{1B}[2J  baru \n") == "Judul berita baru")
        #expect(Sanitizer.isDisplaySafe("a") && Sanitizer.isDisplaySafe(" "))
        #expect(!Sanitizer.isDisplaySafe("\u{1B}") && !Sanitizer.isDisplaySafe("\u{202E}") && !Sanitizer.isDisplaySafe("\n"))
    }
}

/// The clean-line fast path copies most lines whole; it must give exactly what the scanner
/// gives scalar by scalar, whatever the mix of clean and dirty lines.
@Suite("Sanitiser fast path")
struct SanitizerFastPathTests {
    /// Pieces that make lines clean or not: plain words, kept non-ASCII, spaces of other kinds,
    /// escapes cut anywhere, CR, trailing spaces, emoji with joiners.
    static let pieces = [
        "kata", " ", "  ", "Kafé", "“kutipan”", "\u{A0}", "\u{2003}", "\u{1B}[31m", "\u{1B}]0;x", "\u{07}",
        "\u{1B}", "[", "\r", "\r\n", "\n", "\n\n", "\t", "\u{202E}", "\u{200B}", "\u{9B}", "\u{85}",
        "👩‍👩‍👧", "\u{2028}", "漢字", "\u{E0041}", "\u{FEFF}", "x ", "\u{7F}",
    ]

    @Test("random texts: the fast path equals the scanner alone")
    func randomTexts() {
        var generator = SplitMix(seed: 7)
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 24) {
                text += Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))]
            }
            #expect(Sanitizer.sanitize(text) == Sanitizer.sanitizeScalarByScalar(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("random lines: a line found clean (eight bytes at a time) is what the scanner makes of it")
    func randomCleanLines() {
        var generator = SplitMix(seed: 11)
        let linePieces = Self.pieces + ["a", "b c", "kata yang panjang sekali", "12345678", " ", " ", "!", "  !", "é"]
        var clean = 0
        for _ in 0..<6000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 16) {
                text += linePieces[Int(generator.next() % UInt64(linePieces.count))]
            }
            var copy = text
            let isClean = copy.withUTF8 { Sanitizer.isCleanLine($0) }
            let bySlowPath = Self.sanitizeLineScalarByScalar(text)
            #expect(Sanitizer.sanitizeLine(text) == bySlowPath, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            if isClean {
                clean += 1
                #expect(bySlowPath == text, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
        #expect(clean > 500)
    }

    /// `sanitizeLine` without its fast path.
    static func sanitizeLineScalarByScalar(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in Sanitizer.sanitizeScalarByScalar(text).unicodeScalars {
            if scalar == " " || scalar == "\n" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(scalar)
        }
        return String(result)
    }

    @Test("the sample captures: the fast path equals the scanner alone")
    func fixtures() throws {
        for name in ["festival-layang-pangandaran", "panen-raya-karawang"] {
            let text = try CaptureTestSupport.fixtureText(name)
            #expect(text.count > 100)
            #expect(Sanitizer.sanitize(text) == Sanitizer.sanitizeScalarByScalar(text))
        }
    }

    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
