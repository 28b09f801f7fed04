import BacaCore
import Foundation
import GRDB
import Synchronization
import Testing
@testable import BacaStore

/// A new repository gets its schema in one step (`NewRepositorySchema`): the result must be
/// exactly what replaying every migration leaves, and an older repository still migrates.
@Suite("New repositories in one step")
struct NewRepositorySchemaTests {
    /// Everything a repository's schema is, as lines to compare and print: `user_version`, every
    /// `sqlite_master` row (exact SQL), every table's columns, indexes (and their columns) and
    /// foreign keys, and every table's rows (`quote()` of each value; blobs in hexadecimal).
    struct Picture: Equatable {
        var lines: [String]

        init(_ db: Database, rows: Bool = true) throws {
            var lines = ["user_version \(try Int.fetchOne(db, sql: "PRAGMA user_version") ?? -1)"]
            for row in try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name") {
                let sql: String? = row[3]
                lines.append("\(row[0] as String) \(row[1] as String) on \(row[2] as String): \(sql ?? "NULL")")
            }
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            for table in tables {
                let quoted = table.quotedDatabaseIdentifier
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_xinfo(\(quoted))")
                lines += columns.map { "column \(table): \($0)" }
                for index in try Row.fetchAll(db, sql: "PRAGMA index_list(\(quoted))") {
                    lines.append("index \(table): \(index)")
                    let name: String = index["name"]
                    lines += try Row.fetchAll(db, sql: "PRAGMA index_xinfo(\(name.quotedDatabaseIdentifier))")
                        .map { "index column \(name): \($0)" }
                }
                lines += try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(quoted))").map { "foreign key \(table): \($0)" }
                guard rows else { continue }
                let names = columns.map { ($0["name"] as String).quotedDatabaseIdentifier }
                let values = names.map { "quote(\($0))" }.joined(separator: " || ', ' || ")
                lines += try String.fetchAll(db, sql: "SELECT \(values) FROM \(quoted)").sorted().map { "row \(table): \($0)" }
            }
            self.lines = lines
        }

        /// The picture of the file at `path`, read by a connection of its own.
        init(path: String, rows: Bool = true) throws {
            var configuration = StoreConnection.configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            self = try queue.read { db in try Picture(db, rows: rows) }
        }

        /// The lines only one of the two pictures has, each marked with the side it is on.
        func difference(from other: Picture) -> String {
            let mine = Set(lines), theirs = Set(other.lines)
            return (lines.filter { !theirs.contains($0) }.map { "+ \($0)" }
                + other.lines.filter { !mine.contains($0) }.map { "- \($0)" }).joined(separator: "\n")
        }
    }

    /// A file with `schema`'s migrations replayed one by one, as every repository was made before.
    static func replayed(_ schema: StoreSchema, at path: String) throws {
        let queue = try DatabaseQueue(path: path, configuration: StoreConnection.configuration())
        try schema.migrator.migrate(queue)
        try queue.close()
    }

    /// The `CREATE` statements of a replayed repository, to paste into `NewRepositorySchema.script`
    /// (without what SQLite and FTS5 create by themselves: `sqlite_sequence`, the index's tables).
    static func replayedScript(_ path: String) throws -> String {
        let queue = try DatabaseQueue(path: path, configuration: StoreConnection.configuration())
        defer { try? queue.close() }
        return try queue.read { db in
            try String.fetchAll(db, sql: """
                SELECT sql || ';' FROM sqlite_master
                WHERE sql IS NOT NULL AND name <> 'sqlite_sequence' AND NOT (type = 'table' AND name GLOB 'article_fts_*')
                ORDER BY rowid
                """).joined(separator: "\n")
        }
    }

    @Test("the script stands for the first migrations of this build's schema, all of them")
    func identifiers() {
        let standsFor = StoreSchema.upTo(version: NewRepositorySchema.version)
        #expect(NewRepositorySchema.identifiers == standsFor.identifiers)
        #expect(standsFor.version == NewRepositorySchema.version)
        // A migration added since still runs on a new repository (see `laterMigration`), but
        // every new repository then pays for it: add its result to the script.
        #expect(NewRepositorySchema.version == StoreSchema.current.version,
                "schema \(StoreSchema.current.version) is not in NewRepositorySchema.script: add its result there")
    }

    @Test("a repository made in one step is exactly one made by replaying every migration")
    func sameAsReplayed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let replayedPath = folder.path("replayed.sqlite")
        try Self.replayed(.current, at: replayedPath)

        // The script itself, on an empty file.
        let oneStepPath = folder.path("one-step.sqlite")
        do {
            let queue = try DatabaseQueue(path: oneStepPath, configuration: StoreConnection.configuration())
            #expect(try NewRepositorySchema.create(in: queue, for: .current))
            try queue.close()
        }
        // And the way baca makes a new repository.
        let storePath = folder.path("store.sqlite")
        _ = try ArticleStore(path: storePath)

        let expected = try Picture(path: replayedPath)
        #expect(expected.lines.contains { $0.hasPrefix("table article_count") })
        #expect(expected.lines.contains("row article_count: 1, 0, 0, 0"))
        let script = try Self.replayedScript(replayedPath)
        for path in [oneStepPath, storePath] {
            let picture = try Picture(path: path)
            #expect(picture == expected, """
                \(path) differs from the replayed migrations:
                \(picture.difference(from: expected))
                The replayed schema, for NewRepositorySchema.script:
                \(script)
                """)
        }
    }

    @Test("the comparison sees one index more")
    func pictureSeesADifference() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let plain = folder.path("plain.sqlite"), more = folder.path("more.sqlite")
        try Self.replayed(.current, at: plain)
        try Self.replayed(StoreSchema.current.adding(
            "v99-test-index", version: 99, sql: "CREATE INDEX article_on_author ON article (author)"), at: more)
        let difference = try Picture(path: more).difference(from: Picture(path: plain))
        #expect(difference.contains("+ index article_on_author on article: CREATE INDEX article_on_author ON article (author)"))
        #expect(difference.contains("+ user_version 99"))
        #expect(difference.contains("- user_version \(StoreSchema.current.version)"))
    }

    @Test("a repository made in one step opens without migrating, imports and finds")
    func opensImportsAndFinds() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("baca.sqlite")
        do {
            let store = try ArticleStore(path: path)
            #expect(try store.storedSchemaVersion() == ArticleStore.schemaVersion)
        }
        let inspection = try StoreFileCheck.inspection(path: path, schema: .current)
        #expect(inspection.compatibility == .current)
        #expect(!inspection.reindexing)
        let before = try Picture(path: path, rows: false)

        let store = try ArticleStore(path: path)
        let outcome = try store.importArticle(
            Sample.article("Panen Raya di Desa", body: "Para petani memanen padi bersama-sama."), sourcePath: "/panen")
        guard case .imported = outcome else {
            Issue.record("expected a new article, got \(outcome)")
            return
        }
        #expect(try store.searchCount("panen", scope: .all) == 1)
        #expect(try store.searchCount("memanen", scope: .all) == 1)
        #expect(try store.counts().total == 1)
        // The schema is as it was: nothing was migrated.
        #expect(try Picture(path: path, rows: false) == before)
        try store.write("checking the index") { db in
            try db.execute(sql: "INSERT INTO article_fts (article_fts) VALUES ('integrity-check')")
            #expect(try Set(StoreSchema.current.migrator.appliedIdentifiers(db)) == Set(StoreSchema.current.identifiers))
            #expect(try !LegacyContentHash.isPresent(in: db))
        }
    }

    @Test("the in-memory repository gets the same schema")
    func inMemory() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let replayedPath = folder.path("replayed.sqlite")
        try Self.replayed(.current, at: replayedPath)
        let store = try ArticleStore.inMemory()
        let picture = try store.read("picturing") { db in try Picture(db) }
        let expected = try Picture(path: replayedPath)
        #expect(picture == expected, "\(picture.difference(from: expected))")
    }

    @Test("a file that already has tables is left to the migrator")
    func notEmpty() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("baca.sqlite")
        try Self.replayed(.upTo(version: 8), at: path)
        let before = try Picture(path: path)
        let queue = try DatabaseQueue(path: path, configuration: StoreConnection.configuration())
        #expect(try !NewRepositorySchema.create(in: queue, for: .current))
        try queue.close()
        #expect(try Picture(path: path) == before)
    }

    @Test("stores opening the same new file at once: one makes the schema, all open it")
    func openedAtOnce() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("baca.sqlite")
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { index in
            do {
                let store = try ArticleStore(path: path)
                _ = try store.importArticle(Sample.article("Kabar \(index)", body: "Isi kabar nomor \(index)."), sourcePath: "/\(index)")
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let store = try ArticleStore(path: path)
        #expect(try store.counts().total == 4)
        #expect(try store.searchCount("kabar", scope: .all) == 4)
        let replayedPath = folder.path("replayed.sqlite")
        try Self.replayed(.current, at: replayedPath)
        let picture = try Picture(path: path, rows: false), expected = try Picture(path: replayedPath, rows: false)
        #expect(picture == expected, "\(picture.difference(from: expected))")
    }

    @Test("an older schema asked for is replayed, and migrates up as before")
    func olderRepositoryMigrates() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("baca.sqlite")
        do {
            let store = try ArticleStore(path: path, readOnly: false, schema: .upTo(version: 8))
            #expect(try store.storedSchemaVersion() == 8)
            try store.write("storing as baca 8") { db in
                #expect(try !db.tableExists("legacy_content_hash"))
                var record = try ArticleRecord(article: Sample.article("Banjir di Kota", body: "Air naik sejak pagi."),
                                               sourcePath: "/a", importedAt: Date())
                try ArticleStore.insertNew(&record, in: db)
            }
        }
        #expect(try StoreFileCheck.inspect(path: path, schema: .current) == .needsMigration)
        let store = try ArticleStore(path: path)
        #expect(try store.storedSchemaVersion() == ArticleStore.schemaVersion)
        #expect(try store.searchCount("banjir", scope: .all) == 1)
        #expect(try store.counts().total == 1)
        // v9 ran on a repository with an article: its older hashes are still looked for.
        #expect(try store.read("checking") { db in try LegacyContentHash.isPresent(in: db) })

        // Its schema is the new repository's (its rows are its own).
        let fresh = folder.path("fresh.sqlite")
        _ = try ArticleStore(path: fresh)
        let migrated = try Picture(path: path, rows: false), made = try Picture(path: fresh, rows: false)
        #expect(migrated == made, "\(migrated.difference(from: made))")
    }

    @Test("a migration added after the script still runs on a new repository")
    func laterMigration() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let later = StoreSchema.current.adding(
            "v99-test-index", version: 99, sql: "CREATE INDEX article_on_author ON article (author)")
        let replayedPath = folder.path("replayed.sqlite")
        try Self.replayed(later, at: replayedPath)
        let path = folder.path("baca.sqlite")
        do {
            let store = try ArticleStore(path: path, readOnly: false, schema: later)
            #expect(try store.storedSchemaVersion() == 99)
        }
        #expect(try StoreFileCheck.inspect(path: path, schema: later) == .current)
        let picture = try Picture(path: path), expected = try Picture(path: replayedPath)
        #expect(picture == expected, "\(picture.difference(from: expected))")
    }
}
