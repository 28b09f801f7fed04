import GRDB

// MARK: - Schema

/// The repository's tables and their migrations.
///
/// ```
/// article        one row an article: the list columns first, then the text the search index
///                reads (`keyPointsText`, `bodyText`), then the whole article as JSON (`body`).
///                Large columns come last so list queries never walk their overflow pages.
/// article_state  read, starred and the reading position, keyed by article id. Kept apart so
///                a re-import (an UPDATE of `article`) never resets it.
/// article_fts    FTS5 over title, key points and body text; external content on `article`,
///                diacritics and case folded, Indonesian roots added by the `baca_stem`
///                tokenizer (v5). A new article's index row is written by the store in the
///                same transaction (v3); updates and deletes go through triggers.
/// search_reindex present only while v5's re-indexing of older articles is unfinished.
/// article_count  one row: how many articles, read and starred, kept as rows change (v8).
/// legacy_content_hash  one row when older rows may hold a SHA-256 `contentHash` (v9).
/// ```
///
/// Every migration sets `PRAGMA user_version` to its number, so a newer baca's file is
/// recognised both by an unknown migration identifier and by a version above ours.
///
/// A new (empty) repository does not replay them: it gets their result in one transaction,
/// `NewRepositorySchema`, which a test keeps equal to them. A new migration adds its result there
/// too (the test says so until it does).
struct StoreSchema: Sendable {
    /// The migrations, in order.
    private(set) var migrator: DatabaseMigrator
    /// The schema version this build writes: the number of the last migration.
    private(set) var version: Int

    /// The schema of this build of baca.
    static let current = upTo(version: .max)

    /// This build's migrations up to `version`: an older baca's schema (tests).
    static func upTo(version limit: Int) -> StoreSchema {
        var schema = StoreSchema(migrator: DatabaseMigrator(), version: 0)
        func register(_ identifier: String, _ version: Int, _ migrate: @escaping @Sendable (Database) throws -> Void) {
            if version <= limit { schema.register(identifier, version: version, migrate) }
        }
        register("v1-articles", 1, createVersion1)
        // Feeds: see `FeedSchema` (Sources/BacaStore/Feeds).
        register("v2-feeds", 2, FeedSchema.createVersion2)
        register("v3-fts-insert-by-store", 3, dropInsertTrigger)
        register("v4-published-instant", 4, publishedInstant)
        register("v5-stemmed-index", 5, StemmedIndexMigration.migrate)
        // The article's text once, compressed; the index reads it through a view.
        register("v6-compressed-text", 6, compressText)
        // Saved searches, the bulk-change journal, tombstones, feed policies: see `DailySchema`.
        register("v7-daily-workflow", 7, DailySchema.createVersion7)
        // The header's counts kept as rows change: see `ArticleCountSchema`.
        register("v8-article-counts", 8, ArticleCountSchema.createVersion8)
        // New content hashes are XXH3-128 fingerprints; older SHA-256 ones still recognised:
        // see `LegacyContentHash`.
        register("v9-content-fingerprint", 9, LegacyContentHash.createVersion9)
        // The search index's segments written and merged for imports: see `IndexMergeSettings`.
        register("v10-index-merge-settings", 10, IndexMergeSettings.createVersion10)
        return schema
    }

    /// The identifiers of every known migration.
    var identifiers: [String] { migrator.migrations }

    /// Adds a migration that leaves the schema at `version`.
    mutating func register(
        _ identifier: String, version: Int, _ migrate: @escaping @Sendable (Database) throws -> Void
    ) {
        precondition(version > self.version, "schema versions must grow")
        migrator.registerMigration(identifier) { db in
            try migrate(db)
            try db.execute(sql: "PRAGMA user_version = \(version)")
        }
        self.version = version
    }

    /// A copy with one more migration running `sql`: what a newer baca would have (tests).
    func adding(_ identifier: String, version: Int, sql: String) -> StoreSchema {
        var schema = self
        schema.register(identifier, version: version) { db in try db.execute(sql: sql) }
        return schema
    }

    // MARK: Version 1

