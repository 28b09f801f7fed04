import BacaTestSupport
import Foundation
import Testing

/// The mouse, bracketed paste and 24-bit colour in a real terminal: tmux (`tmux-256color`,
/// whose terminfo names only the X10 mouse format) forwards the SGR reports and brackets the
/// pastes baca asks for.
@Suite("Mouse, paste and colour in a real terminal", .serialized)
struct MouseAndPasteTerminalTests {
    static var demo: String { "'\(BacaBinary.url.path)' --demo" }

    static func lines(_ screen: String) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func statusBar(_ screen: String) -> String {
        lines(screen).dropLast().last ?? ""
    }

    @Test("a click focuses a row and a second opens it; the wheel scrolls; clicks in the contents and the outline jump")
    func clicksAndWheel() throws {
        let sandbox = try TUIEndToEndTests.sandbox()
        let tmux = try TmuxSession(Self.demo, columns: 100, rows: 30, sandbox: sandbox)
        let list = try tmux.waitFor { Self.statusBar($0).contains("1/13") }
        #expect(try tmux.paneFormat("#{mouse_any_flag}#{mouse_sgr_flag}") == "11")

        let school = try #require(TmuxSession.cell(of: "Hari Pertama Sekolah", in: list))
        try tmux.click(row: school.row, column: school.column)
        let focused = try tmux.waitFor { Self.statusBar($0).contains("4/13") }
        #expect(Self.lines(focused)[school.row].hasPrefix(">"))

        let kuliner = try #require(TmuxSession.cell(of: "Kuliner Malam Legendaris", in: focused))
        try tmux.click(row: kuliner.row, column: kuliner.column)
        try tmux.waitFor { Self.statusBar($0).contains("1/13") }
        try tmux.click(row: kuliner.row, column: kuliner.column)
        let reader = try tmux.waitFor("Intinya sih")
        #expect(reader.contains("7 Kuliner Malam Legendaris di Kota Malang"))

        // The wheel: three lines a notch, down and back up.
        try tmux.wheel(down: true)
        let scrolled = try tmux.waitForChange(from: reader)
        #expect(Self.lines(scrolled)[0] == Self.lines(reader)[3], "\(scrolled)")
        try tmux.wheel(down: false)
        try tmux.waitFor { $0 == reader }

        // The table of contents: a click on a section jumps there.
        try tmux.send("t")
        let contents = try tmux.waitFor("7. Ketan Bubuk Mak Siti")
        let last = try #require(TmuxSession.cell(of: "7. Ketan Bubuk Mak Siti", in: contents))
        try tmux.click(row: last.row, column: last.column + 2)
        let jumped = try tmux.waitFor { Self.statusBar($0).contains("7/7 · Ketan Bubuk Mak Siti") }
        #expect(Self.lines(jumped)[0].contains("7. Ketan Bubuk Mak Siti"), "\(jumped)")

        // The summary's outline: a click on an entry opens that section in the full view.
        try tmux.send("s")
        let outline = try tmux.waitFor { $0.contains("Bagian") && $0.contains("2. Angsle dan Ronde Pak Min") }
        let second = try #require(TmuxSession.cell(of: "2. Angsle dan Ronde Pak Min", in: outline))
        try tmux.click(row: second.row, column: second.column)
        let section = try tmux.waitFor { Self.statusBar($0).contains("2/7 · Angsle dan Ronde Pak Min") }
        #expect(!Self.statusBar(section).contains("Ringkas"))

        try tmux.send("Q")
        #expect(try tmux.waitForExit() == 0)
        #expect(try tmux.paneFormat("#{mouse_any_flag}#{mouse_sgr_flag}") == "00", "mouse modes left on")
        #expect(tmux.terminalModesRestored)
    }

    @Test("[mouse] enabled = false asks for no mouse reports")
    func mouseOff() throws {
        let sandbox = try TUIEndToEndTests.sandbox(config: "[mouse]\nenabled = false\n")
        let tmux = try TmuxSession(Self.demo, columns: 80, rows: 24, sandbox: sandbox)
        try tmux.waitFor { Self.statusBar($0).contains("1/13") }
        #expect(try tmux.paneFormat("#{mouse_any_flag}") == "0")
        try tmux.send("Q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test("a bracketed paste with Esc in it goes into the prompt as text; outside a prompt it is ignored")
    func bracketedPaste() throws {
        let sandbox = try TUIEndToEndTests.sandbox()
        let tmux = try TmuxSession(Self.demo, columns: 80, rows: 24, sandbox: sandbox)
        let list = try tmux.waitFor { Self.statusBar($0).contains("1/13") }

        // In the list a paste is not keys: "jjq" would move twice and Esc, q would quit.
        try tmux.tmux(["set-buffer", "-b", "p", "jj\u{1B}q"])
        try tmux.tmux(["paste-buffer", "-p", "-d", "-b", "p", "-t", "t"])
        try tmux.waitUntilInputHandled()
        #expect(tmux.bacaPID() != nil, "the paste quit the reader")
        #expect(try tmux.screen() == list)

        try tmux.send("/")
        try tmux.waitFor { Self.lines($0).last(where: { !$0.isEmpty })?.hasPrefix("/") == true }
        try tmux.tmux(["set-buffer", "-b", "p", "pet\u{1B}[A\u{1B}isah\u{1B}[31m\n"])
        try tmux.tmux(["paste-buffer", "-p", "-d", "-b", "p", "-t", "t"])
        let prompt = try tmux.waitFor { $0.contains("/petisah") }
        #expect(Self.lines(prompt).contains { $0.hasPrefix("/petisah") }, "\(prompt)")
        try tmux.send("Enter")
        let results = try tmux.waitFor { $0.contains("cari: \"petisah\"") && Self.statusBar($0).contains("1/1") }
        #expect(results.contains("Harga Cabai Rawit di Medan"))
        try tmux.send("Q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test("COLORTERM=truecolor draws the themes in 24-bit colour; without it, in 256")
    func trueColour() throws {
        let sandbox = try TUIEndToEndTests.sandbox()
        let direct = try TmuxSession(Self.demo + " --theme dark", columns: 80, rows: 24, sandbox: sandbox,
                                     environment: ["COLORTERM": "truecolor"])
        try direct.waitFor { Self.statusBar($0).contains("1/13") }
        let rgb = try direct.screen(colors: true)
        // The focus bar of the dark theme: white on its steel blue (xterm 256 entry 24).
        #expect(rgb.contains("38;2;255;255;255"), "\(rgb)")
        #expect(rgb.contains("48;2;0;95;135"), "\(rgb)")
        #expect(!rgb.contains("38;5;"))
        try direct.send("Q")
        #expect(try direct.waitForExit() == 0)

        let indexed = try TmuxSession(Self.demo + " --theme dark", columns: 80, rows: 24, sandbox: sandbox)
        try indexed.waitFor { Self.statusBar($0).contains("1/13") }
        let palette = try indexed.screen(colors: true)
        #expect(palette.contains("48;5;24"), "\(palette)")
        #expect(!palette.contains("38;2;"))
        try indexed.send("Q")
        #expect(try indexed.waitForExit() == 0)
    }
}
