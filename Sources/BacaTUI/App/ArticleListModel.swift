import BacaCore
import BacaStore

/// The rows of the article list, read from the repository a page at a time.
///
/// Holds only the pages the screen has asked for, so a list of 100,000 articles costs a few
/// pages of memory and a key press never re-reads the repository.
final class ArticleListModel {
    let store: ArticleStore
    private(set) var scope: ListScope = .all
    private(set) var sort: ListSort = .newest
    /// The active full-text search, or nil for the plain list.
    private(set) var query: String?
    /// The feed whose articles the list shows, or nil for every article.
    private(set) var feed: FeedOverview?
    /// A tag's or a saved search's query (`LibraryQuery`), or nil.
    private(set) var library: LibraryQuery?
    private(set) var count = 0

    static let pageSize = 64
    private var pages: [Int: [ArticleSummary]] = [:]

    init(store: ArticleStore) {
        self.store = store
    }

    /// Changes what the list shows and reads its size again. (The header's counts are the
    /// whole repository's, kept by `AppContext`, not read again here.)
    func configure(
        scope: ListScope? = nil, sort: ListSort? = nil, query: String?? = nil, feed: FeedOverview?? = nil,
        library: LibraryQuery?? = nil
    ) throws {
        if let scope { self.scope = scope }
        if let sort { self.sort = sort }
        if let query { self.query = query }
        if let feed { self.feed = feed }
        if let library { self.library = library }
        try reload()
    }

    /// How many times the list was read again from scratch (tests: the reader's own state
    /// writes must not cause one).
    private(set) var reloads = 0

    /// Drops the cached pages and reads the size again (after an import or another process's write).
    func reload() throws {
        reloads += 1
        pages.removeAll(keepingCapacity: true)
        if let library {
            count = try store.count(matching: scoped(library))
        } else if let query {
            count = try store.searchCount(query, scope: scope)
        } else if let feed {
            // A feed's list is newest first; of the filters, it knows its unread count.
            let fresh = try store.feeds().first { $0.feed.id == feed.feed.id }
            self.feed = fresh ?? feed
            count = scope == .unread ? (fresh?.unreadCount ?? 0) : try store.articleCount(feedId: feed.feed.id)
        } else {
            count = try store.count(scope: scope)
        }
    }

    /// The row at `index`, reading its page when needed.
    func row(at index: Int) -> ArticleSummary? {
        guard index >= 0, index < count else { return nil }
        let page = index / Self.pageSize
        if pages[page] == nil {
            pages[page] = (try? loadPage(page)) ?? []
            if pages.count > 16 {
                // Keep memory flat when paging through a long list: drop the farthest pages.
                let far = pages.keys.sorted { abs($0 - page) > abs($1 - page) }.prefix(pages.count - 16)
                for key in far { pages[key] = nil }
            }
        }
        let rows = pages[page] ?? []
        let offset = index - page * Self.pageSize
        return offset < rows.count ? rows[offset] : nil
    }

    private func loadPage(_ page: Int) throws -> [ArticleSummary] {
        let offset = page * Self.pageSize
        if let library {
            return try store.summaries(matching: scoped(library), sort: sort, offset: offset, limit: Self.pageSize)
        }
        if let query {
            return try store.searchSummaries(query, scope: scope, offset: offset, limit: Self.pageSize)
        }
        if let feed {
            return try store.summaries(
                feedId: feed.feed.id, scope: scope == .unread ? .unread : .all, offset: offset, limit: Self.pageSize)
        }
        return try store.summaries(scope: scope, sort: sort, offset: offset, limit: Self.pageSize)
    }

    /// `query` narrowed by the list's filter (unread, starred).
    private func scoped(_ query: LibraryQuery) -> LibraryQuery {
        var narrowed = query
        if scope == .unread { narrowed.unread = true }
        if scope == .starred { narrowed.starred = true }
        return narrowed
    }

    /// What the list shows as a query, for marking it all read: nil for a full-text search
    /// (its ids are marked instead).
    var viewQuery: LibraryQuery? {
        if let library { return scoped(library) }
        if query != nil { return nil }
        if let feed { return scoped(LibraryQuery(feeds: [String(feed.feed.id)])) }
        return scoped(LibraryQuery())
    }

    /// Looks for the article among the rows near `index` (within the cached and adjacent pages).
    func index(of id: Int64, near index: Int, radius: Int = 2 * ArticleListModel.pageSize) -> Int? {
        guard count > 0 else { return nil }
        let low = max(0, index - radius)
        let high = min(count - 1, index + radius)
        guard low <= high else { return nil }
        for candidate in low...high where row(at: candidate)?.id == id {
            return candidate
        }
        return nil
    }

    /// Changes a cached row in place (after marking it read or starred) without a reload.
    func updateRow(id: Int64, _ change: (inout ArticleSummary) -> Void) {
        for (page, rows) in pages {
            if let offset = rows.firstIndex(where: { $0.id == id }) {
                var updated = rows
                change(&updated[offset])
                pages[page] = updated
            }
        }
    }
}
