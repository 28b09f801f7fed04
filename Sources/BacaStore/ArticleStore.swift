import BacaCore
import Foundation
import GRDB
import GRDBSQLite

/// The article repository: one SQLite file through GRDB, with an FTS5 index.
///
/// A file opens as a `DatabasePool` (WAL, 5 s busy timeout), so the reader and an importer in
/// another process work at once; `inMemory()` is a `DatabaseQueue`. The schema is migrated in
/// `init`, after the file has been checked without writing to it: a file that is not a
/// database, another program's database or a newer baca's repository is refused untouched.
///
/// Every method is one transaction and throws only `StoreError`, one line naming the file.
public final class ArticleStore: Sendable {
    /// The repository file, `nil` in memory.
    public let path: String?
    /// Opened read-only (asked for, or the file is not writable): every write throws.
    public let isReadOnly: Bool
    /// The schema version this build reads and writes.
    public static var schemaVersion: Int { StoreSchema.current.version }
    /// The page size of a repository this baca creates (an older one keeps its own).
    static let pageSize = 32_768

    let writer: any DatabaseWriter
    /// A connection that only reads `PRAGMA data_version`: it sees every other connection's
    /// commits, this store's writer included. `nil` in memory.
    private let observer: DatabaseQueue?
    /// The name errors give the repository.
    let label: String
    /// Ignore rules applied to articles arriving from feeds (`setArrivalRules`).
    let arrival = ArrivalRuleBox()

    // MARK: - Opening

    /// Opens (creating folders, the file and the schema as needed) the repository at `path`.
    ///
    /// A file this user may not write opens read-only.
    public convenience init(path: String) throws {
        try self.init(path: path, readOnly: false)
    }

    /// Opens the repository at `path`; `readOnly` never creates, migrates or writes anything.
    public convenience init(path: String, readOnly: Bool) throws {
        try self.init(path: path, readOnly: readOnly, schema: .current)
    }

    /// Opens the repository at `path` with `schema` (tests pass a newer one).
    init(path: String, readOnly requestedReadOnly: Bool, schema: StoreSchema) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue {
            throw StoreError(.storeIsFolder(path: path))
        }
        let readOnly = requestedReadOnly || (exists && !Self.canWrite(path: path))

        if !exists {
            if readOnly { throw StoreError(.storeMissing(path: path)) }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            do {
                try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError(.storeCannotCreateFolder(folder: folder, reason: error.localizedDescription))
            }
        }

