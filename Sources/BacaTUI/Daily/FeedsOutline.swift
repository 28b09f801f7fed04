import Foundation
import BacaStore

/// The rows of the feeds view grouped for the day: saved searches first, then each tag with
/// its feeds, then the feeds without a tag. A feed with two tags shows under both. Pure: built
/// from what the repository handed out, so the view and its tests share it.
public struct FeedsOutline: Sendable, Equatable {
    public enum Row: Sendable, Equatable {
        case savedSearch(SavedSearch)
        case tag(TagOverview)
        case feed(FeedOverview, underTag: String?)
        /// The heading of the feeds that have no tag.
        case untagged(count: Int)

        /// Rows the cursor may rest on (every row: a tag's row opens its articles).
        public var unreadCount: Int {
            switch self {
            case .savedSearch(let search): return search.unreadCount
            case .tag(let tag): return tag.unreadCount
            case .feed(let feed, _): return feed.unreadCount
            case .untagged: return 0
            }
        }
    }

    public private(set) var rows: [Row]

    public init(feeds: [FeedOverview], tags: [TagOverview], searches: [SavedSearch]) {
        var rows: [Row] = searches.map(Row.savedSearch)
        for tag in tags {
            rows.append(.tag(tag))
            for feed in feeds where feed.feed.tags.contains(tag.tag) { rows.append(.feed(feed, underTag: tag.tag)) }
        }
        let untagged = feeds.filter { $0.feed.tags.isEmpty }
        if !untagged.isEmpty && !tags.isEmpty { rows.append(.untagged(count: untagged.count)) }
        for feed in untagged { rows.append(.feed(feed, underTag: nil)) }
        self.rows = rows
    }

    /// The index of the row of tag `name` (case ignored), for `:tag NAME`.
    public func index(ofTag name: String) -> Int? {
        rows.firstIndex { row in
            if case .tag(let tag) = row { return tag.tag.lowercased() == name.lowercased() }
            return false
        }
    }

    /// The next tag row after `index`, wrapping (`:tag` alone moves from tag to tag).
    public func nextTag(after index: Int) -> Int? {
        let tagRows = rows.indices.filter { if case .tag = rows[$0] { return true } else { return false } }
        return tagRows.first { $0 > index } ?? tagRows.first
    }
}

/// OSC 52: asks the terminal to put text on the clipboard (`y` in the link list). Works over
/// ssh and inside tmux with `set-clipboard on`; a terminal that does not know it ignores it.
public enum OSC52 {
    public static func copy(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }
}
