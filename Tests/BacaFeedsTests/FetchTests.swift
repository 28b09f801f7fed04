import BacaCore
import BacaStore
import Foundation
import Testing
@testable import BacaFeeds

/// Fetching against a real HTTP server on 127.0.0.1, serving the fixtures.
@Suite("Fetching feeds over HTTP", .serialized)
struct FetchTests {
    let server: LoopbackServer
    let store: ArticleStore

    init() throws {
        server = try LoopbackServer()
        store = try ArticleStore.inMemory()
        for name in ["jembatan.html", "blog.html"] {
            let body = Fixture.data("pages/\(name)")
            server.route("/pages/\(name)") { _ in .ok(body, type: "text/html") }
        }
        let pasar = Fixture.data("pages/pasar-1252.html")
        server.route("/feeds/pages/pasar-1252.html") { _ in .ok(pasar, type: "text/html") }
        server.route("/pages/pasar-1252.html") { _ in .ok(pasar, type: "text/html") }
    }

    /// Short enough that a test waiting for a time-out stays quick, long enough that a busy CI
    /// machine answering a loopback request late does not turn a success into a failure.
    static var fastLimits: FetchLimits {
        var limits = FetchLimits()
        limits.connectTimeout = 10
        limits.totalTimeout = 20
        limits.maximumRetryWait = 3
        return limits
    }

    func fetcher(_ limits: FetchLimits = fastLimits) -> FeedFetcher {
        FeedFetcher(store: store, limits: limits, userAgent: "baca/0.1.0 (test)")
    }

    /// Serves a fixture feed with an ETag, answering 304 to a matching `If-None-Match`.
    func serveFeed(_ path: String, fixture: String, type: String = "application/xml", etag: String = "\"v1\"") {
        let body = Fixture.data(fixture)
        server.route(path) { request in
            if request.header("if-none-match") == etag { return .status(304, headers: ["ETag": etag]) }
            return LoopbackServer.Response(
                status: 200, headers: ["Content-Type": type, "ETag": etag, "Last-Modified": "Wed, 06 Nov 2024 03:00:00 GMT"],
                body: body)
        }
    }

    func add(_ path: String) throws -> Feed {
        try store.addFeed(url: server.base + path).feed
    }

    @Test("RSS, Atom, RDF and JSON feeds become articles from their pages; a page equals its capture")
    func fourFormats() async throws {
        serveFeed("/feeds/rss.xml", fixture: "feeds/rss2.xml")
        serveFeed("/feeds/atom.xml", fixture: "feeds/atom.xml")
        serveFeed("/feeds/rdf.xml", fixture: "feeds/rdf.xml")
        serveFeed("/feeds/feed.json", fixture: "feeds/feed.json", type: "application/feed+json")
        for path in ["/feeds/rss.xml", "/feeds/atom.xml", "/feeds/rdf.xml", "/feeds/feed.json"] { _ = try add(path) }

        // Patient limits: on a loaded machine a 1 s connect time-out turns a page into a
        // summary and the counts below would measure the machine, not the fetcher.
        var patient = FetchLimits()
        patient.connectTimeout = 15
        patient.totalTimeout = 30
        let summary = await fetcher(patient).fetch()
        #expect(summary.failed == 0, "\(summary.outcomes.map(\.statusText))")
        #expect(summary.fetched == 4)
        // rss: jembatan, pasar, missing (summary only); atom: blog, xhtml (summary only);
        // rdf: jembatan again (same page: the same article), rdf-only (summary only);
        // json: pasar again, json-text (summary only).
        #expect(try store.counts().total == 7)
        #expect(summary.newArticles == 7)

        var capture = try CaptureLoader.load(Fixture.data("pages/jembatan.txt")).article
        // The page states its time (09:15 +07:00); the capture names the day only.
        capture.publishedAt = PublishedDate(iso: "2024-11-06T02:15:00Z")
        let id = try #require(try store.articleId(url: "https://www.idntimes.test/news/indonesia/jembatan-gantung-sukamaju-diresmikan"))
        // Pictures' addresses are the page's own, which a capture does not state.
        #expect(try store.article(id: id)?.article.withoutImageAddresses == capture)
        #expect(try store.article(id: id)?.article.heroImage?.url?.hasSuffix("/img/jembatan.jpg") == true)
        let pasar = try CaptureLoader.load(Fixture.data("pages/pasar.txt")).article
        let pasarId = try #require(try store.articleId(url: "https://jabar.idntimes.test/news/jabar/harga-cabai-rawit-kosambi"))
        #expect(try store.article(id: pasarId)?.article.withoutImageAddresses == pasar)

        let missing = try #require(try store.articleId(url: server.base + "/pages/missing.html"))
        let origin = try store.origin(ofArticle: missing)
        #expect(origin?.summaryOnly == true)
        #expect(try store.summary(id: missing)?.summaryOnly == true)
        #expect(try store.article(id: missing)?.article.bodyText == "Ringkasan dari feed: halaman aslinya tidak bisa dibuka.")

        let feeds = try store.feeds()
        let rss = try #require(feeds.first { $0.feed.url.hasSuffix("/feeds/rss.xml") })
        #expect(rss.articleCount == 3)
        #expect(rss.unreadCount == 3)
        #expect(rss.feed.feedTitle == "Berita Jabar & Sekitarnya")
        #expect(rss.feed.lastStatus == .ok)
        #expect(rss.feed.etag == "\"v1\"")
        #expect(try store.summaries(feedId: rss.feed.id, offset: 0, limit: 10).count == 3)
        #expect(server.log.allSatisfy { $0.request.header("user-agent") == "baca/0.1.0 (test)" })
    }