    private static func createVersion1(_ db: Database) throws {
        try db.create(table: "article") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("title", .text).notNull()
            // The title folded for sorting: lowercased, diacritics removed.
            t.column("titleKey", .text).notNull().indexed()
            t.column("location", .text)
            t.column("outlet", .text)
            // yyyy-mm-dd
            t.column("publishedAt", .text)
            t.column("author", .text)
            t.column("editor", .text)
            t.column("keyPoints", .jsonText).notNull()
            t.column("leadExcerpt", .text)
            t.column("wordCount", .integer).notNull()
            t.column("sourcePath", .text).unique()
            t.column("contentHash", .text).notNull().indexed()
            t.column("importedAt", .datetime).notNull()
            // "<day> <importedAt>": see `ArticleRecord.sortKey(publishedAt:importedAt:)`.
            t.column("sortKey", .text).notNull().indexed()
            t.column("keyPointsText", .text).notNull()
            t.column("bodyText", .text).notNull()
            t.column("body", .jsonText).notNull()
        }

        try db.create(table: "article_state") { t in
            t.primaryKey("articleId", .integer).references("article", onDelete: .cascade)
            t.column("read", .boolean).notNull().defaults(to: false)
            t.column("starred", .boolean).notNull().defaults(to: false)
            t.column("positionSection", .integer)
            t.column("positionBlock", .integer)
            t.column("updatedAt", .datetime).notNull()
        }
        // The starred list starts from the few starred states instead of walking every article.
        try db.execute(sql: "CREATE INDEX article_state_on_starred ON article_state (articleId) WHERE starred = 1")

