import BacaTestSupport
import Foundation
import Testing

/// The reader fetching in the background, as a person uses it: `r`, progress in the status bar,
/// the new articles in the list, one opened with its key points and sections.
@Suite("Fetching from inside the reader", .serialized)
struct ReaderFetchTests {
    @Test("r fetches the subscribed feed while the list stays usable; the new article opens whole")
    func fetchFromTheReader() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.serve("/feed.xml", Fixture.text("feeds/rss2.xml"), type: "application/rss+xml")
        server.serve("/pages/jembatan.html", Fixture.text("pages/jembatan.html"))
        server.route("/pages/pasar-1252.html") { _ in
            .ok(Fixture.data("pages/pasar-1252.html"), type: "text/html")
        }
        let sandbox = try Sandbox()
        let added = try BacaBinary.run(["feed", "add", server.url("/feed.xml").absoluteString], sandbox: sandbox)
        #expect(added.status == 0, "\(added.stderr)")

        let tmux = try TmuxSession("'\(BacaBinary.url.path)'", columns: 100, rows: 30, sandbox: sandbox)
        try tmux.waitFor("0 artikel")
        try tmux.send("r")
        let fetched = try tmux.waitFor(timeout: 30) { $0.contains("Selesai:") }
        #expect(fetched.contains("Jembatan Gantung Desa Sukamaju Akhirnya Diresmikan"))
        #expect(fetched.contains("Harga Cabai Rawit di Pasar Kosambi"))

        try tmux.send("F")
        let feeds = try tmux.waitFor("langganan")
        #expect(feeds.contains("Berita Jabar & Sekitarnya"))
        try tmux.send("Enter")
        let feedList = try tmux.waitFor { $0.contains("feed: Berita Jabar") && $0.contains("1/") }
        #expect(feedList.contains("Jembatan Gantung"))

        try tmux.send("/")
        try tmux.type("jembatan")
        try tmux.send("Enter")
        try tmux.waitFor("cari: \"jembatan\"")
        try tmux.send("Enter")
        let reader = try tmux.waitFor { $0.contains("Intinya sih") && $0.contains("Atas") }
        // The page states 09:15 +07:00; the line shows it in the reader's local time.
        #expect(reader.contains("6 Nov 2024") && reader.contains(" · Garut · IDN Times"))
        try tmux.send("]")
        // (The status bar names the current match's section while the search is on.)
        let section = try tmux.waitFor { $0.split(separator: "\n").first?.contains("1. Dibangun") == true }
        #expect(section.split(separator: "\n").first?.contains("1. ") == true)
    }
}