    @Test("an unchanged feed costs one 304 with no body; stored articles stay when the feed drops them")
    func conditionalGet() async throws {
        serveFeed("/feeds/rss.xml", fixture: "feeds/rss2.xml")
        let feed = try add("/feeds/rss.xml")
        _ = await fetcher().fetch()
        let stored = try store.counts().total
        let pagesFetched = server.log.count

        let second = await fetcher().fetch()
        #expect(second.outcomes.map(\.status) == [.unchanged])
        let feedRequests = server.requests(to: "/feeds/rss.xml")
        #expect(feedRequests.count == 2)
        #expect(feedRequests[1].request.header("if-none-match") == "\"v1\"")
        #expect(feedRequests[1].request.header("if-modified-since") == "Wed, 06 Nov 2024 03:00:00 GMT")
        #expect(feedRequests[1].status == 304)
        #expect(feedRequests[1].bodyBytes == 0, "the second fetch downloads no body")
        // The one summary-only page is tried again; nothing else is fetched.
        #expect(server.log.count == pagesFetched + 2)

        // The feed drops its items: nothing is deleted.
        server.serve("/feeds/rss.xml", "<rss version=\"2.0\"><channel><title>Kosong</title></channel></rss>", type: "application/rss+xml")
        let third = await fetcher().fetch()
        #expect(third.outcomes.map(\.status) == [.fetched])
        #expect(try store.counts().total == stored)
        #expect(try store.articleCount(feedId: feed.id) == stored)
    }

    @Test("a page that failed is retried by a later fetch and replaces the summary")
    func summaryOnlyRetried() async throws {
        let feedXML = """
            <rss version="2.0"><channel><title>t</title>
            <item><title>Jembatan</title><link>/late/jembatan.html</link><description>Ringkasan saja.</description></item>
            </channel></rss>
            """
        server.serve("/feeds/late.xml", feedXML, type: "application/rss+xml")
        server.route("/late/jembatan.html") { _ in .status(500) }
        _ = try add("/feeds/late.xml")
        let first = await fetcher().fetch()
        #expect(first.summaryOnly == 1)
        let id = try #require(try store.articleId(url: server.base + "/late/jembatan.html"))
        try store.setRead(true, id: id)

        let page = Fixture.data("pages/jembatan.html")
        server.route("/late/jembatan.html") { _ in .ok(page, type: "text/html") }
        let second = await fetcher().fetch()
        #expect(second.outcomes.first?.pagesRecovered == 1)
        let stored = try #require(try store.article(id: id))
        #expect(stored.article.keyPoints.count == 2)
        #expect(stored.state.read, "the reading state is kept")
        #expect(try store.origin(ofArticle: id)?.summaryOnly == false)
        #expect(try store.counts().total == 1)
    }

