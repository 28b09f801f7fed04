import Foundation

/// Where a fetch running on another thread stands, as the status bar shows it.
public struct FetchStatus: Sendable, Equatable {
    public var feedsDone: Int
    public var feedsTotal: Int
    public var newArticles: Int
    public var failures: Int
    public var isFinished: Bool
    /// The closing summary once finished (`3 feeds: 2 fetched, 1 unchanged, 0 failed; …`).
    public var summaryLine: String?

    public init(feedsDone: Int, feedsTotal: Int, newArticles: Int, failures: Int, isFinished: Bool, summaryLine: String? = nil) {
        self.feedsDone = feedsDone
        self.feedsTotal = feedsTotal
        self.newArticles = newArticles
        self.failures = failures
        self.isFinished = isFinished
        self.summaryLine = summaryLine
    }
}

/// Fetches every feed, reporting as it goes; the caller (a `BackgroundJob`) runs it off the UI
/// thread, and the last report has `isFinished`. Returns false when there is nothing to fetch.
public typealias FetchStarter = @Sendable (_ report: @escaping @Sendable (FetchStatus) -> Void) -> Bool

