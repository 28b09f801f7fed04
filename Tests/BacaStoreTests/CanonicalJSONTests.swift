import BacaCore
import Foundation
import Testing

@testable import BacaStore

/// The hand-written canonical JSON is byte for byte what `JSONEncoder` writes, so content
/// hashes of repositories written before it stay valid.
@Suite("Canonical JSON")
struct CanonicalJSONTests {
    static func foundation(_ article: Article) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(article))
    }

    static var samplesFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples")
    }

    @Test("every sample article")
    func samples() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.samplesFolder.path).filter { $0.hasSuffix(".txt") }
        #expect(files.count >= 10)
        for file in files {
            let data = try Data(contentsOf: Self.samplesFolder.appendingPathComponent(file))
            let article = try CaptureLoader.load(data).article
            #expect(CanonicalJSON.encode(article) == (try Self.foundation(article)), "\(file)")
        }
    }

    @Test("every field present and absent, every ASCII character and hostile text")
    func hostile() throws {
        let ascii = String(String.UnicodeScalarView((0..<0x80).compactMap(Unicode.Scalar.init)))
        let texts = [
            ascii, "", "a/b\\c\"d", "“kutip” ‘tunggal’ — … 木下陽翔 🇮🇩🏸🔥", "\u{2028}\u{2029}\u{FEFF}\u{7F}\u{85}",
            "tab\there\nline\r\n", "\u{1B}]52;c;aGk=\u{07}", "e\u{301} combining",
        ]
        for (n, text) in texts.enumerated() {
            let full = Article(
                title: text, heroImage: ImageCaption(caption: text, credit: n % 2 == 0 ? text : nil, url: n % 3 == 0 ? nil : "http://example.test/h\(n).png"),
                keyPoints: [text, "x"], location: text, outlet: text,
                publishedAt: CalendarDate(year: 2024, month: 11, day: 4).map(PublishedDate.init(day:)), author: text, editor: text,
                sections: [
                    Section(blocks: [.paragraph(text), .quote(text)]),
                    Section(number: 12, heading: text, blocks: [
                        .image(ImageCaption(caption: text, credit: text)), .image(ImageCaption(caption: text)),
                        .image(ImageCaption(caption: text, url: "https://img.example.test/a/\(n).jpg?w=640&h=1")),
                        .list([text, text]), .list([]), .related(text),
                    ]),
                    Section(number: 3, heading: nil, blocks: []),
                ],
                sources: [text], topics: [text, text], disclaimer: text)
            #expect(CanonicalJSON.encode(full) == (try Self.foundation(full)), "text \(n)")
            var fromFeed = full
            fromFeed.titleDerived = n % 2 == 0
            fromFeed.link = text
            fromFeed.publishedAt = PublishedDate(instant: Date(timeIntervalSince1970: 1_730_691_000))
            fromFeed.linkTargets = [LinkTarget(text: "x" + text, url: "https://a.test/\(n)?q=1&r=/s")!, LinkTarget(text: "Reuters", url: "http://b.test/")!]
            #expect(CanonicalJSON.encode(fromFeed) == (try Self.foundation(fromFeed)), "from a feed \(n)")
            let bare = Article(title: text)
            #expect(CanonicalJSON.encode(bare) == (try Self.foundation(bare)), "bare \(n)")
            #expect(CanonicalJSON.encode([text, text]) == Array(try JSONEncoder().encode([text, text])), "strings \(n)")
        }
        #expect(CanonicalJSON.encode([String]()) == Array(try JSONEncoder().encode([String]())))
    }

    /// Escapes found eight bytes at a time land where one byte at a time finds them: random
    /// texts of every length around the word size, with quotes, backslashes, slashes, control
    /// characters and non-ASCII scalars anywhere.
    @Test("random texts: every escape in its place, in articles and in the key points column")
    func randomTexts() throws {
        let pieces = ["a", "kata ", "\"", "\\", "/", "\n", "\t", "\u{1}", "\u{1F}", "\u{7F}", "é", "“", "木", "🏸", "\r\n",
                      "12345678", " ", "}", "{", "\u{2028}"]
        var state: UInt64 = 99
        for _ in 0..<3000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<(state >> 59) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let article = Article(title: text, keyPoints: [text], sections: [Section(blocks: [.paragraph(text + text)])])
            #expect(CanonicalJSON.encode(article) == (try Self.foundation(article)), "\(text.unicodeScalars.map(\.value))")
            #expect(CanonicalJSON.encode([text, text]) == Array(try JSONEncoder().encode([text, text])), "\(text.unicodeScalars.map(\.value))")
        }
    }

    /// The bytes an article without image addresses had before `url` existed (a capture never
    /// has one): its stored JSON and content hash stay what they were.
    @Test("pictures without an address write no url key")
    func noAddressNoKey() {
        let article = Article(
            title: "T", heroImage: ImageCaption(caption: "Hero", credit: "Foto"),
            sections: [Section(blocks: [.image(ImageCaption(caption: "Fig"))])])
        let expected = #"{"heroImage":{"caption":"Hero","credit":"Foto"},"keyPoints":[],"sections":[{"blocks":[{"caption":"Fig","credit":null,"type":"image"}],"heading":null,"number":null}],"sources":[],"title":"T","topics":[]}"#
        #expect(String(decoding: CanonicalJSON.encode(article), as: UTF8.self) == expected)
        var withAddress = article
        withAddress.heroImage?.url = "https://example.test/hero.jpg"
        #expect(String(decoding: CanonicalJSON.encode(withAddress), as: UTF8.self).contains(#""credit":"Foto","url":"https://example.test/hero.jpg"}"#))
        // The content hash leaves addresses out: a page and its capture stay one article.
        let hash = { (article: Article) in ArticleRecord.contentHash(article, json: Data(CanonicalJSON.encode(article))) }
        #expect(hash(withAddress) == hash(article))
        #expect(hash(article) == ContentFingerprint.hexDigest(of: Array(expected.utf8)))
        var otherText = withAddress
        otherText.heroImage?.caption = "Hero lain"
        #expect(hash(otherText) != hash(withAddress))
        // So do the addresses of related links and cited outlets, which the stored JSON keeps.
        var linked = article
        linked.linkTargets = [LinkTarget(text: "Reuters", url: "https://reuters.test/a")!]
        #expect(String(decoding: CanonicalJSON.encode(linked), as: UTF8.self).contains(#""linkTargets":[{"text":"Reuters","url":"https://reuters.test/a"}]"#))
        #expect(hash(linked) == hash(article))
    }

    /// A field added to the model must be added to `CanonicalJSON` too (else its hash and
    /// stored JSON would silently leave it out): this list fails first.
    @Test("the encoder knows every stored property of the model")
    func knowsEveryProperty() {
        let article = Article(title: "t")
        #expect(Mirror(reflecting: article).children.compactMap(\.label) == [
            "title", "heroImage", "keyPoints", "location", "outlet", "publishedAt", "author", "editor",
            "sections", "sources", "topics", "disclaimer", "titleDerived", "link", "linkTargets",
        ])
        #expect(Mirror(reflecting: LinkTarget(text: "t", url: "https://a.test/")!).children.compactMap(\.label) == ["text", "url"])
        #expect(Mirror(reflecting: Section()).children.compactMap(\.label) == ["number", "heading", "blocks"])
        #expect(Mirror(reflecting: ImageCaption(caption: "c")).children.compactMap(\.label) == ["caption", "credit", "url"])
    }
}
