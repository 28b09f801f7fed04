import BacaCore
import Foundation
import Testing
@testable import BacaFeeds

/// Picture addresses a page or a feed states: pages and feeds of our own.
@Suite("Extraction and feeds: picture addresses")
struct ImageAddressTests {
    static let pageURL = URL(string: "https://kabar.test/kota/2024/banjir.html")!

    static func extract(head: String = "", top: String = "") throws -> Article {
        try ExtractionMetadataTests.extract(head: head, top: top)
    }

    static func page(head: String = "", figures: String) throws -> Article {
        let html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Banjir surut</title>\(head)</head><body>
            <article><h1>Banjir surut di tepi sungai</h1>
            <p>Air sungai yang meluap sejak Senin mulai surut pagi ini, dan warga kembali ke rumah untuk membersihkan lumpur.</p>
            \(figures)
            <p>Petugas membuka dapur umum di balai warga dan membagikan air bersih kepada keluarga yang rumahnya terendam.</p>
            <p>Dinas setempat meminta warga tetap waspada karena hujan deras diperkirakan turun lagi akhir pekan ini.</p>
            </article></body></html>
            """
        return try ArticleExtractor.extract(Data(html.utf8), url: pageURL).article
    }


    static func figureURLs(head: String = "", _ figures: String) throws -> [String?] {
        try page(head: head, figures: figures).sections.flatMap(\.blocks).compactMap { if case .image(let c) = $0 { c.url } else { nil } }
    }

    // MARK: Hero

    @Test("hero address from JSON-LD image (string, ImageObject, array), beating og:image and twitter:image")
    func heroFromJSONLD() throws {
        let meta = #"<meta property="og:image" content="https://cdn.test/og.jpg"><meta name="twitter:image" content="https://cdn.test/tw.jpg">"#
        for image in [#""https://cdn.test/ld.jpg""#, #"{"@type":"ImageObject","url":"https://cdn.test/ld.jpg","caption":"Sungai meluap"}"#,
                      #"[{"@type":"ImageObject","contentUrl":"https://cdn.test/ld.jpg"},"https://cdn.test/2.jpg"]"#] {
            let article = try Self.extract(head: #"<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","image":\#(image)}</script>"# + meta)
            #expect(article.heroImage?.url == "https://cdn.test/ld.jpg", "\(image)")
        }
    }

    @Test("hero address from og:image, else twitter:image, resolved against the page; caption from og:image:alt")
    func heroFromMeta() throws {
        let og = try Self.extract(head: #"<meta property="og:image" content="/img/og.jpg"><meta property="og:image:alt" content="Pasar pagi"><meta name="twitter:image" content="https://cdn.test/tw.jpg">"#)
        #expect(og.heroImage == ImageCaption(caption: "Pasar pagi", url: "https://wartakota.test/img/og.jpg"))
        let twitter = try Self.extract(head: #"<meta name="twitter:image" content="https://cdn.test/tw.jpg">"#)
        #expect(twitter.heroImage?.url == "https://cdn.test/tw.jpg")
        #expect(twitter.heroImage?.caption == "")
        let none = try Self.extract(head: #"<meta property="og:image" content="javascript:alert(1)">"#)
        #expect(none.heroImage == nil)
    }

    // MARK: Figures

    @Test("a figure's relative src is resolved against the page, or its <base href>")
    func relativeFigure() throws {
        let figure = #"<figure><img src="../foto/lumpur.jpg" alt="x"><figcaption>Warga membersihkan lumpur (Foto Dedi)</figcaption></figure>"#
        #expect(try Self.figureURLs(figure) == ["https://kabar.test/kota/foto/lumpur.jpg"])
        #expect(try Self.figureURLs(head: #"<base href="https://static.kabar.test/m/">"#, figure) == ["https://static.kabar.test/foto/lumpur.jpg"])
        let blocks = try Self.page(figures: figure).sections.flatMap(\.blocks)
        #expect(blocks.contains(.image(ImageCaption(caption: "Warga membersihkan lumpur", credit: "Foto Dedi", url: "https://kabar.test/kota/foto/lumpur.jpg"))))
    }

    @Test("a javascript: or data: src is dropped; a placeholder src gives way to data-src or srcset")
    func unsafeAndLazy() throws {
        #expect(try Self.figureURLs(#"<figure><img src="javascript:alert(1)"><figcaption>Posko</figcaption></figure>"#) == [nil])
        #expect(try Self.figureURLs(#"<figure><img src="data:image/gif;base64,R0lGOD"><figcaption>Posko</figcaption></figure>"#) == [nil])
        #expect(try Self.figureURLs(#"<figure><img src="data:image/gif;base64,R0lGOD" data-src="/f/posko.jpg"><figcaption>Posko</figcaption></figure>"#)
            == ["https://kabar.test/f/posko.jpg"])
        #expect(try Self.figureURLs(#"<figure><img src="/static/blank.gif" srcset="/f/posko-640.jpg 640w, /f/posko-1280.jpg 1280w"><figcaption>Posko</figcaption></figure>"#)
            == ["https://kabar.test/f/posko-640.jpg"])
        #expect(try Self.figureURLs(#"<figure><img src="/f/asli.jpg" data-src="/f/lain.jpg"><figcaption>Posko</figcaption></figure>"#)
            == ["https://kabar.test/f/asli.jpg"])
    }

    // MARK: Feeds

    static func item(_ extra: String, link: String = "") throws -> FeedItem {
        let rss = """
            <?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Kabar</title>
            <link>https://kabar.test/</link>
            <item><title>Banjir surut</title>\(link)<description>Air mulai surut.</description>\(extra)</item>
            </channel></rss>
            """
        return try #require(try FeedParser.parse(Data(rss.utf8), url: URL(string: "https://kabar.test/rss.xml")!).items.first)
    }

    @Test("feed item picture: media:thumbnail, image media:content, image enclosure; not audio; hero of the summary article")
    func feedImages() throws {
        let thumb = try Self.item(#"<media:thumbnail url="/t/banjir.jpg" width="120"/>"#, link: "<link>https://kabar.test/a/1</link>")
        #expect(thumb.imageURL?.absoluteString == "https://kabar.test/t/banjir.jpg")
        #expect(thumb.summaryArticle.heroImage == ImageCaption(caption: "", url: "https://kabar.test/t/banjir.jpg"))
        let content = try Self.item(#"<media:content url="https://cdn.test/v.mp4" type="video/mp4"/><media:content url="https://cdn.test/b.jpg" medium="image"/>"#)
        #expect(content.imageURL?.absoluteString == "https://cdn.test/b.jpg")
        let enclosure = try Self.item(#"<enclosure url="https://cdn.test/e.png" type="image/png" length="10"/>"#)
        #expect(enclosure.summaryArticle.heroImage?.url == "https://cdn.test/e.png")
        let audio = try Self.item(#"<enclosure url="https://cdn.test/e.mp3" type="audio/mpeg" length="10"/>"#)
        #expect(audio.imageURL == nil)
        #expect(audio.summaryArticle.heroImage == nil)
    }
}

extension Article {
    /// The article as a capture gives it: captures state no picture addresses (nor where related
    /// links and cited outlets lead).
    var withoutImageAddresses: Article {
        var article = self
        article.heroImage?.url = nil
        article.linkTargets = nil
        article.sections = sections.map { section in
            var section = section
            section.blocks = section.blocks.map { block in
                guard case .image(var caption) = block else { return block }
                caption.url = nil
                return .image(caption)
            }
            return section
        }
        return article
    }
}
