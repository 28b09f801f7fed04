import Foundation

/// How far a fetch may go.
public struct FetchLimits: Sendable, Equatable {
    /// Until the server answers with its response headers (the connection, TLS, and the
    /// server's thinking): a server that accepts and never answers fails after this.
    public var connectTimeout: TimeInterval = 10
    /// The minimum rate: a transfer that receives fewer than `lowSpeedBytes` in
    /// `lowSpeedSeconds` (waiting for the answer included) is dropped, so a server that accepts
    /// and never answers, or sends a byte a second, fails after about `lowSpeedSeconds`.
    public var lowSpeedBytes = 1024
    public var lowSpeedSeconds = 10
    /// For one whole request, redirects and a retry included.
    public var totalTimeout: TimeInterval = 30
    /// The largest feed body read, both as received and after gzip, deflate, br or zstd is
    /// undone (the transfer stops the moment either is passed).
    public var maximumFeedBytes = 10 * 1024 * 1024
    /// The largest article page read.
    public var maximumPageBytes = ArticleExtractor.maximumBytes
    public var maximumRedirects = 5
    /// A `Retry-After` up to this long is waited out and the request tried once more; a
    /// longer one fails the feed, and later fetches skip it until then.
    public var maximumRetryWait: TimeInterval = 10
    /// Requests under way at once, and at once to one host.
    public var concurrentFetches = 4
    public var fetchesPerHost = 2
    /// New items read from one feed in one fetch (the newest, in the feed's order).
    public var maximumNewItemsPerFeed = 200
    /// Summary-only articles of a feed whose page one fetch tries again.
    public var pageRetriesPerFeed = 10

    public init() {}
}

/// Why a request failed, as one line a user can act on (`HTTP 404 Not Found`, `timed out
/// after 30 s`, `cannot find host example.invalid (DNS)` …).
public struct FetchFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    /// When the server asked to be asked again (`Retry-After` on 429 or 503).
    public var retryAfter: Date?
    /// Refused by a safety rule (a body past its limit, an address the rule refuses), not a
    /// failure of the server's: worth telling the user even for a page.
    public var isRefusal: Bool
    /// Stopped because the body (received or decoded) passed the request's byte limit.
    public var isBodyTooLarge: Bool

    public init(_ reason: String, retryAfter: Date? = nil, isRefusal: Bool = false, isBodyTooLarge: Bool = false) {
        self.reason = reason
        self.retryAfter = retryAfter
        self.isRefusal = isRefusal
        self.isBodyTooLarge = isBodyTooLarge
    }

    public var description: String { reason }
}

/// A response that came back, after redirects.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names lower-cased.
    public var headers: [String: String]
    public var body: Data
    /// The URL that answered, after redirects.
    public var url: URL
    /// Set when every redirect on the way was permanent (301, 308): the request's new home.
    public var permanentlyMovedTo: URL?
    /// The address the last hop connected to.
    public var remoteAddress: NetworkAddress?

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}
