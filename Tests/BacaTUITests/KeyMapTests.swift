import Testing

@testable import BacaTUI

@Suite("Key names and the keymap")
struct KeyMapTests {
    let keyMap = KeyMap.default

    private func keys(_ text: String) -> [Key] { KeySequence.parse(text)! }

    // MARK: Names

    @Test func keyNamesRoundTrip() {
        var all: [Key] = [
            .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .insert, .delete, .backspace,
            .enter, .tab, .backTab, .escape, .character(" "),
        ]
        all += "jG?/:][1*".map { Key.character($0) }
        all += "adlu".map { Key.control($0) }
        all += (1...12).map { Key.function($0) }
        for key in all {
            #expect(Key(name: key.name) == key, "\(key.name)")
        }
    }

    @Test(arguments: [
        ("j", Key.character("j")), ("G", .character("G")), ("space", .character(" ")), ("enter", .enter),
        ("ret", .enter), ("Return", .enter), ("esc", .escape), ("tab", .tab), ("backtab", .backTab),
        ("shift-tab", .backTab), ("pageup", .pageUp), ("pgup", .pageUp), ("PgDn", .pageDown),
        ("backspace", .backspace), ("del", .delete), ("delete", .delete), ("ctrl-d", .control("d")),
        ("C-d", .control("d")), ("ctrl-D", .control("d")), ("f1", .function(1)), ("F12", .function(12)),
        ("?", .character("?")), ("]", .character("]")), ("5", .character("5")), ("home", .home),
    ])
    func readsKeyName(name: String, key: Key) {
        #expect(Key(name: name) == key)
    }

    @Test(arguments: ["", "ctlr-d", "ctrl-", "ctrl-dd", "ctrl-1", "f0", "f13", "shift", "jj", "\t", " x"])
    func rejectsKeyName(name: String) {
        #expect(Key(name: name) == nil)
    }

    @Test func sequences() {
        #expect(KeySequence.parse("g g") == [.character("g"), .character("g")])
        #expect(KeySequence.parse(" ") == [.character(" ")])
        #expect(KeySequence.parse("g nope") == nil)
        #expect(KeySequence.unknownName(in: "g nope") == "nope")
        #expect(KeySequence.label([.control("d")]) == "Ctrl-d")
        #expect(KeySequence.name([.character("g"), .character("g")]) == "g g")
    }

    // MARK: The defaults

    @Test func defaultKeymapParsesCleanly() {
        #expect(DefaultKeymap.parsed.warnings == [])
    }

    /// The default keymap is read by the flat fast path at start; as TOML it gives the same
    /// bindings, each context's in the same order (the TOML path takes the contexts
    /// alphabetically, the flat one as written: each has a table of its own), the same keymap,
    /// and the same warnings for the same mistakes.
    @Test func flatPathMatchesTOML() throws {
        let flat = try #require(KeyBindingsParser.parseFlat(DefaultKeymap.source, file: "k"))
        let toml = KeyMap.bindings(fromTOML: DefaultKeymap.source, file: "k")
        #expect(flat.changes.count > 100)
        #expect(Dictionary(grouping: flat.changes, by: \.context) == Dictionary(grouping: toml.changes, by: \.context))
        var flatMap = KeyMap(), tomlMap = KeyMap()
        flatMap.apply(flat.changes, first: false)
        tomlMap.apply(toml.changes, first: false)
        #expect(flatMap == tomlMap)
        let mistakes = """
            [keys.list]
            "j" = "move-nowhere"   # not a command
            "nope nope" = "help"
            "x" = "  filter starred "
            "y" = "none"

            [keys.reader]
            "z" = ""
            """
        let flatMistakes = try #require(KeyBindingsParser.parseFlat(mistakes, file: "k"))
        let tomlMistakes = KeyMap.bindings(fromTOML: mistakes, file: "k")
        #expect(flatMistakes.changes == tomlMistakes.changes)
        #expect(flatMistakes.warnings == tomlMistakes.warnings)
        #expect(flatMistakes.warnings.count == 2)
        #expect(flatMistakes.changes.first?.invocation == CommandInvocation(.filter, arguments: ["starred"]))
    }

