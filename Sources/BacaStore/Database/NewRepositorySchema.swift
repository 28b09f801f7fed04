import GRDB

// MARK: - A new repository's schema in one step

/// The schema a new (empty) repository gets in one transaction, instead of replaying the
/// migrations one by one: what `StoreSchema`'s migrations v1…v10 leave in an empty file, written
/// out as one script, with every one of their identifiers recorded in `grdb_migrations` and
/// `PRAGMA user_version` at 10, so that the migrator finds nothing left to do.
///
/// Replaying the ten migrations cost 44 M instructions, 42 % of importing one capture into a new
/// repository (tables made and dropped again, the schema reloaded after every `ALTER TABLE`,
/// GRDB's table builder reading the schema, the foreign-key checks after each migration); this
/// script costs 12.5 M, nearly all of it SQLite's own work for each `CREATE`
/// (`docs/PERFORMANCE.md`, sixth round).
///
/// **The migrations stay the schema's single source of truth; this script must equal their
/// result.** `NewRepositorySchemaTests` builds a repository both ways and compares every
/// `sqlite_master` row (exact SQL text), every table's columns and indexes, the version, the
/// applied migrations and every table's rows, and prints the replayed schema when they differ.
/// A new migration (v11…) need not change this file to stay correct: a repository made here is
/// at v10 and the migrator runs what came after. To keep new repositories at one step, add the
/// migration's result to `script`, its identifier to `identifiers`, and raise `version`.
enum NewRepositorySchema {
    /// The schema version the script leaves.
    static let version = 10

    /// The migrations the script stands for: `StoreSchema`'s first identifiers, in order.
    static let identifiers = [
        "v1-articles", "v2-feeds", "v3-fts-insert-by-store", "v4-published-instant", "v5-stemmed-index",
        "v6-compressed-text", "v7-daily-workflow", "v8-article-counts", "v9-content-fingerprint",
        "v10-index-merge-settings",
    ]

    /// Gives the file behind `writer` the schema in one transaction when it holds nothing yet
    /// and `schema` starts with the migrations the script stands for. Returns whether it did;
    /// when it did not (an older schema asked for, or another process was first), the migrator
    /// does everything as before.
    @discardableResult
    static func create(in writer: any DatabaseWriter, for schema: StoreSchema) throws -> Bool {
        guard schema.identifiers.starts(with: identifiers) else { return false }
        return try writer.writeWithoutTransaction { db in
            var created = false
            // Immediate: another process opening the same new file waits here, then finds the
            // tables and leaves them to its migrator.
            try db.inTransaction(.immediate) {
                let isEmpty = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") == 0
                    && Int.fetchOne(db, sql: "PRAGMA user_version") == 0
                guard isEmpty else { return .commit }
                try db.execute(sql: script(tokenizer: StemmedIndexMigration.tokenizer))
                // The search index's settings go through FTS5 itself, as v10 stores them: FTS5
                // also counts the change in the index's structure record.
                try IndexMergeSettings.createVersion10(db)
                let insert = try db.makeStatement(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)")
                for identifier in identifiers {
                    try insert.execute(arguments: [identifier])
                }
                try db.execute(sql: "PRAGMA user_version = \(version)")
                created = true
                return .commit
            }
            return created
        }
    }

