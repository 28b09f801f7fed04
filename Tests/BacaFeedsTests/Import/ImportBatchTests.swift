import BacaCore
import Foundation
import Testing

@testable import BacaStore
@testable import BacaFeeds

/// A folder import goes in batches (prepared on every core, several batches a transaction):
/// the reports keep the files' order and each file's outcome is what a one-by-one import gives.
@Suite("Importing in batches")
struct ImportBatchTests {
    static func capture(_ title: String, _ body: String) -> String {
        """
        \(title)

        Jakarta, IDN Times - \(body) pada Senin (4/11/2024).

        1. Bagian pertama

        Warga berkumpul di balai desa sejak pagi.

        """
    }

    @Test("order, duplicates and failures across batch boundaries", arguments: [1, 2, 3, 64])
    func batches(size: Int) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let files: [(String, String)] = [
            ("a.txt", Self.capture("Banjir Rob di Pesisir Utara", "Air laut naik")),
            ("b.txt", Self.capture("Harga Cabai Turun di Pasar", "Pedagang lega")),
            ("c.txt", ""),
            ("d.txt", Self.capture("Banjir Rob di Pesisir Utara", "Air laut naik")),
            ("e.txt", Self.capture("Festival Layang di Pantai", "Ribuan warga datang")),
        ]
        for (name, text) in files { try text.write(toFile: folder.path(name), atomically: true, encoding: .utf8) }

        let store = try ArticleStore(path: folder.path("baca.sqlite"))
        var importer = FileImporter(store: store)
        importer.batchSize = size
        var reports: [FileImportReport] = []
        let summary = importer.importPaths([folder.url.path]) { reports.append($0) }

        #expect(reports.map { ($0.path as NSString).lastPathComponent } == ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"])
        #expect(reports.map(\.statusText) == ["imported", "imported", "failed: empty file", "unchanged", "imported"])
        #expect(reports[3].status == .unchanged(id: reports[0].status.id!))
        #expect(summary.line == "5 files: 3 imported, 0 updated, 1 unchanged, 1 failed")
        #expect(try store.counts().total == 3)
        #expect(try store.searchCount("cabai", scope: .all) == 1)

