import Foundation
import Testing

@testable import BacaTUI

@Suite("User config")
struct ConfigTests {
    private func keys(_ text: String) -> [Key] { KeySequence.parse(text)! }

    @Test func readsThemeAndOverridesKeys() {
        let config = BacaConfig.parse(
            """
            theme = "gruvbox"

            [keys.list]
            "ctrl-n" = "move-down"
            "j" = "none"
            "x" = "filter starred"

            [keys.reader]
            "x" = "goto-section 3"
            "q" = ""
            """, file: "config.toml")
        #expect(config.warnings == [])
        #expect(config.theme == "gruvbox")
        let map = config.keyMap
        #expect(map.resolve(context: .list, keys: keys("ctrl-n")) == .command(CommandInvocation(.moveDown)))
        #expect(map.resolve(context: .list, keys: keys("j")) == KeyMap.Resolution.none)
        #expect(map.resolve(context: .list, keys: keys("k")) == .command(CommandInvocation(.moveUp)))  // untouched
        #expect(map.resolve(context: .list, keys: keys("x")) == .command(CommandInvocation(.filter, arguments: ["starred"])))
        #expect(map.resolve(context: .reader, keys: keys("x")) == .command(CommandInvocation(.gotoSection, arguments: ["3"])))
        #expect(map.resolve(context: .reader, keys: keys("q")) == KeyMap.Resolution.none)
        #expect(map.resolve(context: .reader, keys: keys("j")) == .command(CommandInvocation(.moveDown)))  // other screen
        // The user's key is the one the status bar shows.
        #expect(map.hint(for: .moveDown, context: .list) == "Ctrl-n")
    }

    @Test func userBindingsKeepTheirWrittenOrder() {
        let config = BacaConfig.parse(
            """
            [keys.list]
            "z" = "open"
            "ctrl-o" = "open"
            "g" = "none"
            "g t" = "go-top"
            """, file: "config.toml")
        #expect(config.warnings == [])
        #expect(config.keyMap.keys(for: .open, context: .list).map(KeySequence.name) == ["z", "ctrl-o", "enter", "l", "right"])
        // Unbinding g dropped g g; g t, written after it, stands.
        #expect(config.keyMap.resolve(context: .list, keys: keys("g t")) == .command(CommandInvocation(.goTop)))
        #expect(config.keyMap.resolve(context: .list, keys: keys("g g")) == KeyMap.Resolution.none)
    }

    @Test func problemsAreWarningsAndDefaultsStillWork() {
        let config = BacaConfig.parse(
            """
            theme = 3
            colour = "yes"

            [keys.list]
            "j" = "mvoe-down"
            "ctlr-d" = "half-page-down"
            "y" = "sort random"
            "w" = 5
            "v" = "prompt-left"

            [keys.lsit]
            "n" = "move-down"
            """, file: "config.toml")
        let warnings = config.warnings
        #expect(warnings.count == 8, "\(warnings)")
        #expect(warnings.allSatisfy { $0.hasPrefix("config.toml: ") && !$0.contains("\n") })
        #expect(warnings.contains { $0.contains("\"j\"") && $0.contains("perintah tidak dikenal: mvoe-down") })
        #expect(warnings.contains { $0.contains("nama tombol tidak dikenal 'ctlr-d'") })
        #expect(warnings.contains { $0.contains("[keys.lsit]") && $0.contains("konteks tidak dikenal") })
        #expect(warnings.contains { $0.contains("'random'") })
        #expect(warnings.contains { $0.contains("'colour'") })
        #expect(warnings.contains { $0.contains("prompt-left") && $0.contains("[keys.prompt]") })
        #expect(warnings.contains { $0.contains("\"w\"") && $0.contains("tanda kutip") })
        #expect(warnings.contains { $0.contains("'theme'") })
        #expect(config.theme == nil)
        // A bad binding leaves the default in place.
        #expect(config.keyMap.resolve(context: .list, keys: keys("j")) == .command(CommandInvocation(.moveDown)))
        #expect(config.keyMap.resolve(context: .list, keys: keys("ctrl-d")) == .command(CommandInvocation(.halfPageDown)))
    }

