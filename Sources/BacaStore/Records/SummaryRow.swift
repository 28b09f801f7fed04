import BacaCore
import Foundation
import GRDB

// MARK: - List rows

/// The SQL of list rows: the list columns of `article` and the state, never the body.
enum SummaryRow {
    /// The columns `ArticleSummary(row:)` reads, from `article a` and `article_state s`.
    static let columns = """
        a.id, a.title, a.publishedAt, a.importedAt, a.location, a.keyPoints, a.leadExcerpt, a.wordCount, \
        COALESCE(s.read, 0) AS read, COALESCE(s.starred, 0) AS starred, a.summaryOnly
        """

    /// Articles with their state; no state row means unread and not starred.
    static let source = "article a LEFT JOIN article_state s ON s.articleId = a.id"

    /// The source of a list: every article in index order, except the starred list, which
    /// starts from the (few) starred states and sorts them. The CROSS JOIN fixes that order:
    /// with a bound `LIMIT ?` SQLite would otherwise walk every article looking for stars.
    static func source(_ scope: ListScope) -> String {
        scope == .starred ? "article_state s CROSS JOIN article a ON a.id = s.articleId" : source
    }

    /// The condition a scope adds, or `nil` for every article.
    static func condition(_ scope: ListScope) -> String? {
        switch scope {
        case .all: return nil
        case .unread: return "COALESCE(s.read, 0) = 0"
        case .starred: return "s.starred = 1"
        }
    }

    /// The order of a sort; each is served by an index (`sortKey` or `titleKey`, then the rowid).
    static func order(_ sort: ListSort) -> String {
        switch sort {
        case .newest: return "a.sortKey DESC, a.id DESC"
        case .oldest: return "a.sortKey ASC, a.id ASC"
        case .title: return "a.titleKey ASC, a.id ASC"
        }
    }

    /// The condition "after this row" for keyset paging: the row's key and id bound as arguments.
    static func after(_ sort: ListSort) -> String {
        switch sort {
        case .newest: return "(a.sortKey, a.id) < (?, ?)"
        case .oldest: return "(a.sortKey, a.id) > (?, ?)"
        case .title: return "(a.titleKey, a.id) > (?, ?)"
        }
    }

    /// The column `after(_:)` compares besides the id.
    static func keyColumn(_ sort: ListSort) -> String {
        sort == .title ? "titleKey" : "sortKey"
    }

    /// `WHERE …` joining the conditions with AND, or an empty string.
    static func whereClause(_ conditions: [String?]) -> String {
        let present = conditions.compactMap { $0 }
        return present.isEmpty ? "" : "WHERE " + present.joined(separator: " AND ")
    }
}

extension ArticleSummary {
    /// A list row from a row holding `SummaryRow.columns`.
    init(row: Row) {
        let keyPointsJSON: String = row["keyPoints"] ?? "[]"
        let keyPoints = (try? JSONDecoder().decode([String].self, from: Data(keyPointsJSON.utf8))) ?? []
        let publishedAt: String? = row["publishedAt"]
        // Sanitised on the way out too: the file may come from another program (see
        // `ArticleRecord.decodedArticle`).
        let title: String = row["title"] ?? ""
        let location: String? = row["location"]
        let leadExcerpt: String? = row["leadExcerpt"]
        self.init(
            id: row["id"],
            title: Sanitizer.sanitizeLine(title),
            publishedAt: publishedAt.flatMap(PublishedDate.init(iso:)),
            importedAt: row["importedAt"],
            location: location.map(Sanitizer.sanitizeLine),
            keyPoints: keyPoints.map(Sanitizer.sanitizeLine),
            leadExcerpt: leadExcerpt.map(Sanitizer.sanitizeLine),
            wordCount: row["wordCount"],
            read: row["read"],
            starred: row["starred"],
            summaryOnly: row["summaryOnly"] ?? false)
    }
}
