import BacaCore
import BacaStore
import Foundation

/// How one feed's fetch ended.
public struct FeedFetchOutcome: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        /// Fetched and read.
        case fetched
        /// 304 Not Modified: one request, no body.
        case unchanged
        case failed(reason: String)
        /// Not asked: the server's `Retry-After` is still running.
        case deferred(until: Date)
    }

    /// The feed as it is after the fetch.
    public var feed: Feed
    public var status: Status
    /// Articles stored for the first time.
    public var newArticles = 0
    /// Of those, the ones whose page could not be read (they hold the feed's text).
    public var summaryOnly = 0
    /// Summary-only articles whose page was read this time.
    public var pagesRecovered = 0
    /// Pages refused by a safety rule (a body past its limit, an address the rule refuses);
    /// their articles keep the feed's text.
    public var refusedPages: [RefusedPage] = []
    /// The feed was not well-formed and was read in recover mode: what was wrong first.
    public var repairNote: String?

    public var failed: Bool {
        if case .failed = status { return true }
        return false
    }

    /// `ok  3 new`, `unchanged`, `failed: HTTP 404 Not Found`, `waiting until …`.
    public var statusText: String { statusText(in: .en) }

    public func statusText(in language: Language) -> String {
        switch status {
        case .fetched:
            return language.say(.fetchedFeed(new: newArticles, summaryOnly: summaryOnly, pagesRecovered: pagesRecovered, repairNote: repairNote))
        case .unchanged: return language.say(.unchangedFeed(pagesRecovered: pagesRecovered))
        case .failed(let reason): return language.say(.failedFeed(reason: FetchReasonText.describe(reason, in: language)))
        case .deferred(let until): return language.say(.waitingFeed(until: HTTPClient.describe(until)))
        }
    }
}

/// A page not read because a safety rule refused it.
public struct RefusedPage: Sendable, Equatable {
    public var url: String
    public var reason: String
}

/// Collects refused pages from the page reads of one feed.
final class PageRefusals: @unchecked Sendable {
    private let lock = NSLock()
    private var pages: [RefusedPage] = []

    func add(_ url: URL, _ failure: FetchFailure) {
        guard failure.isRefusal else { return }
        lock.lock(); defer { lock.unlock() }
        pages.append(RefusedPage(url: url.absoluteString, reason: failure.reason))
    }

    var list: [RefusedPage] {
        lock.lock(); defer { lock.unlock() }
        return pages
    }
}

/// Where a fetch of many feeds is, for a progress bar. Sent from a background thread.
public struct FetchProgress: Sendable, Equatable {
    public var feedsDone: Int
    public var feedsTotal: Int
    public var newArticles: Int
    public var failures: Int
    public var elapsed: TimeInterval
    /// The feed that just finished.
    public var latest: FeedFetchOutcome?

    public init(feedsDone: Int, feedsTotal: Int, newArticles: Int, failures: Int, elapsed: TimeInterval, latest: FeedFetchOutcome? = nil) {
        self.feedsDone = feedsDone
        self.feedsTotal = feedsTotal
        self.newArticles = newArticles
        self.failures = failures
        self.elapsed = elapsed
        self.latest = latest
    }
}

/// What a fetch of many feeds did.
public struct FetchSummary: Sendable, Equatable {
    /// In the order the feeds were given.
    public var outcomes: [FeedFetchOutcome]
    public var elapsed: TimeInterval

    public var fetched: Int { outcomes.filter { $0.status == .fetched }.count }
    public var unchanged: Int { outcomes.filter { $0.status == .unchanged }.count }
    public var failed: Int { outcomes.filter(\.failed).count }
    public var deferred: Int { outcomes.filter { if case .deferred = $0.status { return true } else { return false } }.count }
    public var newArticles: Int { outcomes.reduce(0) { $0 + $1.newArticles } }
    public var refusedPages: Int { outcomes.reduce(0) { $0 + $1.refusedPages.count } }
    public var summaryOnly: Int { outcomes.reduce(0) { $0 + $1.summaryOnly } }

    /// `100 feeds: 98 fetched, 0 unchanged, 2 failed; 294 new articles (3 summary only) in 4.2 s`.
    public var line: String { line(in: .en) }

    public func line(in language: Language) -> String {
        language.say(.fetchSummary(
            feeds: outcomes.count, fetched: fetched, unchanged: unchanged, failed: failed, waiting: deferred,
            new: newArticles, summaryOnly: summaryOnly, refusedPages: refusedPages, seconds: elapsed))
    }
}

