import Foundation
import Testing

/// `baca feed import` and `baca fetch` as a user runs them, against a loopback server.
@Suite("baca feed and baca fetch", .serialized)
struct FetchCommandTests {
    @Test("an OPML of 100 feeds is imported and fetched; a second fetch finds every feed unchanged")
    func hundredFeeds() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let baca = try BacaProcess()
        defer { baca.remove() }
        let base = server.base
        for feed in 0..<100 {
            let rss = """
                <?xml version="1.0"?><rss version="2.0"><channel><title>Feed \(feed)</title><link>/</link>
                <item><title>Berita \(feed)-1</title><link>/a/\(feed)/1</link><guid>g\(feed)-1</guid><pubDate>Mon, 04 Nov 2024 10:00:00 +0700</pubDate></item>
                <item><title>Berita \(feed)-2</title><link>/a/\(feed)/2</link><guid>g\(feed)-2</guid><pubDate>Tue, 05 Nov 2024 10:00:00 +0700</pubDate></item>
                </channel></rss>
                """
            let etag = "\"feed-\(feed)\""
            server.route("/f/\(feed).xml") { request in
                if request.header("if-none-match") == etag { return .status(304, headers: ["ETag": etag]) }
                return LoopbackServer.Response(status: 200, headers: ["Content-Type": "application/rss+xml", "ETag": etag], body: Data(rss.utf8))
            }
            for item in 1...2 {
                let page = """
                    <html><head><title>Berita \(feed)-\(item)</title><link rel="canonical" href="\(base)/a/\(feed)/\(item)"></head>
                    <body><nav>Menu</nav><article><h1>Berita \(feed)-\(item)</h1>
                    <p>Jakarta, IDN Times - Ini berita nomor \(item) dari feed \(feed), ditulis pada Senin (4/11/2024).</p>
                    <p>Paragraf kedua berita ini cukup panjang untuk dibaca sebagai isi artikel.</p></article></body></html>
                    """
                server.serve("/a/\(feed)/\(item)", page)
            }
        }
        var outlines = ""
        for feed in 0..<100 {
            outlines += "<outline text=\"Kelompok \(feed % 3)\"><outline type=\"rss\" text=\"Feed \(feed)\" xmlUrl=\"\(base)/f/\(feed).xml\"/></outline>\n"
        }
        let opml = try baca.write("langganan.opml", "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>t</title></head><body>\(outlines)</body></opml>")

