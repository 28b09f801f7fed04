import GRDB

// MARK: - Schema version 2: feeds

/// The tables of subscriptions, added by migration `v2-feeds`.
///
/// ```
/// feed       one row a subscription: its URL (unique), the title given with `--title` and the
///            feed's own title, tags, and what the last fetch left: validators for a
///            conditional GET (ETag, Last-Modified), time, status, reason, and the time before
///            which the server asked not to be asked again (Retry-After).
/// feed_item  the items a feed has shown, by their deduplication key (guid, else link, else
///            title and date), and the article each became. A fetch stores only items whose key
///            is new, so an article is never made twice, and dropping an item from the feed
///            never deletes its article.
/// article    gains `url` (the page's canonical URL, unique: a page fetched from a feed and the
///            same page saved by hand are one article), `feedId` (the feed it first came from;
///            `NULL` again when that feed is removed) and `summaryOnly` (the page could not be
///            fetched or extracted: the article holds the feed's own text, and a later fetch
///            tries the page again).
/// ```
enum FeedSchema {
    static func createVersion2(_ db: Database) throws {
        try db.create(table: "feed") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("url", .text).notNull().unique()
            // Given by the user (`--title`, the OPML outline); wins over `feedTitle`.
            t.column("title", .text)
            // The feed's own title, refreshed by each fetch.
            t.column("feedTitle", .text)
            t.column("siteUrl", .text)
            // JSON array of strings.
            t.column("tags", .jsonText).notNull().defaults(to: "[]")
            t.column("addedAt", .datetime).notNull()
            t.column("etag", .text)
            t.column("lastModified", .text)
            t.column("lastFetchedAt", .datetime)
            // `ok`, `unchanged` or `failed`; `NULL` before the first fetch.
            t.column("lastStatus", .text)
            t.column("lastError", .text)
            t.column("retryAfter", .datetime)
        }

        try db.create(table: "feed_item") { t in
            t.column("feedId", .integer).notNull().references("feed", onDelete: .cascade)
            t.column("itemKey", .text).notNull()
            t.column("articleId", .integer).references("article", onDelete: .cascade)
            t.column("seenAt", .datetime).notNull()
            t.primaryKey(["feedId", "itemKey"])
        }
        try db.create(index: "feed_item_on_articleId", on: "feed_item", columns: ["articleId"])

        try db.alter(table: "article") { t in
            t.add(column: "url", .text)
            t.add(column: "feedId", .integer).references("feed", onDelete: .setNull)
            t.add(column: "summaryOnly", .boolean).notNull().defaults(to: false)
        }
        try db.execute(sql: """
            CREATE UNIQUE INDEX article_on_url ON article (url) WHERE url IS NOT NULL;
            CREATE INDEX article_on_feedId ON article (feedId) WHERE feedId IS NOT NULL;
            CREATE INDEX article_summary_only ON article (id) WHERE summaryOnly = 1;
            """)
    }
}
