import BacaCore
import Foundation

/// The formats baca reads.
public enum FeedFormat: String, Sendable, Equatable {
    case rss2 = "RSS 2.0"
    case rdf = "RSS 1.0"
    case atom = "Atom 1.0"
    case atom03 = "Atom 0.3"
    /// Microsoft's Channel Definition Format, which feedparser reads too.
    case cdf = "CDF"
    case jsonFeed = "JSON Feed"
}

/// A feed as read: its title and site, and its items in the feed's order, duplicates removed.
public struct ParsedFeed: Sendable, Equatable {
    public var format: FeedFormat
    public var title: String?
    public var siteURL: URL?
    public var items: [FeedItem]
    /// The document was not well-formed XML and was read in recover mode: what it held is
    /// here, but something may be missing (`repairNote` says what was wrong first).
    public var repaired = false
    public var repairNote: String?

    public init(format: FeedFormat, title: String?, siteURL: URL?, items: [FeedItem]) {
        self.format = format
        self.title = title
        self.siteURL = siteURL
        self.items = items
    }
}

/// One item (entry) of a feed. Every text is sanitised; `summary` is plain text, whatever
/// HTML the feed had.
public struct FeedItem: Sendable, Equatable, Hashable {
    public var guid: String?
    /// Absolute, `http` or `https` only.
    public var link: URL?
    public var title: String
    /// The description or content as the feed wrote it; `summary` is its text.
    public var body: FeedItemBody
    public var published: FeedDate?
    public var author: String?
    /// The item's picture (`media:thumbnail`, an image `media:content` or enclosure): absolute,
    /// `http` or `https` only.
    public var imageURL: URL?

    public init(
        guid: String? = nil, link: URL? = nil, title: String, summary: [String] = [], published: FeedDate? = nil,
        author: String? = nil, imageURL: URL? = nil
    ) {
        self.init(guid: guid, link: link, title: title, body: FeedItemBody(paragraphs: summary), published: published,
                  author: author, imageURL: imageURL)
    }

    init(guid: String?, link: URL?, title: String, body: FeedItemBody, published: FeedDate?, author: String?, imageURL: URL?) {
        self.imageURL = imageURL
        self.guid = guid
        self.link = link
        self.title = title
        self.body = body
        self.published = published
        self.author = author
    }

    /// The description or content as paragraphs of plain text, sanitised. Worked out from the
    /// feed's HTML each time it is read: read it once (as `summaryArticle` does).
    public var summary: [String] {
        get { body.paragraphs }
        set { body = FeedItemBody(paragraphs: newValue) }
    }

    /// What identifies the item in its feed: its guid, else its link, else its title and date.
    public var key: String {
        if let guid, !guid.isEmpty { return "guid:" + guid }
        if let link { return "link:" + link.absoluteString }
        let date = published.map { String(Int64($0.date.timeIntervalSince1970)) } ?? ""
        return "title:" + title + "|" + date
    }

    /// The article the item is when its page cannot be read: its title, date, author and text.
    /// An item without a title (a microblog post: valid RSS) gets one made from its text,
    /// marked `titleDerived`.
    public var summaryArticle: Article {
        let summary = self.summary
        var article = Article(
            title: title, publishedAt: published?.publishedDate, author: author,
            sections: summary.isEmpty ? [] : [Section(blocks: summary.map(Block.paragraph))])
        article.link = link?.absoluteString
        if let address = imageURL.flatMap({ ImageCaption.acceptedURL($0.absoluteString) }) {
            article.heroImage = ImageCaption(caption: "", url: address)
        }
        if title.isEmpty {
            article.title = DerivedTitle.make(from: summary) ?? link.map(DerivedTitle.make(from:)) ?? "(tanpa judul)"
            article.titleDerived = true
        }
        return article
    }
}

/// An item's text as its feed wrote it (HTML or plain text), turned into paragraphs of plain
/// text only when `paragraphs` is read.
///
/// Lazy because a feed is parsed whole at every fetch, but only its new items become articles:
/// turning every item's HTML into text at parse time was half the cost of parsing a feed
/// (`baca-bench feed-parse`, docs/PERFORMANCE.md), spent mostly on items already stored.
public struct FeedItemBody: Sendable, Hashable {
    enum Source: Sendable, Hashable {
        case paragraphs([String])
        /// The item's texts in order of preference (content, summary, the other vocabularies'
        /// descriptions): the first that gives any text is the body.
        case candidates([FeedTreeReader.Text])
    }

    var source: Source

    public init(paragraphs: [String]) { source = .paragraphs(paragraphs) }

    init(candidates: [FeedTreeReader.Text]) {
        source = candidates.isEmpty ? .paragraphs([]) : .candidates(candidates)
    }

    /// Paragraphs of plain text, sanitised: the first candidate that has any.
    public var paragraphs: [String] {
        switch source {
        case .paragraphs(let paragraphs):
            return paragraphs
        case .candidates(let candidates):
            for candidate in candidates {
                let paragraphs = FeedTreeReader.paragraphs(candidate)
                if !paragraphs.isEmpty { return paragraphs }
            }
            return []
        }
    }
}

/// Why a feed could not be read. `description` is one line.
public enum FeedParseError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case malformed(String)
    case notAFeed(String)
    case tooLarge(bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .empty: return "empty feed"
        case .malformed(let detail): return "malformed feed (\(detail))"
        case .notAFeed(let detail): return "not a feed (\(detail))"
        case .tooLarge(let bytes, let limit): return "feed too large (\(bytes) bytes; the limit is \(limit))"
        }
    }
}

/// Reads RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0, CDF and JSON Feed 1.0/1.1.
public enum FeedParser {
    public static let maximumBytes = 16 * 1024 * 1024

    /// The feed in `data`, fetched from `url` (relative links resolve against it, or against
    /// an `xml:base`). `charset` is the HTTP header's; a BOM wins over it, and it wins over the
    /// XML prolog.
    public static func parse(_ data: Data, url: URL?, charset: String? = nil) throws(FeedParseError) -> ParsedFeed {
        guard data.count <= maximumBytes else { throw .tooLarge(bytes: data.count, limit: maximumBytes) }
        var start = data.startIndex
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        while start < data.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(data[start]) { start += 1 }
        guard start < data.endIndex else { throw .empty }
        var feed: ParsedFeed
        if data[start] == UInt8(ascii: "{") {
            feed = try JSONFeedParser.parse(data, url: url)
        } else {
            feed = try XMLFeedParser.parse(data, url: url, charset: charset)
        }
        feed.items = deduplicated(feed.items)
        return feed
    }

    /// The items without repeats: by guid, then link, then title and date; the first wins.
    public static func deduplicated(_ items: [FeedItem]) -> [FeedItem] {
        var seen = Set<String>()
        return items.filter { seen.insert($0.key).inserted }
    }

    /// `link` made absolute against `base`; `nil` unless `http` or `https`.
    static func resolve(_ link: String?, against base: URL?) -> URL? {
        guard let link else { return nil }
        return PageMetadata.httpURL(link, relativeTo: base)
    }
}
