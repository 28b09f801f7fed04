import BacaCore
import Foundation
import GRDB

// Subscriptions and the articles that feeds and saved pages bring, keyed by URL.
// Kept out of ArticleStore.swift so that the capture store reads as it did.

extension ArticleStore {
    // MARK: - Subscriptions

    /// Subscribes to `url`; a feed already there is returned as it is.
    public func addFeed(url: String, title: String? = nil, tags: [String] = [], addedAt: Date = Date()) throws -> FeedAddOutcome {
        try write("adding the feed \(url)") { db in
            if let existing = try FeedRecord.filter(FeedRecord.Columns.url == url).fetchOne(db) {
                return .existing(existing.feed)
            }
            var record = FeedRecord(url: url, title: title, tags: Self.cleanTags(tags), addedAt: addedAt)
            try record.insert(db)
            return .added(record.feed)
        }
    }

    /// Every feed, in the order they were added, with the counts of their articles.
    public func feeds() throws -> [FeedOverview] {
        let sql = """
            SELECT f.*, COUNT(m.articleId) AS articleCount, \
            COALESCE(SUM(CASE WHEN m.articleId IS NOT NULL AND COALESCE(s.read, 0) = 0 THEN 1 ELSE 0 END), 0) AS unreadCount \
            FROM feed f \
            LEFT JOIN (SELECT DISTINCT feedId, articleId FROM feed_item WHERE articleId IS NOT NULL) m ON m.feedId = f.id \
            LEFT JOIN article_state s ON s.articleId = m.articleId \
            GROUP BY f.id ORDER BY f.id
            """
        return try read("listing feeds") { db in
            try Row.fetchAll(db, sql: sql).map { row in
                FeedOverview(
                    feed: try FeedRecord(row: row).feed,
                    articleCount: row["articleCount"] ?? 0,
                    unreadCount: row["unreadCount"] ?? 0)
            }
        }
    }

    public func feed(id: Int64) throws -> Feed? {
        try read("reading feed \(id)") { db in try FeedRecord.fetchOne(db, key: id)?.feed }
    }

    public func feed(url: String) throws -> Feed? {
        try read("reading the feed \(url)") { db in
            try FeedRecord.filter(FeedRecord.Columns.url == url).fetchOne(db)?.feed
        }
    }

    /// Unsubscribes. The feed's articles stay unless `purge`, which deletes those that no
    /// other feed brought too. Returns the number of articles deleted.
    @discardableResult
    public func removeFeed(id: Int64, purge: Bool) throws -> Int {
        try write("removing feed \(id)") { db in
            guard try FeedRecord.exists(db, key: id) else { throw StoreError(.storeNoFeed(label: label, id: id)) }
            var deleted = 0
            if purge {
                try db.execute(sql: """
                    DELETE FROM article WHERE id IN (
                        SELECT articleId FROM feed_item WHERE feedId = ? AND articleId IS NOT NULL
                        UNION SELECT id FROM article WHERE feedId = ?
                    ) AND id NOT IN (SELECT articleId FROM feed_item WHERE feedId != ? AND articleId IS NOT NULL)
                    """, arguments: [id, id, id])
                deleted = db.changesCount
            }
            // Articles that stay forget the feed (`ON DELETE SET NULL`); its items go with it.
            _ = try FeedRecord.deleteOne(db, key: id)
            return deleted
        }
    }

    /// Records how a fetch of feed `id` ended. Validators and titles are kept when the
    /// record has none; a permanent redirect moves the feed to its new URL unless another
    /// subscription already has that URL.
    public func recordFetch(feedId id: Int64, _ record: FeedFetchRecord) throws {
        try write("recording the fetch of feed \(id)") { db in
            guard var feed = try FeedRecord.fetchOne(db, key: id) else { throw StoreError(.storeNoFeed(label: label, id: id)) }
            feed.lastFetchedAt = record.fetchedAt
            feed.lastStatus = record.status.rawValue
            feed.lastError = record.error
            feed.retryAfter = record.retryAfter
            if record.status == .ok || record.status == .repaired {
                feed.etag = record.etag
                feed.lastModified = record.lastModified
            } else if record.status == .unchanged {
                feed.etag = record.etag ?? feed.etag
                feed.lastModified = record.lastModified ?? feed.lastModified
            }
            if let title = record.feedTitle, !title.isEmpty { feed.feedTitle = title }
            if let site = record.siteURL, !site.isEmpty { feed.siteUrl = site }
            if let moved = record.movedTo, moved != feed.url,
               try FeedRecord.filter(FeedRecord.Columns.url == moved).isEmpty(db) {
                feed.url = moved
            }
            try feed.update(db)
        }
    }

