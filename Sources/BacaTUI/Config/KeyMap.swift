/// Which command a key, or a sequence of keys such as `g g`, runs on each screen.
///
/// Built from the default keymap (TOML data in `DefaultKeymap.swift`) with the user's
/// `[keys.*]` tables laid over it. Each context keeps its own bindings in order (the first
/// binding of a command is the one the status bar shows). What a screen sees is its own bindings
/// laid over `global`'s, like helix's per-mode keymaps over the defaults: a screen's binding
/// hides the global bindings it clashes with (the same keys, a prefix of them, or a longer
/// sequence starting with them), and unbinding on a screen hides the global keys under it there.
/// That view is kept per screen as a trie flattened into two hash tables: the complete
/// sequences, and every proper prefix of one (so `g` before `g g` is pending).
public struct KeyMap: Sendable, Equatable {
    /// A key sequence and what it runs.
    public struct Binding: Sendable, Equatable {
        public var keys: [Key]
        public var invocation: CommandInvocation

        public init(keys: [Key], invocation: CommandInvocation) {
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

    /// What one context says: its bindings, and the sequences it unbound.
    private struct Layer: Sendable, Equatable {
        var bindings: [Binding] = []
        /// Unbound here: global bindings of these keys, or starting with them, do not apply.
        var hidden: [[Key]] = []

        func hides(_ keys: [Key]) -> Bool {
            hidden.contains { keys.starts(with: $0) }
                || bindings.contains { keys.starts(with: $0.keys) || $0.keys.starts(with: keys) }
        }
    }

    /// A screen's bindings as seen through its lookup order, indexed.
    private struct Table: Sendable, Equatable {
        var bindings: [Binding] = []
        var exact: [[Key]: CommandInvocation] = [:]
        var prefixes: Set<[Key]> = []

        init(_ bindings: [Binding]) {
            self.bindings = bindings
            for binding in bindings {
                exact[binding.keys] = binding.invocation
                for length in stride(from: 1, to: binding.keys.count, by: 1) {
                    prefixes.insert(Array(binding.keys.prefix(length)))
                }
            }
        }

        func resolve(_ keys: [Key]) -> Resolution {
            if let invocation = exact[keys] { return .command(invocation) }
            return prefixes.contains(keys) ? .pending : .none
        }
    }

    private var layers: [KeyContext: Layer] = [:]
    /// Derived from `layers` on every change: each context over `global` (the prompt alone).
    private var screens: [KeyContext: Table] = [:]

    /// A keymap with no bindings at all; `KeyMap.default` has the defaults.
    public init() {}

    // MARK: Binding

    /// Binds `keys` in a context to an invocation; nil unbinds them (and on a screen, hides the
    /// global bindings under them). A binding replaces the context's bindings of the same keys,
    /// of a prefix of them (binding `g g` drops `g`), and of longer sequences starting with them
    /// (binding or unbinding `g` drops `g g`).
    public mutating func bind(_ keys: [Key], to invocation: CommandInvocation?, in context: KeyContext) {
        write(keys, to: invocation, in: context)
        reindex()
    }

    /// Lays bindings over the keymap in order; `first` then moves them before the existing ones
    /// (keeping their order), so that the user's own keys are the ones shown first.
    mutating func apply(_ changes: [KeyBindingChange], first: Bool) {
        for change in changes {
            write(change.keys, to: change.invocation, in: change.context)
        }
        if first {
            for context in KeyContext.allCases {
                promote(changes.filter { $0.context == context && $0.invocation != nil }.map(\.keys), in: context)
            }
        }
        reindex()
    }

    /// `bind` without rebuilding the screens' tables.
    private mutating func write(_ keys: [Key], to invocation: CommandInvocation?, in context: KeyContext) {
        guard !keys.isEmpty else { return }
        var layer = layers[context] ?? Layer()
        if let invocation {
            layer.bindings.removeAll { $0.keys.starts(with: keys) || keys.starts(with: $0.keys) }
            layer.bindings.append(Binding(keys: keys, invocation: invocation))
        } else {
            layer.bindings.removeAll { $0.keys.starts(with: keys) }
            if !layer.hidden.contains(keys) { layer.hidden.append(keys) }
        }
        layers[context] = layer
    }

    /// Moves the bindings of these sequences to the front of a context, in this order.
    private mutating func promote(_ sequences: [[Key]], in context: KeyContext) {
        guard var layer = layers[context], !sequences.isEmpty else { return }
        let rank = Dictionary(sequences.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let promoted = layer.bindings.filter { rank[$0.keys] != nil }.sorted { rank[$0.keys]! < rank[$1.keys]! }
        layer.bindings = promoted + layer.bindings.filter { rank[$0.keys] == nil }
        layers[context] = layer
    }

    private mutating func reindex() {
        for context in KeyContext.allCases {
            screens[context] = Table(merged(Self.lookupOrder(for: context)))
        }
    }

    /// The bindings seen through `contexts`, the first one's on top.
    private func merged(_ contexts: [KeyContext]) -> [Binding] {
        var seen: [Binding] = []
        var above: [Layer] = []
        for context in contexts {
            let layer = layers[context] ?? Layer()
            seen += layer.bindings.filter { binding in !above.contains { $0.hides(binding.keys) } }
            above.append(layer)
        }
        return seen
    }

    /// The bindings written for one context, in order (not those it sees from `global`).
    public func bindings(in context: KeyContext) -> [Binding] {
        layers[context]?.bindings ?? []
    }

    // MARK: Resolving keys

    /// What the keys pressed so far run on a screen: its own bindings, then `global`'s; the
    /// prompt has only its own.
    public func resolve(context: KeyContext, keys: [Key]) -> Resolution {
        (screens[context] ?? Table([])).resolve(keys)
    }

    /// What the keys pressed so far run, looking through `contexts`, most specific first
    /// (`[.list, .global]`).
    public func resolve(keys: [Key], contexts: [KeyContext]) -> Resolution {
        if let first = contexts.first, contexts == Self.lookupOrder(for: first) {
            return resolve(context: first, keys: keys)
        }
        return Table(merged(contexts)).resolve(keys)
    }

    /// `[context, .global]`; `[.prompt]` and `[.global]` alone.
    public static func lookupOrder(for context: KeyContext) -> [KeyContext] {
        context == .prompt || context == .global ? [context] : [context, .global]
    }

    // MARK: Keys for a command

    /// Every key sequence that runs `command` (with any arguments) on a screen, in order: the
    /// screen's own, then those it sees from `global`.
    public func keys(for command: CommandName, context: KeyContext) -> [[Key]] {
        (screens[context]?.bindings ?? []).filter { $0.invocation.name == command }.map(\.keys)
    }

    /// The label of the first key that runs `command` on a screen, for status-bar hints such as
    /// "j/k pindah · Enter baca": `j`, `Enter`, `g g`; nil when nothing is bound.
    public func hint(for command: CommandName, context: KeyContext) -> String? {
        keys(for: command, context: context).first.map(KeySequence.label)
    }
}
