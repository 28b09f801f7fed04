import BacaCore
import Foundation
import GRDB
import Testing
@testable import BacaStore

/// Schema v10: the search index keeps more pending terms and merges more segments at once
/// (`IndexMergeSettings`), and a new repository can give back the pages an import freed.
@Suite("Index merge settings and free pages (schema v10)")
struct IndexMergeSettingsTests {
    static func settings(_ store: ArticleStore) throws -> [String: Int] {
        try store.read("reading the index's settings") { db in
            var settings: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT k, v FROM article_fts_config WHERE k IN ('automerge', 'hashsize')") {
                settings[row[0]] = row[1]
            }
            return settings
        }
    }

    static func pragma(_ name: String, _ store: ArticleStore) throws -> Int {
        try store.read("reading \(name)") { db in try Int.fetchOne(db, sql: "PRAGMA \(name)") ?? -1 }
    }

    @Test("a new repository has the settings, pages of 32 KiB and a page map")
    func newRepository() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try ArticleStore(path: folder.path("baca.sqlite"))
        #expect(try Self.settings(store) == ["automerge": 16, "hashsize": 32 << 20])
        #expect(try Self.pragma("auto_vacuum", store) == 2)
        #expect(try Self.pragma("page_size", store) == 32_768)
    }

    @Test("a repository of schema 8 gets the settings; its articles and search stay")
    func migration() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("baca.sqlite")
        // A file of 4 KiB pages without a page map, as every baca before v10 made one.
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA page_size = 4096; CREATE TABLE placeholder (x); DROP TABLE placeholder")
            }
            try queue.close()
        }
        do {
            // Stored as baca 8 did (its insert, without the later look-ups).
            let store = try ArticleStore(path: path, readOnly: false, schema: .upTo(version: 8))
            try store.write("storing as baca 8") { db in
                var record = try ArticleRecord(article: Sample.article("Banjir di Kota", body: "Air naik sejak pagi."),
                                               sourcePath: "/a", importedAt: Date())
                try ArticleStore.insertNew(&record, in: db)
            }
            #expect(try Self.settings(store).isEmpty)
        }
        let store = try ArticleStore(path: path)
        #expect(try store.storedSchemaVersion() == ArticleStore.schemaVersion)
        #expect(try Self.settings(store) == ["automerge": 16, "hashsize": 32 << 20])
        #expect(try store.searchCount("banjir", scope: .all) == 1)
        // Its pages stay as they were (only a VACUUM could change them), and so does its lack
        // of a page map: giving back free pages does nothing to it.
        #expect(try Self.pragma("page_size", store) == 4096)
        #expect(try Self.pragma("auto_vacuum", store) == 0)
        store.releaseFreePages()
        #expect(try store.counts().total == 1)
    }

    @Test("releaseFreePages gives the file system back the pages deletes left free")
    func releasesFreePages() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("baca.sqlite")
        let store = try ArticleStore(path: path)
        let body = String(repeating: "Warga kota berkumpul di alun-alun untuk merayakan panen raya tahun ini. ", count: 60)
        let records = try (0..<200).map {
            try ArticleRecord(article: Sample.article("Kabar \($0)", body: "\(body) Nomor \($0)."), sourcePath: "/k\($0)", importedAt: Date())
        }
        #expect(try store.save(records).allSatisfy { (try? $0.get()) != nil })
        try store.write("deleting") { db in try db.execute(sql: "DELETE FROM article WHERE id > 10") }
        let freeBefore = try Self.pragma("freelist_count", store)
        let pagesBefore = try Self.pragma("page_count", store)
        #expect(freeBefore > 10)
        store.releaseFreePages()
        #expect(try Self.pragma("freelist_count", store) == 0)
        #expect(try Self.pragma("page_count", store) <= pagesBefore - freeBefore)
        #expect(try store.counts().total == 10)
        #expect(try store.searchCount("panen", scope: .all) == 10)
    }
}
