import BacaStore
import Foundation
import Testing

@testable import BacaTUI

@Suite("Feeds grouped by tag")
struct FeedsOutlineTests {
    static func feed(_ id: Int64, _ title: String, tags: [String], unread: Int) -> FeedOverview {
        FeedOverview(feed: Feed(id: id, url: "https://x.test/\(id)", title: title, tags: tags, addedAt: Date()), articleCount: 10, unreadCount: unread)
    }

    @Test("saved searches first, then tags with their feeds, a feed under each of its tags, then untagged feeds")
    func outline() {
        let feeds = [Self.feed(1, "Satu", tags: ["daerah"], unread: 2), Self.feed(2, "Dua", tags: [], unread: 1),
                     Self.feed(3, "Tiga", tags: ["olahraga", "daerah"], unread: 4)]
        let tags = [TagOverview(tag: "daerah", feedCount: 2, articleCount: 20, unreadCount: 6),
                    TagOverview(tag: "olahraga", feedCount: 1, articleCount: 10, unreadCount: 4)]
        let searches = [SavedSearch(name: "banjir", query: "banjir unread", articleCount: 5, unreadCount: 3)]
        let outline = FeedsOutline(feeds: feeds, tags: tags, searches: searches)
        #expect(outline.rows == [
            .savedSearch(searches[0]),
            .tag(tags[0]), .feed(feeds[0], underTag: "daerah"), .feed(feeds[2], underTag: "daerah"),
            .tag(tags[1]), .feed(feeds[2], underTag: "olahraga"),
            .untagged(count: 1), .feed(feeds[1], underTag: nil),
        ])
        #expect(outline.rows.map(\.unreadCount) == [3, 6, 2, 4, 4, 4, 0, 1])
        #expect(outline.index(ofTag: "OLAHRAGA") == 4)
        #expect(outline.nextTag(after: 1) == 4)
        #expect(outline.nextTag(after: 4) == 1, "wraps")
        #expect(OSC52.copy("https://x.test/a") == "\u{1B}]52;c;aHR0cHM6Ly94LnRlc3QvYQ==\u{07}")
    }
}
