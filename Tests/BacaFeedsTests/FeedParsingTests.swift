import BacaCore
import Foundation
import Testing
@testable import BacaFeeds

@Suite("Feed formats")
struct FeedParsingTests {
    let base = URL(string: "http://127.0.0.1:8080/feeds/x.xml")!

    @Test("RSS 2.0: relative links resolved, HTML turned into text, dates read, duplicates dropped")
    func rss2() throws {
        let feed = try FeedParser.parse(Fixture.data("feeds/rss2.xml"), url: base)
        #expect(feed.format == .rss2)
        #expect(feed.title == "Berita Jabar & Sekitarnya")
        #expect(feed.siteURL?.absoluteString == "http://127.0.0.1:8080/")
        #expect(feed.items.count == 3, "the item with a repeated guid is dropped")
        let first = feed.items[0]
        #expect(first.link?.absoluteString == "http://127.0.0.1:8080/pages/jembatan.html")
        #expect(first.guid == "berita-1001")
        #expect(first.summary == ["Jembatan gantung di Desa Sukamaju diresmikan.", "Warga menyambutnya dengan syukuran."])
        #expect(first.author == "Rani Putri")
        #expect(first.published?.day == CalendarDate(year: 2024, month: 11, day: 6))
        #expect(first.published?.date == Date(timeIntervalSince1970: 1_730_859_300))
        #expect(feed.items[1].link?.absoluteString == "http://127.0.0.1:8080/feeds/pages/pasar-1252.html")
        #expect(feed.items[1].summary == ["Harga cabai rawit turun & pasokan melimpah."])
        #expect(feed.items[1].published?.day == CalendarDate(year: 2024, month: 12, day: 2))
        #expect(feed.items[2].published?.day == CalendarDate(year: 2024, month: 12, day: 9))
    }

    @Test("Atom 1.0: xml:base, html and xhtml content, published else updated")
    func atom() throws {
        let feed = try FeedParser.parse(Fixture.data("feeds/atom.xml"), url: base)
        #expect(feed.format == .atom)
        #expect(feed.title == "Catatan Sari")
        #expect(feed.items.count == 2)
        #expect(feed.items[0].title == "Roti Sourdough Pertama Saya")
        #expect(feed.items[0].link?.absoluteString == "http://127.0.0.1:8080/pages/blog.html")
        #expect(feed.items[0].author == "Sari")
        #expect(feed.items[0].published?.day == CalendarDate(year: 2025, month: 1, day: 12))
        #expect(feed.items[1].link?.absoluteString == "http://127.0.0.1:8080/pages/notes/xhtml.html")
        #expect(feed.items[1].summary == ["Paragraf pertama.", "Paragraf kedua."])
        #expect(feed.items[1].published?.day == CalendarDate(year: 2025, month: 1, day: 10))
    }

    @Test("RSS 1.0 (RDF) with Dublin Core dates and creators")
    func rdf() throws {
        let feed = try FeedParser.parse(Fixture.data("feeds/rdf.xml"), url: base)
        #expect(feed.format == .rdf)
        #expect(feed.title == "Arsip RDF")
        #expect(feed.items.map(\.title) == ["Jembatan Gantung Desa Sukamaju Akhirnya Diresmikan", "Item RDF tanpa halaman"])
        #expect(feed.items[0].summary == ["Jembatan gantung diresmikan hari ini."])
        #expect(feed.items[0].author == "Rani Putri")
        #expect(feed.items[1].published?.day == CalendarDate(year: 2024, month: 11, day: 7))
    }

    @Test("JSON Feed 1.1: content_html or content_text, numeric ids, duplicates dropped")
    func jsonFeed() throws {
        let feed = try FeedParser.parse(Fixture.data("feeds/feed.json"), url: base)
        #expect(feed.format == .jsonFeed)
        #expect(feed.title == "Kabar JSON")
        #expect(feed.items.count == 2)
        #expect(feed.items[0].summary == ["Harga cabai turun."])
        #expect(feed.items[0].author == "Asep Saepudin")
        #expect(feed.items[1].guid == "2")
        #expect(feed.items[1].summary == ["Baris pertama masih paragraf pertama.", "Paragraf kedua."])
        #expect(feed.items[1].published?.day == CalendarDate(year: 2024, month: 12, day: 3))
    }

    @Test("a malformed feed is read in recover mode and says so; what is no XML is an error; other documents are not feeds")
    func malformed() throws {
        let repaired = try FeedParser.parse(Fixture.data("feeds/malformed.xml"), url: base)
        #expect(repaired.repaired)
        #expect(repaired.title == "Feed rusak")
        #expect(repaired.items.count == 1)
        #expect(repaired.repairNote?.hasPrefix("line ") == true)
        let error = #expect(throws: FeedParseError.self) { try FeedParser.parse(Data("no markup at all".utf8), url: base) }
        #expect(error?.description.hasPrefix("malformed feed (line") == true)
        #expect(throws: FeedParseError.self) { try FeedParser.parse(Data("<html><body>hi</body></html>".utf8), url: base) }
        #expect(throws: FeedParseError.empty) { try FeedParser.parse(Data("  \n".utf8), url: base) }
        #expect(throws: FeedParseError.self) { try FeedParser.parse(Data(#"{"title": "no version"}"#.utf8), url: base) }
    }

