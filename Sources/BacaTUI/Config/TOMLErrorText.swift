import BacaCore
import TOMLKit

/// A TOML syntax error as one line: `config.toml: baris 3, kolom 7: …` (`line 3, column 7`).
enum TOMLErrorText {
    static func describe(_ error: any Error, file: String, language: Language) -> String {
        "\(file): \(message(for: error, language: language))"
    }

    /// `baris 3, kolom 7: …` (toml++'s own words after the position).
    static func message(for error: any Error, language: Language) -> String {
        guard let error = error as? TOMLParseError else { return "\(error)" }
        let position = error.source.begin
        return language.say(.tomlSyntax(line: Int(position.line), column: Int(position.column), detail: error.description))
    }
}
