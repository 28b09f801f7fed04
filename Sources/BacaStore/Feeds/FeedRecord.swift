import Foundation
import GRDB

// MARK: - Feed record

/// A row of `feed` (see `FeedSchema`).
struct FeedRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "feed"

    var id: Int64?
    var url: String
    var title: String?
    var feedTitle: String?
    var siteUrl: String?
    /// JSON array of strings.
    var tags: String
    var addedAt: Date
    var etag: String?
    var lastModified: String?
    var lastFetchedAt: Date?
    var lastStatus: String?
    var lastError: String?
    var retryAfter: Date?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let url = Column(CodingKeys.url)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    init(url: String, title: String?, tags: [String], addedAt: Date) {
        self.url = url
        self.title = title
        self.tags = FeedRecord.encodeTags(tags)
        self.addedAt = addedAt
    }

    var feed: Feed {
        Feed(
            id: id ?? 0, url: url, title: title, feedTitle: feedTitle, siteURL: siteUrl,
            tags: FeedRecord.decodeTags(tags), addedAt: addedAt, etag: etag, lastModified: lastModified,
            lastFetchedAt: lastFetchedAt, lastStatus: lastStatus.flatMap(FeedStatus.init(rawValue:)),
            lastError: lastError, retryAfter: retryAfter)
    }

    static func encodeTags(_ tags: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(tags), as: UTF8.self)) ?? "[]"
    }

    static func decodeTags(_ json: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }
}