    @Test("failures are recorded per feed with a reason and never stop the others")
    func failures() async throws {
        serveFeed("/feeds/ok.xml", fixture: "feeds/rss2.xml")
        serveFeed("/feeds/malformed.xml", fixture: "feeds/malformed.xml")
        server.route("/feeds/404.xml") { _ in .status(404) }
        server.route("/feeds/500.xml") { _ in .status(500) }
        server.route("/feeds/loop-a.xml") { _ in .redirect(302, to: "/feeds/loop-b.xml") }
        server.route("/feeds/loop-b.xml") { _ in .redirect(302, to: "/feeds/loop-a.xml") }
        server.route("/feeds/hang.xml") { _ in LoopbackServer.Response(status: 200, hang: true) }
        let big = Data(repeating: UInt8(ascii: "a"), count: 300_000)
        server.route("/feeds/big.xml") { _ in .ok(big, type: "application/xml") }
        let paths = ["/feeds/ok.xml", "/feeds/malformed.xml", "/feeds/404.xml", "/feeds/500.xml", "/feeds/loop-a.xml",
                     "/feeds/hang.xml", "/feeds/big.xml"]
        for path in paths { _ = try add(path) }
        _ = try store.addFeed(url: "http://127.0.0.1:1/closed.xml")
        _ = try store.addFeed(url: "file:///etc/passwd")

        var limits = Self.fastLimits
        limits.maximumFeedBytes = 100_000
        limits.connectTimeout = 3   // the hanging server's feed waits this long
        let started = Date()
        let summary = await fetcher(limits).fetch()
        // The time-outs fire: nothing waits much past them (a generous bound for slow machines).
        #expect(Date().timeIntervalSince(started) < 40)
        let reasons = Dictionary(uniqueKeysWithValues: summary.outcomes.map { ($0.feed.url, $0.statusText) })
        func reason(_ path: String) -> String { reasons[server.base + path] ?? "?" }
        #expect(reason("/feeds/ok.xml").hasPrefix("ok"))
        // Not well-formed, but recoverable: read in recover mode (FeedRecoveryTests).
        #expect(reason("/feeds/malformed.xml").hasPrefix("ok  "))
        #expect(reason("/feeds/malformed.xml").contains("; repaired (line"))
        #expect(reason("/feeds/404.xml") == "failed: HTTP 404 Not Found")
        #expect(reason("/feeds/500.xml") == "failed: HTTP 500 Internal Server Error")
        #expect(reason("/feeds/loop-a.xml").hasPrefix("failed: redirect loop"))
        #expect(reason("/feeds/hang.xml") == "failed: no answer within 3 s (connect time-out)")
        #expect(reason("/feeds/big.xml").hasPrefix("failed: body over the limit of 100000 bytes"))
        #expect(reasons["http://127.0.0.1:1/closed.xml"]?.hasPrefix("failed: cannot connect") == true, "\(reasons)")
        #expect(reasons["file:///etc/passwd"] == "failed: only http and https URLs are fetched, not file: URLs")
        #expect(summary.failed == 7)
        #expect(summary.fetched == 2)

        let stored = try store.feeds().first { $0.feed.url.hasSuffix("/feeds/404.xml") }?.feed
        #expect(stored?.lastStatus == .failed)
        #expect(stored?.lastError == "HTTP 404 Not Found")
    }

    @Test("a body that stops coming fails at the total time-out")
    func totalTimeout() async throws {
        let body = Fixture.data("feeds/rss2.xml")
        server.route("/feeds/slow.xml") { _ in
            LoopbackServer.Response(status: 200, headers: ["Content-Type": "application/xml"], body: body, stallBody: true)
        }
        _ = try add("/feeds/slow.xml")
        var limits = Self.fastLimits
        limits.totalTimeout = 2
        let started = Date()
        let summary = await fetcher(limits).fetch()
        let elapsed = Date().timeIntervalSince(started)
        #expect(summary.outcomes.first?.statusText == "failed: timed out after 2 s")
        #expect(elapsed >= 1.9 && elapsed < 30, "\(elapsed)")
    }

    @Test("429 with a short Retry-After is waited out; a long one defers the feed")
    func retryAfter() async throws {
        let calls = Counter()
        let body = Fixture.data("feeds/rdf.xml")
        server.route("/feeds/busy.xml") { _ in
            calls.increment() == 1 ? .status(429, headers: ["Retry-After": "1"]) : .ok(body, type: "application/rdf+xml")
        }
        server.route("/feeds/closed.xml") { _ in .status(503, headers: ["Retry-After": "3600"]) }
        _ = try add("/feeds/busy.xml")
        let closed = try add("/feeds/closed.xml")
        let started = Date()
        let summary = await fetcher().fetch()
        #expect(Date().timeIntervalSince(started) >= 0.9)
        #expect(summary.outcomes[0].status == .fetched)
        #expect(server.requests(to: "/feeds/busy.xml").map(\.status) == [429, 200])
        #expect(summary.outcomes[1].statusText.hasPrefix("failed: HTTP 503 Service Unavailable; the server asks to wait until"))
        let retryAfter = try #require(try store.feed(id: closed.id)?.retryAfter)
        #expect(abs(retryAfter.timeIntervalSinceNow - 3600) < 60)

        let again = await fetcher().fetch()
        guard case .deferred = again.outcomes[1].status else {
            Issue.record("expected the feed to wait, got \(again.outcomes[1].statusText)")
            return
        }
        #expect(server.requests(to: "/feeds/closed.xml").count == 1, "a deferred feed is not asked")
    }

