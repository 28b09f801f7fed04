import BacaCore
import Foundation
import Testing

import BacaStore
@testable import BacaFeeds

/// A folder import goes in batches (prepared on every core, one transaction a batch): the
/// reports keep the files' order and each file's outcome is what a one-by-one import gives.
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

    /// Another process (a reader marking an article read) waits for the import's write lock at
    /// most one batch: at the first file's report another connection sees that file's whole
    /// batch and nothing more. Batches of 512 held the lock ~8 times longer.
    @Test("a folder import commits 64 files a transaction")
    func batchOfSixtyFour() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for index in 0..<150 {
            let text = Self.capture("Kabar Kota Nomor \(index) Hari Ini", "Warga nomor \(index) berbicara")
            try text.write(toFile: folder.path(String(format: "%03d.txt", index)), atomically: true, encoding: .utf8)
        }
        let store = try ArticleStore(path: folder.path("baca.sqlite"))
        let watcher = try ArticleStore(path: folder.path("baca.sqlite"))
        var seenAtReport: [Int] = []
        FileImporter(store: store).importPaths([folder.url.path]) { _ in
            seenAtReport.append((try? watcher.counts().total) ?? -1)
        }
        #expect(seenAtReport.count == 150)
        #expect(seenAtReport.first == 64)
        #expect(seenAtReport[64] == 128)
        #expect(seenAtReport.last == 150)
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