    /// The item keys feed `id` has shown before.
    public func knownItemKeys(feedId id: Int64) throws -> Set<String> {
        try read("reading the items of feed \(id)") { db in
            Set(try String.fetchAll(db, sql: "SELECT itemKey FROM feed_item WHERE feedId = ?", arguments: [id]))
        }
    }

    /// Stores the article a new item of feed `feedId` became, and remembers the item's keys,
    /// in one transaction. An article already stored under the same URL (from another feed, or
    /// a saved page) is that article: it is linked, and replaced only when it held a summary
    /// and this one is the full page.
    ///
    /// A new article whose URL has a tombstone (pruned, or hidden by a rule before) is not
    /// stored, nor one an ignore rule hides (`setArrivalRules`); a rule may store it read. An
    /// article kept out is `.unchanged(id: 0)`: its item keys are remembered without an article.
    public func storeFeedArticle(_ input: FeedArticle, feedId: Int64, importedAt: Date = Date()) throws -> ImportOutcome {
        let record = try articleRecord(input.article, sourcePath: nil, importedAt: importedAt)
        let rules = arrival.rules
        return try write("storing '\(input.article.title)'") { db in
            func remember(_ articleId: Int64?) throws {
                for key in input.itemKeys {
                    try db.execute(sql: """
                        INSERT INTO feed_item (feedId, itemKey, articleId, seenAt) VALUES (?, ?, ?, ?)
                        ON CONFLICT (feedId, itemKey) DO UPDATE SET articleId = excluded.articleId
                        """, arguments: [feedId, key, articleId, importedAt])
                }
            }
            let urls = ([input.url].compactMap { $0 } + input.alternateURLs)
            if try Self.hasTombstone(urls: urls, in: db) {
                try remember(nil)
                return .unchanged(id: 0)
            }
            let outcome = try Self.saveByURL(
                record, url: input.url, alternateURLs: input.alternateURLs, feedId: feedId,
                summaryOnly: input.summaryOnly, in: db)
            if case .imported(let id) = outcome, !rules.isEmpty,
               let feed = try FeedRecord.fetchOne(db, key: feedId)?.feed,
               let rule = ArrivalRule.first(of: rules, matching: RuleCandidate(article: input.article, feeds: [feed])) {
                switch rule.action {
                case .hide:
                    try Self.bury([id], reason: "rule", at: importedAt, in: db)
                    try remember(nil)
                    return .unchanged(id: 0)
                case .markRead:
                    try db.execute(sql: """
                        INSERT INTO article_state (articleId, read, updatedAt) VALUES (?, 1, ?)
                        ON CONFLICT (articleId) DO UPDATE SET read = 1
                        """, arguments: [id, importedAt])
                }
            }
            try remember(outcome.id)
            return outcome
        }
    }

    /// Sets the ignore rules applied to articles arriving from feeds from now on.
    public func setArrivalRules(_ rules: [ArrivalRule]) {
        arrival.rules = rules
    }

    /// Stores an article known by its page's `url` (a saved page, a page fetched again): the
    /// article already stored under that URL is replaced, keeping its reading state.
    public func importArticle(
        _ article: Article, url: String, alternateURLs: [String] = [], sourcePath: String?,
        summaryOnly: Bool = false, importedAt: Date = Date()
    ) throws -> ImportOutcome {
        let record = try articleRecord(article, sourcePath: sourcePath, importedAt: importedAt)
        return try write("importing '\(article.title)'") { db in
            try Self.saveByURL(record, url: url, alternateURLs: alternateURLs, feedId: nil, summaryOnly: summaryOnly, in: db)
        }
    }