    @Test("a permanent redirect moves the feed; gzip bodies are read")
    func redirectAndGzip() async throws {
        let gzipped = Gzip.wrap(Fixture.data("feeds/atom.xml"))
        server.route("/feeds/new.xml") { request in
            guard request.header("accept-encoding")?.contains("gzip") == true else { return .status(406) }
            return LoopbackServer.Response(
                status: 200, headers: ["Content-Type": "application/atom+xml", "Content-Encoding": "gzip"], body: gzipped)
        }
        server.route("/feeds/old.xml") { _ in .redirect(301, to: "/feeds/new.xml") }
        server.route("/feeds/temporary.xml") { _ in .redirect(302, to: "/feeds/new.xml") }
        let moved = try add("/feeds/old.xml")
        let temporary = try add("/feeds/temporary.xml")
        let summary = await fetcher().fetch()
        #expect(summary.failed == 0, "\(summary.outcomes.map(\.statusText))")
        #expect(try store.feed(id: moved.id)?.url == server.base + "/feeds/new.xml")
        #expect(try store.feed(id: temporary.id)?.url == server.base + "/feeds/temporary.xml")
        #expect(try store.feed(id: moved.id)?.feedTitle == "Catatan Sari")
    }

    @Test("at most 4 requests at once, and 2 to one host")
    func concurrency() async throws {
        // Each answer held long enough that requests started together overlap even on a busy machine.
        server.delay = 0.3
        let body = Fixture.data("feeds/rdf.xml")
        for index in 0..<12 {
            server.route("/feeds/c\(index).xml") { _ in .ok(body, type: "application/xml") }
            _ = try store.addFeed(url: "http://127.0.0.1:\(server.port)/feeds/c\(index).xml")
            _ = try store.addFeed(url: "http://localhost:\(server.port)/feeds/c\(index).xml")
        }
        var limits = Self.fastLimits
        limits.concurrentFetches = 4
        limits.fetchesPerHost = 2
        let fetcher = FeedFetcher(store: store, limits: limits, userAgent: "baca/0.1.0 (test)", fetchesPages: false)
        let summary = await fetcher.fetch()
        #expect(summary.failed == 0, "\(summary.outcomes.map(\.statusText))")
        #expect(server.peakInFlight <= 4)
        #expect(server.peakInFlightByHost.values.allSatisfy { $0 <= 2 }, "\(server.peakInFlightByHost)")
        #expect(server.peakInFlightByHost.values.contains(2), "requests did overlap")
    }

    @Test("the total time-out runs from a request's turn, not from its place in the queue to a busy host")
    func queueDoesNotCountAgainstTimeOut() async throws {
        // One request at a time to the host, each answered after 1 s: the sixth waits 5 s in
        // line, more than the 4 s time-out, and is still read.
        server.delay = 1
        let body = Fixture.data("feeds/rdf.xml")
        for index in 0..<6 {
            server.route("/feeds/q\(index).xml") { _ in .ok(body, type: "application/xml") }
            _ = try store.addFeed(url: "http://127.0.0.1:\(server.port)/feeds/q\(index).xml")
        }
        var limits = Self.fastLimits
        limits.concurrentFetches = 4
        limits.fetchesPerHost = 1
        limits.totalTimeout = 4
        let fetcher = FeedFetcher(store: store, limits: limits, userAgent: "baca/0.1.0 (test)", fetchesPages: false)
        let summary = await fetcher.fetch()
        #expect(summary.failed == 0, "\(summary.outcomes.map(\.statusText))")
        #expect(server.peakInFlightByHost.values.allSatisfy { $0 <= 1 })
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() -> Int {
        lock.lock(); defer { lock.unlock() }
        value += 1
        return value
    }
}