    /// Anything but plain `[keys.*]` tables of quoted keys and strings goes to the TOML reader.
    @Test(arguments: [
        "[keys.list]\n\"j\" = \"help\"\n\"j\" = \"quit\"",  // a key twice: TOML's error
        "[keys.list]\n\"j\" = \"help\"\n[keys.list]",  // a table twice
        "[theme]\nname = \"x\"",  // another table
        "[keys.list]\nj = \"help\"",  // a bare key
        "[keys.list]\n\"j\" = \"he\\u006cp\"",  // an escape
        "[keys.list]\n\"j\" = 3",  // not a string
        "[keys.somewhere]\n\"j\" = \"help\"",  // an unknown context: TOML's path words it
        "\"j\" = \"help\"",  // outside a table
    ])
    func flatPathDeclines(_ source: String) {
        #expect(KeyBindingsParser.parseFlat(source, file: "k") == nil)
    }

    @Test func defaultKeymapResolves() {
        #expect(keyMap.resolve(context: .list, keys: keys("j")) == .command(CommandInvocation(.moveDown)))
        #expect(keyMap.resolve(context: .list, keys: keys("down")) == .command(CommandInvocation(.moveDown)))
        #expect(keyMap.resolve(context: .list, keys: keys("G")) == .command(CommandInvocation(.goBottom)))
        #expect(keyMap.resolve(context: .list, keys: keys("g")) == .pending)
        #expect(keyMap.resolve(context: .list, keys: keys("g g")) == .command(CommandInvocation(.goTop)))
        #expect(keyMap.resolve(context: .list, keys: keys("g x")) == KeyMap.Resolution.none)
        #expect(keyMap.resolve(context: .list, keys: keys("ctrl-d")) == .command(CommandInvocation(.halfPageDown)))
        #expect(keyMap.resolve(context: .list, keys: keys("a")) == .command(CommandInvocation(.filter, arguments: ["all"])))
        #expect(keyMap.resolve(context: .reader, keys: keys("3")) == .command(CommandInvocation(.gotoSection, arguments: ["3"])))
        #expect(keyMap.resolve(context: .reader, keys: keys("q")) == .command(CommandInvocation(.backOrQuit)))
        #expect(keyMap.resolve(context: .list, keys: keys("q")) == .command(CommandInvocation(.backOrQuit)))
        #expect(keyMap.resolve(context: .list, keys: keys("esc")) == .command(CommandInvocation(.back)))
        #expect(keyMap.resolve(context: .feeds, keys: keys("Q")) == .command(CommandInvocation(.quit)))
        #expect(keyMap.resolve(context: .prompt, keys: keys("ctrl-w")) == .command(CommandInvocation(.promptKillWord)))
    }

    @Test func globalBindingsApplyEverywhereButThePrompt() {
        #expect(keyMap.resolve(context: .reader, keys: keys("?")) == .command(CommandInvocation(.help)))
        #expect(keyMap.resolve(context: .list, keys: keys("ctrl-c")) == .command(CommandInvocation(.quit)))
        #expect(keyMap.resolve(context: .prompt, keys: keys("?")) == KeyMap.Resolution.none)  // typed
        #expect(keyMap.resolve(context: .prompt, keys: keys("ctrl-c")) == .command(CommandInvocation(.promptCancel)))
        // The help screen's own ? (close) wins over the global one.
        #expect(keyMap.resolve(context: .help, keys: keys("?")) == .command(CommandInvocation(.back)))
        #expect(keyMap.resolve(keys: keys(":"), contexts: [.toc, .global]) == .command(CommandInvocation(.commandLine)))
    }

    @Test func everyCommandButPromptOnesHasADefaultKeyWhereItApplies() {
        // Typed after ':' (`/` then Enter on an empty line clears a search, too).
        let unbound: Set<CommandName> = [.sort, .theme, .importPath, .feed, .clearSearch, .saveSearch, .export]
        for spec in CommandSpec.all where !unbound.contains(spec.name) {
            let bound = spec.contexts.contains { !keyMap.keys(for: spec.name, context: $0).isEmpty }
            #expect(bound, "\(spec.name.rawValue) has no default key")
        }
    }

    // MARK: Binding

    @Test func bindingReplacesPrefixesAndExtensions() {
        var map = KeyMap()
        map.bind(keys("g g"), to: CommandInvocation(.goTop), in: .list)
        map.bind(keys("g"), to: CommandInvocation(.help), in: .list)
        #expect(map.resolve(context: .list, keys: keys("g")) == .command(CommandInvocation(.help)))
        #expect(map.bindings(in: .list).count == 1)
        map.bind(keys("g t"), to: CommandInvocation(.goTop), in: .list)
        #expect(map.resolve(context: .list, keys: keys("g")) == .pending)
    }

