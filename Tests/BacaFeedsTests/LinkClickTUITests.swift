import BacaTestSupport
import Foundation
import Testing

/// Links and the mouse in tmux: a click in the link list opens the link in `$BROWSER`, and
/// OSC 8 hyperlinks leave the screen's text exactly as it is without them.
@Suite("Links and the mouse in the reader", .serialized)
struct LinkClickTUITests {
    /// Waits for the browser script's whole line (the shell creates the file before printf writes).
    static func opened(_ path: String) -> String {
        let deadline = Date().addingTimeInterval(15)
        var written = ""
        repeat {
            written = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            if written.hasSuffix("\n") { break }
            usleep(50_000)
        } while Date() < deadline
        return written
    }

    @Test("a click on a link of the link list opens it in $BROWSER")
    func clickOpensLink() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let sandbox = try DailyWorkflowTUITests.subscribed(server)
        let opened = sandbox.root.appendingPathComponent("opened.txt").path
        let browser = try sandbox.write("browser.sh", "#!/bin/sh\nprintf '%s\\n' \"$@\" > '\(opened)'\n")
        chmod(browser, 0o755)
        let tmux = try TmuxSession("BROWSER='\(browser)' '\(BacaBinary.url.path)'", columns: 100, rows: 30, sandbox: sandbox)
        try tmux.waitFor("14 unread")
        try tmux.send("/")
        try tmux.type("tautan")
        try tmux.send("Enter")
        try tmux.waitFor("· 1 result")
        try tmux.send("Enter")
        try tmux.waitFor("Tautan penting")
        try tmux.send("L")
        let links = try tmux.waitFor("Links (4)")
        // The list's entry, not the address in the article's text around the panel.
        let fourth = try #require(TmuxSession.cell(of: "4. https://contoh.test/tiga", in: links))
        try tmux.click(row: fourth.row, column: fourth.column + 8)
        #expect(Self.opened(opened) == "https://contoh.test/tiga\n")
    }

    @Test("with hyperlinks on, the reader and the link list show the same text as without")
    func hyperlinksKeepTheText() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let sandbox = try DailyWorkflowTUITests.subscribed(server)
        var screens: [String] = []
        for setting in ["off", "on"] {
            try sandbox.write("config/baca/config.toml", "language = \"en\"\n[terminal]\nhyperlinks = \"\(setting)\"\n")
            let tmux = try TmuxSession("'\(BacaBinary.url.path)'", columns: 100, rows: 30, sandbox: sandbox)
            try tmux.waitFor("unread")
            try tmux.send("/")
            try tmux.type("tautan")
            try tmux.send("Enter")
            try tmux.waitFor("· 1 result")
            try tmux.send("Enter")
            let reader = try tmux.waitFor { $0.contains("Tautan penting") && $0.contains("https://contoh.test/tiga") }
            try tmux.send("L")
            var links = [try tmux.waitFor("Links (4)")]
            // Frames after one with links: ncurses draws relative to where it thinks the cursor is.
            for (key, focused) in [("j", " 2. "), ("j", " 3. "), ("k", " 2. "), ("G", " 4. ")] {
                try tmux.send(key)
                links.append(try tmux.waitFor { $0.contains(">" + focused) })
            }
            screens.append(([reader] + links).joined(separator: "\n----\n"))
            try tmux.send("Q")
            #expect(try tmux.waitForExit() == 0)
        }
        #expect(screens[0] == screens[1])
    }
}
