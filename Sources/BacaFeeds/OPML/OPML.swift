import BacaCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A subscription as OPML lists it.
public struct OPMLFeed: Sendable, Equatable {
    public var url: String
    public var title: String?
    public var tags: [String]

    public init(url: String, title: String? = nil, tags: [String] = []) {
        self.url = url
        self.title = title
        self.tags = tags
    }
}

/// OPML 2.0 subscription lists: tags are outline folders.
///
/// Reading: every `outline` with an `xmlUrl` is a feed; the folders it sits in (outlines
/// without `xmlUrl`) and its `category` attribute (`/news,/tech`) are its tags. A feed listed
/// in several folders is one feed with all their tags.
///
/// Writing: a folder per tag holding its feeds (a feed with two tags is in both folders), then
/// the feeds without tags.
public enum OPML {
    public static func parse(_ data: Data) throws(FeedParseError) -> [OPMLFeed] {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        let reader = OPMLReader()
        parser.delegate = reader
        let parsed = parser.parse()
        guard parsed else {
            let detail = parser.parserError.map { "line \(parser.lineNumber): \(XMLFeedParser.describe($0))" } ?? "line \(parser.lineNumber)"
            throw reader.sawRoot ? .malformed(detail) : .notAFeed("not an OPML file")
        }
        guard reader.sawRoot else { throw .notAFeed("not an OPML file") }
        return reader.feeds
    }

    public static func document(title: String, feeds: [OPMLFeed], created: Date = Date()) -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<opml version="2.0">"#,
            "  <head>",
            "    <title>\(escape(title))</title>",
            "    <dateCreated>\(rfc822(created))</dateCreated>",
            "  </head>",
            "  <body>",
        ]
        func outline(_ feed: OPMLFeed, indent: String) -> String {
            let text = escape(feed.title ?? feed.url)
            return "\(indent)<outline type=\"rss\" text=\"\(text)\" title=\"\(text)\" xmlUrl=\"\(escape(feed.url))\"/>"
        }
        var tags: [String] = []
        for feed in feeds { for tag in feed.tags where !tags.contains(tag) { tags.append(tag) } }
        for tag in tags {
            lines.append("    <outline text=\"\(escape(tag))\" title=\"\(escape(tag))\">")
            for feed in feeds where feed.tags.contains(tag) { lines.append(outline(feed, indent: "      ")) }
            lines.append("    </outline>")
        }
        for feed in feeds where feed.tags.isEmpty { lines.append(outline(feed, indent: "    ")) }
        lines += ["  </body>", "</opml>", ""]
        return lines.joined(separator: "\n")
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n": result += "&#10;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func rfc822(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}

final class OPMLReader: NSObject, XMLParserDelegate {
    private(set) var feeds: [OPMLFeed] = []
    private(set) var sawRoot = false
    /// For each open `outline`: the folder name it opens, or `nil` for a feed.
    private var folders: [String?] = []
    private var depth = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        depth += 1
        if depth == 1 {
            sawRoot = name.lowercased() == "opml"
            if !sawRoot { parser.abortParsing() }
            return
        }
        guard name == "outline" else { return }
        let attribute = { (key: String) -> String? in
            attributes.first { $0.key.lowercased() == key.lowercased() }?.value
        }
        let title = (attribute("title") ?? attribute("text")).map(Sanitizer.sanitizeLine).flatMap(nonEmpty)
        guard let url = attribute("xmlUrl")?.trimmingCharacters(in: .whitespacesAndNewlines), !url.isEmpty else {
            folders.append(title ?? "")
            return
        }
        folders.append(nil)
        var tags = folders.compactMap { $0 }.filter { !$0.isEmpty }
        for category in (attribute("category") ?? "").split(separator: ",") {
            for part in category.split(separator: "/") {
                let tag = Sanitizer.sanitizeLine(String(part))
                if !tag.isEmpty && !tags.contains(tag) { tags.append(tag) }
            }
        }
        if let index = feeds.firstIndex(where: { $0.url == url }) {
            for tag in tags where !feeds[index].tags.contains(tag) { feeds[index].tags.append(tag) }
        } else {
            feeds.append(OPMLFeed(url: url, title: title, tags: tags))
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        if name == "outline", !folders.isEmpty { folders.removeLast() }
    }
}
