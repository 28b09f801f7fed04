import BacaCore
import Foundation
import Testing
@testable import BacaFeeds

/// Pages of our own, one for each place a page states its title, its author and its time.
@Suite("Article pages: title, author and time from every place a page states them")
struct ExtractionMetadataTests {
    static let body = """
        <p>Harga cabai rawit di Pasar Kosambi naik dua kali lipat dalam sepekan, menurut para pedagang yang ditemui pagi ini, \
        dan pembeli mulai mengurangi belanjaannya.</p>
        <p>Dinas perdagangan kota menyebut pasokan dari Garut dan Cianjur tertahan hujan deras, sehingga truk pengangkut \
        datang terlambat dua hari.</p>
        <p>Pedagang berharap harga kembali normal menjelang akhir bulan, ketika panen di daerah lain mulai masuk ke pasar induk.</p>
        """

    /// A page with `head` in its `<head>` and `top` above the article's paragraphs.
    static func page(head: String = "", top: String = "", bottom: String = "") -> Data {
        Data("""
            <!DOCTYPE html><html><head><meta charset="utf-8">\(head)</head><body>
            <nav><a href="/">Beranda</a> <a href="/ekonomi">Ekonomi</a></nav>
            <div class="sidebar"><h2>Terpopuler hari ini di kota</h2><p>Artikel lain yang banyak dibaca pembaca kami minggu ini.</p></div>
            <main><div class="story">\(top)\(body)\(bottom)</div></main>
            <footer><p>Hak cipta Warta Kota. Semua hak dilindungi undang-undang.</p></footer>
            </body></html>
            """.utf8)
    }

    static func extract(head: String = "", top: String = "", bottom: String = "") throws -> Article {
        try ArticleExtractor.extract(page(head: head, top: top, bottom: bottom), url: URL(string: "https://wartakota.test/ekonomi/cabai")).article
    }

    static let title = "Harga cabai naik dua kali lipat di Pasar Kosambi"

    // MARK: Titles

    @Test("JSON-LD headline, also inside @graph, beats og:title and <title>")
    func jsonLDHeadline() throws {
        let plain = try Self.extract(head: """
            <title>Beranda | Warta Kota</title><meta property="og:title" content="Judul lama">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"\(Self.title)"}</script>
            """)
        #expect(plain.title == Self.title)
        let graph = try Self.extract(head: """
            <title>Beranda | Warta Kota</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Warta Kota"},
            {"@type":"WebPage","name":"Beranda"},{"@type":"BlogPosting","headline":"\(Self.title)"}]}</script>
            """)
        #expect(graph.title == Self.title)
    }

    @Test("og:title, with the site's name taken off; twitter:title when there is no og:title")
    func openGraphTitle() throws {
        let og = try Self.extract(head: """
            <title>Beranda</title><meta property="og:site_name" content="Warta Kota">
            <meta property="og:title" content="\(Self.title) | Warta Kota">
            """)
        #expect(og.title == Self.title)
        let twitter = try Self.extract(head: "<title>Beranda</title><meta name=\"twitter:title\" content=\"\(Self.title)\">")
        #expect(twitter.title == Self.title)
    }

    @Test("a <title> with the site's name after each separator sites use", arguments: ["|", "–", "—", "-", "·", ":", "»"])
    func documentTitle(separator: String) throws {
        let article = try Self.extract(head: "<title>\(Self.title) \(separator) Warta Kota</title><meta property=\"og:site_name\" content=\"Warta Kota\">")
        #expect(article.title == Self.title)
        // With no stated site name, a short trailing part goes too (the colon excepted: it is
        // part of many headlines).
        if separator != ":" {
            let bare = try Self.extract(head: "<title>\(Self.title) \(separator) Warta Kota</title>")
            #expect(bare.title == Self.title)
        }
    }

    @Test("a headline element repeating the title wins, a banner or sidebar heading does not")
    func headlineElement() throws {
        // The `h1` repeats the `<title>` without the site's name, which the title does not name.
        let repeated = try Self.extract(
            head: "<title>\(Self.title) ~ Kanal Ekonomi ~ Warta</title>",
            top: "<h1>\(Self.title)</h1>")
        #expect(repeated.title == Self.title)
        // The JSON-LD headline is cut short; the `h1` holds the whole of it.
        let longer = "Harga cabai naik dua kali lipat di Pasar Kosambi, pedagang mengeluh"
        let cut = try Self.extract(
            head: "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Harga cabai naik dua kali lipat di Pasar Kosambi, pedagang\"}</script>",
            top: "<h1>\(longer)</h1>")
        #expect(cut.title == longer)
        // A site banner in an `h1` and a sidebar `h2` do not repeat the title: not taken.
        let banner = try Self.extract(head: "<meta property=\"og:title\" content=\"\(Self.title)\">", top: "")
        #expect(banner.title == Self.title)
        let withBanner = try ArticleExtractor.extract(Data("""
            <html><head><meta property="og:title" content="\(Self.title)"></head><body>
            <header><h1 class="logo">Warta Kota</h1></header><article>\(Self.body)</article></body></html>
            """.utf8)).article
        #expect(withBanner.title == Self.title)
    }

