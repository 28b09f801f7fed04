import GRDB
import GRDBSQLite

// MARK: - Version 9: content fingerprints, older SHA-256 hashes still recognised

/// The two kinds of `article.contentHash`: a `ContentFingerprint` (XXH3-128, 32 hexadecimal
/// digits) for what is stored from schema v9 on, and the SHA-256 (64 digits) that older bacas
/// stored. An import needs no libcrypto unless the repository still has older rows.
///
/// The migration rewrites no row (a million articles would take minutes): it notes, in the
/// one-row table `legacy_content_hash`, the largest article id of the time (no later row ever
/// holds a SHA-256: the bound of a clean-up that would drop the mark once none is left), and
/// only when there were articles. Its row is how the store knows it must also compare with
/// SHA-256:
/// - re-import of a path: a stored 64-digit hash is compared with the SHA-256 of the new
///   content; when it is the same content, the row gets its fingerprint in the same write;
/// - an article stored under another path or URL: looked up by fingerprint first, then, only
///   when an older row has the same title, by SHA-256, which can match only a 64-digit (older)
///   hash; a twin found so gets its fingerprint too.
/// A repository created by this baca (or empty when migrated) never computes a SHA-256 to import.
enum LegacyContentHash {
    static func createVersion9(_ db: Database) throws {
        // MAX of the rowid is a look-up at the end of the table's b-tree, not a scan.
        try db.execute(sql: """
            CREATE TABLE legacy_content_hash (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                lastArticleId INTEGER NOT NULL
            );
            INSERT INTO legacy_content_hash (id, lastArticleId)
            SELECT 1, MAX(id) FROM article HAVING MAX(id) IS NOT NULL;
            """)
    }

    /// Whether `stored` is an older baca's SHA-256 (64 digits) rather than a fingerprint.
    static func isLegacy(_ stored: String) -> Bool {
        stored.utf8.count == 64
    }

    /// Whether the repository may hold rows with a SHA-256 content hash. Asked for every new
    /// article of an import, so the statement is stepped here: GRDB's `fetchOne` cost ~8 k
    /// instructions an article, twice the fingerprint itself (callgrind).
    static func isPresent(in db: Database) throws -> Bool {
        let statement = try db.cachedStatement(sql: "SELECT 1 FROM legacy_content_hash").sqliteStatement
        defer { sqlite3_reset(statement) }
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    /// Whether `stored` (the `contentHash` of row `id`) is the hash of `record`'s content. An
    /// older row found to be the same content gets the record's fingerprint.
    static func isSameContent(_ record: ArticleRecord, stored: String, id: Int64, in db: Database) throws -> Bool {
        if stored == record.contentHash { return true }
        guard isLegacy(stored), try record.legacyContentHash() == stored else { return false }
        try upgrade(id: id, to: record.contentHash, in: db)
        return true
    }

    /// The row `lookUp` finds by `record`'s fingerprint, else, when the repository has an older
    /// row of the same title, by its SHA-256 (that twin then gets the fingerprint). `lookUp`
    /// returns the row's id with what the caller needs.
    static func twin<Found>(
        of record: ArticleRecord, in db: Database, _ lookUp: (String) throws -> (id: Int64, found: Found)?
    ) throws -> Found? {
        if let twin = try lookUp(record.contentHash) { return twin.found }
        guard try isPresent(in: db), try hasOlderRow(titleKey: record.titleKey, in: db),
              let twin = try lookUp(record.legacyContentHash()) else { return nil }
        try upgrade(id: twin.id, to: record.contentHash, in: db)
        return twin.found
    }

    /// Whether an older row (a SHA-256 hash) has this title key. The content hashed includes the
    /// title, so only such a row can be a twin: a new article of a migrated repository is
    /// looked up through the title's index instead of paying a SHA-256 (and decoding its JSON
    /// again) for every import.
    private static func hasOlderRow(titleKey: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT 1 FROM article WHERE titleKey = ? AND length(contentHash) = 64 LIMIT 1
            """), arguments: [titleKey]) ?? false
    }

    /// Replaces a row's SHA-256 by its fingerprint. Only `contentHash` changes, which no trigger
    /// of the search index watches.
    private static func upgrade(id: Int64, to fingerprint: String, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE article SET contentHash = ? WHERE id = ?").execute(arguments: [fingerprint, id])
    }
}

extension ArticleStore {
    /// Nil when an import can go on here; else libcrypto's one-line reason, when this repository
    /// still has older (SHA-256) content hashes and libcrypto cannot be used to compare with them.
    /// The repository is asked first: finding out whether libcrypto can be used opens it (4.8 M
    /// instructions, a third of what storing a capture costs), and a repository without older
    /// hashes never needs it. Asked on the writer, which the import uses next (and asks the same):
    /// a pool's reader connection would be opened for this one question (2.2 M).
    public func missingLibraryForImport() throws -> String? {
        let hasOlderHashes: Bool
        do {
            hasOlderHashes = try writer.writeWithoutTransaction(LegacyContentHash.isPresent)
        } catch {
            throw storeError(error, doing: "checking the content hashes")
        }
        return hasOlderHashes ? SHA256.unavailable : nil
    }
}
