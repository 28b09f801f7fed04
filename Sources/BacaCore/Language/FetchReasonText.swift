import Foundation

/// A fetch's failure reason in either language.
///
/// Reasons are made in English and stored so in the repository (a feed's last error, which
/// `feed list`, its JSON and the reader show), so the other language is read back from the
/// English text at display time: each known reason is a template whose `{}` holes are values
/// (a host, a size, a time) given as they are. A text no template matches is shown unchanged.
/// Hand-written: a few dozen fixed sentences, no library for this.
public enum FetchReasonText {
    /// `(English template, Indonesian template)`; holes in the same order.
    static let templates: [(String, String)] = [
        ("HTTP {}; the server asks to wait until {}", "HTTP {}; server minta menunggu sampai {}"),
        ("HTTP {} redirect without a Location", "HTTP {}: pengalihan tanpa Location"),
        ("timed out after {}", "waktu habis setelah {}"),
        ("cannot find host {} (DNS)", "host {} tidak ditemukan (DNS)"),
        ("cannot connect to {} within {} (connect time-out)", "tidak bisa terhubung ke {} dalam {} (batas waktu koneksi)"),
        ("cannot connect to {} (connection refused)", "tidak bisa terhubung ke {} (koneksi ditolak)"),
        ("too slow: fewer than {} bytes in {} s", "terlalu lambat: kurang dari {} bita dalam {} s"),
        ("body over the limit of {}", "isi melebihi batas {}"),
        ("TLS failure with {} ({})", "kegagalan TLS dengan {} ({})"),
        ("{} closed the connection without an answer", "{} menutup koneksi tanpa jawaban"),
        ("the connection to {} was lost", "koneksi ke {} terputus"),
        ("bad compressed body from {} ({})", "isi terkompresi rusak dari {} ({})"),
        ("bad response from {}", "respons rusak dari {}"),
        ("redirect to {} refused: only http and https URLs are fetched",
         "pengalihan ke {} ditolak: hanya URL http dan https yang diambil"),
        ("only http and https URLs are fetched, not {}", "hanya URL http dan https yang diambil, bukan {}"),
        ("only http and https URLs are fetched", "hanya URL http dan https yang diambil"),
        ("redirect loop ({})", "pengalihan berputar ({})"),
        ("too many redirects (more than {})", "terlalu banyak pengalihan (lebih dari {})"),
        ("refused: {}, a {} address (only public addresses are fetched for what a public server names; "
            + "allow_private_addresses in config.toml lifts this)",
         "ditolak: {}, alamat {} (untuk yang disebut server publik hanya alamat publik yang diambil; "
            + "allow_private_addresses di config.toml mencabut aturan ini)"),
        ("cannot store its articles ({})", "tidak bisa menyimpan artikelnya ({})"),
        ("cannot record the fetch ({})", "tidak bisa mencatat pengambilan ({})"),
        ("cannot start libcurl", "libcurl tidak bisa dimulai"),
        ("not a URL: {}", "bukan URL: {}"),
        ("not a URL", "bukan URL"),
        ("cancelled", "dibatalkan"),
    ]

    /// The templates cut at their holes once (the feeds view describes its failed rows every frame).
    private static let pieces: [(english: [String], indonesian: [String])] = templates.map {
        ($0.0.components(separatedBy: "{}"), $0.1.components(separatedBy: "{}"))
    }

    /// `reason` (English, as made and stored) in `language`.
    public static func describe(_ reason: String, in language: Language) -> String {
        guard language == .id else { return reason }
        for (english, indonesian) in pieces {
            guard let values = holes(of: reason, pieces: english) else { continue }
            var text = indonesian[0]
            for (value, piece) in zip(values, indonesian.dropFirst()) { text += value + piece }
            return text
        }
        return reason
    }

    /// The values in `text`'s holes when it is `template`, else nil.
    static func holes(of text: String, in template: String) -> [String]? {
        holes(of: text, pieces: template.components(separatedBy: "{}"))
    }

    /// The values in `text`'s holes when it is the template cut into `pieces`, else nil.
    private static func holes(of text: String, pieces: [String]) -> [String]? {
        if pieces.count == 1 { return text == pieces[0] ? [] : nil }
        guard text.hasPrefix(pieces[0]), text.hasSuffix(pieces[pieces.count - 1]),
              text.count >= pieces[0].count + pieces[pieces.count - 1].count else { return nil }
        var rest = text.dropFirst(pieces[0].count).dropLast(pieces[pieces.count - 1].count)
        var values: [String] = []
        for piece in pieces.dropFirst().dropLast() {
            guard let range = rest.range(of: piece) else { return nil }
            values.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        values.append(String(rest))
        return values.contains(where: \.isEmpty) ? nil : values
    }
}
