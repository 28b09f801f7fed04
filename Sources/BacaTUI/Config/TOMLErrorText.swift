import TOMLKit

/// A TOML syntax error as one line: `config.toml: baris 3, kolom 7: …`.
enum TOMLErrorText {
    static func describe(_ error: any Error, file: String) -> String {
        "\(file): \(message(for: error))"
    }

    /// `baris 3, kolom 7: …` (toml++'s own words after the position).
    static func message(for error: any Error) -> String {
        guard let error = error as? TOMLParseError else { return "\(error)" }
        let position = error.source.begin
        return "baris \(position.line), kolom \(position.column): \(error.description)"
    }
}
