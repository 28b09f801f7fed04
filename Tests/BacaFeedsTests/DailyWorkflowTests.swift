import BacaStore
import Foundation
import Testing

/// The daily workflow from the command line, against a repository subscribed to loopback feeds:
/// tags, saved searches, bulk mark-read and undo, ignore rules, `fetch --due`, `prune`, `show --format`.
@Suite("baca daily workflow (CLI)", .serialized)
struct DailyWorkflowTests {
    /// An RSS feed of `items` (title, guid, day, author, description).
    static func rss(_ title: String, _ items: [(title: String, guid: String, day: Int, author: String, text: String)]) -> String {
        var body = "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>\(title)</title><link>/</link>"
        for item in items {
            body += """
                <item><title>\(item.title)</title><link>/a/\(item.guid)</link><guid>\(item.guid)</guid>\
                <pubDate>\(String(format: "%02d", item.day)) Nov 2026 08:00:00 +0000</pubDate>\
                <dc:creator>\(item.author)</dc:creator><description>\(item.text)</description></item>
                """
        }
        return body + "</channel></rss>"
    }

    /// `id → read` of every article, from `baca list --json`.
    static func readState(_ baca: BacaProcess) throws -> [Int: Bool] {
        var state: [Int: Bool] = [:]
        for line in try baca.run(["list", "--json", "--limit", "1000"]).stdout.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            if let id = object?["id"] as? Int, let read = object?["read"] as? Bool { state[id] = read }
        }
        return state
    }

    static func titles(_ baca: BacaProcess, _ extra: [String] = []) throws -> Set<String> {
        var titles = Set<String>()
        for line in try baca.run(["list", "--json", "--limit", "1000"] + extra).stdout.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            if let title = object?["title"] as? String { titles.insert(title) }
        }
        return titles
    }

    @Test("feed tag / --untag; tags go out as OPML folders and come back, also onto feeds already there")
    func tagsRoundTrip() throws {
        let baca = try BacaProcess()
        defer { baca.remove() }
        #expect(try baca.run(["feed", "add", "http://127.0.0.1:9/satu.xml", "--tag", "berita"]).status == 0)
        #expect(try baca.run(["feed", "add", "http://127.0.0.1:9/dua.xml"]).status == 0)
        let tagged = try baca.run(["feed", "tag", "2", "olahraga", "daerah"])
        #expect(tagged.status == 0, "\(tagged.stderr)")
        #expect(tagged.stdout.contains("[olahraga, daerah]"))
        #expect(try baca.run(["feed", "tag", "http://127.0.0.1:9/satu.xml", "daerah"]).stdout.contains("[berita, daerah]"))
        #expect(try baca.run(["feed", "tag", "2", "OLAHRAGA", "--untag"]).stdout.contains("[daerah]"))
        let missing = try baca.run(["feed", "tag", "9", "x"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "baca: no feed 9; see baca feed list\n")

        let opml = try baca.run(["feed", "export"]).stdout
        #expect(opml.contains(#"<outline text="daerah" title="daerah">"#))
        let file = try baca.write("out.opml", opml)

        let other = try BacaProcess()
        defer { other.remove() }
        #expect(try other.run(["feed", "add", "http://127.0.0.1:9/dua.xml", "--tag", "lama"]).status == 0)
        #expect(try other.run(["feed", "import", file]).stdout.contains("2 feeds: 1 added, 1 already subscribed, 0 skipped"))
        let rows = try other.run(["feed", "list", "--json"]).stdout
        #expect(rows.contains(#""tags":["lama","daerah"]"#), "\(rows)")
        #expect(rows.contains(#""tags":["berita","daerah"]"#), "\(rows)")
    }

    @Test("a saved search lists its query and unread count, follows new articles, and a bad query is one line pointing at it")
    func savedSearches() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let baca = try BacaProcess()
        defer { baca.remove() }
        let first: [(title: String, guid: String, day: Int, author: String, text: String)] = [
            ("Banjir di Bekasi", "b1", 3, "Rina", "Air naik setinggi lutut."),
            ("Harga cabai turun", "c1", 4, "Budi", "Pasar ramai pagi ini."),
        ]
        server.serve("/kabar.xml", Self.rss("Kabar", first), type: "application/rss+xml")
        #expect(try baca.run(["feed", "add", server.base + "/kabar.xml", "--tag", "daerah"]).status == 0)
        #expect(try baca.run(["fetch", "--no-pages"]).status == 0)

        let saved = try baca.run(["search", "banjir tag:daerah unread", "--save", "banjir"])
        #expect(saved.status == 0, "\(saved.stderr)")
        #expect(saved.stdout == "saved  banjir  1 unread  banjir tag:daerah unread\n")
        #expect(try baca.run(["search", "author:budi", "--save", "budi"]).status == 0)
        var list = try baca.run(["searches"]).stdout
        #expect(list.contains("banjir  1 unread, 1 article  banjir tag:daerah unread"), "\(list)")
        #expect(list.contains("budi  1 unread, 1 article  author:budi"), "\(list)")

        server.serve("/kabar.xml", Self.rss("Kabar", first + [
            ("Banjir surut, warga kembali", "b2", 5, "Rina", "Jalan bisa dilalui."),
            ("Tanggul jebol", "b3", 6, "Sari", "Banjir kiriman dari hulu."),
        ]), type: "application/rss+xml")
        #expect(try baca.run(["fetch", "--no-pages"]).status == 0)
        list = try baca.run(["searches"]).stdout
        #expect(list.contains("banjir  3 unread, 3 articles"), "\(list)")
        #expect(try baca.run(["feed", "tags"]).stdout == "4 unread, 4 articles, 1 feed  daerah\n")
        let json = try baca.run(["searches", "--json"]).stdout
        #expect(json.contains(#"{"articles":3,"name":"banjir","query":"banjir tag:daerah unread","unread":3}"#), "\(json)")

        // The filtered search lists what the query selects, newest first.
        let found = try baca.run(["search", "banjir", "after:2026-11-05"]).stdout
        #expect(found.contains("Tanggul jebol") && found.contains("Banjir surut") && !found.contains("Bekasi"), "\(found)")

        let bad = try baca.run(["search", "banjir before:kemarin", "--save", "x"])
        #expect(bad.status == 1)
        #expect(bad.stderr == "baca: cannot save 'x': invalid query: column 8, 'before:kemarin': 'kemarin' is not a date (use YYYY-MM-DD)\n", "\(bad.stderr)")
        let unknown = try baca.run(["search", "fed:kabar", "--save", "x"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("baca: cannot save 'x': invalid query: column 1, 'fed:kabar': unknown field 'fed:'"))
        let open = try baca.run(["mark-read", "--query", "author:\"Rina"])
        #expect(open.status == 1)
        #expect(open.stderr.contains("column 8"), "\(open.stderr)")
        #expect(open.stderr.split(separator: "\n").count == 1)

        #expect(try baca.run(["searches", "--delete", "budi"]).stdout == "deleted  budi\n")
        #expect(try baca.run(["searches", "--delete", "budi"]).status == 1)
        #expect(!(try baca.run(["searches"]).stdout.contains("budi")))
    }

    @Test("bulk mark-read by feed, tag, query and date; undo restores exactly the earlier read state, in later processes")
    func bulkMarkReadAndUndo() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let baca = try BacaProcess()
        defer { baca.remove() }
        server.serve("/satu.xml", Self.rss("Satu", (1...6).map { ("Satu \($0)", "s\($0)", $0, "Rina", "Isi \($0).") }), type: "application/rss+xml")
        server.serve("/dua.xml", Self.rss("Dua", (1...4).map { ("Dua \($0)", "d\($0)", $0, "Budi", "Isi \($0).") }), type: "application/rss+xml")
        // One feed after the other: articles 1–6 are Satu's, 7–10 Dua's.
        #expect(try baca.run(["feed", "add", server.base + "/satu.xml"]).status == 0)
        #expect(try baca.run(["fetch", "--no-pages"]).status == 0)
        #expect(try baca.run(["feed", "add", server.base + "/dua.xml", "--tag", "kedua"]).status == 0)
        #expect(try baca.run(["fetch", "--no-pages"]).status == 0)

        // A mixed state to start from: a few read already.
        do {
            let store = try ArticleStore(path: baca.databasePath)
            for id: Int64 in [2, 5, 8] { try store.setRead(true, id: id) }
        }
        let start = try Self.readState(baca)
        #expect(start.count == 10 && start.values.filter { $0 }.count == 3)

        let byFeed = try baca.run(["mark-read", "--feed", "1"])
        #expect(byFeed.status == 0, "\(byFeed.stderr)")
        #expect(byFeed.stdout == "marked 4 articles read; undo with: baca undo\n", "\(byFeed.stdout)")
        let afterFeed = try Self.readState(baca)
        let byTag = try baca.run(["mark-read", "--tag", "kedua", "--before", "2026-11-03", "--yes"])
        #expect(byTag.stdout.hasPrefix("marked 1 article read"), "\(byTag.stdout)")
        #expect(try baca.run(["mark-read", "--query", "author:budi"]).stdout.hasPrefix("marked 2 articles read"))
        #expect(try Self.readState(baca).values.allSatisfy { $0 })
        #expect(try baca.run(["mark-read", "--all"]).stdout == "nothing to mark: no unread article matches\n")
        #expect(try baca.run(["mark-read"]).status != 0, "no filter is an error")

        let journal = try baca.run(["undo", "--list"]).stdout.split(separator: "\n")
        #expect(journal.count == 3)
        #expect(journal.first?.hasSuffix("mark-read --query \"author:budi\"") == true, "\(journal)")

        for _ in 0..<2 { #expect(try baca.run(["undo"]).status == 0) }
        #expect(try Self.readState(baca) == afterFeed)
        let last = try baca.run(["undo"])
        #expect(last.stdout == "undone: mark-read --feed 1 (4 articles restored)\n", "\(last.stdout)")
        #expect(try Self.readState(baca) == start)
        let empty = try baca.run(["undo"])
        #expect(empty.status == 1)
        #expect(empty.stderr == "baca: nothing to undo: the journal is empty\n")
    }

    @Test("an ignore rule hides on arrival exactly what `rules test` said; mark-read rules store articles read")
    func ignoreRules() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let items: [(title: String, guid: String, day: Int, author: String, text: String)] = [
            ("Gosip artis terbaru", "g1", 1, "Redaksi", "Kabar ringan."),
            ("Zodiak minggu ini", "z1", 2, "Tim Hiburan", "Ramalan bintang."),
            ("Rapat anggaran daerah", "r1", 3, "Budi", "Dewan membahas gosip politik."),
            ("Jalan tol dibuka", "j1", 4, "Sari", "Lalu lintas lancar."),
            ("Gosipnya tidak benar", "g2", 5, "Rina", "Klarifikasi resmi."),
        ]
        server.serve("/hiburan.xml", Self.rss("Hiburan", items), type: "application/rss+xml")
        let config = """
            [[rule]]
            name = "tanpa gosip"
            title = "gosip"
            action = "hide"

            [[rule]]
            name = "zodiak dibaca"
            feed = "hiburan"
            words = ["ramalan bintang"]
            action = "mark-read"
            """

        // A repository without rules: what would the rules match?
        let plain = try BacaProcess()
        defer { plain.remove() }
        let rules = try plain.write("rules.toml", config)
        #expect(try plain.run(["feed", "add", server.base + "/hiburan.xml"]).status == 0)
        #expect(try plain.run(["fetch", "--no-pages"]).status == 0)
        let test = try plain.run(["rules", "test", "--config", rules, "--json"])
        #expect(test.status == 0, "\(test.stderr)")
        var predicted: [String: Set<String>] = [:]
        for line in test.stdout.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            predicted[object?["action"] as? String ?? "", default: []].insert(object?["title"] as? String ?? "")
        }
        #expect(predicted["hide"] == ["Gosip artis terbaru"], "whole words: not Gosipnya, not gosip in the text")
        #expect(predicted["mark-read"] == ["Zodiak minggu ini"])
        let text = try plain.run(["rules", "test", "--config", rules]).stdout
        #expect(text.contains("tanpa gosip  [hide]  title gosip  →  1 article"), "\(text)")

        // The same feed into a repository with the rules.
        let ruled = try BacaProcess()
        defer { ruled.remove() }
        let ruledConfig = try ruled.write("rules.toml", config)
        #expect(try ruled.run(["feed", "add", server.base + "/hiburan.xml"]).status == 0)
        let fetch = try ruled.run(["fetch", "--no-pages", "--config", ruledConfig])
        #expect(fetch.status == 0, "\(fetch.stderr)")
        let all = Set(items.map(\.title))
        #expect(try Self.titles(ruled) == all.subtracting(predicted["hide"] ?? []))
        #expect(try Self.titles(ruled, ["--unread"]) == all.subtracting(predicted["hide"] ?? []).subtracting(predicted["mark-read"] ?? []))
        // Hidden stays hidden: the next fetch does not bring it, even without the rules.
        #expect(try ruled.run(["fetch", "--no-pages"]).status == 0)
        #expect(try Self.titles(ruled) == all.subtracting(predicted["hide"] ?? []))

        let broken = try ruled.write("broken.toml", "[[rule]]\ntitle = \"x\"\naction = \"delete\"\n")
        let refused = try ruled.run(["rules", "test", "--config", broken])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("broken.toml: [[rule]] number 1: unknown action 'delete'"), "\(refused.stderr)")
        // The same refusal in Indonesian, with the same exit code.
        let ditolak = try ruled.run(["rules", "test", "--config", broken], environment: ["BACA_LANGUAGE": "id"])
        #expect(ditolak.status == 1)
        #expect(ditolak.stderr.contains("broken.toml: [[rule]] ke-1: action 'delete' tidak dikenal"), "\(ditolak.stderr)")
    }

    @Test("fetch --due fetches only the feeds whose interval has passed; notify-command gets the count and titles")
    func fetchDue() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let baca = try BacaProcess()
        defer { baca.remove() }
        server.serve("/satu.xml", Self.rss("Satu", [("Satu", "s1", 1, "A", "x")]), type: "application/rss+xml")
        server.serve("/dua.xml", Self.rss("Dua", [("Dua pertama", "d1", 1, "A", "x"), ("Dua kedua", "d2", 2, "A", "y")]), type: "application/rss+xml")
        let notified = baca.root.appendingPathComponent("notified.txt").path
        let script = try baca.write("notify.sh", "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"\(notified)\"\n")
        chmod(script, 0o755)
        let config = try baca.write("config.toml", "reload-interval = \"1h\"\nnotify-command = [\"\(script)\"]\n")

        // `feed add` reads the URL once (it may be a page that names the feed): count from here.
        #expect(try baca.run(["feed", "add", server.base + "/satu.xml"]).status == 0)
        #expect(try baca.run(["fetch", "--due", "--config", config]).stdout.contains("1 feed: 1 fetched"))
        #expect(try baca.run(["feed", "add", server.base + "/dua.xml"]).status == 0)
        // (`feed add` may look at the URL itself: count the fetches from here.)
        let satuBefore = server.requests(to: "/satu.xml").count
        let duaBefore = server.requests(to: "/dua.xml").count
        let due = try baca.run(["fetch", "--due", "--config", config])
        #expect(due.status == 0, "\(due.stderr)")
        #expect(due.stdout.contains("1 feed: 1 fetched"), "\(due.stdout)")
        #expect(server.requests(to: "/satu.xml").count == satuBefore, "fetched an hour ago at most: not due")
        #expect(server.requests(to: "/dua.xml").count == duaBefore + 1)
        let lines = try String(contentsOfFile: notified, encoding: .utf8).split(separator: "\n")
        #expect(lines == ["2 new articles", "Dua pertama", "Dua kedua"], "\(lines)")

        #expect(try baca.run(["fetch", "--due", "--config", config]).stdout == "no feed is due\n")
        #expect(try baca.run(["feed", "set", "1", "--reload", "1m"]).stdout.contains("reload: every 1 min"))
        #expect(try baca.run(["feed", "set", "1", "--reload", "soon"]).status != 0)
        // Not due again before a minute has passed; a plain fetch still fetches every feed.
        #expect(try baca.run(["fetch"]).stdout.contains("2 feeds: "))
        #expect(server.requests(to: "/satu.xml").count == satuBefore + 1)
    }

    @Test("prune keeps the limits, never removes a starred article, and a pruned one never returns")
    func prune() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let baca = try BacaProcess()
        defer { baca.remove() }
        let items = (1...6).map { (title: "Berita \($0)", guid: "b\($0)", day: $0, author: "A", text: "Isi \($0).") }
        server.serve("/satu.xml", Self.rss("Satu", items), type: "application/rss+xml")
        // Another feed that lists the same page later.
        server.serve("/cermin.xml", Self.rss("Cermin", [items[0]]), type: "application/rss+xml")
        #expect(try baca.run(["feed", "add", server.base + "/satu.xml"]).status == 0)
        #expect(try baca.run(["fetch", "--no-pages"]).status == 0)
        do {
            let store = try ArticleStore(path: baca.databasePath)
            let oldest = try #require(try store.articleId(url: server.base + "/a/b2"))
            try store.setStarred(true, id: oldest)
        }
        #expect(try baca.run(["feed", "set", "1", "--keep", "3"]).status == 0)
        let before = try Self.titles(baca)
        let dry = try baca.run(["prune", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.hasSuffix("2 articles would be removed; nothing changed\n"), "\(dry.stdout)")
        #expect(dry.stdout.contains("Berita 1") && !dry.stdout.contains("Berita 2"))
        #expect(try Self.titles(baca) == before)

        let pruned = try baca.run(["prune"])
        #expect(pruned.stdout.hasSuffix("2 articles removed\n"), "\(pruned.stdout)")
        #expect(try Self.titles(baca) == ["Berita 2", "Berita 4", "Berita 5", "Berita 6"])

        #expect(try baca.run(["fetch", "--no-pages"]).stdout.contains("0 new articles"))
        #expect(try baca.run(["feed", "add", server.base + "/cermin.xml"]).status == 0)
        #expect(try baca.run(["fetch", "--no-pages"]).stdout.contains("0 new articles"))
        #expect(try Self.titles(baca) == ["Berita 2", "Berita 4", "Berita 5", "Berita 6"])

        // A global limit in days, from config.toml: only the starred old one survives.
        let config = try baca.write("config.toml", "[limits]\nkeep-days = 1\n")
        #expect(try baca.run(["feed", "set", "1", "--keep", "default"]).status == 0)
        #expect(try baca.run(["prune", "--config", config]).status == 0)
        #expect(try Self.titles(baca).contains("Berita 2"))
    }

    @Test("show --format markdown and html")
    func showFormats() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let baca = try BacaProcess()
        defer { baca.remove() }
        let page = """
            <html><head><title>Jembatan baru</title><meta property="og:image" content="/img/jembatan.jpg"></head><body><article><h1>Jembatan baru dibuka</h1>
            <p>Jakarta, IDN Times - Jembatan baru dibuka pada Senin (2/11/2026) pagi untuk warga.</p>
            <h2>1. Warga senang</h2><p>Warga menyambut jembatan itu dengan gembira.</p>
            <figure><img src="../img/warga.jpg" alt=""><figcaption>Warga melintas</figcaption></figure>
            <figure><img src="javascript:alert(1)"><figcaption>Tanpa alamat</figcaption></figure>
            <blockquote>"Kami tidak perlu memutar lagi," kata seorang warga.</blockquote>
            <h2>2. Biaya</h2><p>Biaya pembangunan mencapai Rp 5 miliar &amp; selesai tepat waktu.</p>
            </article></body></html>
            """
        server.serve("/a/j1", page)
        server.serve("/satu.xml", Self.rss("Satu", [("Jembatan baru dibuka", "j1", 2, "Rina", "Ringkas.")]), type: "application/rss+xml")
        #expect(try baca.run(["feed", "add", server.base + "/satu.xml"]).status == 0)
        #expect(try baca.run(["fetch"]).status == 0)
        let markdown = try baca.run(["show", "1", "--format", "markdown"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        let lines = markdown.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "# Jembatan baru dibuka", "\(markdown.stdout)")
        #expect(lines.count > 2 && lines[2].hasPrefix("*") && lines[2].contains("menit baca"))
        #expect(lines.contains("## 1. Warga senang"), "\(markdown.stdout)")
        #expect(lines.contains("## 2. Biaya"))
        #expect(lines.contains { $0.hasPrefix("> ") && $0.contains("Kami tidak perlu memutar lagi") }, "\(markdown.stdout)")
        #expect(lines.contains("![](\(server.base)/img/jembatan.jpg)"), "\(markdown.stdout)")
        #expect(lines.contains("![Warga melintas](\(server.base)/img/warga.jpg)"), "\(markdown.stdout)")
        #expect(lines.contains("*Tanpa alamat*"), "\(markdown.stdout)")
        #expect(!markdown.stdout.contains("]()"))
        let json = try baca.run(["show", "1", "--json"])
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((document?["heroImage"] as? [String: Any])?["url"] as? String == server.base + "/img/jembatan.jpg", "\(json.stdout)")
        let unescaped = json.stdout.replacingOccurrences(of: "\\/", with: "/")
        #expect(unescaped.contains(server.base + "/img/warga.jpg") && !unescaped.contains("javascript:"), "\(json.stdout)")
        let html = try baca.run(["show", "1", "--format", "html"]).stdout
        #expect(html.contains(#"<img src="\#(server.base)/img/warga.jpg" alt="Warga melintas">"#), "\(html)")
        #expect(html.contains("<h1>Jembatan baru dibuka</h1>"))
        #expect(html.contains("<h2>1. Warga senang</h2>"))
        #expect(html.contains("Rp 5 miliar &amp; selesai"))
        #expect(try baca.run(["show", "1", "--format", "pdf"]).status != 0)
    }
}
