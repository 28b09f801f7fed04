import BacaCore
import Foundation
import Testing
@testable import BacaFeeds

/// Where a page's related links and cited outlets lead: kept beside the article's text for the
/// reader's hyperlinks, never changing the text or the content hash.
@Suite("Extraction: the addresses of related links and cited outlets")
struct LinkTargetTests {
    static let pageURL = URL(string: "https://kabar.test/kota/2024/banjir.html")!

    static func page(related: String, source: String) -> Data {
        Data("""
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Banjir surut</title></head><body>
            <article><h1>Banjir surut di tepi sungai</h1>
            <p>Air sungai yang meluap sejak Senin mulai surut pagi ini, dan warga kembali ke rumah untuk membersihkan lumpur.</p>
            <p>Dilansir \(source), curah hujan di hulu sungai turun tajam sejak Minggu malam dan debit air terus berkurang.</p>
            <p>Baca Juga: \(related)</p>
            <p>Petugas membuka dapur umum di balai warga dan membagikan air bersih kepada keluarga yang rumahnya terendam.</p>
            <p>Dinas setempat meminta warga tetap waspada karena hujan deras diperkirakan turun lagi akhir pekan ini.</p>
            </article></body></html>
            """.utf8)
    }

    @Test("a related title's and a cited outlet's own links, resolved against the page")
    func found() throws {
        let article = try ArticleExtractor.extract(
            Self.page(related: "<a href=\"/kota/2024/tanggul.html\">Tanggul jebol di hilir sungai diperbaiki</a>",
                      source: "<a href=\"https://berita-dunia.test/hujan\">Berita Dunia</a>"),
            url: Self.pageURL).article
        let related = article.sections.flatMap(\.blocks).compactMap { block -> String? in
            if case .related(let title) = block { return title } else { return nil }
        }
        #expect(related == ["Tanggul jebol di hilir sungai diperbaiki"])
        #expect(article.sources == ["Berita Dunia"])
        #expect(article.linkTarget(for: "Tanggul jebol di hilir sungai diperbaiki") == "https://kabar.test/kota/2024/tanggul.html")
        #expect(article.linkTarget(for: "Berita Dunia") == "https://berita-dunia.test/hujan")
    }

    @Test("unlinked text, and links that are not http(s), give no address; the text is the same either way")
    func notFound() throws {
        let plain = try ArticleExtractor.extract(
            Self.page(related: "Tanggul jebol di hilir sungai diperbaiki", source: "Berita Dunia"), url: Self.pageURL).article
        #expect(plain.linkTargets == nil)
        let scripted = try ArticleExtractor.extract(
            Self.page(related: "<a href=\"javascript:alert(1)\">Tanggul jebol di hilir sungai diperbaiki</a>",
                      source: "<a href=\"mailto:redaksi@berita-dunia.test\">Berita Dunia</a>"),
            url: Self.pageURL).article
        #expect(scripted.linkTargets == nil)
        let linked = try ArticleExtractor.extract(
            Self.page(related: "<a href=\"/kota/2024/tanggul.html\">Tanggul jebol di hilir sungai diperbaiki</a>",
                      source: "<a href=\"https://berita-dunia.test/hujan\">Berita Dunia</a>"),
            url: Self.pageURL).article
        var withoutAddresses = linked
        withoutAddresses.linkTargets = nil
        #expect(withoutAddresses == plain)
    }
}