/// Fetches feeds into the repository.
///
/// For each feed: a conditional GET; the feed parsed; its new items (keys it has not shown
/// before) become articles, each from its page when the page can be fetched and read, else
/// from the feed's own text (summary only); and pages of earlier summary-only articles are
/// tried again. A feed's failure is recorded on it and never stops the others. Articles are
/// never deleted because a feed dropped them.
public final class FeedFetcher: Sendable {
    public let store: ArticleStore
    public let client: HTTPClient
    /// Whether new items' pages are fetched (off: every article is the feed's text).
    public let fetchesPages: Bool

    static let feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5"
    static let pageAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"

    public init(store: ArticleStore, client: HTTPClient, fetchesPages: Bool = true) {
        self.store = store
        self.client = client
        self.fetchesPages = fetchesPages
    }

    public convenience init(
        store: ArticleStore, limits: FetchLimits = FetchLimits(), userAgent: String, addressRule: AddressRule = AddressRule(),
        fetchesPages: Bool = true
    ) {
        self.init(store: store, client: HTTPClient(limits: limits, userAgent: userAgent, addressRule: addressRule), fetchesPages: fetchesPages)
    }

    /// Fetches `feeds` (every subscription when `nil`), calling `progress` after each feed
    /// from whatever thread finished it.
    public func fetch(_ feeds: [Feed]? = nil, progress: @escaping @Sendable (FetchProgress) -> Void = { _ in }) async -> FetchSummary {
        let started = Date()
        let list: [Feed]
        do {
            list = try feeds ?? store.feeds().map(\.feed)
        } catch {
            return FetchSummary(outcomes: [], elapsed: 0)
        }
        let counter = ProgressCounter(total: list.count, started: started)
        var outcomes = [FeedFetchOutcome?](repeating: nil, count: list.count)
        // A window of feeds in flight: enough to keep the limiter busy, not a task per feed.
        let window = max(1, client.limits.concurrentFetches * 2)
        await withTaskGroup(of: (Int, FeedFetchOutcome).self) { group in
            var next = 0
            func startNext() {
                guard next < list.count else { return }
                let index = next
                let feed = list[index]
                next += 1
                group.addTask { (index, await self.fetch(feed)) }
            }
            for _ in 0..<min(window, list.count) { startNext() }
            for await (index, outcome) in group {
                outcomes[index] = outcome
                progress(counter.add(outcome))
                startNext()
            }
        }
        return FetchSummary(outcomes: outcomes.compactMap { $0 }, elapsed: Date().timeIntervalSince(started))
    }

    /// `fetch`, waiting on the calling thread: for callers that are not async (the CLI, the
    /// reader's background thread). Never call it from an async context.
    public func fetchAndWait(_ feeds: [Feed]? = nil, progress: @escaping @Sendable (FetchProgress) -> Void = { _ in }) -> FetchSummary {
        waitForAsync { await self.fetch(feeds, progress: progress) } ?? FetchSummary(outcomes: [], elapsed: 0)
    }

    // MARK: - One feed

