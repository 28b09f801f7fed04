import BacaTestSupport
import Foundation
import Testing

/// The real `baca` in tmux, driven by keys and read from the screen.
@Suite("The reader in a real terminal", .serialized)
struct TUIEndToEndTests {
    static var demo: String { "'\(BacaBinary.url.path)' --demo" }

    /// A sandbox whose config fixes the language, so the machine's LANG changes nothing here.
    static func sandbox(config: String = "") throws -> Sandbox {
        let sandbox = try Sandbox(language: "id")
        try sandbox.writeConfig(config)
        return sandbox
    }

    /// The bottom row of a screen capture.
    static func statusBar(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false).dropLast().last.map(String.init) ?? ""
    }

    @Test("the list, the reader, sections, the summary toggle and quitting at 80×24")
    func readingAtEightyColumns() throws {
        let sandbox = try Self.sandbox()
        let tmux = try TmuxSession(Self.demo, columns: 80, rows: 24, sandbox: sandbox)
        let list = try tmux.waitFor { $0.contains("13 artikel") && $0.contains("1/13") }
        #expect(list.contains("baca · 13 artikel · 13 belum dibaca"))
        #expect(list.contains("Kuliner Malam Legendaris"))
        #expect(list.contains("Longsor Tutup Jalur Puncak"))
        #expect(list.contains("1/13"))

        try tmux.send("Enter")
        let reader = try tmux.waitFor("Intinya sih")
        #expect(reader.contains("7 Kuliner Malam Legendaris di Kota Malang"))
        #expect(reader.contains("╭─ Intinya sih"))
        #expect(reader.contains("• Kota Malang punya banyak warung"))
        #expect(reader.contains("Udara sejuk membuat Kota Malang"))

        try tmux.send("]")
        let first = try tmux.waitFor("1/7 · Nasi Goreng")
        #expect(first.split(separator: "\n").first?.contains("1. Nasi Goreng Cak Mad") == true)
        try tmux.send("]")
        let second = try tmux.waitFor("2/7 ·")
        #expect(Self.statusBar(second).contains("2/7 · Angsle dan Ronde Pak Min"))

        try tmux.send("s")
        let summary = try tmux.waitFor("Bagian")
        #expect(summary.contains("ringkas"))
        #expect(summary.contains("7. Ketan Bubuk Mak Siti"))
        #expect(!summary.contains("Udara sejuk"))
        try tmux.send("s")
        let full = try tmux.waitFor("2/7 · Angsle")
        #expect(full.contains("2. Angsle dan Ronde Pak Min"))

        try tmux.send("q")
        try tmux.waitFor("12 belum dibaca")
        try tmux.send("q")
        let after = try tmux.waitFor("__EXIT__")
        #expect(after.contains("__EXIT__0"))
        #expect(try tmux.tmux(["display-message", "-p", "-t", "t", "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        #expect(!after.contains("Kuliner Malam"))
    }

    @Test("slash search narrows the list, and in the reader highlights matches that n steps through")
    func searching() throws {
        let sandbox = try Self.sandbox()
        let tmux = try TmuxSession(Self.demo, columns: 80, rows: 24, sandbox: sandbox)
        try tmux.waitFor("1/13")
        try tmux.send("/")
        try tmux.type("petisah")
        try tmux.send("Enter")
        let results = try tmux.waitFor { $0.contains("cari: \"petisah\"") && $0.contains("1/1") }
        #expect(results.contains("Harga Cabai Rawit di Medan"))
        #expect(!results.contains("Kuliner Malam"))
        try tmux.send("Escape")
        try tmux.waitFor { !$0.contains("cari:") && $0.contains("Kuliner Malam") && $0.contains("1/13") }

        try tmux.send("g", "g", "Enter", "/")
        try tmux.type("warung")
        try tmux.send("Enter")
        let found = try tmux.waitFor { Self.statusBar($0).contains("cocok 1/") }
        #expect(Self.statusBar(found).contains("cocok 1/"))
        let colored = try tmux.screen(colors: true)
        #expect(colored.contains("m" + "warung") || colored.contains("mWarung"), "matches are styled")
        try tmux.send("n")
        let next = try tmux.waitFor { Self.statusBar($0).contains("cocok 2/") }
        #expect(Self.statusBar(next).contains("cocok 2/"))
    }

    @Test("help shows a key rebound in the config")
    func helpShowsReboundKey() throws {
        let sandbox = try Self.sandbox(config: "[keys.reader]\n\"x\" = \"toggle-summary\"\n")
        let tmux = try TmuxSession(Self.demo, columns: 80, rows: 24, sandbox: sandbox)
        try tmux.waitFor("1/13")
        try tmux.send("Enter")
        try tmux.waitFor("Intinya sih")
        try tmux.send("x")
        try tmux.waitFor("Bagian")
        try tmux.send("?")
        let help = try tmux.waitFor { $0.contains("Bantuan") && $0.contains("tampilan ringkas/lengkap") }
        let line = help.split(separator: "\n").first { $0.contains("tampilan ringkas/lengkap") }
        #expect(line?.contains("x, s ") == true, "\(help)")
    }

    @Test(":theme mono leaves no colour in the screen")
    func monoTheme() throws {
        let sandbox = try Self.sandbox()
        let tmux = try TmuxSession(Self.demo + " --theme gruvbox", columns: 80, rows: 24, sandbox: sandbox)
        try tmux.waitFor("1/13")
        let colored = try tmux.screen(colors: true)
        #expect(Self.colourCodes(in: colored) > 0, "\(colored.debugDescription)")
        try tmux.send(":")
        try tmux.type("theme mono")
        try tmux.send("Enter")
        try tmux.waitFor { Self.statusBar($0).contains("Tema: mono") }
        #expect(Self.colourCodes(in: try tmux.screen(colors: true)) == 0)
    }

    /// How many SGR parameters in the capture set a colour (other than the terminal default).
    static func colourCodes(in capture: String) -> Int {
        var count = 0
        var rest = Substring(capture)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "m") else { break }
            let params = rest[..<end].split(separator: ";").compactMap { Int($0) }
            var index = 0
            while index < params.count {
                let value = params[index]
                if value == 38 || value == 48 {
                    count += 1
                    index += params.count > index + 1 && params[index + 1] == 5 ? 3 : 5
                    continue
                }
                if (30...37).contains(value) || (40...47).contains(value) || (90...97).contains(value) || (100...107).contains(value) {
                    count += 1
                }
                index += 1
            }
            rest = rest[end...]
        }
        return count
    }

    @Test("a window too small shows a notice, and growing it brings the reader back")
    func resizing() throws {
        let sandbox = try Self.sandbox()
        let tmux = try TmuxSession(Self.demo, columns: 80, rows: 24, sandbox: sandbox)
        try tmux.waitFor("1/13")
        try tmux.send("Enter")
        try tmux.waitFor { $0.contains("Intinya sih") && Self.statusBar($0).contains("Atas") }
        try tmux.resize(columns: 30, rows: 8)
        let small = try tmux.waitFor("terlalu kecil")
        #expect(small.contains("30×8"))
        try tmux.resize(columns: 80, rows: 24)
        let back = try tmux.waitFor("Intinya sih")
        #expect(back.contains("7 Kuliner Malam Legendaris"))
    }

    @Test("at 132×40 the list shows the focused article's key points beside it")
    func wideList() throws {
        let sandbox = try Self.sandbox()
        let tmux = try TmuxSession(Self.demo, columns: 132, rows: 40, sandbox: sandbox)
        let screen = try tmux.waitFor("Intinya sih")
        #expect(screen.contains("Kota Malang punya banyak"))
        try tmux.send("j")
        let next = try tmux.waitFor("Perajin")
        #expect(next.contains("Hari Batik Nasional"))
    }

    @Test("an empty repository says how to import and how to try the demo")
    func emptyRepository() throws {
        let sandbox = try Self.sandbox()
        let tmux = try TmuxSession("'\(BacaBinary.url.path)'", columns: 80, rows: 24, sandbox: sandbox)
        let screen = try tmux.waitFor("baca --demo")
        #expect(screen.contains("baca import"))
        #expect(screen.contains("0 artikel"))
    }

    @Test("--demo from a lone copy of the program, with no samples folder anywhere, opens the samples compiled in")
    func demoFromLoneBinary() throws {
        let sandbox = try Self.sandbox()
        let lone = sandbox.root.appendingPathComponent("lone")
        try FileManager.default.createDirectory(at: lone, withIntermediateDirectories: true)
        let copy = lone.appendingPathComponent("baca")
        // A hard link is the same program under another path (`/proc/self/exe` names the link),
        // and costs no copy of a large debug binary; a copy where links are not possible.
        do {
            try FileManager.default.linkItem(at: BacaBinary.url, to: copy)
        } catch {
            try FileManager.default.copyItem(at: BacaBinary.url, to: copy)
        }
        let tmux = try TmuxSession("'\(copy.path)' --demo", columns: 80, rows: 24, sandbox: sandbox)
        let list = try tmux.waitFor { $0.contains("13 artikel") && $0.contains("1/13") }
        #expect(list.contains("Kuliner Malam Legendaris"))
        try tmux.send("q")
        let after = try tmux.waitFor("__EXIT__")
        #expect(after.contains("__EXIT__0"))
    }
}
