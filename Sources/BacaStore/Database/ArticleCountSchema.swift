import GRDB

// MARK: - Version 8: counts kept as articles come and go

/// The list header's counts (articles, read, starred) in a one-row table, `article_count`,
/// kept up to date as rows change, so that the first frame reads one row instead of counting
/// the whole repository (`COUNT(*)` over a million articles is a scan of an index: ~10 ms and
/// growing with N, `docs/PERFORMANCE.md`).
///
/// Who keeps it:
/// - a new article: the store (`ArticleStore.insertNew`, the one place an article is inserted),
///   not a trigger. A trigger would make every INSERT into `article` a statement with its own
///   savepoint, and FTS5 flushes its pending terms at every savepoint (see
///   `StoreSchema.dropInsertTrigger`): an import would write the index article by article again.
/// - a deleted article: a trigger (deletes already run the index's delete trigger).
/// - read and starred: triggers on `article_state`, whoever writes it (the reader, a bulk mark,
///   its undo, an arrival rule, a cascade when an article is deleted).
///
/// The migration counts what is there in the same transaction as it creates the table and the
/// triggers: killed half-way, the file is as it was, and the next open starts it again.
enum ArticleCountSchema {
    static func createVersion8(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE article_count (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                total INTEGER NOT NULL,
                read INTEGER NOT NULL,
                starred INTEGER NOT NULL
            );
            \(recountSQL);
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
            """)
    }

    /// Counts everything again, from the tables: the migration's starting point (and what a
    /// test compares the kept counts with). Only states of articles that exist count.
    static let recountSQL = """
        INSERT OR REPLACE INTO article_count (id, total, read, starred)
        SELECT 1,
            (SELECT COUNT(*) FROM article),
            (SELECT COUNT(*) FROM article_state s JOIN article a ON a.id = s.articleId WHERE s.read <> 0),
            (SELECT COUNT(*) FROM article_state s JOIN article a ON a.id = s.articleId WHERE s.starred <> 0)
        """

    /// What the store runs for every article it inserts. By its rowid: an UPDATE that scans the
    /// table (no `WHERE`) is a "multi-row" write, which SQLite runs in a statement journal, and
    /// opening one makes FTS5 flush its pending terms (`sqlite3VtabSavepoint`): the index was
    /// written article by article again, +1.3 M instructions an article (callgrind).
    static let insertedSQL = "UPDATE article_count SET total = total + 1 WHERE id = 1"
}
