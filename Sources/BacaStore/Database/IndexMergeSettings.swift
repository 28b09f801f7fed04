import GRDB

/// How the search index (FTS5) takes in many articles at once: the settings schema v10 stores
/// in `article_fts_config`, so every connection, process and later baca uses them.
///
/// FTS5 collects the terms of the rows a transaction writes in memory and writes them as one
/// new segment when the transaction commits (or when they outgrow `hashsize`); it merges
/// `automerge` segments of one size into one of the next. SQLite's defaults (1 MiB, 4) suit
/// one row at a time: an import of 100,000 articles wrote a segment every 64 articles and
/// rewrote each position about six times as the segments were merged. A long import now
/// writes a segment a transaction of up to `FileImporter.transactionArticles` articles and
/// merges sixteen at a time (`docs/PERFORMANCE.md`, fifth round). A search reads at most a few
/// dozen segments either way (measured: the same instructions for "kopi" at 100,000).
enum IndexMergeSettings {
    /// Bytes of pending terms FTS5 keeps in memory before writing a segment mid-transaction.
    static let hashBytes = 32 << 20
    /// Segments of one level merged into one of the next.
    static let automerge = 16

    /// Schema v10: stores both settings. Only `article_fts_config` changes; nothing is re-indexed.
    static func createVersion10(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO article_fts (article_fts, rank) VALUES ('hashsize', \(hashBytes));
            INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', \(automerge));
            """)
    }
}
