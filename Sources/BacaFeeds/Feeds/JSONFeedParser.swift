import BacaCore
import Foundation

/// JSON Feed 1.0 and 1.1 (`https://jsonfeed.org/version/1.1`), with `JSONDecoder`.
enum JSONFeedParser {
    struct Document: Decodable {
        var version: String?
        var title: String?
        var homePageURL: String?
        var feedURL: String?
        var items: [Item]?

        enum CodingKeys: String, CodingKey {
            case version, title, items
            case homePageURL = "home_page_url"
            case feedURL = "feed_url"
        }
    }

    struct Author: Decodable {
        var name: String?
    }

    struct Item: Decodable {
        var id: String?
        var url: String?
        var externalURL: String?
        var title: String?
        var contentHTML: String?
        var contentText: String?
        var summary: String?
        var datePublished: String?
        var dateModified: String?
        var authors: [Author]?
        var author: Author?

        enum CodingKeys: String, CodingKey {
            case id, url, title, summary, authors, author
            case externalURL = "external_url"
            case contentHTML = "content_html"
            case contentText = "content_text"
            case datePublished = "date_published"
            case dateModified = "date_modified"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            // The spec says a string; feeds in the wild send numbers too.
            if let text = try? container.decodeIfPresent(String.self, forKey: .id) {
                id = text
            } else if let number = try? container.decodeIfPresent(Int64.self, forKey: .id) {
                id = String(number)
            }
            url = try? container.decodeIfPresent(String.self, forKey: .url)
            externalURL = try? container.decodeIfPresent(String.self, forKey: .externalURL)
            title = try? container.decodeIfPresent(String.self, forKey: .title)
            contentHTML = try? container.decodeIfPresent(String.self, forKey: .contentHTML)
            contentText = try? container.decodeIfPresent(String.self, forKey: .contentText)
            summary = try? container.decodeIfPresent(String.self, forKey: .summary)
            datePublished = try? container.decodeIfPresent(String.self, forKey: .datePublished)
            dateModified = try? container.decodeIfPresent(String.self, forKey: .dateModified)
            authors = try? container.decodeIfPresent([Author].self, forKey: .authors)
            author = try? container.decodeIfPresent(Author.self, forKey: .author)
        }
    }

    static func parse(_ data: Data, url: URL?) throws(FeedParseError) -> ParsedFeed {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch let error as DecodingError {
            throw .malformed(describe(error))
        } catch {
            throw .malformed("not JSON")
        }
        guard let version = document.version, version.hasPrefix("https://jsonfeed.org/version/") else {
            throw .notAFeed("a JSON document without a jsonfeed.org version")
        }
        let base = FeedParser.resolve(document.feedURL, against: url) ?? url
        let items: [FeedItem] = (document.items ?? []).compactMap { entry in
            let summary: [String]
            if let html = entry.contentHTML {
                summary = FeedHTML.paragraphs(fromHTML: html)
            } else if let text = entry.contentText ?? entry.summary {
                summary = HTMLText.paragraphs(fromPlainText: text)
            } else {
                summary = []
            }
            let authors = (entry.authors ?? entry.author.map { [$0] } ?? []).compactMap(\.name)
                .map(Sanitizer.sanitizeLine).filter { !$0.isEmpty }
            let item = FeedItem(
                guid: entry.id.flatMap { nonEmpty($0.trimmingCharacters(in: .whitespacesAndNewlines)) },
                link: FeedParser.resolve(entry.url, against: base) ?? FeedParser.resolve(entry.externalURL, against: base),
                title: FeedText.title(entry.title ?? ""),
                summary: summary,
                published: (entry.datePublished ?? entry.dateModified).flatMap(FeedDate.init),
                author: authors.isEmpty ? nil : authors.joined(separator: ", "))
            if item.title.isEmpty && item.summary.isEmpty && item.link == nil { return nil }
            return item
        }
        return ParsedFeed(
            format: .jsonFeed,
            title: document.title.map(Sanitizer.sanitizeLine).flatMap(nonEmpty),
            siteURL: FeedParser.resolve(document.homePageURL, against: base),
            items: items)
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "bad value at \(path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "unexpected value at \(path(context.codingPath))"
        case .keyNotFound(let key, _):
            return "missing \(key.stringValue)"
        @unknown default:
            return "not a JSON feed"
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