        // External content: the index stores no second copy of the text; snippet() reads it
        // back from `article`. The triggers are the only writers of the index.
        try db.execute(sql: """
            CREATE VIRTUAL TABLE article_fts USING fts5(
                title, keyPointsText, bodyText,
                content = 'article', content_rowid = 'id',
                tokenize = 'unicode61 remove_diacritics 2'
            );
            CREATE TRIGGER article_fts_after_insert AFTER INSERT ON article BEGIN
                INSERT INTO article_fts (rowid, title, keyPointsText, bodyText)
                VALUES (new.id, new.title, new.keyPointsText, new.bodyText);
            END;
            CREATE TRIGGER article_fts_after_delete AFTER DELETE ON article BEGIN
                INSERT INTO article_fts (article_fts, rowid, title, keyPointsText, bodyText)
                VALUES ('delete', old.id, old.title, old.keyPointsText, old.bodyText);
            END;
            CREATE TRIGGER article_fts_after_update AFTER UPDATE OF title, keyPointsText, bodyText ON article BEGIN
                INSERT INTO article_fts (article_fts, rowid, title, keyPointsText, bodyText)
                VALUES ('delete', old.id, old.title, old.keyPointsText, old.bodyText);
                INSERT INTO article_fts (rowid, title, keyPointsText, bodyText)
                VALUES (new.id, new.title, new.keyPointsText, new.bodyText);
            END;
            """)
    }

    // MARK: Version 3

    /// New articles are indexed by `ArticleStore.save` with a plain INSERT into `article_fts`,
    /// not by a trigger: a trigger makes every INSERT into `article` a statement with its own
    /// savepoint, and FTS5 (SQLite 3.40) flushes its pending terms to disk at every savepoint
    /// (`sqlite3VtabSavepoint`), so a batch of articles in one transaction was flushed article by
    /// article. Measured with callgrind: half of the instructions of an import's write path
    /// (`docs/PERFORMANCE.md`).
    private static func dropInsertTrigger(_ db: Database) throws {
        try db.execute(sql: "DROP TRIGGER IF EXISTS article_fts_after_insert")
    }

    // MARK: Version 4

    /// `publishedAt` becomes an instant (`PublishedDate`): `yyyy-mm-ddThh:mm:ssZ` in UTC, or
    /// `yyyy-mm-dd` still when the source named only a day.
    ///
    /// Every row stored so far holds a day, and a day stays a day: the column and the `body`
    /// JSON keep their values, and their sort keys (`<day> <importedAt>`) are already what
    /// `ArticleRecord.sortKey` makes of a day. What the migration converts in place is a value
    /// another writer left in a shape that is neither (`2024-11-04 10:00:00`, a day with a zoneless
    /// time): the column keeps its day, which `PublishedDate` reads, and the `body` is untouched.
    /// The version itself matters most: an older baca, which cannot read an instant, refuses a
    /// repository at version 4 (`StoreFileCheck`) instead of failing on the first instant.
    ///
    /// One UPDATE in the migration's transaction: killed half-way, nothing is half-written.
    private static func publishedInstant(_ db: Database) throws {
        try db.execute(sql: """
            UPDATE article SET publishedAt = substr(publishedAt, 1, 10)
            WHERE publishedAt IS NOT NULL AND length(publishedAt) > 10
              AND publishedAt GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][ T]*'
              AND NOT publishedAt GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z';
            """)
    }

    // MARK: Version 6

    /// Whether migrating `writer` will convert stored articles to compressed text (v6 not
    /// applied yet and articles there), after which the file should be vacuumed.
    static func compactsAfterMigrating(_ writer: any DatabaseWriter, schema: StoreSchema) throws -> Bool {
        guard schema.identifiers.contains("v6-compressed-text") else { return false }
        // On the writer: a pool's reader connection, read-only, would close last and leave the
        // `-wal` and `-shm` files behind (see `ArticleStore.deinit`).
        return try writer.writeWithoutTransaction { db in
            guard try db.tableExists("article"), try db.tableExists("grdb_migrations") else { return false }
            let applied = try String.fetchOne(
                db, sql: "SELECT identifier FROM grdb_migrations WHERE identifier = 'v6-compressed-text'") != nil
            guard !applied else { return false }
            return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM article)") ?? false
        }
    }

    /// The article's text is kept once, compressed: `bodyZ` holds the zstd frame of the
    /// article's canonical JSON (`body` and `bodyText`, the JSON and the index's text side by
    /// side uncompressed, are dropped: ~2.9× the raw captures, `docs/PERFORMANCE.md`). The
    /// search index stays external-content, now on the view `article_text`, whose `bodyText`
    /// is computed from `bodyZ` (`StoreFunctions`): snippets and highlights read it, and so do
    /// the triggers that take an article's old text out of the index. (Generated columns on
    /// `article` would be simpler, but SQLite computes them on every INSERT: a decompression
    /// and a JSON decoding for each imported article.)
    ///
    /// One transaction, like every migration: killed half-way, the file is as it was and the
    /// conversion starts again at the next open. The index, re-created on the view with the
    /// tokenizer it had, is filled again by v5's resumable re-indexing
    /// (`StemmedIndexMigration.finish`, a batch a transaction); then the store vacuums the file
    /// (`ArticleStore.init`).
    static func compressText(_ db: Database) throws {
        // The FTS table's tokenizer, as the schema before this one made it (v1's, or a later
        // migration's), is kept as it is.
        let createFTS = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'article_fts'") ?? ""
        guard let contentRange = createFTS.range(of: "content = 'article'")
                ?? createFTS.range(of: "content='article'") else {
            throw DatabaseError(message: "article_fts is not external-content on article: \(createFTS)")
        }
        let newCreateFTS = createFTS.replacingCharacters(in: contentRange, with: "content = 'article_text'")
        try db.execute(sql: """
            DROP TRIGGER IF EXISTS article_fts_after_delete;
            DROP TRIGGER IF EXISTS article_fts_after_update;
            DROP TABLE article_fts;
            ALTER TABLE article ADD COLUMN bodyZ BLOB;
            UPDATE article SET bodyZ = baca_zstd(body);
            ALTER TABLE article DROP COLUMN bodyText;
            ALTER TABLE article DROP COLUMN body;
            CREATE VIEW article_text AS
                SELECT id, title, keyPointsText, baca_body_text(bodyZ) AS bodyText, baca_unzstd(bodyZ) AS body
                FROM article;
            \(newCreateFTS);
            CREATE TRIGGER article_fts_after_delete AFTER DELETE ON article BEGIN
                INSERT INTO article_fts (article_fts, rowid, title, keyPointsText, bodyText)
                VALUES ('delete', old.id, old.title, old.keyPointsText, baca_body_text(old.bodyZ));
            END;
            CREATE TRIGGER article_fts_after_update AFTER UPDATE OF title, keyPointsText, bodyZ ON article BEGIN
                INSERT INTO article_fts (article_fts, rowid, title, keyPointsText, bodyText)
                VALUES ('delete', old.id, old.title, old.keyPointsText, baca_body_text(old.bodyZ));
                INSERT INTO article_fts (rowid, title, keyPointsText, bodyText)
                VALUES (new.id, new.title, new.keyPointsText, baca_body_text(new.bodyZ));
            END;
            DROP TABLE IF EXISTS search_reindex;
            CREATE TABLE search_reindex (lastId INTEGER NOT NULL, doneId INTEGER NOT NULL);
            INSERT INTO search_reindex (lastId, doneId) SELECT MAX(id), 0 FROM article WHERE id IS NOT NULL HAVING COUNT(*) > 0;
            """)
        if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM search_reindex") == 0 {
            try db.execute(sql: "DROP TABLE search_reindex")
        }
    }
}
