import BacaCore
import Foundation
import Testing

/// `baca show --json` of a page fetched through a feed: what the page states, not the feed.
@Suite("Article pages: a fetched page as `baca show --json` gives it")
struct FetchedPageJSONTests {
    /// A news page of our own in the shape sites use: JSON-LD in a `@graph`, Open Graph, a site
    /// banner, a byline, a hero figure, sections, a related list, comments and a footer.
    static let page = """
        <!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
        <title>Banjir rob rendam pesisir utara Semarang | Warta Pesisir</title>
        <meta property="og:site_name" content="Warta Pesisir">
        <meta property="og:title" content="Banjir rob rendam pesisir utara Semarang">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Warta Pesisir"},
          {"@type":"NewsArticle","headline":"Banjir rob rendam pesisir utara Semarang","datePublished":"2024-12-03T21:45:00+07:00",
           "author":[{"@type":"Person","name":"Dewi Lestari"}],
           "image":{"@type":"ImageObject","caption":"Rob di Tambak Lorok","creditText":"Warta Pesisir"}}]}</script>
        </head><body>
        <header class="site-header"><h1 class="logo">Warta Pesisir</h1><nav><a href="/">Beranda</a> <a href="/kota">Kota</a></nav></header>
        <main><article class="post">
          <h1 class="entry-title">Banjir rob rendam pesisir utara Semarang</h1>
          <div class="byline">Oleh <a rel="author" href="/penulis/dewi">Dewi Lestari</a> · <time datetime="2024-12-03T21:45:00+07:00">3 Desember 2024</time></div>
          <figure class="hero"><img src="/rob.jpg" alt=""><figcaption>Warga melintasi rob di Tambak Lorok <span class="credit">Warta Pesisir/Dewi</span></figcaption></figure>
          <div class="entry-content">
            <p>Air laut pasang merendam kawasan pesisir utara Semarang sejak Selasa malam, dan warga yang tinggal di Tambak Lorok mengungsi ke masjid.</p>
            <p>Menurut warga, rob kali ini lebih tinggi dari tahun lalu, terutama karena tanggul sementara di muara jebol pada Senin (2/12/2024).</p>
            <h2>Tanggul darurat</h2>
            <p>Petugas pemadam kebakaran dan relawan memasang karung pasir di sepanjang tanggul, dibantu warga yang bergantian berjaga sampai pagi.</p>
            <h2>Sekolah diliburkan</h2>
            <p>Tiga sekolah dasar di Tambak Lorok meliburkan murid selama dua hari, karena halaman dan ruang kelas tergenang setinggi lutut orang dewasa.</p>
          </div>
          <div class="related-posts"><h3>Berita terkait</h3><ul><li><a href="/a">Rob juga landa Demak</a></li><li><a href="/b">Tanggul laut molor lagi</a></li></ul></div>
          <section id="comments"><h3>2 Komentar</h3><p>Semoga cepat surut, kasihan anak-anak sekolah yang tidak bisa belajar.</p></section>
        </article></main>
        <footer class="site-footer"><p>© 2024 Warta Pesisir. Semua hak dilindungi.</p></footer>
        </body></html>
        """

    @Test("title, author, publication time, hero image and sections as the page states them")
    func showJSON() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let baca = try BacaProcess()
        defer { baca.remove() }
        // The feed says other things: its item's title wins over the page's `<h1>`; for the
        // author, the time, the pictures and the text, the page wins.
        server.serve("/rss.xml", """
            <rss version="2.0"><channel><title>Warta Pesisir</title>
            <item><title>Rob</title><link>/kota/rob.html</link><guid>rob</guid><author>redaksi@warta.test (Redaksi)</author>
            <pubDate>Fri, 06 Dec 2024 08:00:00 +0700</pubDate><description>Ringkasan.</description></item></channel></rss>
            """, type: "application/rss+xml")
        server.serve("/kota/rob.html", Self.page)
        #expect(try baca.run(["feed", "add", server.base + "/rss.xml"]).status == 0)
        let fetch = try baca.run(["fetch"])
        #expect(fetch.status == 0, "\(fetch.stdout)\(fetch.stderr)")
        let show = try baca.run(["show", "1", "--json"])
        #expect(show.status == 0, "\(show.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any], "\(show.stdout)")

        #expect(json["title"] as? String == "Rob", "the feed item's own title, not the page's h1")
        #expect(json["titleDerived"] as? Bool == false)
        let feed = try #require(json["feed"] as? [String: Any], "\(show.stdout)")
        #expect(feed["id"] as? Int == 1)
        #expect(feed["title"] as? String == "Warta Pesisir")
        #expect(feed["feedTitle"] as? String == "Warta Pesisir")
        let line = try baca.run(["list", "--json"]).stdout
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        #expect(listed["title"] as? String == "Rob")
        #expect((listed["feed"] as? [String: Any])?["title"] as? String == "Warta Pesisir")
        #expect((listed["feed"] as? [String: Any])?["id"] as? Int == 1)
        #expect(json["author"] as? String == "Dewi Lestari")
        // The page's stated instant (21:45 in UTC+7), not the feed's date.
        #expect(json["publishedAt"] as? String == "2024-12-03T14:45:00Z", "\(json["publishedAt"] ?? "none")")
        let hero = try #require(json["heroImage"] as? [String: Any])
        #expect(hero["caption"] as? String == "Warga melintasi rob di Tambak Lorok")
        #expect(hero["credit"] as? String == "Warta Pesisir/Dewi")
        let sections = try #require(json["sections"] as? [[String: Any]])
        #expect(sections.compactMap { $0["heading"] as? String } == ["Tanggul darurat", "Sekolah diliburkan"])
        let text = show.stdout
        #expect(text.contains("mengungsi ke masjid") && text.contains("setinggi lutut"))
        for chrome in ["Beranda", "Oleh", "Rob juga landa Demak", "Komentar", "Semoga cepat surut", "Semua hak"] {
            #expect(!text.contains(chrome), "\(chrome) leaked into the article")
        }
    }
}
