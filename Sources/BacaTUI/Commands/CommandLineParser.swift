import BacaCore
/// Why a `:` line (or a key binding's value) is not a command, as one Indonesian line.
public enum CommandLineError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case unknownCommand(String)
    case notTypable(CommandName)
    case unterminatedQuote
    case missingArgument(CommandSpec)
    case tooManyArguments(CommandSpec)
    case invalidValue(CommandSpec, value: String)

    public var description: String {
        switch self {
        case .empty:
            return "perintah kosong"
        case .unknownCommand(let word):
            return "perintah tidak dikenal: \(word)"
        case .notTypable(let name):
            return "\(name.rawValue) hanya untuk tombol di [keys.prompt]"
        case .unterminatedQuote:
            return "tanda kutip tidak ditutup"
        case .missingArgument(let spec):
            return "\(spec.name.rawValue) perlu argumen: \(spec.signature)"
        case .tooManyArguments(let spec):
            return "terlalu banyak argumen: \(spec.signature)"
        case .invalidValue(let spec, let value):
            return "\(spec.name.rawValue): nilai tidak dikenal '\(value)' (\(spec.signature))"
        }
    }
}

extension CommandLineError {
    /// The error in the reader's language.
    public func describe(in language: Language) -> String {
        guard language == .en else { return description }
        switch self {
        case .empty: return "empty command"
        case .unknownCommand(let word): return "unknown command: \(word)"
        case .notTypable(let name): return "\(name.rawValue) is only for keys in [keys.prompt]"
        case .unterminatedQuote: return "unterminated quote"
        case .missingArgument(let spec): return "\(spec.name.rawValue) needs an argument: \(spec.signature)"
        case .tooManyArguments(let spec): return "too many arguments: \(spec.signature)"
        case .invalidValue(let spec, let value): return "\(spec.name.rawValue): unknown value '\(value)' (\(spec.signature))"
        }
    }
}

/// Reads the `:` line: `theme dark`, `import "/path with space"`, `sort date`, `q`.
///
/// Words are split at spaces; `"…"` and `'…'` keep spaces, and a backslash keeps the next
/// character (inside double quotes too). The first word is a command name or alias; the rest
/// are checked against the command's `ArgumentSpec`s, and choices are written canonically
/// (`filter semua` → `filter all`).
public enum CommandLineParser {
    // MARK: Parsing

    public static func parse(_ line: String) -> Result<CommandInvocation, CommandLineError> {
        parse(line, allowingPromptCommands: false)
    }

    /// `allowingPromptCommands`: for `[keys.prompt]` bindings, which may name `prompt-*` commands.
    static func parse(_ line: String, allowingPromptCommands: Bool) -> Result<CommandInvocation, CommandLineError> {
        var text = Substring(line).drop { $0.isWhitespace }
        if text.first == ":" { text = text.dropFirst() }
        let words: [String]
        switch split(String(text)) {
        case .success(let split): words = split
        case .failure(let error): return .failure(error)
        }
        guard let word = words.first else { return .failure(.empty) }
        guard let spec = CommandSpec.lookup(word) else { return .failure(.unknownCommand(word)) }
        guard spec.isTypable || allowingPromptCommands else { return .failure(.notTypable(spec.name)) }
        return checkArguments(Array(words.dropFirst()), of: spec).map { CommandInvocation(spec.name, arguments: $0) }
    }

    /// Splits a line into words, honouring quotes and backslashes.
    static func split(_ line: String) -> Result<[String], CommandLineError> {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" && quote != "'" {
                escaped = true
                inWord = true
            } else if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if quote != nil || escaped { return .failure(.unterminatedQuote) }
        if inWord { words.append(current) }
        return .success(words)
    }

    private static func checkArguments(_ words: [String], of spec: CommandSpec) -> Result<[String], CommandLineError> {
        var checked: [String] = []
        var remaining = words[...]
        for argument in spec.arguments {
            guard !remaining.isEmpty else {
                if argument.isOptional { break }
                return .failure(.missingArgument(spec))
            }
            let taken = argument.isVariadic ? Array(remaining) : [remaining.removeFirst()]
            if argument.isVariadic { remaining = [] }
            for value in taken {
                switch argument.kind {
                case .text:
                    checked.append(value)
                case .number:
                    guard let number = Int(value), number >= 0 else { return .failure(.invalidValue(spec, value: value)) }
                    checked.append(String(number))
                case .choice(let values, let synonyms):
                    let lowered = value.lowercased()
                    guard let canonical = values.contains(lowered) ? lowered : synonyms[lowered] else {
                        return .failure(.invalidValue(spec, value: value))
                    }
                    checked.append(canonical)
                }
            }
        }
        guard remaining.isEmpty else { return .failure(.tooManyArguments(spec)) }
        return .success(checked)
    }

    // MARK: Completion

    /// What Tab offers for the line typed so far, as whole lines, sorted: command names for the
    /// first word (an alias that matches offers its command), then the choices of the argument
    /// being typed, or the `values` given for a command (theme names for `theme`).
    public static func completions(
        for line: String, values: (CommandName) -> [String] = { _ in [] }
    ) -> [String] {
        var text = Substring(line).drop { $0.isWhitespace }
        if text.first == ":" { text = text.dropFirst() }
        guard let space = text.firstIndex(where: \.isWhitespace) else {
            let prefix = String(text)
            let names = CommandSpec.all.filter { spec in
                spec.isTypable && ([spec.name.rawValue] + spec.aliases).contains { $0.hasPrefix(prefix) }
            }
            return names.map(\.name.rawValue).sorted()
        }
        let word = String(text[..<space])
        guard let spec = CommandSpec.lookup(word), spec.isTypable else { return [] }
        let rest = text[space...].drop { $0.isWhitespace }
        guard !rest.contains(where: \.isWhitespace), let argument = spec.arguments.first else { return [] }
        let candidates = argument.completions + values(spec.name)
        return Array(Set(candidates.filter { $0.hasPrefix(rest) })).sorted().map { "\(spec.name.rawValue) \($0)" }
    }
}