    /// Fetches one feed; never throws: a failure is recorded on the feed and returned.
    public func fetch(_ feed: Feed) async -> FeedFetchOutcome {
        let now = Date()
        if let retryAfter = feed.retryAfter, retryAfter > now {
            return FeedFetchOutcome(feed: feed, status: .deferred(until: retryAfter))
        }
        guard let url = URL(string: feed.url) else {
            return record(feed, FeedFetchRecord(status: .failed, error: "not a URL: \(feed.url)"), status: .failed(reason: "not a URL"))
        }
        let result = await client.get(
            url, etag: feed.etag, lastModified: feed.lastModified,
            maximumBytes: client.limits.maximumFeedBytes, accept: Self.feedAccept, scope: .userNamed)
        let response: HTTPResponse
        switch result {
        case .failure(let failure):
            return record(feed, FeedFetchRecord(status: .failed, error: failure.reason, retryAfter: failure.retryAfter),
                          status: .failed(reason: failure.reason))
        case .success(let received):
            response = received
        }
        let movedTo = response.permanentlyMovedTo?.absoluteString
        // Pages named by a feed on a public address are fetched from public addresses only.
        let pageScope = AddressScope.namedBy(response.remoteAddress, rule: client.addressRule)
        let refusals = PageRefusals()

        if response.status == 304 {
            var outcome = record(feed, FeedFetchRecord(status: .unchanged, movedTo: movedTo), status: .unchanged)
            outcome.pagesRecovered = await retryPendingPages(of: feed, skipping: [], scope: pageScope, refusals: refusals)
            outcome.refusedPages = refusals.list
            return outcome
        }

        let parsed: ParsedFeed
        do {
            parsed = try FeedParser.parse(
                response.body, url: Self.documentBase(of: response), charset: Self.charset(of: response))
        } catch {
            let reason = error.description
            return record(feed, FeedFetchRecord(status: .failed, error: reason, movedTo: movedTo), status: .failed(reason: reason))
        }

        var outcome = FeedFetchOutcome(feed: feed, status: .fetched)
        outcome.repairNote = parsed.repaired ? parsed.repairNote ?? "not well-formed" : nil
        var stored = Set<Int64>()
        do {
            let known = try store.knownItemKeys(feedId: feed.id)
            let fresh = parsed.items.filter { !known.contains($0.key) }.prefix(client.limits.maximumNewItemsPerFeed)
            for item in fresh {
                let input = await article(for: item, scope: pageScope, refusals: refusals)
                let result = try store.storeFeedArticle(input, feedId: feed.id)
                if case .imported = result {
                    outcome.newArticles += 1
                    if input.summaryOnly { outcome.summaryOnly += 1 }
                }
                stored.insert(result.id)
            }
        } catch {
            let reason = "cannot store its articles (\(error))"
            return record(feed, FeedFetchRecord(status: .failed, error: reason), status: .failed(reason: reason))
        }
        let fetchedRecord = FeedFetchRecord(
            status: parsed.repaired ? .repaired : .ok, error: parsed.repaired ? parsed.repairNote ?? "not well-formed" : nil,
            etag: response.header("ETag"), lastModified: response.header("Last-Modified"),
            feedTitle: parsed.title, siteURL: parsed.siteURL?.absoluteString, movedTo: movedTo)
        let recorded = record(feed, fetchedRecord, status: .fetched)
        outcome.feed = recorded.feed
        outcome.status = recorded.status
        if recorded.status != .fetched { outcome.repairNote = nil }
        if outcome.status == .fetched {
            outcome.pagesRecovered = await retryPendingPages(of: feed, skipping: stored, scope: pageScope, refusals: refusals)
        }
        outcome.refusedPages = refusals.list
        return outcome
    }

    /// Records the fetch on the feed and returns the outcome with the feed as stored.
    private func record(_ feed: Feed, _ record: FeedFetchRecord, status: FeedFetchOutcome.Status) -> FeedFetchOutcome {
        do {
            try store.recordFetch(feedId: feed.id, record)
            let updated = try store.feed(id: feed.id) ?? feed
            return FeedFetchOutcome(feed: updated, status: status)
        } catch {
            return FeedFetchOutcome(feed: feed, status: .failed(reason: "cannot record the fetch (\(error))"))
        }
    }

    // MARK: - Pages

    /// The article an item becomes: its page read (under the item's title, when it has one),
    /// else its own text (summary only). A page already stored in full (a saved page, another
    /// feed) is not fetched again.
    func article(for item: FeedItem, scope: AddressScope = .publicOnly, refusals: PageRefusals = PageRefusals()) async -> FeedArticle {
        let link = item.link.map(Self.normalised)
        // The item's own text, worked out from its HTML only when it is the article.
        func summary() -> FeedArticle {
            FeedArticle(article: item.summaryArticle, url: link?.absoluteString, itemKeys: [item.key], summaryOnly: link != nil)
        }
        guard let link, fetchesPages else { return summary() }
        if let id = try? store.articleId(url: link.absoluteString),
           let origin = try? store.origin(ofArticle: id), !origin.summaryOnly {
            return summary()
        }
        let read = await readPage(link, scope: scope)
        if case .failure(let failure) = read { refusals.add(link, failure) }
        guard case .success(let page) = read else { return summary() }
        var article = page.page.article
        // The item's own title is the one its feed chose and the one the list showed before the
        // page was read; a page's `<h1>` is often a shortened or a site-wide one. The page gives
        // the text, the pictures, and the author and time when it states them.
        if !item.title.isEmpty {
            article.title = item.title
            article.titleDerived = nil
        }
        if article.publishedAt == nil { article.publishedAt = item.published?.publishedDate }
        if article.author == nil { article.author = item.author }
        let canonical = page.page.canonicalURL.map(Self.normalised) ?? page.finalURL
        return FeedArticle(
            article: article, url: canonical.absoluteString,
            alternateURLs: [link.absoluteString, page.finalURL.absoluteString],
            itemKeys: [item.key], summaryOnly: false)
    }

