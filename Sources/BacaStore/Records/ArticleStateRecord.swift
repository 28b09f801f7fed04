import Foundation
import GRDB

// MARK: - Article state record

/// A row of `article_state`: what the reader did with one article.
///
/// No row means unread, not starred, no position. Writes are upserts of the one column they
/// change (see `ArticleStore.setRead(_:id:)`), so concurrent writers never undo each other.
struct ArticleStateRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "article_state"

    var articleId: Int64
    var read: Bool
    var starred: Bool
    var positionSection: Int?
    var positionBlock: Int?
    var updatedAt: Date

    enum Columns {
        static let articleId = Column(CodingKeys.articleId)
        static let read = Column(CodingKeys.read)
        static let starred = Column(CodingKeys.starred)
        static let positionSection = Column(CodingKeys.positionSection)
        static let positionBlock = Column(CodingKeys.positionBlock)
        static let updatedAt = Column(CodingKeys.updatedAt)
    }

    var state: ArticleState {
        let position = positionSection.flatMap { section in
            positionBlock.map { ReadingPosition(sectionIndex: section, blockIndex: $0) }
        }
        return ArticleState(read: read, starred: starred, position: position)
    }
}
