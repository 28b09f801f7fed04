import BacaCore
import Foundation
import GRDB

// Queries over the repository (`LibraryQuery`): the articles a saved search, a bulk change or
// a filter selects.

extension ArticleStore {
    /// The SQL condition on `article a` (with `article_state s`) that `query` is, and its arguments.
    static func condition(_ query: LibraryQuery) -> (sql: [String], arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let expression = query.searchQuery?.ftsExpression {
            conditions.append("a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)")
            arguments += [expression]
        }
        if !query.feeds.isEmpty {
            var matches: [String] = []
            for feed in query.feeds {
                let (sql, values) = feedMatch(feed, alias: "f")
                matches.append(sql)
                arguments += values
            }
            let matching = "SELECT f.id FROM feed f WHERE " + matches.map { "(\($0))" }.joined(separator: " OR ")
            conditions.append("(a.feedId IN (\(matching)) OR a.id IN (SELECT articleId FROM feed_item WHERE feedId IN (\(matching))))")
            // The feed match appears twice: its arguments too.
            var twice: StatementArguments = []
            for feed in query.feeds { twice += feedMatch(feed, alias: "f").arguments }
            arguments += twice
        }
        for tag in query.tags {
            let tagged = "SELECT f.id FROM feed f, json_each(f.tags) t WHERE t.value = ? OR lower(t.value) = lower(?)"
            conditions.append("(a.feedId IN (\(tagged)) OR a.id IN (SELECT articleId FROM feed_item WHERE feedId IN (\(tagged))))")
            arguments += [tag, tag, tag, tag]
        }
        for author in query.authors {
            conditions.append("instr(lower(COALESCE(a.author, '')), lower(?)) > 0")
            arguments += [author]
        }
        if let before = query.before {
            conditions.append("substr(a.sortKey, 1, 10) < ?")
            arguments += [before.iso]
        }
        if let after = query.after {
            conditions.append("substr(a.sortKey, 1, 10) >= ?")
            arguments += [after.iso]
        }
        if query.unread { conditions.append("COALESCE(s.read, 0) = 0") }
        if query.read { conditions.append("COALESCE(s.read, 0) = 1") }
        if query.starred { conditions.append("COALESCE(s.starred, 0) = 1") }
        return (conditions, arguments)
    }

    /// A feed named by id (digits), else by a part of its URL or title (case ignored).
    static func feedMatch(_ name: String, alias f: String) -> (sql: String, arguments: StatementArguments) {
        if let id = Int64(name) { return ("\(f).id = ?", [id]) }
        return ("""
            instr(lower(\(f).url), lower(?)) > 0 OR instr(lower(COALESCE(\(f).title, '')), lower(?)) > 0 \
            OR instr(lower(COALESCE(\(f).feedTitle, '')), lower(?)) > 0
            """, [name, name, name])
    }

    /// How many articles `query` matches (only the unread ones when `unreadOnly`).
    public func count(matching query: LibraryQuery, unreadOnly: Bool = false) throws -> Int {
        var (conditions, arguments) = Self.condition(query)
        if unreadOnly { conditions.append("COALESCE(s.read, 0) = 0") }
        let sql = "SELECT COUNT(*) FROM \(SummaryRow.source) \(SummaryRow.whereClause(conditions))"
        return try read("counting '\(query)'") { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
    }

    /// One page of the articles `query` matches, newest first.
    public func summaries(matching query: LibraryQuery, sort: ListSort = .newest, offset: Int, limit: Int) throws -> [ArticleSummary] {
        guard limit > 0 else { return [] }
        let (conditions, arguments) = Self.condition(query)
        let sql = """
            SELECT \(SummaryRow.columns) FROM \(SummaryRow.source) \(SummaryRow.whereClause(conditions)) \
            ORDER BY \(SummaryRow.order(sort)) LIMIT ? OFFSET ?
            """
        return try read("listing '\(query)'") { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments + [limit, max(0, offset)]).map(ArticleSummary.init(row:))
        }
    }

    /// The ids of the articles `query` matches, newest first.
    public func articleIds(matching query: LibraryQuery) throws -> [Int64] {
        let (conditions, arguments) = Self.condition(query)
        let sql = "SELECT a.id FROM \(SummaryRow.source) \(SummaryRow.whereClause(conditions)) ORDER BY \(SummaryRow.order(.newest))"
        return try read("listing '\(query)'") { db in try Int64.fetchAll(db, sql: sql, arguments: arguments) }
    }

    /// The highest article id so far (0 when empty): articles above it arrived later.
    public func lastArticleId() throws -> Int64 {
        try read("reading the last article id") { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM article") ?? 0 }
    }

    /// Articles with an id above `id`, oldest first: what arrived since `lastArticleId()` was read.
    public func summaries(after id: Int64, limit: Int) throws -> [ArticleSummary] {
        let sql = "SELECT \(SummaryRow.columns) FROM \(SummaryRow.source) WHERE a.id > ? ORDER BY a.id LIMIT ?"
        return try read("listing new articles") { db in
            try Row.fetchAll(db, sql: sql, arguments: [id, limit]).map(ArticleSummary.init(row:))
        }
    }

    // MARK: - Tags

    /// Adds `adding` to feed `id`'s tags and removes `removing` (case ignored), keeping the order.
    @discardableResult
    public func setTags(feedId id: Int64, adding: [String], removing: [String]) throws -> Feed {
        try write("tagging feed \(id)") { db in
            guard var record = try FeedRecord.fetchOne(db, key: id) else { throw StoreError(.storeNoFeed(label: label, id: id)) }
            var tags = FeedRecord.decodeTags(record.tags)
            let removed = Set(Self.cleanTags(removing).map { $0.lowercased() })
            tags.removeAll { removed.contains($0.lowercased()) }
            for tag in Self.cleanTags(adding) where !tags.contains(where: { $0.lowercased() == tag.lowercased() }) {
                tags.append(tag)
            }
            record.tags = FeedRecord.encodeTags(tags)
            try record.update(db)
            return record.feed
        }
    }

    /// Every tag in use, in the order feeds were added, with the unread count of its articles.
    public func tagOverviews() throws -> [TagOverview] {
        let feeds = try feeds()
        var order: [String] = []
        for overview in feeds { for tag in overview.feed.tags where !order.contains(tag) { order.append(tag) } }
        return try order.map { tag in
            let query = LibraryQuery(tags: [tag])
            return TagOverview(
                tag: tag, feedCount: feeds.filter { $0.feed.tags.contains(tag) }.count,
                articleCount: try count(matching: query), unreadCount: try count(matching: query, unreadOnly: true))
        }
    }
}

/// A tag with the counts of its feeds' articles.
public struct TagOverview: Sendable, Equatable, Hashable {
    public var tag: String
    public var feedCount: Int
    public var articleCount: Int
    public var unreadCount: Int
    public init(tag: String, feedCount: Int, articleCount: Int, unreadCount: Int) {
        self.tag = tag
        self.feedCount = feedCount
        self.articleCount = articleCount
        self.unreadCount = unreadCount
    }
}
