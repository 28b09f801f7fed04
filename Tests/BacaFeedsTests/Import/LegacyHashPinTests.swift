import BacaCore
import BacaTestSupport
import Foundation
import Testing
@testable import BacaFeeds
@testable import BacaStore

/// What schema v9 recognises an older repository's rows by: the SHA-256 baca 8 stored. The
/// values are what baca 8 (`ce9620b`) stored for these files; `legacyContentHash()` must make
/// them again, or re-importing into an older repository would report every file "updated".
@Suite("The SHA-256 of baca 8, pinned")
struct LegacyHashPinTests {
    @Test("a capture (no picture address) and a saved page (pictures with addresses)")
    func pinned() throws {
        let capture = try Data(contentsOf: BacaBinary.samplesDirectory.appendingPathComponent("2024-07-26-tanam-mangrove-pesisir-untia.txt"))
        let captured = try CaptureLoader.load(capture).article
        let captureRecord = try ArticleRecord(article: captured, sourcePath: "/a.txt", importedAt: Date())
        #expect(try captureRecord.legacyContentHash() == "3cdab7bf151fa4e7f768d55225e1fc626948f87c710c53517a751487f1835f0a")

        let loader = try #require(SavedPage.loaders["html"])
        let page = try loader(Fixture.data("pages/jembatan.html"))
        #expect(page.article.heroImage?.url != nil || page.article.sections.contains {
            $0.blocks.contains { if case .image(let image) = $0 { image.url != nil } else { false } }
        })
        let pageRecord = try ArticleRecord(article: page.article, sourcePath: "/b.html", importedAt: Date())
        #expect(try pageRecord.legacyContentHash() == "e9c044d2b16e0e19f8feebb6193db5a813452c3ee6012540aa7618dd7f46c2b5")
    }
}