    /// Every table, index, view and trigger the migrations leave, in their exact text (SQLite
    /// keeps a statement's text as written, and the comparison test reads it back), and the
    /// rows of an empty repository: `article_count`'s one row (v8). Not here: `legacy_content_hash`
    /// stays without a row (v9: no older article), and `search_reindex` does not exist (v5, v6:
    /// nothing to re-index). `tokenizer` is v5's (`StemmedIndexMigration.tokenizer`).
    static func script(tokenizer: String) -> String {
        """
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        CREATE TABLE "article" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "title" TEXT NOT NULL, "titleKey" TEXT NOT NULL, "location" TEXT, "outlet" TEXT, "publishedAt" TEXT, "author" TEXT, "editor" TEXT, "keyPoints" TEXT NOT NULL, "leadExcerpt" TEXT, "wordCount" INTEGER NOT NULL, "sourcePath" TEXT UNIQUE, "contentHash" TEXT NOT NULL, "importedAt" DATETIME NOT NULL, "sortKey" TEXT NOT NULL, "keyPointsText" TEXT NOT NULL, "url" TEXT, "feedId" INTEGER REFERENCES "feed"("id") ON DELETE SET NULL, "summaryOnly" BOOLEAN NOT NULL DEFAULT 0, bodyZ BLOB);
        CREATE INDEX "article_on_titleKey" ON "article"("titleKey");
        CREATE INDEX "article_on_contentHash" ON "article"("contentHash");
        CREATE INDEX "article_on_sortKey" ON "article"("sortKey");
        CREATE TABLE "article_state" ("articleId" INTEGER PRIMARY KEY REFERENCES "article"("id") ON DELETE CASCADE, "read" BOOLEAN NOT NULL DEFAULT 0, "starred" BOOLEAN NOT NULL DEFAULT 0, "positionSection" INTEGER, "positionBlock" INTEGER, "updatedAt" DATETIME NOT NULL);
        CREATE INDEX article_state_on_starred ON article_state (articleId) WHERE starred = 1;
        CREATE TABLE "feed" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "url" TEXT NOT NULL UNIQUE, "title" TEXT, "feedTitle" TEXT, "siteUrl" TEXT, "tags" TEXT NOT NULL DEFAULT '[]', "addedAt" DATETIME NOT NULL, "etag" TEXT, "lastModified" TEXT, "lastFetchedAt" DATETIME, "lastStatus" TEXT, "lastError" TEXT, "retryAfter" DATETIME);
        CREATE TABLE "feed_item" ("feedId" INTEGER NOT NULL REFERENCES "feed"("id") ON DELETE CASCADE, "itemKey" TEXT NOT NULL, "articleId" INTEGER REFERENCES "article"("id") ON DELETE CASCADE, "seenAt" DATETIME NOT NULL, PRIMARY KEY ("feedId", "itemKey"));
        CREATE INDEX "feed_item_on_articleId" ON "feed_item"("articleId");
        CREATE UNIQUE INDEX article_on_url ON article (url) WHERE url IS NOT NULL;
        CREATE INDEX article_on_feedId ON article (feedId) WHERE feedId IS NOT NULL;
        CREATE INDEX article_summary_only ON article (id) WHERE summaryOnly = 1;
        CREATE VIEW article_text AS
            SELECT id, title, keyPointsText, baca_body_text(bodyZ) AS bodyText, baca_unzstd(bodyZ) AS body
            FROM article;
        CREATE VIRTUAL TABLE article_fts USING fts5(
            title, keyPointsText, bodyText,
            content = 'article_text', content_rowid = 'id',
            tokenize = '\(tokenizer)'
        );
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
        CREATE TABLE "saved_search" ("name" TEXT PRIMARY KEY NOT NULL, "query" TEXT NOT NULL, "createdAt" DATETIME NOT NULL);
        CREATE TABLE "bulk_change" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "description" TEXT NOT NULL, "createdAt" DATETIME NOT NULL);
        CREATE TABLE "bulk_change_item" ("changeId" INTEGER NOT NULL REFERENCES "bulk_change"("id") ON DELETE CASCADE, "articleId" INTEGER NOT NULL, "wasRead" BOOLEAN NOT NULL, PRIMARY KEY ("changeId", "articleId"));
        CREATE TABLE "tombstone" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "url" TEXT UNIQUE, "reason" TEXT NOT NULL, "title" TEXT, "removedAt" DATETIME NOT NULL);
        CREATE TABLE "feed_policy" ("feedId" INTEGER PRIMARY KEY REFERENCES "feed"("id") ON DELETE CASCADE, "reloadMinutes" INTEGER, "keepArticles" INTEGER, "keepDays" INTEGER);
        CREATE TABLE article_count (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            total INTEGER NOT NULL,
            read INTEGER NOT NULL,
            starred INTEGER NOT NULL
        );
        INSERT INTO article_count (id, total, read, starred) VALUES (1, 0, 0, 0);
        CREATE TRIGGER article_count_after_delete AFTER DELETE ON article BEGIN
            UPDATE article_count SET total = total - 1 WHERE id = 1;
        END;
        CREATE TRIGGER article_state_count_after_insert AFTER INSERT ON article_state
        WHEN new.read <> 0 OR new.starred <> 0 BEGIN
            UPDATE article_count SET read = read + (new.read <> 0), starred = starred + (new.starred <> 0) WHERE id = 1;
        END;
        CREATE TRIGGER article_state_count_after_update AFTER UPDATE OF read, starred ON article_state
        WHEN (old.read <> 0) <> (new.read <> 0) OR (old.starred <> 0) <> (new.starred <> 0) BEGIN
            UPDATE article_count SET
                read = read + (new.read <> 0) - (old.read <> 0),
                starred = starred + (new.starred <> 0) - (old.starred <> 0)
            WHERE id = 1;
        END;
        CREATE TRIGGER article_state_count_after_delete AFTER DELETE ON article_state
        WHEN old.read <> 0 OR old.starred <> 0 BEGIN
            UPDATE article_count SET read = read - (old.read <> 0), starred = starred - (old.starred <> 0) WHERE id = 1;
        END;
        CREATE TABLE legacy_content_hash (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            lastArticleId INTEGER NOT NULL
        );
        """
    }
}
