import BacaCore
import Foundation
import GRDB
@testable import BacaStore

// MARK: - Sample articles

enum Sample {
    static func date(_ year: Int, _ month: Int, _ day: Int) -> PublishedDate {
        PublishedDate(day: CalendarDate(year: year, month: month, day: day)!)
    }

    /// A moment of 2024, UTC: `moment(11, 23, 12)` is 23 November at noon.
    static func moment(_ month: Int, _ day: Int, _ hour: Int = 12, minute: Int = 0) -> Date {
        var components = DateComponents()
        components.calendar = Calendar(identifier: .gregorian)
        components.timeZone = TimeZone(identifier: "UTC")
        components.year = 2024
        components.month = month
        components.day = day
        components.hour = hour
        components.minute = minute
        return components.date!
    }

    /// Every field filled, every block kind.
    static let puncak = Article(
        title: "Longsor Tutup Jalur Puncak, Ribuan Kendaraan Tertahan",
        heroImage: ImageCaption(caption: "Alat berat membersihkan material longsor", credit: "IDN Times/Yoga"),
        keyPoints: [
            "Longsor menimbun badan jalan sepanjang 40 meter sejak Minggu pagi.",
            "Polisi mengalihkan kendaraan lewat jalur alternatif Cianjur.",
        ],
        location: "Bogor",
        outlet: "IDN Times",
        publishedAt: date(2024, 11, 24),
        author: "Rangga Erfizal",
        editor: "Wulan Sari",
        sections: [
            Section(blocks: [
                .paragraph("Bogor, IDN Times - Hujan deras sejak malam membuat tebing di Jalur Puncak runtuh."),
                .paragraph("Antrean mengular hingga Gadog."),
            ]),
            Section(number: 1, heading: "Pembersihan diperkirakan dua hari", blocks: [
                .image(ImageCaption(caption: "Antrean kendaraan di Gadog", credit: "Dok. Polres Bogor")),
                .quote("“Kami minta pengendara menunda perjalanan,” kata Kasatlantas."),
                .list(["Jalur alternatif Cianjur", "Jalur Sukabumi"]),
                .related("Tujuh Kuliner Malam Legendaris di Kota Malang"),
            ]),
        ],
        sources: ["The Moscow Times"],
        topics: ["cuaca", "lalu lintas"],
        disclaimer: "Artikel ini ditulis oleh penulis komunitas.")

    static let kafe = Article(
        title: "Kafé Baru di Jakarta Selatan Ramai Pengunjung",
        keyPoints: ["Antrean pembeli kopi susu sejak pagi."],
        location: "Jakarta",
        outlet: "IDN Times",
        publishedAt: date(2024, 11, 22),
        sections: [Section(blocks: [
            .paragraph("Jakarta, IDN Times - Sebuah kafé di Kemang dipadati pengunjung akhir pekan."),
            .paragraph("Warga mengeluhkan harga kopi yang naik sejak bulan lalu, tetapi tetap datang."),
        ])])

    /// A small article whose words are unique to it.
    static func article(
        _ title: String, date: PublishedDate? = nil, keyPoints: [String] = [], body: String = "Isi berita."
    ) -> Article {
        Article(
            title: title, keyPoints: keyPoints, location: "Jakarta", outlet: "IDN Times",
            publishedAt: date, sections: [Section(blocks: [.paragraph(body)])])
    }
}

// MARK: - Stores

/// The two kinds of repository every behaviour is checked on.
enum StoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case memory, file
    var description: String { rawValue }
}

/// A folder under the system's temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("baca-store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Runs `body` on a new repository of `kind` (a file in nested folders that do not exist yet).
func withStore<T>(_ kind: StoreKind, _ body: (ArticleStore) throws -> T) throws -> T {
    switch kind {
    case .memory:
        return try body(ArticleStore.inMemory())
    case .file:
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        return try body(ArticleStore(path: folder.path("nested/folders/baca.sqlite")))
    }
}

/// Every file of a folder with its bytes and modification date: equal before and after means
/// nothing was written.
///
/// A `-shm` file is listed but its bytes and date are not compared: it is the WAL's shared
/// memory index, where every reader, even a read-only one, takes its read mark. The database
/// and its `-wal` hold the data and must not change.
struct FolderSnapshot: Equatable {
    var files: [String: Data]
    var dates: [String: Date]
    var names: Set<String>

    init(_ folder: TemporaryFolder) throws {
        files = [:]
        dates = [:]
        names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.url.path))
        for name in names where !name.hasSuffix("-shm") {
            let path = folder.path(name)
            files[name] = try Data(contentsOf: URL(fileURLWithPath: path))
            dates[name] = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        }
    }
}

/// Thrown inside a transaction to prove it rolls back.
struct InjectedFailure: Error {}

/// A reproducible generator for fuzzing.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state ^ (state >> 33)
    }
}

/// Stores `article` as a schema before 6 did (its JSON in `body`, the index's text in
/// `bodyText`, both uncompressed, its content hash a SHA-256) with its index row: an older
/// baca's repository, for the migration tests (the store itself writes only the current schema).
func insertBeforeVersion6(_ article: Article, sourcePath: String, importedAt: Date = Date(timeIntervalSince1970: 1_732_000_000), in db: Database) throws {
    let record = try ArticleRecord(article: article, sourcePath: sourcePath, importedAt: importedAt)
    let json = try record.bodyZ.withUnsafeBytes { try Zstd.decompress($0) }
    try db.execute(sql: """
        INSERT INTO article (title, titleKey, location, outlet, publishedAt, author, editor, keyPoints,
        leadExcerpt, wordCount, sourcePath, contentHash, importedAt, sortKey, keyPointsText, bodyText, body)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, arguments: [record.title, record.titleKey, record.location, record.outlet, record.publishedAt,
                         record.author, record.editor, record.keyPoints, record.leadExcerpt, record.wordCount,
                         record.sourcePath, try record.legacyContentHash(), record.importedAt, record.sortKey,
                         record.keyPointsText, record.bodyText, String(decoding: json, as: UTF8.self)])
    try db.execute(sql: "INSERT INTO article_fts (rowid, title, keyPointsText, bodyText) VALUES (?, ?, ?, ?)",
                   arguments: [db.lastInsertedRowID, record.title, record.keyPointsText, record.bodyText])
}

/// Undoes schema v9 (`LegacyContentHash`) in a repository this build wrote: its table and its
/// migration record, for the tests that make an older repository from a current one.
func removeVersion9(in db: Database) throws {
    try db.execute(sql: "DROP TABLE legacy_content_hash")
    try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v9-content-fingerprint'")
}