    @Test func screenBindingsHideOnlyTheGlobalKeysTheyClashWith() {
        var map = KeyMap()
        map.bind(keys("g g"), to: CommandInvocation(.goTop), in: .global)
        map.bind(keys("x"), to: CommandInvocation(.redraw), in: .global)
        map.bind(keys("g t"), to: CommandInvocation(.tableOfContents), in: .reader)
        #expect(map.resolve(context: .reader, keys: keys("g g")) == .command(CommandInvocation(.goTop)))
        #expect(map.resolve(context: .reader, keys: keys("g t")) == .command(CommandInvocation(.tableOfContents)))
        map.bind(keys("g"), to: CommandInvocation(.help), in: .reader)
        #expect(map.resolve(context: .reader, keys: keys("g")) == .command(CommandInvocation(.help)))
        #expect(map.resolve(context: .list, keys: keys("g")) == .pending)
        // Unbinding a prefix on a screen hides the global keys under it there, even after a new
        // binding under the same prefix.
        map.bind(keys("g"), to: nil, in: .list)
        map.bind(keys("g x"), to: CommandInvocation(.quit), in: .list)
        #expect(map.resolve(context: .list, keys: keys("g g")) == KeyMap.Resolution.none)
        #expect(map.resolve(context: .list, keys: keys("g x")) == .command(CommandInvocation(.quit)))
        #expect(map.resolve(context: .list, keys: keys("x")) == .command(CommandInvocation(.redraw)))
        #expect(map.resolve(keys: keys("g g"), contexts: [.list, .reader, .global]) == KeyMap.Resolution.none)
    }

    @Test func unbindingHidesTheGlobalBinding() {
        var map = keyMap
        map.bind(keys("?"), to: nil, in: .list)
        #expect(map.resolve(context: .list, keys: keys("?")) == KeyMap.Resolution.none)
        #expect(map.resolve(context: .reader, keys: keys("?")) == .command(CommandInvocation(.help)))
        #expect(map.hint(for: .help, context: .list) == "F1")
    }

    // MARK: Hints

    @Test func hintsComeFromTheLiveKeymap() {
        #expect(keyMap.hint(for: .moveDown, context: .list) == "j")
        #expect(keyMap.hint(for: .moveUp, context: .list) == "k")
        #expect(keyMap.hint(for: .open, context: .list) == "Enter")
        #expect(keyMap.hint(for: .search, context: .list) == "/")
        #expect(keyMap.hint(for: .help, context: .list) == "?")  // from global
        #expect(keyMap.hint(for: .quit, context: .list) == "Ctrl-c")
        #expect(keyMap.hint(for: .backOrQuit, context: .list) == "q")
        #expect(keyMap.hint(for: .back, context: .reader) == "Esc")
        #expect(keyMap.hint(for: .nextSection, context: .reader) == "]")
        #expect(keyMap.hint(for: .toggleSummary, context: .reader) == "s")
        #expect(keyMap.hint(for: .goTop, context: .list) == "g g")
        #expect(keyMap.hint(for: .toggleSummary, context: .list) == nil)
        // The help screen's ? closes it, so the hint for help there is the other key.
        #expect(keyMap.hint(for: .help, context: .help) == "F1")
    }

    @Test func keysForCommandInBindingOrder() {
        #expect(keyMap.keys(for: .open, context: .list).map(KeySequence.label) == ["Enter", "l", "→"])
        #expect(keyMap.keys(for: .back, context: .reader).map(KeySequence.label) == ["Esc", "h", "←", "Backspace"])
    }

    // MARK: Key order in TOML

    @Test func keyOrderScanReadsTheWrittenOrder() {
        let order = TOMLKeyOrder.scan("""
            top = 1
            [keys.list]
            "j" = "move-down"   # comment
              'down' = "move-down"
            bare-key = "x"
            "say \\"hi\\"" = "y"
            [keys."reader"]
            z = 1
            a.b = 2
            """)
        #expect(order[""] == ["top"])
        #expect(order["keys.list"] == ["j", "down", "bare-key", "say \"hi\""])
        #expect(order["keys.reader"] == ["z"])
        #expect(order["keys.reader.a"] == ["b"])
        #expect(TOMLKeyOrder.sorted(["x", "down", "j"], table: "keys.list", order: order) == ["j", "down", "x"])
    }
}