        let imported = try baca.run(["feed", "import", opml])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("100 feeds: 100 added, 0 already subscribed, 0 skipped"))

        let first = try baca.run(["fetch"])
        #expect(first.status == 0, "\(first.stderr)")
        let lines = first.stdout.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("ok  2 new  \(base)/f/") }.count == 100, "\(first.stdout.prefix(500))")
        #expect(lines.last?.hasPrefix("100 feeds: 100 fetched, 0 unchanged, 0 failed; 200 new articles in ") == true, "\(lines.last ?? "")")

        let second = try baca.run(["fetch"])
        #expect(second.status == 0, "\(second.stderr)")
        let secondLines = second.stdout.split(separator: "\n").map(String.init)
        #expect(secondLines.filter { $0.hasPrefix("unchanged  \(base)/f/") }.count == 100)
        #expect(secondLines.last?.hasPrefix("100 feeds: 0 fetched, 100 unchanged, 0 failed; 0 new articles in ") == true, "\(secondLines.last ?? "")")
        #expect(server.log.filter { $0.status == 304 }.count == 100)
        #expect(server.log.filter { $0.status == 304 }.allSatisfy { $0.bodyBytes == 0 })

        let list = try baca.run(["feed", "list", "--json"])
        let rows = list.stdout.split(separator: "\n")
        #expect(rows.count == 100)
        #expect(rows.first?.contains(#""articles":2"#) == true, "\(rows.first ?? "")")
        #expect(rows.first?.contains(#""unread":2"#) == true, "\(rows.first ?? "")")
        #expect(rows.first?.contains(#""tags":["Kelompok 0"]"#) == true)
        #expect(rows.first?.contains(#""lastStatus":"unchanged""#) == true)
        let articles = try baca.run(["list", "--json"])
        #expect(articles.stdout.split(separator: "\n").count == 200)
    }

    @Test("feed add, list, export, remove; fetch exits 1 when a feed fails; a saved page joins its fetched article")
    func subscriptions() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let baca = try BacaProcess()
        defer { baca.remove() }
        let rss = """
            <rss version="2.0"><channel><title>Kabar</title>
            <item><title>Jembatan Gantung Desa Sukamaju Akhirnya Diresmikan</title><link>/pages/jembatan.html</link><guid>j</guid></item></channel></rss>
            """
        server.serve("/rss.xml", rss, type: "application/rss+xml")
        let page = Fixture.data("pages/jembatan.html")
        server.route("/pages/jembatan.html") { _ in .ok(page, type: "text/html") }
        server.route("/gone.xml") { _ in .status(404) }

        #expect(try baca.run(["feed", "add", server.base + "/rss.xml", "--title", "Kabar Kita", "--tag", "jabar"]).stdout.hasPrefix("added  1  "))
        #expect(try baca.run(["feed", "add", server.base + "/gone.xml"]).status == 0)
        server.serve("/summary.xml", """
            <rss version="2.0"><channel><title>S</title>
            <item><title>Tanpa halaman</title><link>/missing.html</link><description>Ringkasan.</description></item></channel></rss>
            """, type: "application/rss+xml")
        #expect(try baca.run(["feed", "add", server.base + "/summary.xml"]).status == 0)
        #expect(try baca.run(["feed", "add", "ftp://example.test/rss"]).status != 0)

        let fetch = try baca.run(["fetch"])
        #expect(fetch.status == 1)
        #expect(fetch.stdout.contains("ok  1 new  \(server.base)/rss.xml"))
        #expect(fetch.stdout.contains("failed: HTTP 404 Not Found  \(server.base)/gone.xml"))
        #expect(fetch.stdout.contains("ok  1 new (1 summary only)  \(server.base)/summary.xml"))
        #expect(fetch.stdout.contains("3 feeds: 2 fetched, 0 unchanged, 1 failed; 2 new articles (1 summary only) in "))
        let rows = try baca.run(["list"]).stdout.split(separator: "\n")
        #expect(rows.contains { $0.contains("Tanpa halaman  [summary only]") })
        #expect(rows.contains { $0.contains("Jembatan Gantung") && !$0.contains("summary only") })
        #expect(try baca.run(["list", "--json"]).stdout.contains(#""summaryOnly":true"#))

        let list = try baca.run(["feed", "list"])
        #expect(list.stdout.contains("1 articles, 1 unread"))
        #expect(list.stdout.contains("Kabar Kita"))
        #expect(list.stdout.contains("[jabar]"))
        #expect(list.stdout.contains("failed: HTTP 404 Not Found"))

        let saved = try baca.run(["import", Fixture.path("pages/jembatan.html")])
        // Unchanged although its pictures resolve against its canonical URL, not the server's.
        #expect(saved.stdout.contains("1 file: 0 imported, 0 updated, 1 unchanged, 0 failed"), "\(saved.stdout)")
        #expect(try baca.run(["list", "--json"]).stdout.split(separator: "\n").count == 2)

        let export = try baca.run(["feed", "export"])
        #expect(export.stdout.contains(#"<outline text="jabar" title="jabar">"#))
        #expect(export.stdout.contains(#"xmlUrl="\#(server.base)/gone.xml""#))

        #expect(try baca.run(["feed", "remove", server.base + "/gone.xml"]).stdout.hasPrefix("removed  2"))
        #expect(try baca.run(["feed", "remove", "1"]).status == 0)
        #expect(try baca.run(["list", "--json"]).stdout.split(separator: "\n").count == 2, "articles stay without --purge")
        #expect(try baca.run(["feed", "remove", "3", "--purge"]).stdout.hasSuffix("(1 articles deleted)\n"))
        #expect(try baca.run(["feed", "list"]).stdout.contains("no feeds"))
    }
}
