import BacaCore
import Foundation
import Testing
@testable import BacaStore

@Suite("Opening")
struct OpeningTests {
    @Test("a repository keeps its articles and state across openings")
    func reopen() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("deep/er/baca.sqlite")
        let id: Int64
        do {
            let store = try ArticleStore(path: path)
            id = try store.importArticle(Sample.puncak, sourcePath: "/puncak").id
            try store.setStarred(true, id: id)
        }
        let store = try ArticleStore(path: path)
        #expect(try store.article(id: id)?.article == Sample.puncak)
        #expect(try store.counts() == ArticleCounts(total: 1, unread: 1, starred: 1))
        #expect(store.path == path)
        #expect(!store.isReadOnly)
    }

    @Test("a repository written by a newer baca is refused and left untouched")
    func newerSchemaRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("baca.sqlite")
        do {
            let future = StoreSchema.current.adding(
                "v99-future", version: ArticleStore.schemaVersion + 1, sql: "CREATE TABLE future_thing (id INTEGER PRIMARY KEY)")
            let store = try ArticleStore(path: path, readOnly: false, schema: future)
            _ = try store.importArticle(Sample.kafe, sourcePath: "/kafe")
        }
        let before = try FolderSnapshot(folder)
        #expect(before.files["baca.sqlite"] != nil)

        let error = #expect(throws: StoreError.self) { try ArticleStore(path: path) }
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains("newer baca") == true)
        #expect(throws: StoreError.self) { try ArticleStore(path: path, readOnly: true) }
        #expect(try FolderSnapshot(folder) == before)
    }

    @Test("a file that is not a database is refused and left untouched", arguments: [
        "random", "text", "fake header",
    ])
    func notADatabase(content: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("notes.sqlite")
        var bytes: [UInt8]
        switch content {
        case "random":
            var generator = SeededGenerator(state: 7)
            bytes = (0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }
        case "text":
            bytes = Array("Senin (4/11/2024)\nJakarta, IDN Times - bukan basis data.\n".utf8)
        default:
            bytes = StoreFileCheck.sqliteHeader + [UInt8](repeating: 0xFF, count: 4096)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let before = try FolderSnapshot(folder)

        let error = #expect(throws: StoreError.self) { try ArticleStore(path: path) }
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains("is not a baca repository (file is not a database)") == true, "\(String(describing: error))")
        #expect(try FolderSnapshot(folder) == before, "no byte written, no -wal or -shm left")
    }

    @Test("a folder is not a repository")
    func folderRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let error = #expect(throws: StoreError.self) { try ArticleStore(path: folder.url.path) }
        #expect(error?.description.contains("is a folder") == true)
    }

    @Test("read-only: reads work, writes are refused, nothing is created")
    func readOnly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("baca.sqlite")
        #expect(throws: StoreError.self) { try ArticleStore(path: path, readOnly: true) }
        #expect(!FileManager.default.fileExists(atPath: path))

        let id: Int64
        do {
            let store = try ArticleStore(path: path)
            id = try store.importArticle(Sample.kafe, sourcePath: "/kafe").id
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let store = try ArticleStore(path: path, readOnly: true)
        #expect(store.isReadOnly)
        #expect(try store.summaries(scope: .all, sort: .newest, offset: 0, limit: 10).map(\.id) == [id])
        #expect(try store.search("kemang", scope: .all, offset: 0, limit: 10).count == 1)
        #expect(try store.article(id: id)?.article == Sample.kafe)
        let error = #expect(throws: StoreError.self) { try store.setRead(true, id: id) }
        #expect(error?.description.contains("read-only") == true)
        #expect(throws: StoreError.self) { try store.importArticle(Sample.puncak, sourcePath: nil) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test("a write by one store changes the data version another sees")
    func dataVersionAcrossConnections() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("baca.sqlite")
        let importer = try ArticleStore(path: path)
        let reader = try ArticleStore(path: path)

        let v0 = try reader.dataVersion()
        #expect(try reader.dataVersion() == v0, "stable while nothing is written")
        let id = try importer.importArticle(Sample.kafe, sourcePath: "/kafe").id
        let v1 = try reader.dataVersion()
        #expect(v1 != v0)
        #expect(try reader.counts().total == 1)
        try importer.setRead(true, id: id)
        let v2 = try reader.dataVersion()
        #expect(v2 != v1)
        #expect(try reader.summary(id: id)?.read == true)

        // An import that changes nothing commits nothing.
        #expect(try importer.importArticle(Sample.kafe, sourcePath: "/kafe") == .unchanged(id: id))
        // The reader's own writes show too.
        let own = try reader.dataVersion()
        try reader.setStarred(true, id: id)
        #expect(try reader.dataVersion() != own)
    }

    @Test("in memory, a write changes the data version")
    func dataVersionInMemory() throws {
        let store = try ArticleStore.inMemory()
        let v0 = try store.dataVersion()
        _ = try store.importArticle(Sample.kafe, sourcePath: nil)
        #expect(try store.dataVersion() != v0)
    }

    @Test("two stores on one file import at once without a busy error")
    func concurrentWriters() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("baca.sqlite")
        let first = try ArticleStore(path: path)
        let second = try ArticleStore(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, store) in [first, second].enumerated() {
                group.addTask {
                    for n in 0..<40 {
                        _ = try store.importArticle(Sample.article("Artikel \(index)-\(n)"), sourcePath: "/\(index)/\(n)")
                        _ = try store.summaries(scope: .all, sort: .newest, offset: 0, limit: 40)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try first.counts().total == 80)
    }

    @Test("what a file holds decides whether it opens")
    func compatibility() {
        let schema = StoreSchema.current
        let known = Set(schema.identifiers)
        typealias C = StoreFileCheck.Compatibility
        func check(_ tables: Set<String>, _ userVersion: Int, _ applied: Set<String>) -> C {
            StoreFileCheck.compatibility(tables: tables, userVersion: userVersion, applied: applied, schema: schema)
        }
        #expect(check([], 0, []) == .empty)
        #expect(check(["grdb_migrations", "article"], schema.version, known) == .current)
        #expect(check(["grdb_migrations"], 0, []) == .needsMigration)
        #expect(check(["notes"], 0, []) == .foreign)
        #expect(check(["notes"], 3, []) == .foreign)
        #expect(check(["grdb_migrations", "article"], schema.version + 1, known) == .newer(
            detail: "schema \(schema.version + 1), this baca reads up to \(schema.version)"))
        #expect(check(["grdb_migrations", "article"], schema.version, known.union(["v99-future"])) == .newer(
            detail: "unknown migration 'v99-future'"))
    }

    @Test("the schema version is stored in the file")
    func userVersion() throws {
        #expect(try ArticleStore.inMemory().storedSchemaVersion() == ArticleStore.schemaVersion)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try ArticleStore(path: folder.path("baca.sqlite")).storedSchemaVersion() == ArticleStore.schemaVersion)
        #expect(ArticleStore.schemaVersion == 9)
    }

    @Test("a file this user may not write opens read-only", .enabled(if: getuid() != 0, "root writes any file"))
    func automaticReadOnly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("baca.sqlite")
        do { _ = try ArticleStore(path: path).importArticle(Sample.kafe, sourcePath: nil) }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let store = try ArticleStore(path: path)
        #expect(store.isReadOnly)
        #expect(try store.counts().total == 1)
        #expect(throws: StoreError.self) { try store.importArticle(Sample.puncak, sourcePath: nil) }
    }
}
