import Foundation

/// The language of the reader's words: the TUI, the CLI's messages and the errors they show.
///
/// Set by `language = "id"` or `"en"` in `config.toml`; by default Indonesian when `LANG` or
/// `LC_MESSAGES` (or `LC_ALL`) starts with `id`, English otherwise. Command arguments accept
/// both languages' words whatever the setting (`filter semua` = `filter all`).
public enum Language: String, Sendable, CaseIterable {
    case id
    case en

    /// The language the environment asks for: `LC_ALL`, then `LC_MESSAGES`, then `LANG`.
    public static func detect(environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("id") ? .id : .en
        }
        return .en
    }

    /// The text in this language: `language.pick("kembali", "back")`.
    ///
    /// Hand-written rather than gettext/.strings: two languages, a few hundred short phrases,
    /// and the pairs sit where they are used, so a new message cannot forget its translation.
    public func pick(_ indonesian: String, _ english: String) -> String {
        self == .id ? indonesian : english
    }
}
