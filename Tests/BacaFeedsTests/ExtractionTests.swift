import BacaCore
import Foundation
import Testing
@testable import BacaFeeds

@Suite("Article pages")
struct ExtractionTests {
    @Test("an article page with the capture's structure gives the capture's article, as JSON")
    func pageEqualsCapture() throws {
        var capture = try CaptureLoader.load(Fixture.data("pages/jembatan.txt")).article
        let page = try ArticleExtractor.extract(Fixture.data("pages/jembatan.html"), url: URL(string: "http://127.0.0.1/jembatan"))
        #expect(page.method == .structured)
        // The capture names a day; the page states the time (JSON-LD, +07:00), and that wins.
        #expect(capture.publishedAt?.namedDay == CalendarDate(year: 2024, month: 11, day: 6))
        #expect(page.article.publishedAt?.iso == "2024-11-06T02:15:00Z")
        capture.publishedAt = page.article.publishedAt
        // The page states its pictures' addresses; the capture cannot.
        #expect(page.article.heroImage?.url == "http://127.0.0.1/img/jembatan.jpg")
        #expect(canonicalJSON(page.article.withoutImageAddresses) == canonicalJSON(capture))
        #expect(page.article.withoutImageAddresses == capture)
        #expect(page.canonicalURL?.absoluteString == "https://www.idntimes.test/news/indonesia/jembatan-gantung-sukamaju-diresmikan")
        // Every element of the capture is there, so the comparison means something.
        #expect(capture.keyPoints.count == 2)
        #expect(capture.heroImage == ImageCaption(caption: "Warga melintasi jembatan gantung baru di Sukamaju", credit: "IDN Times/Rani Putri"))
        #expect(capture.numberedSections.count == 2)
        #expect(capture.location == "Garut" && capture.outlet == "IDN Times")
        #expect(capture.author == "Rani Putri" && capture.editor == "Bayu Pratama")
        #expect(capture.sources == ["Antara"])
        #expect(capture.topics == ["Garut", "Jembatan"])
        let kinds = Set(capture.sections.flatMap(\.blocks).map(\.kind))
        #expect(kinds == ["paragraph", "image", "quote", "list", "related"])
    }

    @Test("scripts, styles, frames, forms, ads, share bars and navigation never reach the article")
    func chromeDropped() throws {
        let page = try ArticleExtractor.extract(Fixture.data("pages/jembatan.html"), url: nil)
        let json = canonicalJSON(page.article)
        for chrome in ["INJECTED", "color: red", "IKLAN", "Promo motor", "Salin tautan", "Facebook", "Video tidak tersedia",
                       "Langganan", "Terpopuler", "Artikel populer", "Semua hak", "Hype", "IDN App"] {
            #expect(!json.contains(chrome), "\(chrome) leaked into the article")
        }
        #expect(!json.contains("<") && !json.contains(">"), "markup leaked into the article")
    }
}

@Suite("Article pages: charsets and other sites")
struct ExtractionCharsetTests {
    @Test("a page declared windows-1252 in its meta is read in it, and equals its capture")
    func windows1252Meta() throws {
        let data = Fixture.data("pages/pasar-1252.html")
        #expect(String(validating: data, as: UTF8.self) == nil, "the fixture is not UTF-8")
        let page = try ArticleExtractor.extract(data, url: nil, contentType: "text/html")
        let capture = try CaptureLoader.load(Fixture.data("pages/pasar.txt")).article
        #expect(page.encoding.lowercased() == "windows-1252")
        #expect(canonicalJSON(page.article.withoutImageAddresses) == canonicalJSON(capture))
        #expect(page.article.keyPoints.count == 2)
        #expect(page.article.editor == "Lia Kurnia")
    }

    @Test("the charset in the HTTP header wins over the page's own")
    func headerCharset() throws {
        let text = "<html><head><meta charset=\"utf-8\"><title>x</title></head><body><article><h1>Kafé Baru</h1>"
            + "<p>Kopi “susu” di kafé ini ramai dikunjungi pembeli setiap pagi, bahkan sebelum pintunya dibuka.</p></article></body></html>"
        let data = text.data(using: .windowsCP1252)!
        let page = try ArticleExtractor.extract(data, url: nil, contentType: "text/html; charset=Windows-1252")
        #expect(page.article.title == "Kafé Baru")
        #expect(page.article.sections.first?.blocks.first == .quote("Kopi “susu” di kafé ini ramai dikunjungi pembeli setiap pagi, bahkan sebelum pintunya dibuka.") || page.article.sections.first?.blocks.first == .paragraph("Kopi “susu” di kafé ini ramai dikunjungi pembeli setiap pagi, bahkan sebelum pintunya dibuka."))
    }

    @Test("a generic blog page: the densest run of paragraphs, without menus, sidebars or comments")
    func genericBlog() throws {
        let page = try ArticleExtractor.extract(Fixture.data("pages/blog.html"), url: URL(string: "http://127.0.0.1/blog.html"))
        #expect(page.method == .readability)
        let article = page.article
        #expect(article.title == "Roti Sourdough Pertama Saya")
        #expect(article.outlet == "Blog Sari")
        let text = article.bodyText
        #expect(text.contains("Setelah tiga minggu merawat ragi alami"))
        #expect(text.contains("biji wijen"))
        #expect(article.sections.contains { $0.heading == "Yang saya pelajari" })
        #expect(article.sections.flatMap(\.blocks).contains(.list(["Timbang bahan, jangan memakai sendok.", "Panaskan oven minimal 45 menit."])))
        for chrome in ["Beranda", "Bagikan", "Komentar", "resepnya lengkap", "Arsip", "Desember 2024", "Semua resep", "sepenuh hati", "TRACKING"] {
            #expect(!canonicalJSON(article).contains(chrome), "\(chrome) leaked into the article")
        }
    }

    @Test("page text is sanitised like captures; a page without text is no article")
    func sanitisedAndEmpty() throws {
        let html = "<html><body><article><h1>Judul \u{202E}aman\u{1B}[2J</h1><p>Paragraf \u{1B}]52;c;ZWNobw==\u{07}yang cukup panjang untuk menjadi isi artikel ini, dengan koma, dan titik.</p></article></body></html>"
        let page = try ArticleExtractor.extract(Data(html.utf8))
        #expect(page.article.title == "Judul aman")
        #expect(page.article.bodyText == "Paragraf yang cukup panjang untuk menjadi isi artikel ini, dengan koma, dan titik.")
        #expect(throws: ExtractionError.noArticle) { try ArticleExtractor.extract(Data("<html><body><nav>menu</nav></body></html>".utf8)) }
        #expect(throws: ExtractionError.empty) { try ArticleExtractor.extract(Data()) }
    }
}