    @Test("items are one by guid, then link, then title and date")
    func deduplication() {
        let date = FeedDate("2024-11-06T09:00:00Z")
        let items = [
            FeedItem(guid: "a", link: URL(string: "http://x/1"), title: "A"),
            FeedItem(guid: "a", link: URL(string: "http://x/2"), title: "A again"),
            FeedItem(link: URL(string: "http://x/3"), title: "B"),
            FeedItem(link: URL(string: "http://x/3"), title: "B again"),
            FeedItem(title: "C", published: date),
            FeedItem(title: "C", published: date),
            FeedItem(title: "C", published: FeedDate("2024-11-07")),
        ]
        #expect(FeedParser.deduplicated(items).map(\.title) == ["A", "B", "C", "C"])
    }

    @Test("feed text is sanitised: no control characters, no bidi overrides, no javascript: links")
    func sanitised() throws {
        let rss = """
            <rss version="2.0"><channel><title>T\u{1B}]0;pwned\u{07}itle</title>
            <item><title>Judul \u{202E}terbalik</title><link>javascript:alert(1)</link>
            <description>&lt;p&gt;Teks \u{1B}[2Jbersih&lt;/p&gt;</description></item></channel></rss>
            """
        let feed = try FeedParser.parse(Data(rss.utf8), url: base)
        #expect(feed.title == "Title")
        #expect(feed.items[0].title == "Judul terbalik")
        #expect(feed.items[0].link == nil)
        #expect(feed.items[0].summary == ["Teks bersih"])
    }
}

@Suite("Feed dates")
struct FeedDateTests {
    func day(_ text: String) -> String? { FeedDate(text)?.day.iso }
    func epoch(_ text: String) -> Int? { FeedDate(text).map { Int($0.date.timeIntervalSince1970) } }

    @Test("RFC 822 and its broken variants")
    func rfc822() {
        let moment = 1_730_859_300   // 2024-11-06 02:15:00 UTC
        #expect(epoch("Wed, 06 Nov 2024 09:15:00 +0700") == moment)
        #expect(epoch("Wed, 6 Nov 2024 09:15:00 +07:00") == moment)
        #expect(epoch("06 Nov 2024 02:15:00 GMT") == moment)
        #expect(epoch("Mon, 06 Nov 2024 09:15:00 WIB") == moment, "a wrong weekday is ignored")
        #expect(epoch("Wed, 06 Nov 24 02:15 UT") == moment, "two-digit year, no seconds")
        #expect(epoch("Wed, 06 Nov 2024 02:15:00") == moment, "no zone: UTC")
        #expect(epoch("Tue, 05 Nov 2024 21:15:00 EST") == moment)
        #expect(day("Rabu, 6 November 2024 09:15 WIB") == "2024-11-06")
        #expect(day("6 Agustus 2024") == "2024-08-06")
        #expect(day("Kamis, 12 Des 2024 23:30:00 +0700") == "2024-12-12", "the day at the publisher's offset")
        #expect(day("Nov 6, 2024 10:00:00 GMT") == "2024-11-06")
    }

    @Test("RFC 3339 and ISO 8601 variants")
    func rfc3339() {
        let moment = 1_730_859_300
        #expect(epoch("2024-11-06T09:15:00+07:00") == moment)
        #expect(epoch("2024-11-06T02:15:00Z") == moment)
        #expect(epoch("2024-11-06T02:15:00.123Z") == moment)
        #expect(epoch("2024-11-06t02:15:00z") == moment)
        #expect(epoch("2024-11-06 09:15:00+0700") == moment)
        #expect(epoch("2024-11-06T02:15Z") == moment)
        #expect(day("2024-11-06") == "2024-11-06")
        #expect(day("2024-12-31T23:30:00-05:00") == "2024-12-31")
        // W3C-DTF's reduced forms name a day, not an instant.
        #expect(FeedDate("2024-11")?.publishedDate.iso == "2024-11-01")
        #expect(FeedDate("2024")?.publishedDate.iso == "2024-01-01")
        #expect(FeedDate("2024-11-06")?.publishedDate.iso == "2024-11-06")
        #expect(FeedDate("2024-11-06T09:15:00+07:00")?.publishedDate.iso == "2024-11-06T02:15:00Z")
        #expect(FeedDate("Wed, 06 Nov 2024 09:15:00 +0700")?.publishedDate.iso == "2024-11-06T02:15:00Z")
        #expect(FeedDate("6 Agustus 2024")?.publishedDate.iso == "2024-08-06", "no time named: a day")
        #expect(FeedDate("Wed Nov  6 02:15:00 2024")?.publishedDate.iso == "2024-11-06T02:15:00Z", "asctime")
    }

    @Test("nonsense is no date")
    func nonsense() {
        for text in ["", "kemarin", "2024-13-01", "31 Feb 2024", "2024-11-06T25:00:00Z", "Nov 2024"] {
            #expect(FeedDate(text) == nil, "\(text)")
        }
    }
}
