import GRDB

// MARK: - Schema version 7: the daily workflow

/// The tables of saved searches, bulk changes, tombstones and feed policies (`v7-daily-workflow`).
///
/// ```
/// saved_search       a query (see `LibraryQuery`) under a unique name.
/// bulk_change        one bulk change of read state ("mark 40 articles read"), newest last; the
///                    journal `baca undo` reads. Only the last `BulkChangeJournal.kept` stay.
/// bulk_change_item   for each article a bulk change touched, the read state it had before.
/// tombstone          the URLs and item keys of articles removed by `prune` or by an ignore rule
///                    (`hide`), so that the next fetch does not bring them back.
/// feed_policy        per feed: its reload interval and how many articles (or days) to keep;
///                    a missing row or column means "the global setting".
/// ```
///
/// Only new tables: nothing stored before changes, so the migration is one transaction that
/// either happens whole or not at all.
enum DailySchema {
    static func createVersion7(_ db: Database) throws {
        try db.create(table: "saved_search") { t in
            t.primaryKey("name", .text)
            t.column("query", .text).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "bulk_change") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("description", .text).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "bulk_change_item") { t in
            t.column("changeId", .integer).notNull().references("bulk_change", onDelete: .cascade)
            t.column("articleId", .integer).notNull()
            t.column("wasRead", .boolean).notNull()
            t.primaryKey(["changeId", "articleId"])
        }
        try db.create(table: "tombstone") { t in
            t.autoIncrementedPrimaryKey("id")
            // The article's URL, or NULL for an article without one.
            t.column("url", .text).unique()
            // `prune` or `rule`.
            t.column("reason", .text).notNull()
            t.column("title", .text)
            t.column("removedAt", .datetime).notNull()
        }
        try db.create(table: "feed_policy") { t in
            t.primaryKey("feedId", .integer).references("feed", onDelete: .cascade)
            t.column("reloadMinutes", .integer)
            t.column("keepArticles", .integer)
            t.column("keepDays", .integer)
        }
    }
}
