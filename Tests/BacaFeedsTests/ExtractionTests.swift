import BacaCore
import Foundation
import Testing
@testable import BacaFeeds

@Suite("Article pages")
struct ExtractionTests {
    @Test("an article page with the capture's structure gives the capture's article, as JSON")
    func pageEqualsCapture() throws {
        let capture = try CaptureLoader.load(Fixture.data("pages/jembatan.txt")).article
        let page = try ArticleExtractor.extract(Fixture.data("pages/jembatan.html"), url: URL(string: "http://127.0.0.1/jembatan"))
        #expect(page.method == .structured)
        #expect(canonicalJSON(page.article) == canonicalJSON(capture))
        #expect(page.article == capture)
        #expect(page.canonicalURL?.absoluteString == "https://www.idntimes.test/news/indonesia/jembatan-gantung-sukamaju-diresmikan")
        // Every element of the capture is there, so the comparison means something.
        #expect(capture.keyPoints.count == 2)
        #expect(capture.heroImage == ImageCaption(caption: "Warga melintasi jembatan gantung baru di Sukamaju", credit: "IDN Times/Rani Putri"))
        #expect(capture.numberedSections.count == 2)
        #expect(capture.location == "Garut" && capture.outlet == "IDN Times")
        #expect(capture.publishedAt == CalendarDate(year: 2024, month: 11, day: 6))
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