    /// Articles that hold only their feed's summary, oldest first (of `feedIds`, or of every feed).
    public func pendingPages(feedIds: [Int64]? = nil, limit: Int) throws -> [PendingPage] {
        var sql = "SELECT id, url, feedId FROM article WHERE summaryOnly = 1 AND url IS NOT NULL"
        var arguments: StatementArguments = []
        if let feedIds {
            sql += " AND (feedId IN (\(feedIds.map { _ in "?" }.joined(separator: ", "))) OR id IN "
                + "(SELECT articleId FROM feed_item WHERE feedId IN (\(feedIds.map { _ in "?" }.joined(separator: ", ")))))"
            arguments += StatementArguments(feedIds)
            arguments += StatementArguments(feedIds)
        }
        sql += " ORDER BY id LIMIT ?"
        arguments += [limit]
        return try read("listing summary-only articles") { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map {
                PendingPage(articleId: $0["id"], url: $0["url"], feedId: $0["feedId"])
            }
        }
    }

    /// The URL, feed and summary flag of article `id`.
    public func origin(ofArticle id: Int64) throws -> ArticleOrigin? {
        try read("reading article \(id)") { db in
            try Row.fetchOne(db, sql: "SELECT url, feedId, summaryOnly FROM article WHERE id = ?", arguments: [id]).map {
                ArticleOrigin(url: $0["url"], feedId: $0["feedId"], summaryOnly: $0["summaryOnly"])
            }
        }
    }

    /// Where article `id` came from: its canonical URL and its feed, with the feed's title.
    public func provenance(ofArticle id: Int64) throws -> ArticleProvenance? {
        try read("reading where article \(id) came from") { db in
            try Row.fetchOne(db, sql: """
                SELECT a.url, a.feedId, COALESCE(f.title, f.feedTitle, f.url) AS shownTitle, f.feedTitle
                FROM article a LEFT JOIN feed f ON f.id = a.feedId WHERE a.id = ?
                """, arguments: [id]).map {
                ArticleProvenance(url: $0["url"], feedId: $0["feedId"], feedTitle: $0["shownTitle"], feedOwnTitle: $0["feedTitle"])
            }
        }
    }

    /// The id of the article stored under `url`.
    public func articleId(url: String) throws -> Int64? {
        try read("finding \(url)") { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM article WHERE url = ?", arguments: [url])
        }
    }

    // MARK: - Listing one feed

