/// Which command a key, or a sequence of keys such as `g g`, runs on each screen.
///
/// Built from the default keymap (TOML data in `DefaultKeymap.swift`) with the user's
/// `[keys.*]` tables laid over it. Each context keeps its bindings in order (the first binding of
/// a command is the one the status bar shows) and a trie flattened into two hash tables: the
/// complete sequences, and every proper prefix of one (so `g` after `g g` is pending).
public struct KeyMap: Sendable, Equatable {
    /// A key sequence and what it runs; a nil invocation is an explicit "nothing" that hides the
    /// `global` binding of the same keys (`"?" = "none"` in `[keys.list]`).
    public struct Binding: Sendable, Equatable {
        public var keys: [Key]
        public var invocation: CommandInvocation?

        public init(keys: [Key], invocation: CommandInvocation?) {
            self.keys = keys
            self.invocation = invocation
        }
    }

    /// What a key press means so far.
    public enum Resolution: Sendable, Equatable {
        /// Run this.
        case command(CommandInvocation)
        /// The keys start a longer binding: wait for the next key.
        case pending
        /// Nothing is bound to these keys.
        case none
    }

    private struct ContextTable: Sendable, Equatable {
        var bindings: [Binding] = []
        var exact: [[Key]: CommandInvocation?] = [:]
        var prefixes: Set<[Key]> = []

        mutating func reindex() {
            exact = [:]
            prefixes = []
            for binding in bindings {
                exact[binding.keys] = binding.invocation
                for length in 1..<max(binding.keys.count, 1) { prefixes.insert(Array(binding.keys.prefix(length))) }
            }
        }
    }

    private var tables: [KeyContext: ContextTable] = [:]

    /// A keymap with no bindings at all; `KeyMap.default` has the defaults.
    public init() {}

    // MARK: Binding

    /// Binds `keys` in a context to an invocation, or to nothing (nil). A binding replaces any
    /// binding of the same keys, of a prefix of them (binding `g g` drops `g`), and of a longer
    /// sequence starting with them (binding or unbinding `g` drops `g g`).
    ///
    /// - Parameter first: put the binding before the others, so that it is the key the status bar
    ///   and the help show first (the user's own bindings go first).
    public mutating func bind(_ keys: [Key], to invocation: CommandInvocation?, in context: KeyContext, first: Bool = false) {
        guard !keys.isEmpty else { return }
        var table = tables[context] ?? ContextTable()
        table.bindings.removeAll { binding in
            binding.keys.starts(with: keys) || keys.starts(with: binding.keys)
        }
        let binding = Binding(keys: keys, invocation: invocation)
        if first { table.bindings.insert(binding, at: 0) } else { table.bindings.append(binding) }
        table.reindex()
        tables[context] = table
    }

    /// Moves the bindings of these sequences to the front of a context, in this order.
    mutating func promote(_ sequences: [[Key]], in context: KeyContext) {
        guard var table = tables[context], !sequences.isEmpty else { return }
        let rank = Dictionary(sequences.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let promoted = table.bindings.filter { rank[$0.keys] != nil }.sorted { rank[$0.keys]! < rank[$1.keys]! }
        table.bindings = promoted + table.bindings.filter { rank[$0.keys] == nil }
        tables[context] = table
    }

    /// The bindings of one context, in order, the explicit "nothing" ones included.
    public func bindings(in context: KeyContext) -> [Binding] {
        tables[context]?.bindings ?? []
    }

    // MARK: Resolving keys

    /// What the keys pressed so far run, looking through `contexts` in order (most specific first);
    /// the first context that knows the keys (bound, a prefix, or explicitly unbound) decides.
    public func resolve(keys: [Key], contexts: [KeyContext]) -> Resolution {
        for context in contexts {
            guard let table = tables[context] else { continue }
            if let invocation = table.exact[keys] {
                return invocation.map(Resolution.command) ?? .none
            }
            if table.prefixes.contains(keys) { return .pending }
        }
        return .none
    }

    /// Resolves in a context, then in `global`; the prompt has no global bindings.
    public func resolve(context: KeyContext, keys: [Key]) -> Resolution {
        resolve(keys: keys, contexts: Self.lookupOrder(for: context))
    }

    /// `[context, .global]`; `[.prompt]` and `[.global]` alone.
    public static func lookupOrder(for context: KeyContext) -> [KeyContext] {
        context == .prompt || context == .global ? [context] : [context, .global]
    }

    // MARK: Keys for a command

    /// Every key sequence that runs `command` (with any arguments) on a screen, in binding order:
    /// the context's own, then `global`'s, leaving out sequences the context hides or takes.
    public func keys(for command: CommandName, context: KeyContext) -> [[Key]] {
        let order = Self.lookupOrder(for: context)
        return order.flatMap { bindings(in: $0) }.compactMap { binding in
            guard let invocation = binding.invocation, invocation.name == command,
                resolve(keys: binding.keys, contexts: order) == .command(invocation)
            else { return nil }
            return binding.keys
        }
    }

    /// The label of the first key that runs `command` on a screen, for status-bar hints such as
    /// "j/k pindah · Enter baca": `j`, `Enter`, `g g`; nil when nothing is bound.
    public func hint(for command: CommandName, context: KeyContext) -> String? {
        keys(for: command, context: context).first.map(KeySequence.label)
    }
}
