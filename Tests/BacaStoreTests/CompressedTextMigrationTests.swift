import BacaCore
import Foundation
import GRDB
import Testing

@testable import BacaStore

/// Schema v6 keeps the article's text once, compressed, and computes the search index's text
/// from it. A repository written before (the text twice, uncompressed) is converted in place:
/// every search must find the same articles with the same snippets and highlights.
@Suite("Compressed text (schema v6)")
struct CompressedTextMigrationTests {
    /// The sample captures of the repository's `samples/` folder.
    static func samples() throws -> [(path: String, article: Article)] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { name in
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            return ("/samples/\(name)", try CaptureLoader.load(data).article)
        }
    }

    static let words = ["banjir", "warga", "jalan", "harga", "kota", "pemerintah", "air", "sekolah",
                        "\"kata dia\"", "pasar OR pantai", "jakarta", "tim", "batik", "gempa", "hotel"]

    /// What the index gives for each word, through the content it reads: ids, snippets and
    /// highlights of every column.
    static func indexAnswers(_ db: Database) throws -> [String] {
        var answers: [String] = []
        for word in words {
            let rows = try Row.fetchAll(db, sql: """
                SELECT rowid, snippet(article_fts, -1, '[', ']', '…', 12) AS s,
                       highlight(article_fts, 0, '<', '>') AS h0, highlight(article_fts, 1, '<', '>') AS h1,
                       highlight(article_fts, 2, '<', '>') AS h2
                FROM article_fts WHERE article_fts MATCH ? ORDER BY rank, rowid
                """, arguments: [word])
            answers.append("\(word): " + rows.map { "\($0["rowid"] as Int64) \($0["s"] as String) | \($0["h0"] as String) | \($0["h1"] as String) | \($0["h2"] as String)" }.joined(separator: "\n"))
        }
        return answers
    }

    @Test("a repository of schema 5 converts in place: search results, snippets and highlights unchanged")
    func migration() throws {
        let samples = try Self.samples()
        #expect(samples.count >= 10)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("baca.sqlite")
        let importedAt = Date(timeIntervalSince1970: 1_732_000_000)

        // Schema 5 as it was: the article's JSON in `body`, the (stemmed) index's text in `bodyText`.
        let configuration = StoreConnection.configuration()
        let before: [String]
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try StoreSchema.current.migrator.migrate(queue, upTo: "v5-stemmed-index")
            try queue.write { db in
                for (path, article) in samples {
                    try insertBeforeVersion6(article, sourcePath: path, importedAt: importedAt, in: db)
                }
            }
            before = try queue.read(Self.indexAnswers)
            try queue.close()
        }
        #expect(before.filter { !$0.hasSuffix(": ") }.count >= 10, "most words must be found")

        let store = try ArticleStore(path: path)
        #expect(try store.storedSchemaVersion() == StoreSchema.current.version)
        let after = try store.read("checking") { db in try Self.indexAnswers(db) }
        #expect(after == before)
        try store.write("checking") { db in
            let columns = try db.columns(in: "article").map(\.name)
            #expect(columns.contains("bodyZ"))
            try db.execute(sql: "INSERT INTO article_fts (article_fts) VALUES ('integrity-check')")
        }

        // The store's own search and opening agree with a repository imported fresh.
        let fresh = try ArticleStore.inMemory()
        for (path, article) in samples { _ = try fresh.importArticle(article, sourcePath: path, importedAt: importedAt) }
        for word in Self.words {
            #expect(try store.search(word, scope: .all, offset: 0, limit: 50) == fresh.search(word, scope: .all, offset: 0, limit: 50), "\(word)")
        }
        for (index, sample) in samples.enumerated() {
            #expect(try store.article(id: Int64(index + 1))?.article == sample.article.sanitized)
        }

        // A re-import of the same files is unchanged; an update re-indexes through the triggers.
        var changed = samples[0].article
        changed.title = "Judul Baru Tentang Layang-Layang"
        #expect(try store.importArticle(changed, sourcePath: samples[0].path) == .updated(id: 1))
        #expect(try store.search("layang", scope: .all, offset: 0, limit: 5).map(\.summary.id).contains(1))
        #expect(try store.importArticle(samples[1].article, sourcePath: samples[1].path, importedAt: importedAt) == .unchanged(id: 2))
    }

    @Test("the stored text is compressed: the article file is smaller than its JSON")
    func compressed() throws {
        let store = try ArticleStore.inMemory()
        let samples = try Self.samples()
        for (path, article) in samples { _ = try store.importArticle(article, sourcePath: path) }
        let (compressed, json) = try store.read("measuring") { db in
            (try Int.fetchOne(db, sql: "SELECT SUM(length(bodyZ)) FROM article") ?? 0,
             try Int.fetchOne(db, sql: "SELECT SUM(length(CAST(body AS BLOB))) FROM article_text") ?? 0)
        }
        #expect(compressed > 0 && compressed * 2 < json, "\(compressed) of \(json)")
    }
}
