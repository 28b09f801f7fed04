import Foundation
import Testing

@testable import BacaCore

/// Pictures in `baca show --format markdown|html`, with and without the address the source stated.
@Suite("Export: pictures with and without an address")
struct ExportImageTests {
    static let article = Article(
        title: "Banjir surut",
        heroImage: ImageCaption(caption: "Warga membersihkan rumah", credit: "Foto Rina", url: "https://img.example.test/banjir(1).jpg"),
        sections: [Section(blocks: [
            .paragraph("Air mulai surut pagi ini."),
            .image(ImageCaption(caption: "Posko <darurat> & dapur umum")),
        ])])

    @Test("markdown: ![caption](url) with an address, an italic caption line without")
    func markdown() {
        let lines = ArticleExport.markdown(Self.article).split(separator: "\n").map(String.init)
        #expect(lines.contains("![Warga membersihkan rumah (Foto Rina)](https://img.example.test/banjir%281%29.jpg)"))
        #expect(lines.contains("*Posko \\<darurat\\> & dapur umum*"))
        #expect(!lines.contains { $0.contains("]()") })
    }

    @Test("html: an img inside the figure only when there is an address")
    func html() {
        let html = ArticleExport.html(Self.article)
        #expect(html.contains(#"<figure><img src="https://img.example.test/banjir(1).jpg" alt="Warga membersihkan rumah"><figcaption>Warga membersihkan rumah <small>(Foto Rina)</small></figcaption></figure>"#))
        #expect(html.contains("<figure><figcaption>Posko &lt;darurat&gt; &amp; dapur umum</figcaption></figure>"))
    }

    @Test("only absolute http(s) addresses without spaces or control characters are kept")
    func acceptedAddresses() throws {
        #expect(ImageCaption(caption: "c", url: "https://a.test/x.jpg").url == "https://a.test/x.jpg")
        #expect(ImageCaption(caption: "c", url: "HTTP://a.test/x.jpg").url == "HTTP://a.test/x.jpg")
        for bad in ["javascript:alert(1)", "data:image/png;base64,AAAA", "/relative.jpg", "ftp://a.test/x.jpg",
                    "https://a.test/x y.jpg", "https://a.test/\u{1B}]52;c;x\u{07}", "https://a.test/\u{202E}gpj.exe", "https://"] {
            #expect(ImageCaption(caption: "c", url: bad).url == nil, "\(bad)")
            var caption = ImageCaption(caption: "c")
            caption.url = bad
            #expect(caption.url == nil, "set \(bad)")
        }
        // Decoding (a file another program wrote) and sanitising drop them too.
        let decoded = try JSONDecoder().decode(ImageCaption.self, from: Data(#"{"caption":"c","url":"javascript:x()"}"#.utf8))
        #expect(decoded.url == nil)
        let block = try JSONDecoder().decode(Block.self, from: Data(#"{"type":"image","caption":"c","credit":null,"url":"https://a.test/p.png"}"#.utf8))
        #expect(block == .image(ImageCaption(caption: "c", url: "https://a.test/p.png")))
        #expect(String(decoding: try JSONEncoder().encode(ImageCaption(caption: "c")), as: UTF8.self) == #"{"caption":"c"}"#)
    }
}
