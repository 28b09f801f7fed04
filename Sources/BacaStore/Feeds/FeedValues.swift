import BacaCore
import Foundation

// The values of subscriptions that the repository hands out and takes in.

/// How a feed's last fetch ended.
public enum FeedStatus: String, Sendable, Codable, CaseIterable {
    /// Fetched and read (new articles or not).
    case ok
    /// The server answered 304 Not Modified.
    case unchanged
    case failed
    /// Fetched, but the feed was not well-formed XML: read in recover mode, its recoverable
    /// items stored; `lastError` says what was wrong first.
    case repaired
}

/// A subscription.
public struct Feed: Sendable, Equatable, Hashable, Identifiable {
    public var id: Int64
    /// The feed's URL; a permanent redirect replaces it.
    public var url: String
    /// The title the user gave (`--title`, an OPML outline's text); wins over `feedTitle`.
    public var title: String?
    /// The title the feed gives itself, from the last fetch that read it.
    public var feedTitle: String?
    /// The site the feed belongs to (its `<link>`).
    public var siteURL: String?
    public var tags: [String]
    public var addedAt: Date
    public var etag: String?
    public var lastModified: String?
    public var lastFetchedAt: Date?
    public var lastStatus: FeedStatus?
    /// Why the last fetch failed, one line.
    public var lastError: String?
    /// The server asked (`Retry-After`) not to be fetched again before this time.
    public var retryAfter: Date?

    public init(
        id: Int64, url: String, title: String? = nil, feedTitle: String? = nil, siteURL: String? = nil,
        tags: [String] = [], addedAt: Date, etag: String? = nil, lastModified: String? = nil,
        lastFetchedAt: Date? = nil, lastStatus: FeedStatus? = nil, lastError: String? = nil, retryAfter: Date? = nil
    ) {
        self.id = id
        self.url = url
        self.title = title
        self.feedTitle = feedTitle
        self.siteURL = siteURL
        self.tags = tags
        self.addedAt = addedAt
        self.etag = etag
        self.lastModified = lastModified
        self.lastFetchedAt = lastFetchedAt
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.retryAfter = retryAfter
    }

    /// The user's title, else the feed's, else the URL.
    public var displayTitle: String { title ?? feedTitle ?? url }
}

/// A feed with the counts of its articles, for `baca feed list` and the reader's feed list.
public struct FeedOverview: Sendable, Equatable, Hashable {
    public var feed: Feed
    public var articleCount: Int
    public var unreadCount: Int
    public init(feed: Feed, articleCount: Int, unreadCount: Int) {
        self.feed = feed
        self.articleCount = articleCount
        self.unreadCount = unreadCount
    }
}

/// What `addFeed` did.
public enum FeedAddOutcome: Sendable, Equatable {
    case added(Feed)
    /// A feed with that URL was already there; it is left as it was.
    case existing(Feed)

    public var feed: Feed {
        switch self {
        case .added(let feed), .existing(let feed): return feed
        }
    }
}

/// What one fetch of a feed left, to record on the feed.
public struct FeedFetchRecord: Sendable, Equatable {
    public var status: FeedStatus
    public var error: String?
    public var fetchedAt: Date
    /// Validators for the next conditional GET; `nil` keeps the stored ones when unchanged.
    public var etag: String?
    public var lastModified: String?
    public var feedTitle: String?
    public var siteURL: String?
    /// The URL a permanent redirect led to: the feed's URL from now on.
    public var movedTo: String?
    public var retryAfter: Date?

    public init(
        status: FeedStatus, error: String? = nil, fetchedAt: Date = Date(), etag: String? = nil,
        lastModified: String? = nil, feedTitle: String? = nil, siteURL: String? = nil, movedTo: String? = nil,
        retryAfter: Date? = nil
    ) {
        self.status = status
        self.error = error
        self.fetchedAt = fetchedAt
        self.etag = etag
        self.lastModified = lastModified
        self.feedTitle = feedTitle
        self.siteURL = siteURL
        self.movedTo = movedTo
        self.retryAfter = retryAfter
    }
}

/// An article that a feed item became, ready to store.
public struct FeedArticle: Sendable, Equatable {
    public var article: Article
    /// The canonical URL: the page's `<link rel=canonical>` when the page was read, else the
    /// item's link; `nil` for an item without a link.
    public var url: String?
    /// Other URLs of the same page (the item's link, the URL after redirects): an article
    /// already stored under one of them is this one.
    public var alternateURLs: [String]
    /// The item's deduplication keys in this feed (see `feed_item`).
    public var itemKeys: [String]
    /// The page could not be fetched or extracted: the article holds the feed's text.
    public var summaryOnly: Bool

    public init(article: Article, url: String?, alternateURLs: [String] = [], itemKeys: [String], summaryOnly: Bool) {
        self.article = article
        self.url = url
        self.alternateURLs = alternateURLs
        self.itemKeys = itemKeys
        self.summaryOnly = summaryOnly
    }
}

/// A stored article whose page is still to be read (it holds only the feed's summary).
public struct PendingPage: Sendable, Equatable, Hashable {
    public var articleId: Int64
    public var url: String
    public var feedId: Int64?
    public init(articleId: Int64, url: String, feedId: Int64?) {
        self.articleId = articleId
        self.url = url
        self.feedId = feedId
    }
}

/// Where a stored article came from.
/// Where an article came from, for the CLI's JSON.
public struct ArticleProvenance: Sendable, Equatable, Hashable {
    /// The canonical URL of its page.
    public var url: String?
    /// The feed it first came from, and that feed's title (the user's, else its own).
    public var feedId: Int64?
    public var feedTitle: String?
    /// The title the feed gives itself (`feedTitle` is the user's when they gave one).
    public var feedOwnTitle: String?
    public init(url: String?, feedId: Int64?, feedTitle: String?, feedOwnTitle: String? = nil) {
        self.url = url
        self.feedId = feedId
        self.feedTitle = feedTitle
        self.feedOwnTitle = feedOwnTitle
    }
}

public struct ArticleOrigin: Sendable, Equatable, Hashable {
    public var url: String?
    public var feedId: Int64?
    public var summaryOnly: Bool
    public init(url: String?, feedId: Int64?, summaryOnly: Bool) {
        self.url = url
        self.feedId = feedId
        self.summaryOnly = summaryOnly
    }
}
