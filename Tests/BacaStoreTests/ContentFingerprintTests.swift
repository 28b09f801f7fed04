import BacaCore
import Foundation
import GRDB
import Testing

@testable import BacaStore

/// Schema v9 stores a content fingerprint (XXH3-128, 32 digits) where older bacas stored a
/// SHA-256 (64 digits). A repository written before keeps recognising its articles: the same
/// file is unchanged, the same content elsewhere is a twin, changed content is an update.
@Suite("Content fingerprint (schema v9)")
struct ContentFingerprintTests {
    static let importedAt = Date(timeIntervalSince1970: 1_732_000_000)

    /// A repository of schema 8 holding `articles` as baca 8 stored them (SHA-256 content
    /// hashes), at `path`; returns their ids.
    static func schema8Repository(at path: String, _ articles: [(Article, sourcePath: String?, url: String?)]) throws -> [Int64] {
        let old = try ArticleStore(path: path, readOnly: false, schema: .upTo(version: 8))
        return try old.write("storing as baca 8") { db in
            try articles.map { article, sourcePath, url in
                var record = try ArticleRecord(article: article, sourcePath: sourcePath, importedAt: importedAt)
                record.contentHash = try record.legacyContentHash()
                try ArticleStore.insertNew(&record, in: db)
                if let url { try db.execute(sql: "UPDATE article SET url = ? WHERE id = ?", arguments: [url, record.id]) }
                return record.id!
            }
        }
    }

    static func hashes(_ store: ArticleStore) throws -> [Int64: String] {
        try store.read("reading hashes") { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, contentHash FROM article").map {
                ($0["id"] as Int64, $0["contentHash"] as String)
            })
        }
    }

    static func legacyMark(_ store: ArticleStore) throws -> Int64? {
        try store.read("reading the mark") { db in try Int64.fetchOne(db, sql: "SELECT lastArticleId FROM legacy_content_hash") }
    }

    /// An article with a picture address: its hash leaves the address out.
    static let pictured: Article = {
        var article = Sample.article("Pameran Foto Sungai", body: "Foto-foto sungai dipamerkan di balai kota.")
        article.heroImage = ImageCaption(caption: "Sungai pagi hari", credit: "Foto", url: "https://example.test/sungai.jpg")
        return article
    }()

    @Test("an older repository: same files unchanged, the same content elsewhere a twin, changed content updated")
    func olderRepository() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("baca.sqlite")
        let other = Sample.article("Jembatan Baru Dibuka", body: "Jembatan di tepi kota dibuka pagi ini.")
        let ids = try Self.schema8Repository(at: path, [
            (Sample.puncak, "/captures/puncak.txt", nil), (Sample.kafe, "/captures/kafe.txt", nil),
            (other, "/captures/jembatan.txt", nil), (Self.pictured, nil, "https://example.test/pameran"),
        ])

        let store = try ArticleStore(path: path)
        #expect(try store.storedSchemaVersion() == ArticleStore.schemaVersion)
        // The migration rewrote nothing: it noted where the older rows end.
        #expect(try Self.hashes(store).values.allSatisfy { $0.count == 64 })
        #expect(try Self.legacyMark(store) == ids.max())

        // The same file again: unchanged, and its row now holds the fingerprint.
        #expect(try store.importArticle(Sample.puncak, sourcePath: "/captures/puncak.txt") == .unchanged(id: ids[0]))
        #expect(try Self.hashes(store)[ids[0]]?.count == 32)
        // The same content under another path: the older row, not a new one.
        #expect(try store.importArticle(Sample.kafe, sourcePath: "/elsewhere/kafe-copy.txt") == .unchanged(id: ids[1]))
        #expect(try Self.hashes(store)[ids[1]]?.count == 32)
        // New content at a known path: updated in place.
        var edited = other
        edited.title = "Jembatan Baru Dibuka Warga"
        #expect(try store.importArticle(edited, sourcePath: "/captures/jembatan.txt") == .updated(id: ids[2]))
        #expect(try store.article(id: ids[2])?.article.title == "Jembatan Baru Dibuka Warga")
        // A page known by its URL, fetched again with its picture elsewhere: the same article.
        var moved = Self.pictured
        moved.heroImage?.url = "https://cdn.example.test/sungai.jpg"
        #expect(try store.importArticle(moved, url: "https://example.test/pameran", sourcePath: nil) == .unchanged(id: ids[3]))
        // Something new: imported, with a fingerprint.
        let added = try store.importArticle(Sample.article("Pasar Malam", body: "Pasar malam kembali buka."), sourcePath: "/captures/pasar.txt")
        #expect(added == .imported(id: added.id))
        #expect(try Self.hashes(store)[added.id]?.count == 32)
        #expect(try store.counts().total == 5)

        // Upgraded rows are found by their fingerprint from now on.
        #expect(try store.importArticle(Sample.puncak, sourcePath: "/captures/puncak.txt") == .unchanged(id: ids[0]))
        #expect(try store.importArticle(Sample.kafe, sourcePath: nil) == .unchanged(id: ids[1]))
        #expect(try store.counts().total == 5)
    }

    @Test("an older capture is the twin of the same page fetched by URL")
    func olderCaptureTwinOfPage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("baca.sqlite")
        let ids = try Self.schema8Repository(at: path, [(Sample.puncak, "/captures/puncak.txt", nil)])
        let store = try ArticleStore(path: path)
        #expect(try store.importArticle(Sample.puncak, url: "https://example.test/puncak", sourcePath: nil) == .unchanged(id: ids[0]))
        #expect(try store.articleId(url: "https://example.test/puncak") == ids[0])
        #expect(try store.counts().total == 1)
    }

    @Test("a new repository, or one empty when migrated, stores fingerprints and never needs SHA-256")
    func freshRepository() throws {
        try withStore(.file) { store in
            #expect(try Self.legacyMark(store) == nil)
            #expect(try store.missingLibraryForImport() == nil)
            let id = try store.importArticle(Sample.puncak, sourcePath: "/captures/puncak.txt").id
            #expect(try Self.hashes(store)[id]?.count == 32)
        }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("baca.sqlite")
        _ = try Self.schema8Repository(at: path, [])
        #expect(try Self.legacyMark(ArticleStore(path: path)) == nil)
    }
}
