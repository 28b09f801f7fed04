import BacaCore
import BacaStore
import Foundation

/// The JSON shape scripts rely on (`design.md`): add fields freely, never rename.
struct ArticleDocument: Encodable {
    var id: Int64
    var title: String
    var location: String?
    var outlet: String?
    var publishedAt: String?
    var author: String?
    var editor: String?
    var heroImage: ImageCaption?
    var keyPoints: [String]
    var sections: [Section]?
    var sources: [String]?
    var topics: [String]?
    var disclaimer: String?
    var wordCount: Int
    var readingMinutes: Int
    var read: Bool
    var starred: Bool
    var importedAt: String
    var sourcePath: String?
    /// List rows only: the article holds a feed's summary, its page not read yet.
    var summaryOnly: Bool?
    /// Where it came from: the link its feed gave, its page's canonical URL, its feed.
    var link: String?
    var url: String?
    var feed: FeedReference?
    /// The source gave no title: `title` was made from the text.
    var titleDerived = false

    /// A feed, as an article's JSON names it.
    struct FeedReference: Encodable {
        var id: Int64
        /// The title shown for the feed: the user's, else the feed's own.
        var title: String?
        /// The title the feed gives itself.
        var feedTitle: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(title, forKey: .title)
            try container.encode(feedTitle, forKey: .feedTitle)
        }

        enum CodingKeys: String, CodingKey { case id, title, feedTitle }
    }

    init(_ stored: StoredArticle, includeSections: Bool = true) {
        let article = stored.article
        id = stored.id
        title = article.title
        location = article.location
        outlet = article.outlet
        publishedAt = article.publishedAt?.iso
        author = article.author
        editor = article.editor
        link = article.link
        titleDerived = article.titleDerived == true
        heroImage = article.heroImage
        keyPoints = article.keyPoints
        sections = includeSections ? article.sections : nil
        sources = article.sources
        topics = article.topics
        disclaimer = article.disclaimer
        wordCount = article.wordCount
        readingMinutes = article.readingMinutes
        read = stored.state.read
        starred = stored.state.starred
        importedAt = ISO8601DateFormatter().string(from: stored.importedAt)
        sourcePath = stored.sourcePath
    }

    init(_ summary: ArticleSummary) {
        id = summary.id
        title = summary.title
        publishedAt = summary.publishedAt?.iso
        location = summary.location
        keyPoints = summary.keyPoints
        wordCount = summary.wordCount
        readingMinutes = max(1, Int((Double(summary.wordCount) / 200).rounded()))
        read = summary.read
        starred = summary.starred
        importedAt = ISO8601DateFormatter().string(from: summary.importedAt)
        summaryOnly = summary.summaryOnly
    }

    /// Adds the canonical URL and the feed, which the repository keeps beside the article.
    mutating func addProvenance(from store: ArticleStore) throws {
        guard let provenance = try store.provenance(ofArticle: id) else { return }
        url = provenance.url
        link = link ?? provenance.url
        feed = provenance.feedId.map { FeedReference(id: $0, title: provenance.feedTitle, feedTitle: provenance.feedOwnTitle) }
    }

    enum CodingKeys: String, CodingKey {
        case id, title, location, outlet, publishedAt, author, editor, heroImage, keyPoints, sections
        case sources, topics, disclaimer, wordCount, readingMinutes, read, starred, importedAt, sourcePath, summaryOnly
        case link, url, feed, titleDerived
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        // Absent values are `null`, so that scripts always find the key.
        try container.encode(location, forKey: .location)
        try container.encode(outlet, forKey: .outlet)
        try container.encode(publishedAt, forKey: .publishedAt)
        try container.encode(author, forKey: .author)
        try container.encode(editor, forKey: .editor)
        try container.encode(heroImage, forKey: .heroImage)
        try container.encode(keyPoints, forKey: .keyPoints)
        try container.encodeIfPresent(sections, forKey: .sections)
        try container.encodeIfPresent(sources, forKey: .sources)
        try container.encodeIfPresent(topics, forKey: .topics)
        if sources != nil { try container.encode(disclaimer, forKey: .disclaimer) }
        try container.encode(wordCount, forKey: .wordCount)
        try container.encode(readingMinutes, forKey: .readingMinutes)
        try container.encode(read, forKey: .read)
        try container.encode(starred, forKey: .starred)
        try container.encode(importedAt, forKey: .importedAt)
        try container.encodeIfPresent(sourcePath, forKey: .sourcePath)
        try container.encodeIfPresent(summaryOnly, forKey: .summaryOnly)
        try container.encode(link, forKey: .link)
        try container.encode(url, forKey: .url)
        try container.encode(feed, forKey: .feed)
        try container.encode(titleDerived, forKey: .titleDerived)
    }
}

/// One line of JSON for each value.
enum JSONOutput {
    static func line<T: Encodable>(_ value: T, pretty: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        // Sorted keys: the same article prints the same line every time.
        encoder.outputFormatting = pretty ? [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys] : [.withoutEscapingSlashes, .sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
