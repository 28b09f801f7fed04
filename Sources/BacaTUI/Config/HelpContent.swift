import BacaCore
/// One screen's part of the help: a title and its keys.
public struct HelpSection: Sendable, Equatable {
    public var context: KeyContext
    /// "Daftar", "Pembaca", …
    public var title: String
    public var rows: [HelpRow]

    public init(context: KeyContext, title: String, rows: [HelpRow]) {
        self.context = context
        self.title = title
        self.rows = rows
    }
}

/// A line of the help: the keys and what they do.
public struct HelpRow: Sendable, Equatable {
    /// `j, ↓`; `1–9` for a run of keys that each pass their own digit.
    public var keys: String
    /// The command's help in Indonesian: "turun satu baris".
    public var text: String
    public var command: CommandName

    public init(keys: String, text: String, command: CommandName) {
        self.keys = keys
        self.text = text
        self.command = command
    }
}

/// The help screen, generated from the live keymap, so that a key the user rebound shows.
public enum HelpContent {
    /// The sections shown by default: what works everywhere (moving, too) first, then each
    /// screen, then the prompt.
    public static let defaultContexts: [KeyContext] = [.global, .list, .reader, .toc, .feeds, .links, .prompt]

    public static func title(of context: KeyContext, language: Language = .id) -> String {
        switch context {
        case .global: return language.pick("Umum", "Everywhere")
        case .list: return language.pick("Daftar", "List")
        case .reader: return language.pick("Pembaca", "Reader")
        case .prompt: return language.pick("Cari/Prompt", "Search/prompt")
        case .help: return language.pick("Bantuan", "Help")
        case .toc: return language.pick("Daftar isi", "Contents")
        case .feeds: return language.pick("Langganan", "Feeds")
        case .links: return language.pick("Daftar tautan", "Links")
        }
    }

    /// A section per context that has bindings; in each, a row per command and arguments in the
    /// order of `CommandSpec.all`, with every key bound to it in binding order.
    public static func make(keyMap: KeyMap, contexts: [KeyContext] = defaultContexts, language: Language = .id) -> [HelpSection] {
        contexts.compactMap { context in
            let rows = rows(keyMap.bindings(in: context), context: context, language: language)
            return rows.isEmpty ? nil : HelpSection(context: context, title: title(of: context, language: language), rows: rows)
        }
    }

    // MARK: Rows

    private static func rows(_ bindings: [KeyMap.Binding], context: KeyContext, language: Language) -> [HelpRow] {
        var keysByInvocation: [CommandInvocation: [[Key]]] = [:]
        var invocations: [CommandInvocation] = []
        for binding in bindings {
            let invocation = binding.invocation
            if keysByInvocation[invocation] == nil { invocations.append(invocation) }
            keysByInvocation[invocation, default: []].append(binding.keys)
        }
        let rank = Dictionary(uniqueKeysWithValues: CommandSpec.all.enumerated().map { ($1.name, $0) })
        // Stable: by command in table order, then by first binding.
        let ordered = invocations.enumerated().sorted { a, b in
            let (x, y) = (rank[a.element.name] ?? 0, rank[b.element.name] ?? 0)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)

        var rows: [HelpRow] = []
        var index = 0
        while index < ordered.count {
            let invocation = ordered[index]
            let spec = CommandSpec.spec(for: invocation.name)
            // A run like "1" → goto-section 1 … "9" → goto-section 9 becomes one row "1–9".
            var run = index
            while run < ordered.count, ordered[run].name == invocation.name,
                let keys = keysByInvocation[ordered[run]], passesOwnKey(ordered[run], keys: keys)
            {
                run += 1
            }
            let numbers = ordered[index..<run].compactMap { Int($0.arguments[0]) }
            if run - index >= 3, numbers.count == run - index, numbers == Array(numbers[0]..<(numbers[0] + numbers.count)) {
                let (first, last) = (numbers[0], numbers[numbers.count - 1])
                rows.append(HelpRow(keys: "\(first)–\(last)", text: CommandSpec.helpLine(spec.contextHelp[context] ?? spec.help, in: language), command: invocation.name))
                index = run
                continue
            }
            let keys = (keysByInvocation[invocation] ?? []).map(KeySequence.label).joined(separator: ", ")
            rows.append(HelpRow(keys: keys, text: spec.describe(invocation, in: context, language: language), command: invocation.name))
            index += 1
        }
        return rows
    }

    /// True for `"3" = "goto-section 3"`: one key whose name is the one argument.
    private static func passesOwnKey(_ invocation: CommandInvocation, keys: [[Key]]) -> Bool {
        keys.count == 1 && keys[0].count == 1 && invocation.arguments == [keys[0][0].name]
    }
}
