import Foundation

/// A feed a page names, or one found at a usual path.
public struct DiscoveredFeed: Sendable, Equatable {
    public var url: URL
    /// The feed's own title when it was read, else the link's `title`.
    public var title: String?

    public init(url: URL, title: String?) {
        self.url = url
        self.title = title
    }
}

/// The feeds an HTML page names in its head, the way browsers and feed readers find them.
public enum FeedLinks {
    /// The `type`s of `<link rel="alternate">` that name a feed (RSS, Atom, RDF, JSON Feed).
    static let feedTypes: Set<String> = [
        "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json",
        "application/json", "text/xml", "application/xml",
    ]

    /// Paths tried, from the site's root, when a page names no feed.
    public static let usualPaths = [
        "/feed", "/rss", "/feed.xml", "/rss.xml", "/atom.xml", "/index.xml", "/feed.json", "/feeds/posts/default",
    ]

    /// The feeds `<link rel="alternate" type="…">` elements name, absolute, in the page's order,
    /// each once. A page that cannot be parsed names none.
    public static func links(in html: Data, url: URL, charset: String? = nil) -> [DiscoveredFeed] {
        guard let document = try? HTMLDocument(data: html, charset: charset, url: url) else { return [] }
        let base = document.root.firstDescendant { $0.name == "base" && $0["href"] != nil }?["href"]
            .flatMap { URL(string: $0.trimmingCharacters(in: .whitespacesAndNewlines), relativeTo: url)?.absoluteURL } ?? url
        var found: [DiscoveredFeed] = []
        for link in document.root.descendants(named: ["link"]) {
            let relations = (link["rel"] ?? "").lowercased().split(whereSeparator: \.isWhitespace)
            guard relations.contains("alternate"),
                  let type = link["type"]?.lowercased().split(separator: ";").first?.trimmingCharacters(in: .whitespaces),
                  feedTypes.contains(type),
                  let href = link["href"]?.trimmingCharacters(in: .whitespacesAndNewlines), !href.isEmpty,
                  let target = URL(string: href, relativeTo: base)?.absoluteURL,
                  let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https"
            else { continue }
            guard !found.contains(where: { $0.url == target }) else { continue }
            let title = link["title"]?.trimmingCharacters(in: .whitespacesAndNewlines)
            found.append(DiscoveredFeed(url: target, title: title?.isEmpty == false ? title : nil))
        }
        return found
    }

    /// Whether a response is an HTML page rather than something else that failed to parse.
    static func isHTML(_ body: Data, contentType: String?) -> Bool {
        if let type = contentType?.lowercased(), type.contains("html") { return true }
        let head = String(decoding: body.prefix(512), as: UTF8.self).lowercased()
        return head.contains("<!doctype html") || head.contains("<html")
    }
}

/// What is at a URL the user gave as a feed.
public enum FeedLookup: Sendable, Equatable {
    /// A feed: the URL itself, or the only one its page names (or found at a usual path).
    case feed(DiscoveredFeed)
    /// An HTML page naming several feeds: the user picks one.
    case several([DiscoveredFeed])
    /// An HTML page with no feed to be found.
    case noFeed(String)
    /// Not checked (the server could not be reached, answered an error, or sent something that
    /// is neither a feed nor a page): the URL stands as given, and `baca fetch` will say more.
    case notChecked(String)
}

/// Finds the feed behind a URL: the URL itself when it is a feed; else, on an HTML page, the
/// feeds its `<link rel="alternate">` name, each read to make sure; else the usual paths
/// (`/feed`, `/rss`, `/atom.xml` …). Fetches obey the address rule: what a public page names
/// is fetched from public addresses only.
public struct FeedFinder: Sendable {
    public let client: HTTPClient
    /// The most links of a page read to check them.
    public var maximumCandidates = 8
    /// For the whole look-up, every request included: past it, no candidate is tried.
    public var timeLimit: TimeInterval = 30

    public init(client: HTTPClient) {
        self.client = client
    }

    public func find(_ url: URL) async -> FeedLookup {
        let deadline = Date().addingTimeInterval(timeLimit)
        let response: HTTPResponse
        switch await client.get(url, maximumBytes: client.limits.maximumFeedBytes, accept: FeedFetcher.feedAccept, scope: .userNamed) {
        case .failure(let failure): return .notChecked(failure.reason)
        case .success(let received): response = received
        }
        let parseError: FeedParseError
        do {
            let parsed = try FeedParser.parse(response.body, url: response.url)
            return .feed(DiscoveredFeed(url: url, title: parsed.title))
        } catch {
            parseError = error
        }
        guard FeedLinks.isHTML(response.body, contentType: response.header("Content-Type")) else {
            return .notChecked(parseError.description)
        }
        let scope = AddressScope.namedBy(response.remoteAddress, rule: client.addressRule)
        let named = FeedLinks.links(in: response.body, url: response.url, charset: Self.charset(response.header("Content-Type")))
        var readable: [DiscoveredFeed] = []
        for candidate in named.prefix(maximumCandidates) {
            if let feed = await read(candidate, scope: scope, deadline: deadline) { readable.append(feed) }
        }
        if readable.count == 1 { return .feed(readable[0]) }
        if readable.count > 1 { return .several(readable) }
        for path in FeedLinks.usualPaths {
            guard var components = URLComponents(url: response.url, resolvingAgainstBaseURL: true) else { break }
            components.path = path
            components.query = nil
            components.fragment = nil
            guard let candidate = components.url, candidate != response.url else { continue }
            if let feed = await read(DiscoveredFeed(url: candidate, title: nil), scope: scope, deadline: deadline) { return .feed(feed) }
        }
        let tried = named.isEmpty ? "it names no feed" : "the \(named.count == 1 ? "feed it names cannot" : "feeds it names cannot") be read"
        return .noFeed("no feed found at \(url.absoluteString): an HTML page, \(tried), and none of \(FeedLinks.usualPaths.prefix(4).joined(separator: ", ")) … is a feed")
    }

    /// `find`, waiting on the calling thread (the CLI). Never call it from an async context.
    public func findAndWait(_ url: URL) -> FeedLookup {
        waitForAsync { await self.find(url) } ?? .notChecked("cancelled")
    }

    /// The candidate with its feed's title when it is a feed that can be read, else nil.
    private func read(_ candidate: DiscoveredFeed, scope: AddressScope, deadline: Date) async -> DiscoveredFeed? {
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else { return nil }
        let result = await client.get(HTTPRequest(
            url: candidate.url, accept: FeedFetcher.feedAccept, maximumBytes: client.limits.maximumFeedBytes, scope: scope,
            totalTimeout: min(remaining, client.limits.totalTimeout)))
        guard case .success(let response) = result, let parsed = try? FeedParser.parse(response.body, url: response.url)
        else { return nil }
        let title = parsed.title.flatMap { $0.isEmpty ? nil : $0 } ?? candidate.title
        return DiscoveredFeed(url: candidate.url, title: title)
    }

    /// `text/html; charset=utf-8` → `utf-8`.
    static func charset(_ contentType: String?) -> String? {
        guard let contentType else { return nil }
        for part in contentType.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "charset" { return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
        }
        return nil
    }
}