    @Test func badTOMLIsOneWarningWithTheLine() {
        let config = BacaConfig.parse("theme = \"dark\"\n\n[keys.list\n", file: "config.toml")
        #expect(config.warnings.count == 1)
        #expect(config.warnings[0].hasPrefix("config.toml: baris 3"), "\(config.warnings)")
        #expect(config.keyMap == KeyMap.default)
        // The commands that act on rules and limits stop on it (fetch, prune, rules).
        #expect(config.workflow.problems.count == 1 && config.workflow.problems[0].hasPrefix("config.toml: baris 3"))
    }

    @Test("a file without [keys] has the default keymap; a keymap given or changed is kept")
    func keymapWithoutKeysTable() {
        let config = BacaConfig.parse("theme = \"dark\"\n[mouse]\nenabled = false\n", file: "config.toml")
        #expect(config.warnings == [])
        #expect(config.keyMap == KeyMap.default)
        #expect(config.keyMap.resolve(context: .list, keys: keys("j")) == .command(CommandInvocation(.moveDown)))

        var changed = BacaConfig(keyMap: KeyMap())
        #expect(changed.keyMap == KeyMap())
        #expect(changed.keyMap != KeyMap.default)
        changed.keyMap = .default
        #expect(changed.keyMap == KeyMap.default)
    }

    @Test func missingFileIsDefaultsWithoutWarning() {
        let config = BacaConfig.load(path: "/nonexistent/baca/config.toml")
        #expect(config.warnings == [])
        #expect(config.theme == nil)
        #expect(config.keyMap == KeyMap.default)
    }

    @Test func loadsFromTheXDGPath() throws {
        let folder = try ThemeTestSupport.folder([:])
        try FileManager.default.createDirectory(atPath: folder + "/baca", withIntermediateDirectories: true)
        try "theme = \"light\"\n".write(toFile: folder + "/baca/config.toml", atomically: true, encoding: .utf8)
        let environment = ["XDG_CONFIG_HOME": folder, "HOME": "/nonexistent"]
        #expect(BacaConfig.defaultPath(environment: environment) == folder + "/baca/config.toml")
        #expect(BacaConfig.load(environment: environment).theme == "light")
        #expect(BacaConfig.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.config/baca/config.toml")
    }

    // MARK: Help

    @Test func helpListsTheLiveKeymap() {
        let sections = HelpContent.make(keyMap: .default)
        #expect(sections.map(\.title) == ["Umum", "Daftar", "Pembaca", "Daftar isi", "Langganan", "Daftar tautan", "Cari/Prompt"])
        let global = sections[0].rows
        #expect(global.first == HelpRow(keys: "j, ↓", text: "turun satu baris", command: .moveDown))
        #expect(global.contains(HelpRow(keys: "g g, Home", text: "ke paling atas", command: .goTop)))
        #expect(global.contains(HelpRow(keys: "?, F1", text: "bantuan: daftar tombol", command: .help)))
        let list = sections[1].rows
        #expect(list.first == HelpRow(keys: "Enter, l, →", text: "baca artikel terpilih", command: .open))
        #expect(list.contains(HelpRow(keys: "a", text: "tampilkan semua artikel", command: .filter)))
        let reader = sections[2].rows
        #expect(reader.contains(HelpRow(keys: "0–9", text: "lompat ke bagian nomor N", command: .gotoSection)))
        #expect(reader.contains(HelpRow(keys: "Esc, h, ←, Backspace", text: "kembali ke daftar", command: .back)))
        #expect(reader.contains(HelpRow(keys: "q", text: "kembali satu tingkat; di daftar utama: keluar", command: .backOrQuit)))
        #expect(sections[3].rows.contains { $0.keys == "Enter, l, →" && $0.text == "lompat ke bagian terpilih" })
        #expect(HelpContent.make(keyMap: .default, contexts: [.help]).first?.title == "Bantuan")
    }

