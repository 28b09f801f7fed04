import BacaCore
import Foundation
import GRDB

// MARK: - Article record

/// A row of `article`: the article as compressed JSON plus the columns lists, sorting and
/// search read.
///
/// Everything but `id`, `sourcePath` and `importedAt` is derived from the `Article` by
/// `init(article:sourcePath:importedAt:)`; the JSON in `bodyZ` (zstd) is what `article(id:)`
/// decodes. The search index reads its text through the view `article_text` (schema v6,
/// `StoreFunctions`).
struct ArticleRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "article"

    var id: Int64?
    var title: String
    var titleKey: String
    var location: String?
    var outlet: String?
    /// `yyyy-mm-dd` (a day) or `yyyy-mm-ddThh:mm:ssZ` (an instant): `PublishedDate.iso`.
    var publishedAt: String?
    var author: String?
    var editor: String?
    /// The key points as a JSON array of strings.
    var keyPoints: String
    var leadExcerpt: String?
    var wordCount: Int
    var sourcePath: String?
    /// What identifies the content (`contentHash(_:json:)`): its `ContentFingerprint`, 32
    /// hexadecimal digits; a row stored before schema v9 may still hold its SHA-256, 64 digits
    /// (`LegacyContentHash`).
    var contentHash: String
    var importedAt: Date
    var sortKey: String
    var keyPointsText: String
    /// The whole `Article` as canonical JSON, compressed (`Zstd`).
    var bodyZ: Data
    /// The text the search index reads, for the index row of a new article; not a stored
    /// column (the index reads it back through `article_text`), so never read.
    var bodyText: String = ""

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, titleKey, location, outlet, publishedAt, author, editor, keyPoints, leadExcerpt,
             wordCount, sourcePath, contentHash, importedAt, sortKey, keyPointsText, bodyZ
    }

    /// The record's columns (the table has others: `url`, feeds' columns).
    static var databaseSelection: [any SQLSelectable] { CodingKeys.allCases.map { Column($0.stringValue) } }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let title = Column(CodingKeys.title)
        static let titleKey = Column(CodingKeys.titleKey)
        static let publishedAt = Column(CodingKeys.publishedAt)
        static let sourcePath = Column(CodingKeys.sourcePath)
        static let contentHash = Column(CodingKeys.contentHash)
        static let importedAt = Column(CodingKeys.importedAt)
        static let sortKey = Column(CodingKeys.sortKey)
        static let bodyZ = Column(CodingKeys.bodyZ)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The INSERT of a new row, for a cached statement (`bindInsertArguments` in the same order).
    static let insertSQL = """
        INSERT INTO article (title, titleKey, location, outlet, publishedAt, author, editor, keyPoints, \
        leadExcerpt, wordCount, sourcePath, contentHash, importedAt, sortKey, keyPointsText, bodyZ) \
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// The row's values bound to `insertSQL`'s parameters. The import time is bound as the
    /// batch's remembered stamp (GRDB's text for a `Date`): formatting a `Date` for every row
    /// cost ~15 k instructions.
    func bindInsertArguments(to statement: RawStatement) throws {
        try statement.bind(1, title)
        try statement.bind(2, titleKey)
        try statement.bind(3, location)
        try statement.bind(4, outlet)
        try statement.bind(5, publishedAt)
        try statement.bind(6, author)
        try statement.bind(7, editor)
        try statement.bind(8, keyPoints)
        try statement.bind(9, leadExcerpt)
        try statement.bind(10, Int64(wordCount))
        try statement.bind(11, sourcePath)
        try statement.bind(12, contentHash)
        try statement.bind(13, ImportTime.of(importedAt).stamp)
        try statement.bind(14, sortKey)
        try statement.bind(15, keyPointsText)
        try statement.bind(16, bodyZ)
    }
}

extension ArticleRecord {
    /// The row for `article`, imported from `sourcePath` at `importedAt`.
    ///
    /// The article is sanitised again (`Article.sanitized`): nothing that could drive a
    /// terminal is ever stored, whoever built the article.
    init(article: Article, sourcePath: String?, importedAt: Date) throws {
        let article = article.sanitized
        let bodyText = article.bodyText
        let json = CanonicalJSON.encode(article, capacity: bodyText.utf8.count + 2048)
        self.init(
            id: nil,
            title: article.title,
            titleKey: ArticleRecord.titleKey(article.title),
            location: article.location,
            outlet: article.outlet,
            publishedAt: article.publishedAt?.iso,
            author: article.author,
            editor: article.editor,
            keyPoints: String(decoding: CanonicalJSON.encode(article.keyPoints), as: UTF8.self),
            leadExcerpt: ArticleRecord.leadExcerpt(of: article),
            wordCount: article.wordCount,
            sourcePath: sourcePath,
            contentHash: ArticleRecord.contentHash(article, json: json),
            importedAt: importedAt,
            sortKey: ArticleRecord.sortKey(publishedAt: article.publishedAt, importedAt: importedAt),
            keyPointsText: article.keyPoints.joined(separator: "\n"),
            bodyZ: json.withUnsafeBytes { Data(Zstd.compress($0)) },
            bodyText: bodyText)
    }

    /// Moves the row to another import time (an update keeps the first import's time).
    mutating func setImportedAt(_ date: Date) {
        importedAt = date
        sortKey = ArticleRecord.sortKey(publishedAt: publishedAt.flatMap(PublishedDate.init(iso:)), importedAt: date)
    }

    /// The article decoded from `bodyZ`, sanitised: the file may have been written by another
    /// program or an older baca, and its text must not reach a terminal as commands.
    func decodedArticle() throws -> Article {
        try ArticleRecord.article(compressedJSON: bodyZ).sanitized
    }

    /// The article in a `bodyZ` value, as stored (not sanitised again).
    static func article(compressedJSON: Data) throws -> Article {
        let json = try compressedJSON.withUnsafeBytes { try Zstd.decompress($0) }
        return try JSONDecoder().decode(Article.self, from: Data(json))
    }

    // MARK: Derived columns

    /// What identifies the article's content: the fingerprint of its canonical JSON without
    /// picture addresses. An address is not text: a fetched page and its capture, or the same
    /// page saved and fetched (its pictures resolved against other bases), are one article.
    static func contentHash(_ article: Article, json: Data) -> String {
        json.withUnsafeBytes { contentHash(article, json: $0) }
    }

    static func contentHash(_ article: Article, json: [UInt8]) -> String {
        json.withUnsafeBytes { contentHash(article, json: $0) }
    }

    static func contentHash(_ article: Article, json: UnsafeRawBufferPointer) -> String {
        withHashedBytes(article, json: json) { ContentFingerprint.hexDigest(of: $0) }
    }

    /// The content hash an older baca stored for this record's content: SHA-256 of the same
    /// bytes (`LegacyContentHash`). Read back from `bodyZ`, so an import that never meets an
    /// older row never pays for it.
    ///
    /// - Throws: `StoreError` naming libcrypto when it cannot be used.
    func legacyContentHash() throws -> String {
        if let missing = SHA256.unavailable { throw StoreError(missing) }
        let json = try bodyZ.withUnsafeBytes { try Zstd.decompress($0) }
        let article = try JSONDecoder().decode(Article.self, from: Data(json))
        return json.withUnsafeBytes { json in
            ArticleRecord.withHashedBytes(article, json: json) { SHA256.hexDigest(of: $0) }
        }
    }

    /// Calls `body` with the bytes a content hash is made of: `json` (the article's canonical
    /// JSON), or, when the article has a picture address or link targets, its JSON without
    /// them. An article without addresses (every capture) is hashed as its stored JSON.
    private static func withHashedBytes<Result>(
        _ article: Article, json: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result {
        let hasAddress = article.heroImage?.url != nil || article.linkTargets != nil
            || article.sections.contains { $0.blocks.contains { if case .image(let image) = $0 { image.url != nil } else { false } } }
        guard hasAddress else { return body(json) }
        return CanonicalJSON.encode(article, imageAddresses: false).withUnsafeBytes(body)
    }

    /// Orders the newest list: the local day (of `publishedAt`, else of the import), then the
    /// moment within it (the published instant, else the import time), both as text that sorts
    /// like time. An article that names only a day sits among that day's instants at the time it
    /// was imported. The keys of day-only and undated rows are those of schema v3, so v4 keeps
    /// them as they are. The index on it (with the rowid SQLite appends to every index) serves
    /// `ORDER BY sortKey DESC, id DESC` without sorting.
    static func sortKey(publishedAt: PublishedDate?, importedAt: Date) -> String {
        // A batch of an import shares one import time: its stamp and local day are worked out
        // once (`ImportTime`), not with a `Calendar` and a date formatter for every article.
        let imported = ImportTime.of(importedAt)
        let day = publishedAt?.day() ?? imported.localDay
        let stamp = publishedAt?.instant.map { String.fromDatabaseValue($0.databaseValue) ?? "" } ?? imported.stamp
        return "\(day.iso) \(stamp)"
    }

    /// The title lowercased and without diacritics, for the title order.
    static func titleKey(_ title: String) -> String {
        // ASCII (most titles): folding only lower-cases A–Z (the tests compare every ASCII
        // character with Foundation's folding, which costs ~36 k instructions a title).
        if let ascii = asciiLowercased(title) { return ascii }
        return title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The text with A–Z lower-cased, when it is all ASCII; else nil.
    static func asciiLowercased(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var hasUpper = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
            }
            guard hasUpper else { return String(decoding: bytes, as: UTF8.self) }
            return String(unsafeUninitializedCapacity: bytes.count) { output in
                for (index, byte) in bytes.enumerated() { output[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
                return bytes.count
            }
        }
    }

    /// The lead's first paragraph without the dateline, else the first paragraph anywhere.
    static func leadExcerpt(of article: Article) -> String? {
        // The lead is the first section when it has one: walking the sections in order visits
        // its blocks first, as the lead-then-all order did, without copying every block.
        for block in article.sections.lazy.flatMap(\.blocks) {
            guard case .paragraph(let text) = block else { continue }
            let excerpt = removingDateline(from: text, location: article.location, outlet: article.outlet)
            if !excerpt.isEmpty { return excerpt }
        }
        return nil
    }

    /// `Jakarta, IDN Times - Hujan …` → `Hujan …` (when the dateline names this article's outlet).
    static func removingDateline(from text: String, location: String?, outlet: String?) -> String {
        let trimmed = text.trimmedWhitespace
        guard let outlet, !outlet.isEmpty else { return trimmed }
        var prefixes: [String] = []
        if let location, !location.isEmpty { prefixes.append("\(location), \(outlet)") }
        prefixes.append(outlet)
        for prefix in prefixes where trimmed.hasPrefix(prefix) {
            var rest = trimmed.dropFirst(prefix.count)
            let dashes: Set<Character> = ["-", "–", "—"]
            let leading = rest.prefix(while: { $0 == " " })
            guard let dash = rest.dropFirst(leading.count).first, dashes.contains(dash) else { continue }
            rest = rest.dropFirst(leading.count + 1)
            return String(rest).trimmedWhitespace
        }
        return trimmed
    }

    fileprivate static func localDay(of date: Date) -> CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: date)
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CalendarDate(year: 1970, month: 1, day: 1)!
    }
}

/// An import time's database stamp and local day, remembered for the last few times asked: every
/// article of an import batch has the same.
enum ImportTime {
    struct Parts: Sendable {
        var date: Date
        /// What GRDB stores for the date.
        var databaseValue: DatabaseValue
        var stamp: String
        var localDay: CalendarDate
    }

    /// The last few times asked, newest last: the threads preparing one batch and the writer
    /// storing the one before ask for two times in turn, and one remembered time made every
    /// third article or so work its stamp out again (a date formatter and a calendar, ~30 k
    /// instructions).
    nonisolated(unsafe) private static var recent: [Parts] = []
    private static let remembered = 4
    private static let lock = NSLock()

    static func of(_ date: Date) -> Parts {
        if let known = lock.withLock({ recent.last { $0.date == date } }) { return known }
        let value = date.databaseValue
        let parts = Parts(
            date: date, databaseValue: value, stamp: String.fromDatabaseValue(value) ?? "",
            localDay: ArticleRecord.localDay(of: date))
        lock.withLock {
            if recent.count == remembered { recent.removeFirst() }
            recent.append(parts)
        }
        return parts
    }
}
