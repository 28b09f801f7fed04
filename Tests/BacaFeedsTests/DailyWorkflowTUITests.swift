import BacaTestSupport
import Foundation
import Testing

/// The daily workflow in the reader, in tmux: the feeds view with tags and saved searches, a
/// bulk mark-read with its confirmation and undo, the link list opening link N.
@Suite("Daily workflow in the reader", .serialized)
struct DailyWorkflowTUITests {
    static func rss(_ title: String, _ items: [(title: String, guid: String, text: String)]) -> String {
        var body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>\(title)</title><link>/</link>"
        for (index, item) in items.enumerated() {
            body += "<item><title>\(item.title)</title><link>/a/\(item.guid)</link><guid>\(item.guid)</guid>"
                + "<pubDate>\(String(format: "%02d", index + 1)) Nov 2026 08:00:00 +0000</pubDate><description>\(item.text)</description></item>"
        }
        return body + "</channel></rss>"
    }

    /// A sandbox subscribed to two tagged feeds and one without a tag, fetched, in English.
    static func subscribed(_ server: LoopbackServer) throws -> Sandbox {
        let sandbox = try Sandbox()
        try sandbox.write("config/baca/config.toml", "language = \"en\"\n")
        server.serve("/daerah.xml", rss("Kabar Daerah", (1...8).map { ("Banjir di kota \($0)", "d\($0)", "Air naik di kota \($0).") }),
                     type: "application/rss+xml")
        server.serve("/bola.xml", rss("Bola Kita", (1...5).map { ("Laga ke-\($0)", "b\($0)", "Skor akhir laga \($0).") }),
                     type: "application/rss+xml")
        server.serve("/lain.xml", rss("Lain Lain", [("Tautan penting", "t1", "Baca https://contoh.test/satu dan https://contoh.test/dua, juga (https://contoh.test/tiga).")]),
                     type: "application/rss+xml")
        for (path, tag) in [("/daerah.xml", "daerah"), ("/bola.xml", "olahraga")] {
            #expect(try BacaBinary.run(["feed", "add", server.base + path, "--tag", tag], sandbox: sandbox).status == 0)
        }
        #expect(try BacaBinary.run(["feed", "add", server.base + "/lain.xml"], sandbox: sandbox).status == 0)
        #expect(try BacaBinary.run(["fetch", "--no-pages"], sandbox: sandbox).status == 0)
        return sandbox
    }

    @Test("the feeds view groups feeds by tag with unread counts, shows saved searches, and opens them; :tag moves between tags")
    func feedsView() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let sandbox = try Self.subscribed(server)
        #expect(try BacaBinary.run(["search", "banjir unread", "--save", "banjir"], sandbox: sandbox).status == 0)

        let tmux = try TmuxSession("'\(BacaBinary.url.path)'", columns: 100, rows: 30, sandbox: sandbox)
        try tmux.waitFor("14 unread")
        try tmux.send("F")
        let feeds = try tmux.waitFor { $0.contains("3 feeds") && $0.contains("# daerah") }
        let lines = feeds.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("8/8") && $0.contains("\u{2315} banjir") && $0.contains("banjir unread") }, "\(feeds)")
        #expect(lines.contains { $0.contains("8/8") && $0.contains("# daerah") })
        #expect(lines.contains { $0.contains("5/5") && $0.contains("# olahraga") })
        #expect(lines.contains { $0.contains("untagged") })
        let order = ["banjir", "# daerah", "Kabar Daerah", "# olahraga", "Bola Kita", "untagged", "Lain Lain"].map { name in
            lines.firstIndex { $0.contains(name) } ?? -1
        }
        #expect(order == order.sorted() && !order.contains(-1), "\(order)\n\(feeds)")

        try tmux.send("Enter")
        let search = try tmux.waitFor { $0.contains("\u{2315} banjir · 8") }
        #expect(search.contains("Banjir di kota 8"))
        #expect(!search.contains("Laga ke-"))
        try tmux.send("q")
        try tmux.waitFor("# olahraga")
        try tmux.send(":")
        try tmux.type("tag olahraga")
        try tmux.send("Enter")
        try tmux.send("Enter")
        let tag = try tmux.waitFor { $0.contains("tag: olahraga · 5") }
        #expect(tag.contains("Laga ke-5") && !tag.contains("Banjir"))
    }

    @Test("A asks before marking a whole view read; y marks it, U undoes it exactly")
    func bulkMarkReadAndUndo() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let sandbox = try Self.subscribed(server)
        let tmux = try TmuxSession("'\(BacaBinary.url.path)'", columns: 100, rows: 30, sandbox: sandbox)
        try tmux.waitFor("14 articles · 14 unread")
        // One read by hand first: undo must give back exactly this.
        try tmux.send("m")
        try tmux.waitFor("13 unread")
        try tmux.send("A")
        let question = try tmux.waitFor("(y/n)")
        #expect(question.contains("Mark 13 articles in all articles read?"))
        try tmux.send("n")
        try tmux.waitFor("Cancelled")
        #expect(try tmux.screen().contains("13 unread"))

        try tmux.send("A")
        try tmux.waitFor("(y/n)")
        try tmux.send("y")
        let marked = try tmux.waitFor { $0.contains("13 articles marked read") }
        #expect(marked.contains("· 0 unread"))
        try tmux.send("U")
        let undone = try tmux.waitFor { $0.contains("Undone:") }
        #expect(undone.contains("· 13 unread"), "\(undone)")
        #expect(try BacaBinary.run(["list", "--unread"], sandbox: sandbox).stdout.split(separator: "\n").count == 13)

        // Few enough: no question.
        try tmux.send("F")
        try tmux.waitFor("# olahraga")
        try tmux.send(":")
        try tmux.type("tag olahraga")
        try tmux.send("Enter")
        try tmux.send("A")
        try tmux.waitFor("5 articles marked read")
    }

    @Test("L lists the article's links, numbered; a link's number opens it in $BROWSER, y copies it")
    func linkList() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let sandbox = try Self.subscribed(server)
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
        #expect(links.contains(" 1. \(server.base)/a/t1"), "\(links)")
        #expect(links.contains(" 2. https://contoh.test/satu"))
        #expect(links.contains(" 3. https://contoh.test/dua"))
        #expect(links.contains(" 4. https://contoh.test/tiga"))
        try tmux.send("3")
        // The shell creates the file before printf writes to it: wait for a whole line, not the file.
        let expected = "https://contoh.test/dua\n"
        let deadline = Date().addingTimeInterval(15)
        var written = ""
        repeat {
            written = (try? String(contentsOfFile: opened, encoding: .utf8)) ?? ""
            if written.hasSuffix("\n") { break }
            usleep(50_000)
        } while Date() < deadline
        #expect(written == expected)
        try tmux.send("y")
        try tmux.waitFor("Copied: https://contoh.test/dua")
    }
}