        let size = (try? fileManager.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        let (compatibility, reindexing) = exists && size > 0
            ? try StoreFileCheck.inspection(path: path, schema: schema) : (.empty, false)
        switch compatibility {
        case .foreign:
            throw StoreError.foreign(path)
        case .newer(let detail):
            throw StoreError.newer(path, detail: detail)
        case .empty, .needsMigration:
            if readOnly {
                throw StoreError(.storeNeedsSetUpReadOnly(path: path, version: schema.version))
            }
        case .current:
            break
        }

        // Read-only, a WAL file in a folder we may not write needs another way in. (Only now,
        // once the file is known to be ours: opening it may create its `-wal` and `-shm`.)
        let name = readOnly ? StoreFileCheck.readOnlyName(path: path) : path
        var configuration = StoreConnection.configuration()
        configuration.label = "baca"
        configuration.busyMode = .timeout(5)
        configuration.readonly = readOnly
        if !readOnly {
            // Safe in WAL mode (a power cut may lose the last commits, never corrupt) and much
            // faster for imports of one transaction an article.
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // A new file (both settings are possible only before the first table, and
                // before the pool turns the log on, which this runs before):
                if !db.configuration.readonly, try Int.fetchOne(db, sql: "PRAGMA page_count") == 0 {
                    // Pages of 32 KiB: an article's row (~3 KB) left a quarter of each 4 KiB page
                    // empty, and a long import made two system calls a page it wrote. At 100,000
                    // captures: 14.0 → 10.7 s, 694 → 629 MB (`docs/PERFORMANCE.md`, fifth round).
                    try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)")
                    // A map of its pages, so that `releaseFreePages()` can give back what an
                    // import's index merges freed.
                    try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
                }
            }
        }
        var observing = StoreConnection.configuration()
        observing.label = "baca.observer"
        observing.busyMode = .timeout(5)
        observing.readonly = true

        do {
            let writer: any DatabaseWriter = readOnly
                ? try DatabaseQueue(path: name, configuration: configuration)
                : try DatabasePool(path: path, configuration: configuration)
            // A new file gets the schema in one transaction (`NewRepositorySchema`); the migrator
            // then has only what came after that script, if anything.
            let createdInOneStep = try !readOnly && compatibility == .empty
                && NewRepositorySchema.create(in: writer, for: schema)
            let migrations = createdInOneStep
                ? schema.identifiers.count > NewRepositorySchema.identifiers.count
                : compatibility != .current || reindexing
            // A current file with no re-indexing left needs nothing from the migrator: skipping it
            // keeps the writer from reading the schema at every start (2.6 M instructions).
            if !readOnly && migrations {
                let compacting = try StoreSchema.compactsAfterMigrating(writer, schema: schema)
                try schema.migrator.migrate(writer)
                try StemmedIndexMigration.finish(writer)
                // The conversion to compressed text (v6) leaves the old text's pages free:
                // give them back to the file system once (a VACUUM cannot run inside a
                // migration's transaction; killed here, the file is fine, only larger).
                if compacting {
                    try writer.vacuum()
                    // The vacuumed copy went through the log: fold it back and empty it.
                    _ = try? writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
                }
            }
            self.writer = writer
            self.observer = try DatabaseQueue(path: name, configuration: observing)
        } catch let error as DatabaseError {
            throw StoreError.from(error, label: path, doing: "opening the repository")
        }
        self.path = path
        self.isReadOnly = readOnly
        self.label = path
    }

    /// Closes the read-only observer first, then the writer: SQLite folds the `-wal` file back
    /// into the database (and removes it) only when the last connection to close can write, so
    /// the repository is one self-contained file again whenever baca is not running.
    deinit {
        try? observer?.close()
        if let pool = writer as? DatabasePool {
            try? pool.close()
        } else if let queue = writer as? DatabaseQueue {
            try? queue.close()
        }
    }

    /// Whether SQLite can write the existing repository at `path`: the file, and the folder for
    /// its `-wal` and `-shm` files (unless both are there and writable already).
    static func canWrite(path: String) -> Bool {
        let fileManager = FileManager.default
        guard fileManager.isWritableFile(atPath: path) else { return false }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if fileManager.isWritableFile(atPath: folder) { return true }
        return ["-wal", "-shm"].allSatisfy { fileManager.isWritableFile(atPath: path + $0) }
    }

    private init(memoryWith schema: StoreSchema) throws {
        do {
            var configuration = StoreConnection.configuration()
            configuration.label = "baca.memory"
            let queue = try DatabaseQueue(configuration: configuration)
            try NewRepositorySchema.create(in: queue, for: schema)
            try schema.migrator.migrate(queue)
            writer = queue
        } catch let error as DatabaseError {
            throw StoreError.from(error, label: "the in-memory repository", doing: "setting up")
        }
        observer = nil
        path = nil
        isReadOnly = false
        label = "the in-memory repository"
    }

    /// A throwaway repository in memory (`baca --demo`, tests).
    public static func inMemory() throws -> ArticleStore {
        try ArticleStore(memoryWith: .current)
    }

    // MARK: - Importing

    /// Stores one article in one transaction. `sourcePath` identifies the file it came from
    /// (absolute), so that re-importing the same file is `unchanged` or `updated`.
    public func importArticle(_ article: Article, sourcePath: String?) throws -> ImportOutcome {
        try importArticle(article, sourcePath: sourcePath, importedAt: Date())
    }

    /// Stores one article as imported at `importedAt` (an undated article sorts by that day).
    ///
    /// - same `sourcePath`, same content: `.unchanged`;
    /// - same `sourcePath`, new content: `.updated` (row and index replaced, first import time
    ///   and reading state kept);
    /// - content already stored under another path or none: `.unchanged` with that article's id
    ///   (which adopts `sourcePath` if it had none);
    /// - else `.imported`. With no `sourcePath`, the content alone identifies the article.
    public func importArticle(_ article: Article, sourcePath: String?, importedAt: Date) throws -> ImportOutcome {
        try importArticle(article, sourcePath: sourcePath, importedAt: importedAt, beforeCommit: { _ in })
    }

    /// `importArticle`, running `beforeCommit` inside the transaction (tests make it throw).
    func importArticle(
        _ article: Article, sourcePath: String?, importedAt: Date, beforeCommit: (Database) throws -> Void
    ) throws -> ImportOutcome {
        let record: ArticleRecord
        do {
            record = try ArticleRecord(article: article, sourcePath: sourcePath, importedAt: importedAt)
        } catch {
            throw StoreError("\(label): cannot encode the article '\(article.title)' (\(error))")
        }
        return try write("importing '\(article.title)'") { db in
            let outcome = try Self.save(record, in: db)
            try beforeCommit(db)
            return outcome
        }
    }

    /// Stores `records` in one transaction, in order: what an import of many files does (one
    /// commit and one index flush for the batch instead of one per file). When the batch fails
    /// as a whole, each record is tried again in a transaction of its own, so one bad article
    /// never takes the others with it.
    func save(_ records: [ArticleRecord]) -> [Result<ImportOutcome, StoreError>] {
        guard records.count > 1 else {
            return records.map { record in
                Result { try write("importing '\(record.title)'") { db in try Self.save(record, in: db) } }
                    .mapError { storeError($0, doing: "importing '\(record.title)'") }
            }
        }
        if let outcomes = try? write("importing \(records.count) articles", { db in
            try records.map { try Self.save($0, in: db) }
        }) {
            return outcomes.map { .success($0) }
        }
        return records.flatMap { save([$0]) }
    }

    /// Gives the writing connection a page cache of `mebibytes` for a long import (the
    /// default 2 MiB churns once the indexes outgrow it). Readers keep the default, so the
    /// reader's memory stays flat.
    func setWriterCacheSize(mebibytes: Int) {
        guard !isReadOnly else { return }
        try? writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = \(-mebibytes * 1024)")
        }
    }

    /// Lets the writer's log grow to about `bytes` before SQLite copies it into the file
    /// (`wal_autocheckpoint` counts pages: 1,000 by default, 4 MiB of 4 KiB pages, 32 MiB of
    /// the 32 KiB pages of a repository made since schema v10). A page that many batches
    /// change (the indexes' pages, the search index's structure, the counts row) is copied
    /// once for each checkpoint: at 32 MiB of 4 KiB pages a 100,000-capture import wrote
    /// 6.9 GB instead of 8.5 GB and took 9 % less CPU (`docs/PERFORMANCE.md`, fourth round).
    /// The log is emptied when the command ends (`checkpoint()`).
    func setWriterCheckpointBytes(_ bytes: Int) {
        guard !isReadOnly else { return }
        try? writer.writeWithoutTransaction { db in
            let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(max(1_000, bytes / max(512, pageSize)))")
        }
    }

    /// Inserts, replaces or recognises `record` (see `importArticle(_:sourcePath:importedAt:)`).
    ///
    /// Plain SQL through cached statements run with SQLite's C API (`RawStatement`): the query
    /// interface built and prepared its two look-ups again for every article (~0.4 M
    /// instructions an article), and GRDB's arguments cost ~35 k more (`docs/PERFORMANCE.md`).
    static func save(_ record: ArticleRecord, in db: Database) throws -> ImportOutcome {
        var record = record
        if let sourcePath = record.sourcePath, let stored = try storedRow(sourcePath: sourcePath, in: db) {
            if try LegacyContentHash.isSameContent(record, stored: stored.contentHash, id: stored.id, in: db) {
                return .unchanged(id: stored.id)
            }
            record.id = stored.id
            record.setImportedAt(stored.importedAt)
            try record.update(db)
            return .updated(id: stored.id)
        }
        if let twin = try LegacyContentHash.twin(of: record, in: db, { hash in
            try twinRow(contentHash: hash, in: db).map { (id: $0.id, found: $0) }
        }) {
            if twin.sourcePath == nil, let sourcePath = record.sourcePath {
                let setPath = try RawStatement("UPDATE article SET sourcePath = ? WHERE id = ?", in: db)
                try setPath.bind(1, sourcePath)
                try setPath.bind(2, twin.id)
                try setPath.run()
            }
            return .unchanged(id: twin.id)
        }
        try insertNew(&record, in: db)
        return .imported(id: record.id!)
    }

    /// The row imported from `sourcePath`, if any.
    private static func storedRow(
        sourcePath: String, in db: Database
    ) throws -> (id: Int64, contentHash: String, importedAt: Date)? {
        let lookUp = try RawStatement("SELECT id, contentHash, importedAt FROM article WHERE sourcePath = ?", in: db)
        try lookUp.bind(1, sourcePath)
        guard let row = try lookUp.firstRow({ statement in
            (id: sqlite3_column_int64(statement, 0), contentHash: RawStatement.text(statement, 1) ?? "",
             importedAt: RawStatement.text(statement, 2))
        }) else { return nil }
        // Stored by GRDB as its text for a `Date`; read back the way GRDB reads it.
        guard let importedAt = row.importedAt.flatMap({ Date.fromDatabaseValue($0.databaseValue) }) else {
            throw DatabaseError(message: "article \(row.id) has no readable importedAt")
        }
        return (row.id, row.contentHash, importedAt)
    }

    /// The first row with content hash `contentHash`, if any.
    private static func twinRow(contentHash: String, in db: Database) throws -> (id: Int64, sourcePath: String?)? {
        let lookUp = try RawStatement(
            "SELECT id, sourcePath FROM article WHERE contentHash = ? ORDER BY id LIMIT 1", in: db)
        try lookUp.bind(1, contentHash)
        return try lookUp.firstRow { statement in
            (id: sqlite3_column_int64(statement, 0), sourcePath: RawStatement.text(statement, 1))
        }
    }

    /// Inserts a new article's row and its index row: no trigger writes the index of a new
    /// article (see `StoreSchema.dropInsertTrigger`), so every insert into `article` goes here.
    static func insertNew(_ record: inout ArticleRecord, in db: Database) throws {
        let insert = try RawStatement(ArticleRecord.insertSQL, in: db)
        try record.bindInsertArguments(to: insert)
        try insert.run()
        let id = db.lastInsertedRowID
        record.id = id
        try RawStatement(ArticleCountSchema.insertedSQL, in: db).run()
        // The index's text from the record (`article_text.bodyText` would decompress what was
        // just compressed).
        let index = try RawStatement(
            "INSERT INTO article_fts (rowid, title, keyPointsText, bodyText) VALUES (?, ?, ?, ?)", in: db)
        try index.bind(1, id)
        try index.bind(2, record.title)
        try index.bind(3, record.keyPointsText)
        try index.bind(4, record.bodyText)
        try index.run()
    }

    // MARK: - Counting

    /// Counts for the list header: one row kept up to date as articles and states change
    /// (`ArticleCountSchema`), so its cost does not grow with the repository.
    public func counts() throws -> ArticleCounts {
        try read("counting articles") { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT total, read, starred FROM article_count"))
            else { return ArticleCounts(total: 0, unread: 0, starred: 0) }
            let total: Int = row[0]
            let read: Int = row[1]
            return ArticleCounts(total: total, unread: max(0, total - read), starred: row[2])
        }
    }

    public func count(scope: ListScope) throws -> Int {
        let counts = try counts()
        switch scope {
        case .all: return counts.total
        case .unread: return counts.unread
        case .starred: return counts.starred
        }
    }

    // MARK: - Listing

    /// One page of list rows, `offset` rows from the top. Bodies are never read.
    public func summaries(scope: ListScope, sort: ListSort, offset: Int, limit: Int) throws -> [ArticleSummary] {
        guard limit > 0 else { return [] }
        let sql = listSQL(scope: scope, sort: sort, after: false) + " LIMIT ? OFFSET ?"
        return try read("listing articles") { db in
            try Row.fetchAll(db, sql: sql, arguments: [limit, max(0, offset)]).map(ArticleSummary.init(row:))
        }
    }

    /// One page of list rows after the row of article `id` (`nil`: from the top).
    ///
    /// Keyset paging: a page deep in a long list costs what the first page costs, where an
    /// offset still walks the index up to it.
    public func summaries(scope: ListScope, sort: ListSort, after id: Int64?, limit: Int) throws -> [ArticleSummary] {
        guard let id else { return try summaries(scope: scope, sort: sort, offset: 0, limit: limit) }
        guard limit > 0 else { return [] }
        let keyColumn = SummaryRow.keyColumn(sort)
        let sql = listSQL(scope: scope, sort: sort, after: true) + " LIMIT ?"
        return try read("listing articles") { db in
            guard let key = try String.fetchOne(db, sql: "SELECT \(keyColumn) FROM article WHERE id = ?", arguments: [id])
            else { throw StoreError(.storeNoArticle(label: label, id: id)) }
            return try Row.fetchAll(db, sql: sql, arguments: [key, id, limit]).map(ArticleSummary.init(row:))
        }
    }

    private func listSQL(scope: ListScope, sort: ListSort, after: Bool) -> String {
        let conditions = [SummaryRow.condition(scope), after ? SummaryRow.after(sort) : nil]
        return """
            SELECT \(SummaryRow.columns) FROM \(SummaryRow.source(scope)) \(SummaryRow.whereClause(conditions)) \
            ORDER BY \(SummaryRow.order(sort))
            """
    }

    /// SQLite's plan for a list page, as `summaries(scope:sort:offset:limit:)` runs it (perf
    /// checks: no `USE TEMP B-TREE` means no sort).
    func listQueryPlan(scope: ListScope, sort: ListSort) throws -> [String] {
        let sql = "EXPLAIN QUERY PLAN " + listSQL(scope: scope, sort: sort, after: false) + " LIMIT ? OFFSET ?"
        return try read("explaining a list") { db in
            try Row.fetchAll(db, sql: sql, arguments: [40, 90_000]).map { $0["detail"] }
        }
    }

    public func summary(id: Int64) throws -> ArticleSummary? {
        let sql = "SELECT \(SummaryRow.columns) FROM \(SummaryRow.source) WHERE a.id = ?"
        return try read("reading article \(id)") { db in
            try Row.fetchOne(db, sql: sql, arguments: [id]).map(ArticleSummary.init(row:))
        }
    }

    /// The article `id` with its state, or `nil` when there is none.
    public func article(id: Int64) throws -> StoredArticle? {
        let (record, stateRecord) = try read("reading article \(id)") { db in
            (try ArticleRecord.fetchOne(db, key: id), try ArticleStateRecord.fetchOne(db, key: id))
        }
        guard let record else { return nil }
        let article: Article
        do {
            article = try record.decodedArticle()
        } catch {
            throw StoreError("\(label): article \(id) cannot be read (\(error)); import its file again")
        }
        return StoredArticle(
            id: id, article: article, state: stateRecord?.state ?? ArticleState(),
            sourcePath: record.sourcePath, importedAt: record.importedAt)
    }

    // MARK: - Searching

    /// Full-text search, best first. Any text is a valid query (see `SearchQuery`).
    public func search(_ query: String, scope: ListScope, offset: Int, limit: Int) throws -> [SearchHit] {
        try search(SearchQuery(query), scope: scope, offset: offset, limit: limit)
    }

    /// Full-text search with a query already read, best first.
    ///
    /// Two steps in one statement: rank every match on the index and the small state table
    /// alone (`SearchRanking.hitsSQL`), then read the article rows and snippets of the one page
    /// kept. (Joining `article` before the sort would read a large row for every match: 4×
    /// slower on 100,000 articles.)
    ///
    /// The snippet comes from the body when it matched there, else from the key points, else
    /// (a title match, which the row already shows) from the body's opening words. It marks
    /// every form of the words that matched (*kebanjiran* for `banjir`).
    public func search(_ query: SearchQuery, scope: ListScope, offset: Int, limit: Int) throws -> [SearchHit] {
        guard let ranking = SearchRanking(query: query, scope: scope), limit > 0 else { return [] }
        return try read("searching") { db in
            try Self.rankedRows(db, ranking, limit: limit, offset: offset) { hits in
                (sql: """
                    WITH hit AS (\(hits)) \
                    SELECT \(SummaryRow.columns), \
                    \(Snippet.sql(column: 2)) AS bodySnippet, \(Snippet.sql(column: 1)) AS keyPointsSnippet, \
                    \(Snippet.sql(column: 0)) AS titleSnippet \
                    FROM hit \
                    CROSS JOIN article_fts ON article_fts.rowid = hit.id \
                    CROSS JOIN article a ON a.id = hit.id \
                    LEFT JOIN article_state s ON s.articleId = a.id \
                    WHERE article_fts MATCH ? \
                    ORDER BY \(SearchRanking.outerOrder)
                    """, arguments: [ranking.expression])
            }.map { row in
                let body: String = row["bodySnippet"] ?? ""
                let keyPoints: String = row["keyPointsSnippet"] ?? ""
                let title: String = row["titleSnippet"] ?? ""
                let marked = Snippet.hasMatch(body) ? body
                    : Snippet.hasMatch(keyPoints) ? keyPoints
                    : body.isEmpty ? title : body
                return SearchHit(summary: ArticleSummary(row: row), snippet: Snippet.runs(marked))
            }
        }
    }

    /// The rows of `statement(hits)`, where `hits` is the page's ranked hits (`SearchRanking`)
    /// and the statement's own arguments follow the hits' ones. Ranked by `baca_rank`; should it
    /// refuse the query, by the plain SQL, which gives the same rows.
    static func rankedRows(
        _ db: Database, _ ranking: SearchRanking, limit: Int, offset: Int,
        _ statement: (String) -> (sql: String, arguments: StatementArguments)
    ) throws -> [Row] {
        let fast = statement(ranking.hitsSQL)
        do {
            return try Row.fetchAll(db, sql: fast.sql, arguments: ranking.arguments(limit: limit, offset: offset) + fast.arguments)
        } catch let error as DatabaseError where error.message?.hasPrefix(SearchRankFunction.name) == true {
            let plain = statement(ranking.referenceHitsSQL)
            return try Row.fetchAll(
                db, sql: plain.sql, arguments: ranking.referenceArguments(limit: limit, offset: offset) + plain.arguments)
        }
    }

    /// The snippet of one search result, for the reader's focused row: the index is looked up
    /// by the article's rowid, so it costs one row's snippet however many articles matched.
    /// Empty when the article does not match (any more).
    public func searchSnippet(_ query: String, articleID: Int64) throws -> [(text: String, isMatch: Bool)] {
        guard let expression = SearchQuery(query).ftsExpression else { return [] }
        let sql = """
            SELECT \(Snippet.sql(column: 2)) AS bodySnippet, \(Snippet.sql(column: 1)) AS keyPointsSnippet, \
            \(Snippet.sql(column: 0)) AS titleSnippet \
            FROM article_fts WHERE article_fts MATCH ? AND rowid = ?
            """
        return try read("searching") { db in
            guard let row = try Row.fetchOne(db, sql: sql, arguments: [expression, articleID]) else { return [] }
            let body: String = row["bodySnippet"] ?? ""
            let keyPoints: String = row["keyPointsSnippet"] ?? ""
            let title: String = row["titleSnippet"] ?? ""
            let marked = Snippet.hasMatch(body) ? body
                : Snippet.hasMatch(keyPoints) ? keyPoints
                : body.isEmpty ? title : body
            return Snippet.runs(marked)
        }
    }

    /// One page of search results as list rows, best first, without snippets: what the list
    /// shows. A snippet reads the article's text again and tokenizes it; for a page of 64
    /// rows on 100,000 articles that was 7 of 7.2 ms for a rare word and 50 of 60 ms for a
    /// common one (`docs/PERFORMANCE.md`).
    public func searchSummaries(_ query: String, scope: ListScope, offset: Int, limit: Int) throws -> [ArticleSummary] {
        guard let ranking = SearchRanking(query: SearchQuery(query), scope: scope), limit > 0 else { return [] }
        return try read("searching") { db in
            try Self.rankedRows(db, ranking, limit: limit, offset: offset) { hits in
                (sql: """
                    WITH hit AS (\(hits)) \
                    SELECT \(SummaryRow.columns) \
                    FROM hit \
                    CROSS JOIN article a ON a.id = hit.id \
                    LEFT JOIN article_state s ON s.articleId = a.id \
                    ORDER BY \(SearchRanking.outerOrder)
                    """, arguments: [])
            }.map(ArticleSummary.init(row:))
        }
    }

    public func searchCount(_ query: String, scope: ListScope) throws -> Int {
        try searchCount(SearchQuery(query), scope: scope)
    }

    public func searchCount(_ query: SearchQuery, scope: ListScope) throws -> Int {
        guard let expression = query.ftsExpression else { return 0 }
        let sql = """
            SELECT COUNT(*) FROM \(Self.matchSource(scope)) \
            \(SummaryRow.whereClause(["article_fts MATCH ?", SummaryRow.condition(scope)]))
            """
        return try read("searching") { db in try Int.fetchOne(db, sql: sql, arguments: [expression]) ?? 0 }
    }

    /// The index, with the state `s` when the scope reads it (never the article rows).
    static func matchSource(_ scope: ListScope) -> String {
        scope == .all
            ? "article_fts"
            : "article_fts LEFT JOIN article_state s ON s.articleId = article_fts.rowid"
    }

    // MARK: - Reading state

    public func setRead(_ read: Bool, id: Int64) throws {
        try upsertState(of: id, doing: "marking article \(id) \(read ? "read" : "unread")", ["read": read])
    }

    public func setStarred(_ starred: Bool, id: Int64) throws {
        try upsertState(of: id, doing: "\(starred ? "starring" : "unstarring") article \(id)", ["starred": starred])
    }

    /// Remembers where the reader left article `id`; `nil` forgets it.
    public func savePosition(_ position: ReadingPosition?, id: Int64) throws {
        try upsertState(of: id, doing: "saving the position in article \(id)", [
            "positionSection": position?.sectionIndex,
            "positionBlock": position?.blockIndex,
        ])
    }

    /// Inserts the state row of article `id` or changes only `values` in it.
    private func upsertState(of id: Int64, doing: String, _ values: KeyValuePairs<String, (any DatabaseValueConvertible)?>) throws {
        let columns = values.map(\.key)
        let sql = """
            INSERT INTO article_state (articleId, \(columns.joined(separator: ", ")), updatedAt)
            VALUES (?, \(columns.map { _ in "?" }.joined(separator: ", ")), ?)
            ON CONFLICT (articleId) DO UPDATE SET \
            \(columns.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")), updatedAt = excluded.updatedAt
            """
        var arguments: StatementArguments = [id]
        arguments += StatementArguments(values.map(\.value))
        arguments += [Date()]
        try write(doing) { db in
            guard try ArticleRecord.exists(db, key: id) else { throw StoreError(.storeNoArticle(label: label, id: id)) }
            try db.execute(sql: sql, arguments: arguments)
        }
    }

    // MARK: - Watching

    /// Changes whenever another connection commits (SQLite's `data_version`), so a reader can
    /// notice articles imported by another process. This store's own writes change it too.
    public func dataVersion() throws -> Int {
        do {
            if let observer {
                return try observer.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
            }
            // One connection in memory: nobody else can commit; count this connection's changes.
            return try writer.read { db in try Int.fetchOne(db, sql: "SELECT total_changes()") ?? 0 }
        } catch let error as DatabaseError {
            throw StoreError.from(error, label: label, doing: "checking for changes")
        }
    }

    /// The schema version written in the file (`PRAGMA user_version`).
    func storedSchemaVersion() throws -> Int {
        try read("reading the schema version") { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }

    // MARK: - Transactions

    func read<T>(_ doing: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch {
            throw storeError(error, doing: doing)
        }
    }

    func write<T>(_ doing: String, _ body: (Database) throws -> T) throws -> T {
        if isReadOnly {
            throw StoreError(.storeOpenedReadOnly(label: label, doing: doing))
        }
        do {
            return try writer.write(body)
        } catch {
            throw storeError(error, doing: doing)
        }
    }

    func storeError(_ error: any Error, doing: String) -> StoreError {
        switch error {
        case let error as StoreError: return error
        case let error as DatabaseError: return StoreError.from(error, label: label, doing: doing)
        default: return StoreError(.storeFailed(label: label, doing: doing, reason: "\(error)"))
        }
    }
}