    // MARK: Bylines

    @Test("the author from each form of byline", arguments: [
        ("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\",\"name\":\"Rani Putri\"}}</script>", ""),
        ("<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"Article\",\"author\":[{\"name\":\"Rani Putri\"}]}]}</script>", ""),
        ("<meta property=\"article:author\" content=\"Rani Putri\">", ""),
        ("<meta name=\"twitter:creator\" content=\"Rani Putri\">", ""),
        ("", "<span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\"><span itemprop=\"name\">Rani Putri</span></span>"),
        ("<meta name=\"author\" content=\"Rani Putri\">", ""),
        ("", "<p>Ditulis <a rel=\"author\" href=\"/penulis/rani\">Rani Putri</a></p>"),
        ("", "<div class=\"byline\">By Rani Putri | Updated 6 November 2024, 10:31</div>"),
        ("", "<p class=\"article-author\">Oleh: <a href=\"/author/rani-putri\">Rani Putri</a></p>"),
    ])
    func byline(head: String, top: String) throws {
        let article = try Self.extract(head: "<title>\(Self.title)</title>" + head, top: top)
        #expect(article.author == "Rani Putri")
        // The byline is not a paragraph of the article.
        #expect(!article.bodyText.contains("Rani Putri"))
    }

    @Test("a profile URL or a handle is no author; the next form is read")
    func notAName() throws {
        let article = try Self.extract(head: """
            <meta property="article:author" content="https://facebook.com/wartakota"><meta name="twitter:creator" content="@wartakota">
            <meta name="author" content="Rani Putri">
            """)
        #expect(article.author == "Rani Putri")
    }

    // MARK: Publication time

    @Test("the page's stated time wins over a day the text mentions; the full time is kept")
    func statedTime() throws {
        let lead = "<p>Bandung, Warta Kota - Pedagang di Pasar Kosambi mengeluh sejak Senin (4/11/2024), kata mereka kepada wartawan kami.</p>"
        let jsonLD = try ArticleExtractor.extract(Self.page(
            head: "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-11-06T10:31:00+07:00\"}</script>",
            top: lead))
        #expect(jsonLD.article.publishedAt?.iso == "2024-11-06T03:31:00Z")
        #expect(jsonLD.publishedTime == ISO8601DateFormatter().date(from: "2024-11-06T03:31:00Z"))

        let meta = try ArticleExtractor.extract(Self.page(head: "<meta property=\"article:published_time\" content=\"2024-11-07T08:00:00Z\">", top: lead))
        #expect(meta.article.publishedAt?.iso == "2024-11-07T08:00:00Z")

        let time = try ArticleExtractor.extract(Self.page(top: "<time datetime=\"2024-11-08T09:15:00+07:00\">8 November</time>" + lead))
        #expect(time.article.publishedAt?.iso == "2024-11-08T02:15:00Z")
        #expect(time.publishedTime == ISO8601DateFormatter().date(from: "2024-11-08T02:15:00Z"))

        // A template's blank date is no date: the next source is read.
        let blank = try ArticleExtractor.extract(Self.page(head: """
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"0001-01-01T00:00:00Z"}</script>
            <meta name="date" content="2024-11-09">
            """))
        #expect(blank.article.publishedAt?.namedDay == CalendarDate(year: 2024, month: 11, day: 9))
    }

    // MARK: Structure

    @Test("headings become sections, figures image blocks with caption and credit, quotes and lists stay")
    func structure() throws {
        let page = Data("""
            <html><head><title>\(Self.title)</title></head><body><article>
            <h1>\(Self.title)</h1>
            <figure><img src="a.jpg"><figcaption>Pedagang cabai di Pasar Kosambi <small>Warta Kota/Asep</small></figcaption></figure>
            \(Self.body)
            <h2>Pasokan tertahan</h2>
            <p>Truk dari Garut tertahan longsor di jalur selatan selama dua hari, kata sopir yang biasa mengantar cabai ke pasar.</p>
            <figure><img src="b.jpg"><figcaption>Truk pengangkut cabai di jalur selatan <span class="credit">Dok. Dishub</span></figcaption></figure>
            <blockquote><p>Kami rugi besar minggu ini, pembeli sepi sekali.</p></blockquote>
            <ul><li>Cabai rawit: Rp80.000 per kilogram</li><li>Cabai merah: Rp60.000 per kilogram</li></ul>
            </article></body></html>
            """.utf8)
        let article = try ArticleExtractor.extract(page).article
        #expect(article.title == Self.title)
        #expect(article.heroImage == ImageCaption(caption: "Pedagang cabai di Pasar Kosambi", credit: "Warta Kota/Asep"))
        let section = try #require(article.sections.first { $0.heading == "Pasokan tertahan" })
        #expect(section.blocks.contains(.image(ImageCaption(caption: "Truk pengangkut cabai di jalur selatan", credit: "Dok. Dishub"))))
        #expect(section.blocks.contains(.quote("Kami rugi besar minggu ini, pembeli sepi sekali.")))
        #expect(section.blocks.contains(.list(["Cabai rawit: Rp80.000 per kilogram", "Cabai merah: Rp60.000 per kilogram"])))
    }