    @Test("help in English: every line of the command table has its English, and the screen uses it")
    func helpInEnglish() {
        let missing = CommandSpec.allHelpLines.filter { CommandSpec.englishHelp[$0] == nil }
        #expect(missing.isEmpty, "no English for: \(missing)")
        let sections = HelpContent.make(keyMap: .default, language: .en)
        #expect(sections.map(\.title) == ["Everywhere", "List", "Reader", "Contents", "Feeds", "Links", "Search/prompt"])
        #expect(sections[0].rows.first == HelpRow(keys: "j, ↓", text: "down one line", command: .moveDown))
        #expect(sections[1].rows.contains(HelpRow(keys: "a", text: "show every article", command: .filter)))
        #expect(sections[2].rows.contains(HelpRow(keys: "0–9", text: "jump to section number N", command: .gotoSection)))
        #expect(sections[3].rows.contains { $0.keys == "Enter, l, →" && $0.text == "jump to the chosen section" })
        // Not one Indonesian line left on the English screen.
        let indonesian = Set(CommandSpec.allHelpLines)
        #expect(sections.flatMap(\.rows).allSatisfy { !indonesian.contains($0.text) })
    }

    @Test func helpShowsAReboundKey() {
        let config = BacaConfig.parse(
            """
            [keys.global]
            "ctrl-n" = "move-down"
            "j" = "none"
            [keys.reader]
            "x" = "goto-section 12"
            """, file: "config.toml")
        let sections = HelpContent.make(keyMap: config.keyMap)
        #expect(sections[0].rows.first == HelpRow(keys: "Ctrl-n, ↓", text: "turun satu baris", command: .moveDown))
        #expect(sections[2].rows.contains(HelpRow(keys: "x", text: "lompat ke bagian nomor N (12)", command: .gotoSection)))
        #expect(config.keyMap.hint(for: .moveDown, context: .reader) == "Ctrl-n")
    }
}

@Suite("config.toml's [mouse] and [terminal]")
struct TerminalConfigTests {
    @Test("the mouse is on and hyperlinks follow the terminal unless the file says otherwise")
    func defaults() {
        let config = BacaConfig.parse("", file: "c.toml")
        #expect(config.mouse)
        #expect(config.hyperlinks == nil)
        #expect(config.warnings.isEmpty)
    }

    @Test("[mouse] enabled = false and [terminal] hyperlinks = on/off/auto are read")
    func read() {
        let off = BacaConfig.parse("[mouse]\nenabled = false\n[terminal]\nhyperlinks = \"off\"\n", file: "c.toml")
        #expect(!off.mouse)
        #expect(off.hyperlinks == false)
        #expect(off.warnings.isEmpty)
        #expect(BacaConfig.parse("[terminal]\nhyperlinks = \"on\"\n", file: "c.toml").hyperlinks == true)
        #expect(BacaConfig.parse("[terminal]\nhyperlinks = \"auto\"\n", file: "c.toml").hyperlinks == nil)
    }

    @Test("a bad value is a one-line warning naming the file and the key, and the default stands")
    func badValues() {
        let config = BacaConfig.parse("[mouse]\nenabled = \"ya\"\nwheel = 3\n[terminal]\nhyperlinks = \"sometimes\"\n", file: "c.toml", language: .en)
        #expect(config.mouse)
        #expect(config.hyperlinks == nil)
        #expect(config.warnings.count == 3)
        #expect(config.warnings.allSatisfy { $0.hasPrefix("c.toml: [") && !$0.contains("\n") })
        #expect(config.warnings.contains { $0.contains("'wheel'") })
    }
}
