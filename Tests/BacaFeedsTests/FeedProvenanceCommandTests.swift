import BacaTestSupport
import Foundation
import Testing

/// What a user sees of feeds as the web writes them: `baca fetch`, `baca list`, `baca show
/// --json` and `baca feed list` against a loopback server.
@Suite("Feeds without titles, broken feeds, provenance in the JSON", .serialized)
struct FeedProvenanceCommandTests {
    @Test("a Mastodon-style feed: every item listed with a sensible title, the JSON says it was derived and where it came from")
    func mastodonFeed() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let baca = try BacaProcess()
        defer { baca.remove() }
        // The fixture's links, moved onto the loopback server.
        let feed = Fixture.text("feeds/mastodon.xml").replacingOccurrences(of: "https://sosial.test", with: server.base)
        server.route("/@ana.rss") { _ in .ok(Data(feed.utf8), type: "application/rss+xml; charset=utf-8") }
        #expect(try baca.run(["feed", "add", server.base + "/@ana.rss"]).status == 0)
        let fetched = try baca.run(["fetch", "--no-pages"])
        #expect(fetched.status == 0, "\(fetched.stderr)")
        #expect(fetched.stdout.contains("ok  3 new"), "\(fetched.stdout)")

        let list = try baca.run(["list"])
        let rows = list.stdout.split(separator: "\n").map(String.init)
        #expect(rows.count == 3)
        #expect(rows[0].contains("Foto: hujan pertama bulan ini di Taman Suropati"), "\(rows)")
        #expect(rows[1].contains("Ada yang tahu warung soto yang buka sampai malam di sekitar Cikini?"))
        #expect(rows[2].contains("Pagi ini kereta ke Bogor terlambat dua puluh menit."))
        #expect(!list.stdout.contains("(tanpa judul)"))

        let json = try baca.run(["list", "--json"])
        let objects = try json.stdout.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let oldest = try #require(objects.last)
        #expect(oldest["titleDerived"] as? Bool == true)
        #expect(oldest["title"] as? String == "Pagi ini kereta ke Bogor terlambat dua puluh menit.")
        #expect(oldest["publishedAt"] as? String == "2024-11-04T01:15:00Z")
        #expect(oldest["link"] as? String == server.base + "/@ana/113001")
        #expect(oldest["url"] as? String == server.base + "/@ana/113001")
        let feedObject = try #require(oldest["feed"] as? [String: Any])
        #expect(feedObject["id"] as? Int == 1)
        #expect(feedObject["title"] as? String == "Ana Lestari")
        #expect(feedObject["feedTitle"] as? String == "Ana Lestari")

        let id = try #require(oldest["id"] as? Int)
        let show = try baca.run(["show", String(id), "--json"])
        let shown = try #require(JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(shown["titleDerived"] as? Bool == true)
        #expect((shown["feed"] as? [String: Any])?["title"] as? String == "Ana Lestari")
        #expect(shown["publishedAt"] as? String == "2024-11-04T01:15:00Z")
    }

    @Test("the reader lists a Mastodon-style feed's items under their derived titles")
    func mastodonInTheReader() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let feed = Fixture.text("feeds/mastodon.xml").replacingOccurrences(of: "https://sosial.test", with: server.base)
        server.route("/@ana.rss") { _ in .ok(Data(feed.utf8), type: "application/rss+xml; charset=utf-8") }
        let sandbox = try Sandbox()
        #expect(try BacaBinary.run(["feed", "add", server.base + "/@ana.rss"], sandbox: sandbox).status == 0)
        let fetched = try BacaBinary.run(["fetch", "--no-pages"], sandbox: sandbox)
        #expect(fetched.status == 0, "\(fetched.stderr)")
        let tmux = try TmuxSession("'\(BacaBinary.url.path)'", columns: 120, rows: 20, sandbox: sandbox)
        let screen = try tmux.waitFor("3 artikel")
        #expect(screen.contains("Foto: hujan pertama bulan ini"), "\(screen)")
        #expect(screen.contains("Ada yang tahu warung soto"))
        #expect(screen.contains("Pagi ini kereta ke Bogor"))
        #expect(!screen.contains("tanpa judul"))
    }

    @Test("a broken feed gives its recoverable items and a repaired status in feed list and its JSON")
    func brokenFeed() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let baca = try BacaProcess()
        defer { baca.remove() }
        let broken = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Warta & Kota</title>
            <item><title>Taman kota dibuka &hellip; lagi</title><link>/w/1</link><description>Warga &nbsp;datang &bogus; pagi.</description></item>
            <item><title>Jalan baru diresmikan</title><link>/w/2</link><description>Panjang 2 km & lebar 12 m.</description></item>
            <item><title>Pasar malam pindah</title><link>/w/3</link><description>Mulai pekan dep
            """
        server.route("/warta.xml") { _ in .ok(Data(broken.utf8), type: "application/rss+xml") }
        #expect(try baca.run(["feed", "add", server.base + "/warta.xml"]).status == 0)
        let fetched = try baca.run(["fetch", "--no-pages"])
        #expect(fetched.status == 0, "a repaired feed is no failure: \(fetched.stdout) \(fetched.stderr)")
        #expect(fetched.stdout.hasPrefix("ok  3 new"), "\(fetched.stdout)")
        #expect(fetched.stdout.contains("; repaired (line 5: "), "\(fetched.stdout)")

        let titles = try baca.run(["list"]).stdout
        for title in ["Taman kota dibuka … lagi", "Jalan baru diresmikan", "Pasar malam pindah"] {
            #expect(titles.contains(title), "\(titles)")
        }
        let feeds = try baca.run(["feed", "list"])
        #expect(feeds.stdout.contains(" repaired "), "\(feeds.stdout)")
        #expect(feeds.stdout.contains("repaired: "))
        let feedJSON = try baca.run(["feed", "list", "--json"])
        #expect(feedJSON.stdout.contains(#""lastStatus":"repaired""#), "\(feedJSON.stdout)")
    }
}