    @Test("comments, related lists, share bars and cookie notices stay out of the article")
    func boilerplate() throws {
        let article = try Self.extract(bottom: """
            <div class="share-bar"><a href="#">Bagikan ke Facebook</a> <a href="#">Twitter</a></div>
            <div class="related-posts"><h3>Baca berita terkait lainnya</h3><ul><li><a href="/a">Harga bawang ikut naik di pasar kota</a></li>
            <li><a href="/b">Petani cabai di Garut panen lebih awal tahun ini</a></li></ul></div>
            <section id="comments"><h3>3 Komentar</h3><p>Mahal sekali sekarang, semoga cepat turun harganya ya pak.</p></section>
            <div class="cookie-consent"><p>Kami memakai cookie untuk meningkatkan pengalaman Anda di situs ini, dengan persetujuan Anda.</p></div>
            """)
        let text = article.bodyText
        #expect(text.contains("pasar induk"))
        for chrome in ["Bagikan", "bawang", "Garut panen", "Komentar", "Mahal sekali", "cookie", "Terpopuler", "Hak cipta", "Beranda"] {
            #expect(!text.contains(chrome), "\(chrome) leaked into the article")
        }
    }
}

@Suite("Article pages: the structured path of IDN-like pages")
struct ExtractionStructuredTests {
    /// An IDN-like page: key points, numbered sections, a `Baca Juga` link, and an editorial
    /// team whose roles and names sit in separate `span` and `a` elements.
    static func page(team: String) -> Data {
        Data("""
            <html><head><title>5 fakta jembatan gantung Sukamaju | Warta Kota</title></head><body><article>
            <h1>5 fakta jembatan gantung Sukamaju</h1>
            <div class="key-points"><h2>Intinya sih...</h2><ul><li>Jembatan sepanjang 80 meter diresmikan bupati.</li>
            <li>Warga tidak lagi menyeberang sungai dengan rakit.</li></ul></div>
            <p>Garut, Warta Kota - Jembatan gantung yang menghubungkan dua desa di Garut akhirnya diresmikan pada Rabu pagi.</p>
            <h2>1. Dibangun dalam enam bulan</h2>
            <p>Pembangunan jembatan dimulai pada bulan Mei dan melibatkan puluhan warga desa yang bekerja bergiliran setiap hari.</p>
            <p>Baca Juga: Banjir rendam tiga kecamatan di Garut selatan</p>
            <h2>2. Bisa dilalui sepeda motor</h2>
            <p>Jembatan ini cukup lebar untuk sepeda motor, tetapi mobil tetap harus memutar lewat jalan kabupaten yang jauh.</p>
            <footer>\(team)</footer>
            </article></body></html>
            """.utf8)
    }

    @Test("key points, numbered sections, Baca Juga and the team, with roles and names in separate elements", arguments: [
        "<div class=\"team\"><h3>Editorial Team</h3><span>Writer</span><a href=\"/author/rani\">Rani Putri</a><span>Editor</span><a href=\"/author/bayu\">Bayu Pratama</a></div>",
        "<div class=\"team\"><h3>Editorial Team</h3><div><span>Writer</span> <span>Rani Putri</span></div><div><span>Editor</span><span>Bayu Pratama</span></div></div>",
        "<div class=\"team\"><h3>Editorial Team</h3><ul><li>Writer: <a href=\"/author/rani\">Rani Putri</a></li><li>Editor: <a href=\"/author/bayu\">Bayu Pratama</a></li></ul></div>",
    ])
    func structuredPath(team: String) throws {
        let article = try ArticleExtractor.extract(Self.page(team: team)).article
        #expect(article.title == "5 fakta jembatan gantung Sukamaju")
        #expect(article.keyPoints == ["Jembatan sepanjang 80 meter diresmikan bupati.", "Warga tidak lagi menyeberang sungai dengan rakit."])
        #expect(article.numberedSections.map(\.heading) == ["Dibangun dalam enam bulan", "Bisa dilalui sepeda motor"])
        #expect(article.sections.flatMap(\.blocks).contains(.related("Banjir rendam tiga kecamatan di Garut selatan")))
        #expect(article.location == "Garut" && article.outlet == "Warta Kota")
        #expect(article.author == "Rani Putri")
        #expect(article.editor == "Bayu Pratama")
    }
}
