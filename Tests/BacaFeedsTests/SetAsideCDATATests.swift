import Foundation
import Testing
@testable import BacaFeeds

/// CDATA sections are set aside before libxml2 reads a feed and put back when it is read
/// (`SetAsideCDATA`, for speed): the feed that comes out must be the one libxml2 alone gives.
@Suite("CDATA set aside: the same feed as libxml2 reads it")
struct SetAsideCDATATests {
    /// Both readings of `data`: the items (every field, the body's text included), the title,
    /// the repair and its note, or the same error.
    static func expectSame(_ data: Data, url: URL? = URL(string: "https://warta.test/feed.xml"), charset: String? = nil,
                           _ comment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let fast = Result { () throws(FeedParseError) in try XMLFeedParser.parse(data, url: url, charset: charset) }
        let plain = Result { () throws(FeedParseError) in
            try XMLFeedParser.parse(data, url: url, charset: charset, setAsideCDATA: false)
        }
        switch (fast, plain) {
        case (.success(let fast), .success(let plain)):
            #expect(fast == plain, "\(comment)", sourceLocation: sourceLocation)
            #expect(fast.items.map(\.summary) == plain.items.map(\.summary), "\(comment)", sourceLocation: sourceLocation)
        case (.failure(let fast), .failure(let plain)):
            #expect(fast == plain, "\(comment)", sourceLocation: sourceLocation)
        default:
            Issue.record("\(comment): \(fast) and \(plain)", sourceLocation: sourceLocation)
        }
    }

    static let paragraph = "Warga desa bergotong royong membersihkan saluran air sebelum musim hujan tiba."

    @Test("descriptions in CDATA: CRLF and lone CR line ends, non-ASCII, markup, entities left as written")
    func descriptions() {
        let feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<rss version=\"2.0\"><channel><title>Warta</title>\r\n"
            + "<item><title>Satu</title><link>/1</link><description><![CDATA[<p>\(Self.paragraph)</p>\r\n<p>Kata “kunci” &amp; é — selesai.</p>\r<p>Tiga</p>]]></description></item>\r\n"
            + "<item><title>Dua</title><link>/2</link><description>Sebelum <![CDATA[<b>\(Self.paragraph)</b>]]> sesudah &amp; <![CDATA[x]]> akhir</description></item>\r\n"
            + "<item><title>Tiga</title><link>/3</link><content:encoded xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><![CDATA[<script>alert(1)</script><p>\(Self.paragraph)</p>]]></content:encoded></item>\r\n"
            + "</channel></rss>"
        Self.expectSame(Data(feed.utf8), "well-formed")
        let parsed = try? XMLFeedParser.parse(Data(feed.utf8), url: nil)
        #expect(parsed?.items.first?.summary == [Self.paragraph, "Kata “kunci” & é — selesai.", "Tiga"])
        #expect(parsed?.items[2].summary == [Self.paragraph])
    }

    @Test("CDATA in comments, processing instructions and the DOCTYPE, and one never closed")
    func elsewhere() {
        let feed = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY nama "<![CDATA[\(Self.paragraph)]]>">]>
            <rss version="2.0"><channel><title>Warta</title>
            <!-- <![CDATA[ \(Self.paragraph) -->
            <item><title>Satu</title><description><![CDATA[\(Self.paragraph)]]></description></item>
            <?pi <![CDATA[\(Self.paragraph)]]> ?>
            <item><title>Dua &nama;</title><description><![CDATA[\(Self.paragraph) yang tak pernah ditutup
            """
        Self.expectSame(Data(feed.utf8), "comment, PI, DOCTYPE, unclosed")
    }

    @Test("a broken feed: the same items, and the note names the same line after many lines of CDATA")
    func brokenAfterCDATA() throws {
        let lines = (1...40).map { "<p>\(Self.paragraph) \($0)</p>" }.joined(separator: "\n")
        let feed = """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Warta</title>
            <item><title>Satu</title><description><![CDATA[\(lines)]]></description></item>
            <item><title>Dua & &hellip; &bogus;</title><description><![CDATA[\(lines)]]></description></item>
            <item><title>Tiga</title><description>Tanpa akhir <b>tebal
            """
        Self.expectSame(Data(feed.utf8), "broken")
        let parsed = try XMLFeedParser.parse(Data(feed.utf8), url: nil)
        #expect(parsed.repaired)
        // libxml2 reports the unclosed tag past the last line (82): the 80 line ends of the two
        // sections were kept for it to count.
        #expect(parsed.repairNote?.hasPrefix("line 83: ") == true, "\(parsed.repairNote ?? "none")")
    }

    @Test("not set aside where it could change a byte: other encodings, bad bytes, forbidden characters")
    func leftToLibxml2() {
        let latin = Data("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><item><title>A</title><description><![CDATA[\(Self.paragraph) caf\u{E9}]]></description></item></channel></rss>".utf8)
        Self.expectSame(latin, "declared Latin-1")
        Self.expectSame(latin, charset: "windows-1252", "a charset from HTTP")
        var bad = Data("<rss version=\"2.0\"><channel><item><title>A</title><description><![CDATA[\(Self.paragraph) ".utf8)
        bad.append(contentsOf: [0xC3, 0x28, 0xFF])
        bad.append(Data(" akhir]]></description></item></channel></rss>".utf8))
        Self.expectSame(bad, "invalid UTF-8 in CDATA")
        // U+FFFE, U+FDD0 and U+FDD1 as bytes: Swift accepts no noncharacter in a literal.
        let forbidden = Data("<rss version=\"2.0\"><channel><item><title>A</title><description><![CDATA[\(Self.paragraph) ".utf8)
            + Data([0xEF, 0xBF, 0xBE]) + Data(" akhir]]></description></item></channel></rss>".utf8)
        Self.expectSame(forbidden, "U+FFFE in CDATA")
        let marker = Data("<rss version=\"2.0\"><channel><item><title>A ".utf8) + Data([0xEF, 0xB7, 0x90, 0x30, 0xEF, 0xB7, 0x91])
            + Data("</title><description><![CDATA[\(Self.paragraph)]]></description></item></channel></rss>".utf8)
        Self.expectSame(marker, "the marker's own characters in the document")
        let parsed = try? XMLFeedParser.parse(marker, url: nil)
        #expect(parsed?.items.first?.summary == [Self.paragraph])
    }

    @Test("every case of the conformance corpus reads the same both ways")
    func conformanceCorpus() throws {
        let corpus = try ConformanceCorpus.load()
        var compared = 0
        for testCase in corpus.cases {
            let data = testCase.data
            guard let first = data.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }), first != UInt8(ascii: "{")
            else { continue }
            Self.expectSame(data, url: testCase.baseURL(documentURL: corpus.documentURL(testCase)), testCase.file)
            compared += 1
        }
        #expect(compared >= 600)
    }
}
