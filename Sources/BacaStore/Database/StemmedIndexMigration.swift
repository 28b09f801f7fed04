import Foundation
import GRDB

// MARK: - Version 5: the stemmed index

/// Migration v5 replaces the search index with one built by `StemmingTokenizer`, and the
/// store then re-indexes the existing articles in batches, each its own transaction.
///
/// The migration itself is quick (one transaction: new index, its triggers and the
/// `search_reindex` marker holding the last article id to index and the last
/// one done). The re-indexing runs when a writable store opens (`finish`), before anything else
/// writes: killed, it resumes from the last batch committed at the next open. Articles imported
/// meanwhile have higher ids and are indexed by the store as usual. Since v6 the text is read
/// through the view `article_text` (v6 runs before `finish`, and sets the marker again when
/// it rebuilds the index on the view).
enum StemmedIndexMigration {
    /// The index's `tokenize` argument: `baca_stem`, or, with BACA_INDEX_ROOTS=0, an index
    /// without roots, for the benchmark's "without stemming". A new repository's one-step schema
    /// (`NewRepositorySchema`) names the same.
    static var tokenizer: String {
        let withoutRoots = ProcessInfo.processInfo.environment["BACA_INDEX_ROOTS"] == "0"
        return StemmingTokenizer.name + (withoutRoots ? " \(StemmingTokenizer.withoutRoots)" : "")
    }

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER IF EXISTS article_fts_after_insert;
            DROP TRIGGER IF EXISTS article_fts_after_delete;
            DROP TRIGGER IF EXISTS article_fts_after_update;
            DROP TABLE IF EXISTS article_fts;
            CREATE VIRTUAL TABLE article_fts USING fts5(
                title, keyPointsText, bodyText,
                content = 'article', content_rowid = 'id',
                tokenize = '\(tokenizer)'
            );
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
            CREATE TABLE search_reindex (lastId INTEGER NOT NULL, doneId INTEGER NOT NULL);
            INSERT INTO search_reindex (lastId, doneId) SELECT MAX(id), 0 FROM article WHERE id IS NOT NULL HAVING COUNT(*) > 0;
            """)
        if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM search_reindex") == 0 {
            try db.execute(sql: "DROP TABLE search_reindex")
        }
    }

    /// Articles a batch of the re-indexing holds.
    static let batchSize = 2_000

    /// Indexes the articles the migration left, a batch a transaction, until none is left (or
    /// `maximumBatches` have run: tests stop half-way as a kill would). Several processes may
    /// run it at once: each batch reads where the last one stopped.
    static func finish(_ writer: any DatabaseWriter, batchSize: Int = batchSize, maximumBatches: Int = .max) throws {
        // On the writer: a pool's reader connection closes last and, read-only, would leave the
        // `-wal` file behind (see `ArticleStore.deinit`).
        guard try writer.writeWithoutTransaction({ db in try db.tableExists("search_reindex") }) else { return }
        var batches = 0
        while batches < maximumBatches {
            let done = try writer.write { db -> Bool in
                guard try db.tableExists("search_reindex"),
                      let row = try Row.fetchOne(db, sql: "SELECT lastId, doneId FROM search_reindex")
                else { return true }
                let lastId: Int64 = row["lastId"]
                let doneId: Int64 = row["doneId"]
                let upper = try Int64.fetchOne(db, sql: """
                    SELECT MAX(id) FROM (SELECT id FROM article WHERE id > ? AND id <= ? ORDER BY id LIMIT ?)
                    """, arguments: [doneId, lastId, batchSize])
                guard let upper else {
                    try db.execute(sql: "DROP TABLE search_reindex")
                    return true
                }
                try db.execute(sql: """
                    INSERT INTO article_fts (rowid, title, keyPointsText, bodyText)
                    SELECT id, title, keyPointsText, bodyText FROM article_text WHERE id > ? AND id <= ? ORDER BY id
                    """, arguments: [doneId, upper])
                try db.execute(sql: "UPDATE search_reindex SET doneId = ?", arguments: [upper])
                return false
            }
            if done { return }
            batches += 1
        }
    }
}