    struct ReadPage {
        var page: ExtractedPage
        var finalURL: URL
    }

    /// Fetches a page and extracts its article.
    func readPage(_ url: URL, scope: AddressScope = .publicOnly) async -> Result<ReadPage, FetchFailure> {
        let result = await client.get(url, maximumBytes: client.limits.maximumPageBytes, accept: Self.pageAccept, scope: scope)
        switch result {
        case .failure(let failure):
            return .failure(failure)
        case .success(let response):
            do {
                let page = try ArticleExtractor.extract(response.body, url: response.url, contentType: response.header("Content-Type"))
                return .success(ReadPage(page: page, finalURL: Self.normalised(response.url)))
            } catch {
                return .failure(FetchFailure(error.description))
            }
        }
    }

    /// Tries again the pages of the feed's summary-only articles (not those of `skipping`,
    /// stored just now); returns how many were read.
    private func retryPendingPages(of feed: Feed, skipping: Set<Int64>, scope: AddressScope, refusals: PageRefusals) async -> Int {
        guard fetchesPages, let pending = try? store.pendingPages(feedIds: [feed.id], limit: client.limits.pageRetriesPerFeed + skipping.count)
        else { return 0 }
        var recovered = 0
        for page in pending where !skipping.contains(page.articleId) {
            guard let url = URL(string: page.url) else { continue }
            let result = await readPage(url, scope: scope)
            if case .failure(let failure) = result { refusals.add(url, failure) }
            guard case .success(let read) = result else { continue }
            let canonical = read.page.canonicalURL.map(Self.normalised) ?? read.finalURL
            var article = read.page.article
            if let stored = try? store.article(id: page.articleId) {
                // The summary was stored under its item's title: that title stays, as in `article(for:)`.
                if stored.article.titleDerived != true, !stored.article.title.isEmpty { article.title = stored.article.title }
                if article.publishedAt == nil { article.publishedAt = stored.article.publishedAt }
                if article.author == nil { article.author = stored.article.author }
            }
            if (try? store.importArticle(
                article, url: canonical.absoluteString, alternateURLs: [page.url, read.finalURL.absoluteString],
                sourcePath: nil, summaryOnly: false)) != nil {
                recovered += 1
            }
        }
        return recovered
    }

    /// What a feed's relative links resolve against: its `Content-Location` when it sent one,
    /// else the URL it was fetched from.
    static func documentBase(of response: HTTPResponse) -> URL {
        guard let location = response.header("Content-Location"),
              let url = URL(string: location.trimmingCharacters(in: .whitespaces), relativeTo: response.url)?.absoluteURL,
              url.scheme == "http" || url.scheme == "https"
        else { return response.url }
        return url
    }

    /// The `charset` of the `Content-Type` header, if any.
    static func charset(of response: HTTPResponse) -> String? {
        guard let type = response.header("Content-Type") else { return nil }
        for parameter in type.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// The URL as stored: scheme and host lower-cased, default port and fragment dropped.
    public static func normalised(_ url: URL) -> URL {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return url }
        components.scheme = components.scheme?.lowercased()
        components.host = components.host?.lowercased()
        if (components.scheme == "http" && components.port == 80) || (components.scheme == "https" && components.port == 443) {
            components.port = nil
        }
        components.fragment = nil
        if components.path.isEmpty { components.path = "/" }
        return components.url ?? url
    }
}

/// Counts finished feeds for progress reports, from any thread.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let started: Date
    private var done = 0
    private var newArticles = 0
    private var failures = 0

    init(total: Int, started: Date) {
        self.total = total
        self.started = started
    }

    func add(_ outcome: FeedFetchOutcome) -> FetchProgress {
        lock.lock(); defer { lock.unlock() }
        done += 1
        newArticles += outcome.newArticles
        if outcome.failed { failures += 1 }
        return FetchProgress(
            feedsDone: done, feedsTotal: total, newArticles: newArticles, failures: failures,
            elapsed: Date().timeIntervalSince(started), latest: outcome)
    }
}