    /// The number of articles feed `id` brought.
    public func articleCount(feedId id: Int64) throws -> Int {
        try read("counting the articles of feed \(id)") { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(DISTINCT articleId) FROM feed_item WHERE feedId = ? AND articleId IS NOT NULL
                """, arguments: [id]) ?? 0
        }
    }

    /// One page of the articles of feed `id`, newest first (as `summaries(scope:sort:offset:limit:)`).
    public func summaries(feedId id: Int64, scope: ListScope = .all, offset: Int, limit: Int) throws -> [ArticleSummary] {
        guard limit > 0 else { return [] }
        let conditions = [
            "a.id IN (SELECT articleId FROM feed_item WHERE feedId = ?)", SummaryRow.condition(scope),
        ]
        let sql = """
            SELECT \(SummaryRow.columns) FROM \(SummaryRow.source) \(SummaryRow.whereClause(conditions)) \
            ORDER BY \(SummaryRow.order(.newest)) LIMIT ? OFFSET ?
            """
        return try read("listing the articles of feed \(id)") { db in
            try Row.fetchAll(db, sql: sql, arguments: [id, limit, max(0, offset)]).map(ArticleSummary.init(row:))
        }
    }

    // MARK: - Saving by URL

    private func articleRecord(_ article: Article, sourcePath: String?, importedAt: Date) throws -> ArticleRecord {
        do {
            return try ArticleRecord(article: article, sourcePath: sourcePath, importedAt: importedAt)
        } catch {
            throw StoreError("\(label): cannot encode the article '\(article.title)' (\(error))")
        }
    }

    /// Inserts or finds the article of `url`:
    /// - stored under `url` or one of `alternateURLs`: a full article is never replaced by a
    ///   summary; otherwise new content updates the row (first import time and state kept);
    /// - stored from the same file (`sourcePath`): updated, and it gains the URL;
    /// - the same content stored without a URL (a capture of the same page): it gains the URL;
    /// - else inserted.
    static func saveByURL(
        _ record: ArticleRecord, url: String?, alternateURLs: [String], feedId: Int64?, summaryOnly: Bool,
        in db: Database
    ) throws -> ImportOutcome {
        var record = record
        var urls = url.map { [$0] } ?? []
        for alternate in alternateURLs where !urls.contains(alternate) { urls.append(alternate) }

        func setOrigin(id: Int64, summary: Bool) throws {
            // The canonical URL, unless another row holds it already.
            if let url, try Int64.fetchOne(db, sql: "SELECT id FROM article WHERE url = ? AND id != ?", arguments: [url, id]) == nil {
                try db.execute(sql: "UPDATE article SET url = ? WHERE id = ?", arguments: [url, id])
            }
            try db.execute(sql: """
                UPDATE article SET summaryOnly = ?, feedId = COALESCE(feedId, ?) WHERE id = ?
                """, arguments: [summary, feedId, id])
        }

        func update(_ stored: Row) throws -> ImportOutcome {
            let id: Int64 = stored["id"]
            let storedSummary: Bool = stored["summaryOnly"]
            if summaryOnly && !storedSummary {
                try db.execute(sql: "UPDATE article SET feedId = COALESCE(feedId, ?) WHERE id = ?", arguments: [feedId, id])
                return .unchanged(id: id)
            }
            let storedPath: String? = stored["sourcePath"]
            if record.sourcePath == nil {
                record.sourcePath = storedPath
            } else if record.sourcePath != storedPath,
                      try Int64.fetchOne(db, sql: "SELECT id FROM article WHERE sourcePath = ? AND id != ?",
                                         arguments: [record.sourcePath, id]) != nil {
                record.sourcePath = storedPath
            }
            if try LegacyContentHash.isSameContent(record, stored: stored["contentHash"], id: id, in: db) {
                if record.sourcePath != storedPath {
                    try db.execute(sql: "UPDATE article SET sourcePath = ? WHERE id = ?", arguments: [record.sourcePath, id])
                }
                try setOrigin(id: id, summary: summaryOnly)
                return .unchanged(id: id)
            }
            record.id = id
            record.setImportedAt(stored["importedAt"])
            try record.update(db)
            try setOrigin(id: id, summary: summaryOnly)
            return .updated(id: id)
        }

        let select = "SELECT id, contentHash, importedAt, sourcePath, summaryOnly FROM article"
        let placeholders = urls.map { _ in "?" }.joined(separator: ", ")
        if !urls.isEmpty,
           let stored = try Row.fetchOne(db, sql: "\(select) WHERE url IN (\(placeholders)) ORDER BY url = ? DESC, id LIMIT 1",
                                         arguments: StatementArguments(urls) + [urls[0]]) {
            return try update(stored)
        }
        if let sourcePath = record.sourcePath,
           let stored = try Row.fetchOne(db, sql: "\(select) WHERE sourcePath = ?", arguments: [sourcePath]) {
            return try update(stored)
        }
        if let twin = try LegacyContentHash.twin(of: record, in: db, { hash in
            try Int64.fetchOne(db, sql: """
                SELECT id FROM article WHERE contentHash = ? AND (url IS NULL OR ? IS NULL) ORDER BY id LIMIT 1
                """, arguments: [hash, url]).map { (id: $0, found: $0) }
        }) {
            try setOrigin(id: twin, summary: summaryOnly)
            return .unchanged(id: twin)
        }
        try Self.insertNew(&record, in: db)
        let id = record.id!
        try setOrigin(id: id, summary: summaryOnly)
        return .imported(id: id)
    }

    static func cleanTags(_ tags: [String]) -> [String] {
        var seen: [String] = []
        for tag in tags {
            let clean = Sanitizer.sanitizeLine(tag)
            if !clean.isEmpty && !seen.contains(clean) { seen.append(clean) }
        }
        return seen
    }
}
