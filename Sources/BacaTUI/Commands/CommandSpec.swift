import BacaCore

/// What the reader knows about a command: its help, where it applies, what it takes.
///
/// The one table of these is `CommandSpec.all`; key bindings, the `:` line, completion and the
/// help screen all read it (newsboat's op table, helix's typable commands).
public struct CommandSpec: Sendable, Equatable {
    public var name: CommandName
    /// One line, in Indonesian, lowercase: "turun satu baris".
    public var help: String
    /// Help for this command on one screen, where it does something else there
    /// (`open` in the table of contents jumps to a section).
    public var contextHelp: [KeyContext: String]
    /// Where the command does something. `global` means on every screen.
    public var contexts: [KeyContext]
    /// What follows the name, in order.
    public var arguments: [ArgumentSpec]
    /// Other names for the `:` line: `q` for `quit`.
    public var aliases: [String]
    /// Help for particular arguments (`filter unread` → "tampilkan yang belum dibaca"); the key
    /// is the arguments joined by a space, `""` for none.
    public var argumentHelp: [String: String]

    public init(
        _ name: CommandName, _ help: String, contexts: [KeyContext], arguments: [ArgumentSpec] = [],
        aliases: [String] = [], contextHelp: [KeyContext: String] = [:], argumentHelp: [String: String] = [:]
    ) {
        self.name = name
        self.help = help
        self.contexts = contexts
        self.arguments = arguments
        self.aliases = aliases
        self.contextHelp = contextHelp
        self.argumentHelp = argumentHelp
    }

    // MARK: Derived

    /// `theme [NAMA]`, `import BERKAS…`, `sort [date|oldest|title]`.
    public var signature: String {
        ([name.rawValue] + arguments.map(\.signature)).joined(separator: " ")
    }

    /// Prompt editing commands only make sense on keys, not typed after `:`.
    public var isTypable: Bool { contexts != [.prompt] }

    /// The help for a bound invocation on a screen: "tampilkan yang belum dibaca" for
    /// `filter unread`, "lompat ke bagian nomor N (3)" for `goto-section 3`.
    public func describe(_ invocation: CommandInvocation, in context: KeyContext? = nil, language: Language = .id) -> String {
        let key = invocation.arguments.joined(separator: " ")
        if let specific = argumentHelp[key] { return Self.helpLine(specific, in: language) }
        let base = Self.helpLine(context.flatMap { contextHelp[$0] } ?? help, in: language)
        return key.isEmpty ? base : "\(base) (\(key))"
    }
}

// MARK: - Arguments

/// One argument of a command, for checking, completing and the signature.
public struct ArgumentSpec: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Any text: a theme name, a path, search words.
        case text
        /// A whole number, 0 or more.
        case number
        /// One of these values; `synonyms` (Indonesian words) map to a value.
        case choice([String], synonyms: [String: String] = [:])
    }

    /// As shown in signatures: `NAMA`, `N`.
    public var label: String
    public var kind: Kind
    public var isOptional: Bool
    /// Takes every remaining word (`import A B C`, `search banjir bandang`).
    public var isVariadic: Bool

    public init(_ label: String, _ kind: Kind = .text, optional: Bool = false, variadic: Bool = false) {
        self.label = label
        self.kind = kind
        self.isOptional = optional
        self.isVariadic = variadic
    }

    public var signature: String {
        var text = label
        if case .choice(let values, _) = kind { text = values.joined(separator: "|") }
        if isVariadic { text += "…" }
        return isOptional ? "[\(text)]" : text
    }

    /// The values to offer on Tab.
    public var completions: [String] {
        if case .choice(let values, _) = kind { return values }
        return []
    }
}

// MARK: - Lookup

extension CommandSpec {
    private static let byName: [CommandName: CommandSpec] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    private static let byWord: [String: CommandName] = {
        var words: [String: CommandName] = [:]
        for spec in all {
            words[spec.name.rawValue] = spec.name
            for alias in spec.aliases { words[alias] = spec.name }
        }
        return words
    }()

    /// The spec of a command (every `CommandName` has one).
    public static func spec(for name: CommandName) -> CommandSpec {
        guard let spec = byName[name] else { preconditionFailure("no CommandSpec for \(name.rawValue)") }
        return spec
    }

    /// A command by its name or one of its aliases: `move-down`, `q`, `keluar`.
    public static func lookup(_ word: String) -> CommandSpec? {
        byWord[word].map(spec(for:))
    }
}