        // Again: everything is unchanged, the empty file still fails.
        var again: [String] = []
        importer.importPaths([folder.url.path]) { again.append($0.statusText) }
        #expect(again == ["unchanged", "unchanged", "failed: empty file", "unchanged", "unchanged"])
    }

    static func writeCaptures(_ count: Int, into folder: TemporaryFolder) throws {
        for index in 0..<count {
            let text = capture("Kabar Kota Nomor \(index) Hari Ini", "Warga nomor \(index) berbicara")
            try text.write(toFile: folder.path(String(format: "%03d.txt", index)), atomically: true, encoding: .utf8)
        }
    }

    /// Imports `folder` into `database` with `configure`d limits; what another connection saw
    /// committed at each file's report, and the summary.
    static func importWatched(
        _ folder: TemporaryFolder, into database: String = "baca.sqlite", _ configure: (inout FileImporter) -> Void
    ) throws -> (seen: [Int], summary: ImportSummary) {
        let store = try ArticleStore(path: folder.path(database))
        let watcher = try ArticleStore(path: folder.path(database))
        var importer = FileImporter(store: store)
        configure(&importer)
        var seen: [Int] = []
        let summary = importer.importPaths([folder.url.path]) { _ in
            seen.append((try? watcher.counts().total) ?? -1)
        }
        return (seen, summary)
    }

    /// Consecutive batches share a transaction up to `transactionArticles` files, ending at a
    /// batch boundary: another process (a reader marking an article read) waits for the
    /// import's write lock at most that long, and sees a transaction's files all at once. The
    /// reports of a transaction's files come once it has committed.
    @Test("a folder import commits batches together, up to transactionArticles files")
    func transactionOfBatches() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.writeCaptures(150, into: folder)
        #expect(FileImporter(store: try .inMemory()).batchSize == 64)
        let (seenAtReport, _) = try Self.importWatched(folder) {
            $0.transactionArticles = 100
            // The size limit alone (the time limit could end a transaction first on a slow machine).
            $0.transactionSeconds = 3_600
        }
        #expect(seenAtReport.count == 150)
        // Two batches of 64 (the limit reached after the second), then the last 22.
        #expect(seenAtReport.first == 128)
        #expect(seenAtReport[127] == 128)
        #expect(seenAtReport[128] == 150)
    }

    /// `--transaction-files N` is a promise: a killed import loses at most N files.
    @Test("transactionArticles below a batch: at most that many files a transaction; 0 still imports")
    func smallTransactions() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.writeCaptures(5, into: folder)
        for limit in [1, 2, 0, -3] {
            let (seenAtReport, summary) = try Self.importWatched(folder, into: "baca-\(limit).sqlite") {
                $0.transactionArticles = limit
                $0.transactionSeconds = 3_600
            }
            #expect(summary.imported == 5, "limit \(limit)")
            let step = max(1, limit)
            #expect(seenAtReport == (0..<5).map { min(5, ($0 / step + 1) * step) }, "limit \(limit): \(seenAtReport)")
        }
    }

    @Test("a transaction lasts at most transactionSeconds (past it, the next batch starts another)")
    func transactionTimeLimit() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.writeCaptures(150, into: folder)
        let (seenAtReport, _) = try Self.importWatched(folder) { $0.transactionSeconds = 0 }
        #expect(seenAtReport.first == 64)
        #expect(seenAtReport[64] == 128)
        #expect(seenAtReport.last == 150)
    }

    /// A transaction of many batches that fails stores nothing; its files are then stored a
    /// batch at a time, a bad article in a transaction of its own: it alone fails.
    @Test("one article the repository refuses fails alone, whatever batch and transaction it is in", arguments: [1, 2, 64])
    func refusedArticle(size: Int) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let titles = ["Pasar Malam Dibuka", "Jalan Baru Diresmikan", "Artikel Yang Ditolak", "Hujan Deras Sore Ini", "Panen Raya Tiba"]
        for (index, title) in titles.enumerated() {
            try Self.capture(title, "Kabar nomor \(index)").write(toFile: folder.path("\(index).txt"), atomically: true, encoding: .utf8)
        }
        let store = try ArticleStore(path: folder.path("baca.sqlite"))
        try store.write("refusing one title") { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse BEFORE INSERT ON article WHEN new.title = 'Artikel Yang Ditolak'
                BEGIN SELECT RAISE(ABORT, 'refused by a test'); END
                """)
        }
        var importer = FileImporter(store: store)
        importer.batchSize = size
        var reports: [FileImportReport] = []
        let summary = importer.importPaths([folder.url.path]) { reports.append($0) }
        #expect(reports.map { ($0.path as NSString).lastPathComponent } == ["0.txt", "1.txt", "2.txt", "3.txt", "4.txt"])
        #expect(reports.map(\.failed) == [false, false, true, false, false])
        #expect(reports[2].statusText.contains("refused by a test"), "\(reports[2].statusText)")
        #expect(summary.imported == 4 && summary.failed == 1)
        let stored = try store.summaries(scope: .all, sort: .title, offset: 0, limit: 10).map(\.title)
        #expect(stored == ["Hujan Deras Sore Ini", "Jalan Baru Diresmikan", "Panen Raya Tiba", "Pasar Malam Dibuka"])
    }

    /// The writer is an import's critical path: the threads that prepare files run below it.
    @Test("a thread preparing files gives way to the writer (nice 10)")
    func preparingYields() throws {
        #if os(Linux)
        nonisolated(unsafe) let seen = UnsafeMutablePointer<Int32>.allocate(capacity: 2)
        defer { seen.deallocate() }
        let done = DispatchSemaphore(value: 0)
        // A thread of its own: the test's threads keep their priority.
        let thread = Thread {
            errno = 0
            seen[0] = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
            FileImporter.yieldToWriter()
            seen[1] = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
            done.signal()
        }
        thread.start()
        done.wait()
        #expect(seen[1] == max(seen[0], 10))
        #expect(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) == seen[0], "only the calling thread")
        #endif
    }

    /// What the shared transaction is for: FTS5 writes the pending terms of a transaction as one
    /// segment. (Merging turned off, the segments show every flush.)
    @Test("a long import writes the search index one segment a transaction, not one a batch")
    func oneSegmentATransaction() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.writeCaptures(40, into: folder)
        let store = try ArticleStore(path: folder.path("baca.sqlite"))
        try store.write("configuring") { db in
            try db.execute(sql: "INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', 0)")
        }
        var importer = FileImporter(store: store)
        importer.batchSize = 4
        importer.transactionArticles = 20
        importer.transactionSeconds = 3_600
        importer.importPaths([folder.url.path])
        let segments = try store.read("reading the index") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT segid) FROM article_fts_idx")
        }
        #expect(try store.counts().total == 40)
        #expect(segments == 2)
        #expect(try store.searchCount("berbicara", scope: .all) == 40)
    }
}

extension FileImportReport.Status {
    var id: Int64? {
        switch self {
        case .imported(let id), .updated(let id), .unchanged(let id): return id
        case .failed: return nil
        }
    }
}

/// A folder under the system's temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("baca-import-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
