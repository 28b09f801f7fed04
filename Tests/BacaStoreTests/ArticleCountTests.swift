import BacaCore
import Foundation
import GRDB
import Testing
@testable import BacaStore

/// The list header's counts are kept in `article_count` as articles and states change (schema
/// v8), so the first frame never counts the whole repository.
@Suite("Kept counts (schema v8)")
struct ArticleCountTests {
    /// The counts as the tables hold them, counted from scratch.
    static func recount(_ store: ArticleStore) throws -> ArticleCounts {
        try store.read("recounting") { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article") ?? 0
            let read = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM article_state s JOIN article a ON a.id = s.articleId WHERE s.read
                """) ?? 0
            let starred = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM article_state s JOIN article a ON a.id = s.articleId WHERE s.starred
                """) ?? 0
            return ArticleCounts(total: total, unread: total - read, starred: starred)
        }
    }

    @Test("imports, re-imports, reading, starring, bulk marks, undo and deletes keep the counts right")
    func keptThroughChanges() throws {
        let store = try ArticleStore.inMemory()
        var ids: [Int64] = []
        for number in 0..<8 {
            ids.append(try store.importArticle(Sample.article("Artikel \(number)", body: "Isi \(number)."), sourcePath: "/a\(number)").id)
        }
        #expect(try store.counts() == ArticleCounts(total: 8, unread: 8, starred: 0))
        // The same file again (unchanged) and changed (updated): no new article.
        _ = try store.importArticle(Sample.article("Artikel 0", body: "Isi 0."), sourcePath: "/a0")
        _ = try store.importArticle(Sample.article("Artikel 1", body: "Isi baru."), sourcePath: "/a1")
        // A batch, as `baca import` writes it.
        let records = try (8..<12).map {
            try ArticleRecord(article: Sample.article("Artikel \($0)", body: "Isi \($0)."), sourcePath: "/a\($0)", importedAt: Date())
        }
        ids += try store.save(records).map { try $0.get().id }
        #expect(try store.counts() == ArticleCounts(total: 12, unread: 12, starred: 0))

        try store.setRead(true, id: ids[0])
        try store.setRead(true, id: ids[0])
        try store.setRead(true, id: ids[1])
        try store.setStarred(true, id: ids[1])
        try store.setStarred(true, id: ids[2])
        try store.savePosition(ReadingPosition(sectionIndex: 0, blockIndex: 0), id: ids[3])
        #expect(try store.counts() == ArticleCounts(total: 12, unread: 10, starred: 2))
        try store.setRead(false, id: ids[0])
        try store.setStarred(false, id: ids[2])
        #expect(try store.counts() == ArticleCounts(total: 12, unread: 11, starred: 1))

        let change = try store.markRead(ids: Array(ids[0..<6]), describing: "enam")
        #expect(change.count == 5)
        #expect(try store.counts() == ArticleCounts(total: 12, unread: 6, starred: 1))
        _ = try store.undoLastBulkChange()
        #expect(try store.counts() == ArticleCounts(total: 12, unread: 11, starred: 1))

        // Deleting a read and starred article takes its state with it (the cascade).
        try store.write("deleting") { db in
            try db.execute(sql: "DELETE FROM article WHERE id IN (?, ?)", arguments: [ids[1], ids[7]])
        }
        #expect(try store.counts() == ArticleCounts(total: 10, unread: 10, starred: 0))
        #expect(try store.counts() == Self.recount(store))
    }

    @Test("a batch of new articles reaches the index in one flush, counts kept and all")
    func oneFlushPerBatch() throws {
        // Any statement of the insert path that opens a statement journal (a trigger, an UPDATE
        // that is not by rowid) makes FTS5 flush its pending terms as a segment of its own:
        // with merging off, the segments then show every flush (the count update did, +1.3 M
        // instructions an article).
        let store = try ArticleStore.inMemory()
        try store.write("configuring") { db in
            try db.execute(sql: "INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', 0)")
        }
        let records = try (0..<64).map {
            try ArticleRecord(article: Sample.article("Artikel \($0)", body: "Isi berita nomor \($0)."),
                              sourcePath: "/b\($0)", importedAt: Date())
        }
        #expect(try store.save(records).allSatisfy { (try? $0.get()) != nil })
        #expect(try store.counts().total == 64)
        let segments = try store.read("reading the index") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT segid) FROM article_fts_idx")
        }
        #expect(segments == 1)
    }

    @Test("a failed batch counts only the articles it kept")
    func failedBatch() throws {
        let store = try ArticleStore.inMemory()
        _ = try store.importArticle(Sample.article("Satu", body: "Isi satu."), sourcePath: "/1")
        #expect(throws: StoreError.self) {
            _ = try store.importArticle(Sample.article("Dua", body: "Isi dua."), sourcePath: "/2",
                                        importedAt: Date(), beforeCommit: { _ in throw InjectedFailure() })
        }
        #expect(try store.counts() == ArticleCounts(total: 1, unread: 1, starred: 0))
    }

    @Test("the header reads the kept row, never a count of the articles")
    func readsKeptRow() throws {
        let store = try ArticleStore.inMemory()
        _ = try store.importArticle(Sample.puncak, sourcePath: "/puncak")
        // A value no count of the tables could give: only a read of the kept row returns it.
        try store.write("setting") { db in
            try db.execute(sql: "UPDATE article_count SET total = 1000000, read = 10, starred = 7")
        }
        #expect(try store.counts() == ArticleCounts(total: 1_000_000, unread: 999_990, starred: 7))
        #expect(try store.count(scope: .unread) == 999_990)
    }

    /// A repository at schema 7, with articles and states, made from a current one.
    static func repositoryAtVersion7(_ path: String) throws -> [Int64] {
        var ids: [Int64] = []
        do {
            let store = try ArticleStore(path: path)
            for number in 0..<6 {
                ids.append(try store.importArticle(Sample.article("Artikel \(number)", body: "Isi \(number)."), sourcePath: "/a\(number)").id)
            }
            try store.setRead(true, id: ids[0])
            try store.setRead(true, id: ids[1])
            try store.setStarred(true, id: ids[1])
            try store.savePosition(ReadingPosition(sectionIndex: 0, blockIndex: 0), id: ids[2])
        }
        let queue = try DatabaseQueue(path: path, configuration: StoreConnection.configuration())
        try queue.write { db in
            for trigger in ["article_count_after_delete", "article_state_count_after_insert",
                            "article_state_count_after_update", "article_state_count_after_delete"] {
                try db.execute(sql: "DROP TRIGGER \(trigger)")
            }
            try db.execute(sql: "DROP TABLE article_count")
            // v8 and every later migration: a repository that baca 7 left.
            let version7 = StoreSchema.upTo(version: 7).identifiers
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier NOT IN (\(version7.map { "'\($0)'" }.joined(separator: ", ")))")
            try removeVersion9(in: db)
            try db.execute(sql: "PRAGMA user_version = 7")
        }
        try queue.close()
        return ids
    }

    @Test("a repository of schema 7 gets its counts from what it holds")
    func migration() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("baca.sqlite")
        let ids = try Self.repositoryAtVersion7(path)

        let store = try ArticleStore(path: path)
        #expect(try store.storedSchemaVersion() == ArticleStore.schemaVersion)
        #expect(try store.counts() == ArticleCounts(total: 6, unread: 4, starred: 1))
        #expect(try store.article(id: ids[2])?.state.position == ReadingPosition(sectionIndex: 0, blockIndex: 0))
        // Kept from then on.
        try store.setStarred(true, id: ids[4])
        _ = try store.importArticle(Sample.kafe, sourcePath: "/kafe")
        #expect(try store.counts() == ArticleCounts(total: 7, unread: 5, starred: 2))
        #expect(try store.counts() == Self.recount(store))
    }

    @Test("a migration to v8 killed half-way leaves a repository that opens and counts right")
    func interruptedMigration() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("baca.sqlite")
        _ = try Self.repositoryAtVersion7(path)

        // The migration's work done, then a failure before its commit: as a kill would leave it.
        var failing = StoreSchema.upTo(version: 7)
        failing.register("v8-article-counts", version: 8) { db in
            try ArticleCountSchema.createVersion8(db)
            throw InjectedFailure()
        }
        #expect(throws: (any Error).self) { _ = try ArticleStore(path: path, readOnly: false, schema: failing) }

        let store = try ArticleStore(path: path)
        #expect(try store.storedSchemaVersion() == ArticleStore.schemaVersion)
        #expect(try store.counts() == ArticleCounts(total: 6, unread: 4, starred: 1))
        #expect(try store.counts() == Self.recount(store))
    }
}
