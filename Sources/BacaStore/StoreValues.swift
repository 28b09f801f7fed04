import BacaCore
import Foundation

// The values the repository hands out and takes in. The repository itself is `ArticleStore`.

/// Where the reader left off in an article: the block at the top of the window, and how many
/// wrapped lines into it. Kept apart from the article so a re-import never resets it.
public struct ReadingPosition: Sendable, Codable, Equatable, Hashable {
    public var sectionIndex: Int
    public var blockIndex: Int
    public init(sectionIndex: Int, blockIndex: Int) {
        self.sectionIndex = sectionIndex
        self.blockIndex = blockIndex
    }
}

/// A reader's state of one article.
public struct ArticleState: Sendable, Equatable, Hashable {
    public var read: Bool
    public var starred: Bool
    public var position: ReadingPosition?
    public init(read: Bool = false, starred: Bool = false, position: ReadingPosition? = nil) {
        self.read = read
        self.starred = starred
        self.position = position
    }
}

/// A stored article with its id and state.
public struct StoredArticle: Sendable, Equatable {
    public var id: Int64
    public var article: Article
    public var state: ArticleState
    public var sourcePath: String?
    public var importedAt: Date
    public init(id: Int64, article: Article, state: ArticleState, sourcePath: String?, importedAt: Date) {
        self.id = id
        self.article = article
        self.state = state
        self.sourcePath = sourcePath
        self.importedAt = importedAt
    }
}

/// One row of the article list: enough to draw the row and the summary pane, no body.
public struct ArticleSummary: Sendable, Equatable, Hashable {
    public var id: Int64
    public var title: String
    public var publishedAt: PublishedDate?
    public var importedAt: Date
    public var location: String?
    public var keyPoints: [String]
    /// The lead's first paragraph (without the dateline), for the summary pane when an article
    /// has no key points.
    public var leadExcerpt: String?
    public var wordCount: Int
    public var read: Bool
    public var starred: Bool
    /// Fetched from a feed whose page could not be fetched or extracted: the text is the
    /// feed's summary (list rows mark it; a later fetch retries the page).
    public var summaryOnly: Bool
    public init(
        id: Int64, title: String, publishedAt: PublishedDate?, importedAt: Date, location: String?,
        keyPoints: [String], leadExcerpt: String?, wordCount: Int, read: Bool, starred: Bool,
        summaryOnly: Bool = false
    ) {
        self.id = id
        self.title = title
        self.publishedAt = publishedAt
        self.importedAt = importedAt
        self.location = location
        self.keyPoints = keyPoints
        self.leadExcerpt = leadExcerpt
        self.wordCount = wordCount
        self.read = read
        self.starred = starred
        self.summaryOnly = summaryOnly
    }
}

/// Which articles a list shows.
public enum ListScope: String, Sendable, CaseIterable, Codable {
    case all, unread, starred
}

/// The order of a list.
public enum ListSort: String, Sendable, CaseIterable, Codable {
    /// Newest first: by `publishedAt`, then import time (articles without a date by import time).
    case newest
    case oldest
    case title
}

/// A search result: the article's row, and a short snippet with the matched words marked.
public struct SearchHit: Sendable, Equatable {
    public var summary: ArticleSummary
    /// The snippet as runs of text; `isMatch` runs are the words that matched.
    public var snippet: [(text: String, isMatch: Bool)]
    public init(summary: ArticleSummary, snippet: [(text: String, isMatch: Bool)]) {
        self.summary = summary
        self.snippet = snippet
    }
    public static func == (lhs: SearchHit, rhs: SearchHit) -> Bool {
        lhs.summary == rhs.summary && lhs.snippet.map(\.text) == rhs.snippet.map(\.text)
            && lhs.snippet.map(\.isMatch) == rhs.snippet.map(\.isMatch)
    }
}

/// What an import did with one article.
public enum ImportOutcome: Sendable, Equatable {
    case imported(id: Int64)
    /// The same source path with new content: the article is replaced, its state kept.
    case updated(id: Int64)
    /// The same content was already stored.
    case unchanged(id: Int64)

    public var id: Int64 {
        switch self {
        case .imported(let id), .updated(let id), .unchanged(let id): return id
        }
    }
}

/// Counts for the list header.
public struct ArticleCounts: Sendable, Equatable {
    public var total: Int
    public var unread: Int
    public var starred: Int
    public init(total: Int, unread: Int, starred: Int) {
        self.total = total
        self.unread = unread
        self.starred = starred
    }
}

/// Why the repository could not be opened or written, as one line naming the path: in
/// English (`description`) or, when it is a catalogue message, in either language.
public struct StoreError: Error, Sendable, CustomStringConvertible, Equatable, LocalizedMessage {
    public var description: String
    public var message: Message?
    public init(_ description: String) { self.description = description }
    public init(_ message: Message) {
        self.message = message
        description = message.text(.en)
    }

    public func describe(in language: Language) -> String { message?.text(language) ?? description }

    /// Another connection held the write lock past the busy time-out: worth trying again.
    public var isBusy: Bool {
        if case .storeBusy? = message { true } else { false }
    }
}

extension StoreError: LocalizedError {
    public var errorDescription: String? { description }
}
