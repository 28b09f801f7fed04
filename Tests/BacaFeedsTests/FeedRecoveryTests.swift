import BacaCore
import Foundation
import Testing
@testable import BacaFeeds

/// Feeds as the web writes them: broken, in other encodings, without titles, hostile.
@Suite("Broken and unusual feeds")
struct FeedRecoveryTests {
    let base = URL(string: "https://kabar.test/feed.xml")!

    func rss(_ items: String, prolog: String = #"<?xml version="1.0" encoding="UTF-8"?>"#) -> Data {
        Data("\(prolog)<rss version=\"2.0\"><channel><title>Kabar</title>\(items)</channel></rss>".utf8)
    }

    @Test("a stray &, an undefined entity and a truncated end: the recoverable items, marked repaired")
    func brokenFeed() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Pasar & Harga</title>
            <item><title>Cabai &amp; bawang naik</title><link>https://kabar.test/1</link><description>Harga &mdash; naik &foo; lagi</description></item>
            <item><title>Beras turun</title><link>https://kabar.test/2</link><description>Stok aman &amp; cukup.</description></item>
            <item><title>Gula langka</title><link>https://kabar.test/3</link><description>Antrean panjang di pas
            """
        let feed = try FeedParser.parse(Data(text.utf8), url: base)
        #expect(feed.repaired)
        #expect(feed.title == "Pasar & Harga")
        #expect(feed.items.map(\.title) == ["Cabai & bawang naik", "Beras turun", "Gula langka"])
        #expect(feed.items[0].summary == ["Harga — naik &foo; lagi"])
        // The ampersands after the first damage are kept too.
        #expect(feed.items[1].summary == ["Stok aman & cukup."])
        #expect(feed.items[2].link == URL(string: "https://kabar.test/3"))
    }

    @Test("a missing close tag and a bad byte still give every item")
    func missingCloseTagAndBadByte() throws {
        var data = rss("""
            <item><title>Satu</title><link>https://kabar.test/1</link></item>
            <item><title>Dua <b>tebal</title><link>https://kabar.test/2</link></item>
            <item><title>Tiga caf\u{E9}</title><link>https://kabar.test/3</link><description>Kopi &amp; teh &lt; 5 menit</description></item>
            """)
        // A Latin-1 byte in a document that says UTF-8.
        data = Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "é", with: "\u{1}").utf8)
        data = Data(data.map { $0 == 0x01 ? 0xE9 : $0 })
        let feed = try FeedParser.parse(data, url: base)
        #expect(feed.repaired)
        #expect(feed.items.count == 3)
        #expect(feed.items.map(\.link?.absoluteString) == ["https://kabar.test/1", "https://kabar.test/2", "https://kabar.test/3"])
        #expect(feed.items[0].title == "Satu")
        #expect(feed.items[1].title.hasPrefix("Dua tebal"))
        // libxml2 drops entity references after a document's first error: not these.
        #expect(feed.items[2].summary == ["Kopi & teh < 5 menit"])
    }

    @Test("a well-formed feed is not marked repaired")
    func wellFormedIsNotRepaired() throws {
        let feed = try FeedParser.parse(rss("<item><title>A &amp; B &#233;</title></item>"), url: base)
        #expect(!feed.repaired)
        #expect(feed.items.map(\.title) == ["A & B é"])
    }

    @Test("RSS 0.91 with its DTD: the HTML entities it declares are read, and the feed is not called repaired")
    func rss091WithItsDTD() throws {
        let text = """
            <?xml version="1.0" encoding="iso-8859-1"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Kedai &amp; Caf&eacute;</title>
            <item><title>Menu na&iuml;f &copy; 2024</title><link>https://kabar.test/1</link></item>
            </channel></rss>
            """
        let feed = try FeedParser.parse(Data(text.utf8), url: base)
        #expect(!feed.repaired)
        #expect(feed.title == "Kedai & Café")
        #expect(feed.items.first?.title == "Menu naïf © 2024")
    }

    @Test("entity bombs and external entities stay refused")
    func hostileEntities() throws {
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
              <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
              <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
              <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
              <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
            ]>
            <rss version="2.0"><channel><title>Bom</title><item><title>x&f;y</title><description>&f;</description></item></channel></rss>
            """
        let started = Date()
        if let feed = try? FeedParser.parse(Data(bomb.utf8), url: base) {
            // Read or refused, the bomb never expands.
            #expect(feed.items.allSatisfy { !$0.title.contains("aaaa") && !$0.summary.joined().contains("aaaa") })
        }
        #expect(Date().timeIntervalSince(started) < 30)   // never expanded: seconds at most, even on a slow machine

        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("baca-secret-\(UUID().uuidString).txt")
        try "RAHASIA-TERBONGKAR".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let external = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "\(secret.absoluteString)"> ]>
            <rss version="2.0"><channel><title>T &xxe;</title><item><title>Isi &xxe;</title><description>&xxe;</description></item></channel></rss>
            """
        let feed = try FeedParser.parse(Data(external.utf8), url: base)
        #expect(feed.items.count == 1)
        #expect(!(feed.title ?? "").contains("RAHASIA"))
        #expect(feed.items.allSatisfy { !$0.title.contains("RAHASIA") && !$0.summary.joined().contains("RAHASIA") })
    }

    @Test("the encoding: the prolog's, the HTTP charset's, a byte order mark's")
    func encodings() throws {
        // windows-1252 declared in the prolog.
        var latin = Data(#"<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><item><title>Caf"#.utf8)
        latin.append(contentsOf: [0xE9, 0x20, 0x93, 0x6B, 0x61, 0x94])
        latin.append(contentsOf: Data("</title></item></channel></rss>".utf8))
        #expect(try FeedParser.parse(latin, url: base).items.first?.title == "Café “ka”")
        // Nothing in the prolog; the HTTP header says ISO-8859-1.
        var undeclared = Data(#"<?xml version="1.0"?><rss version="2.0"><channel><item><title>Sat"#.utf8)
        undeclared.append(contentsOf: [0xE9])
        undeclared.append(contentsOf: Data("</title></item></channel></rss>".utf8))
        #expect(try FeedParser.parse(undeclared, url: base, charset: "ISO-8859-1").items.first?.title == "Saté")
        // A server's Latin-1 default over a feed that is UTF-8: the bytes win.
        let utf8 = Data(#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><item><title>Saté café</title></item></channel></rss>"#.utf8)
        #expect(try FeedParser.parse(utf8, url: base, charset: "iso-8859-1").items.first?.title == "Saté café")
        // UTF-16 with its byte order mark.
        let text = #"<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><item><title>Jalan ke Bandung</title></item></channel></rss>"#
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(text.data(using: .utf16LittleEndian)!)
        #expect(try FeedParser.parse(utf16, url: base).items.first?.title == "Jalan ke Bandung")
    }

    @Test("a Mastodon-style feed: no titles, HTML descriptions; each item gets a title from its first sentence")
    func mastodonStyle() throws {
        let feed = try FeedParser.parse(Fixture.data("feeds/mastodon.xml"), url: URL(string: "https://sosial.test/@ana.rss")!)
        #expect(feed.items.count == 3)
        #expect(feed.items.allSatisfy { $0.title.isEmpty })
        let articles = feed.items.map(\.summaryArticle)
        #expect(articles.map(\.title) == [
            "Pagi ini kereta ke Bogor terlambat dua puluh menit.",
            "Ada yang tahu warung soto yang buka sampai malam di sekitar Cikini?",
            "Foto: hujan pertama bulan ini di Taman Suropati, daun-daun basah dan jalanan mengkilap…",
        ])
        #expect(articles.allSatisfy { $0.titleDerived == true })
        #expect(articles[0].sections.first?.blocks.first?.plainText.contains("@kai") == true)
        #expect(feed.items[0].published?.publishedDate.iso == "2024-11-04T01:15:00Z")
    }

    @Test("Atom 0.3, base64 and xhtml content, Dublin Core, xml:base: read as feedparser reads them")
    func atomModes() throws {
        let body = Data("<p>Isi <b>lengkap</b> &amp; panjang.</p>".utf8).base64EncodedString()
        let text = """
            <?xml version="1.0"?>
            <feed version="0.3" xmlns="http://purl.org/atom/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" xml:base="https://blog.test/catatan/">
              <title type="text/html" mode="escaped">Catatan &lt;i&gt;Ana&lt;/i&gt;</title>
              <entry>
                <title mode="escaped" type="text/html">Hari &lt;b&gt;pertama&lt;/b&gt;</title>
                <link rel="alternate" href="hari-1.html"/>
                <issued>2024-11-04T08:00:00+07:00</issued>
                <dc:creator>Ana</dc:creator>
                <summary>Ringkas.</summary>
                <content type="text/html" mode="base64">\(body)</content>
              </entry>
              <entry xml:base="/arsip/">
                <title>Hari kedua</title>
                <link href="hari-2.html"/>
                <modified>2024-11-05T08:00:00Z</modified>
                <content type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Paragraf <em>satu</em>.</p><script>alert(1)</script><p>Dua.</p></div></content>
              </entry>
            </feed>
            """
        let feed = try FeedParser.parse(Data(text.utf8), url: base)
        #expect(feed.format == .atom03)
        #expect(feed.title == "Catatan Ana")
        #expect(feed.items[0].title == "Hari pertama")
        #expect(feed.items[0].link?.absoluteString == "https://blog.test/catatan/hari-1.html")
        #expect(feed.items[0].summary == ["Isi lengkap & panjang."], "the content, not the summary")
        #expect(feed.items[0].author == "Ana")
        #expect(feed.items[0].published?.publishedDate.iso == "2024-11-04T01:00:00Z")
        #expect(feed.items[1].link?.absoluteString == "https://blog.test/arsip/hari-2.html")
        #expect(feed.items[1].summary == ["Paragraf satu.", "Dua."])
        #expect(feed.items[1].published?.publishedDate.iso == "2024-11-05T08:00:00Z")
    }

    @Test("RSS with Dublin Core and dcterms only, and media:title")
    func dublinCore() throws {
        let text = """
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:media="http://search.yahoo.com/mrss/">
            <channel><dc:title>Kanal DC</dc:title>
              <item><dc:title>Judul DC</dc:title><dc:description>Deskripsi &lt;i&gt;DC&lt;/i&gt;</dc:description><dc:creator>Budi</dc:creator><dcterms:issued>2024-11-04T10:00:00Z</dcterms:issued><guid isPermaLink="false">x1</guid></item>
              <item><media:title>Judul media</media:title><dcterms:modified>Mon, 4 Nov 24 10:00 WIB</dcterms:modified><guid>https://kabar.test/m</guid></item>
            </channel></rss>
            """
        let feed = try FeedParser.parse(Data(text.utf8), url: base)
        #expect(feed.title == "Kanal DC")
        #expect(feed.items[0].title == "Judul DC")
        #expect(feed.items[0].summary == ["Deskripsi DC"])
        #expect(feed.items[0].author == "Budi")
        #expect(feed.items[0].link == nil, "a guid that is no permalink is no link")
        #expect(feed.items[0].published?.publishedDate.iso == "2024-11-04T10:00:00Z")
        #expect(feed.items[1].title == "Judul media")
        #expect(feed.items[1].link?.absoluteString == "https://kabar.test/m")
        #expect(feed.items[1].published?.publishedDate.iso == "2024-11-04T03:00:00Z")
    }

    @Test("a podcast episode's enclosure and a photo post's media:content are their links when they have no other")
    func mediaLinks() throws {
        let text = """
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Siniar</title>
              <item><title>Episode 1</title><guid isPermaLink="false">e1</guid><enclosure url="/audio/e1.mp3" type="audio/mpeg" length="1"/></item>
              <item><guid isPermaLink="false">p1</guid><media:content url="https://foto.test/p1.jpg" medium="image"><media:description>Sawah di pagi hari</media:description></media:content></item>
              <item><title>Dengan tautan</title><link>https://kabar.test/3</link><enclosure url="https://kabar.test/3.mp3"/></item>
            </channel></rss>
            """
        let feed = try FeedParser.parse(Data(text.utf8), url: base)
        #expect(feed.items.map(\.link?.absoluteString) == ["https://kabar.test/audio/e1.mp3", "https://foto.test/p1.jpg", "https://kabar.test/3"])
        #expect(feed.items[1].summary == ["Sawah di pagi hari"])
        #expect(feed.items[1].summaryArticle.title == "Sawah di pagi hari")
    }
}
