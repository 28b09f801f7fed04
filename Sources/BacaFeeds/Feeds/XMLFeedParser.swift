import BacaCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// RSS 2.0, RSS 1.0 (RDF) and Atom 1.0, read in one streaming pass with `XMLParser` (SAX
/// events; no tree of the document is built). External entities are never resolved.
enum XMLFeedParser {
    static func parse(_ data: Data, url: URL?) throws(FeedParseError) -> ParsedFeed {
        do {
            return try parseXML(data, url: url)
        } catch .malformed(let detail) where detail.contains("invalid character") {
            // Control characters are not XML, but feeds carry them: read the text sanitised
            // (escape sequences removed whole) when it is UTF-8.
            guard let text = String(validating: data, as: UTF8.self) else { throw .malformed(detail) }
            return try parseXML(Data(Sanitizer.sanitize(text).utf8), url: url)
        }
    }

    private static func parseXML(_ data: Data, url: URL?) throws(FeedParseError) -> ParsedFeed {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let reader = XMLFeedReader(baseURL: url)
        parser.delegate = reader
        let parsed = parser.parse()
        if let failure = reader.failure { throw failure }
        // XMLParser recovers from some errors and still returns `true` (on Linux): any error
        // reported makes the feed malformed.
        if let error = reader.firstError ?? (parsed ? nil : parser.parserError.map { ($0, parser.lineNumber) }) {
            throw .malformed("line \(error.line): \(Self.describe(error.error))")
        }
        guard parsed, reader.format != nil else {
            if reader.format == nil { throw .notAFeed("no rss, RDF or Atom feed element") }
            throw .malformed("line \(parser.lineNumber)")
        }
        // HTML is read only now: libxml2, under both parsers, would report the HTML parser's
        // complaints to the XML parser's error handler.
        return reader.finishedFeed()
    }

    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        // NSXMLParserErrorDomain codes, which are libxml2's.
        switch nsError.code {
        case 4: return "empty document"
        case 5: return "the document ends too early"
        case 9: return "invalid character"
        case 26, 27: return "undefined entity"
        case 76: return "mismatched closing tag"
        case 89, 95: return "entity loop"
        default: return "XML error \(nsError.code)"
        }
    }
}

/// The delegate: a small state machine over the element stack.
final class XMLFeedReader: NSObject, XMLParserDelegate {
    static let atomNamespace = "http://www.w3.org/2005/Atom"
    static let rdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rss1Namespace = "http://purl.org/rss/1.0/"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let contentModule = "http://purl.org/rss/1.0/modules/content/"
    static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"

    let feedURL: URL?
    private(set) var format: FeedFormat?
    private(set) var failure: FeedParseError?
    private(set) var feed = ParsedFeed(format: .rss2, title: nil, siteURL: nil, items: [])
    /// The feed's raw title and its items' drafts, turned into text by `finishedFeed()`.
    private var rawTitle: String?
    private var drafts: [ItemDraft] = []

    /// Open elements: (namespace, local name), and the `xml:base` in force inside each.
    private var stack: [(namespace: String, name: String, base: URL?)] = []
    private var text = ""
    private var item: ItemDraft?
    /// Inside an Atom `content`/`summary` of type `xhtml`: its markup, rebuilt.
    private var xhtmlDepth = 0
    private var xhtml = ""

    struct ItemDraft {
        var guid: String?
        var link: URL?
        var alternateLink: URL?
        var title = ""
        var summaryHTML: String?
        var summaryIsText = false
        var contentHTML: String?
        var contentIsText = false
        var published: FeedDate?
        var updated: FeedDate?
        var author: String?
    }

    init(baseURL: URL?) {
        self.feedURL = baseURL
    }

    private var base: URL? { stack.last?.base ?? feedURL }

    private var maximumItems: Int { 10_000 }

    // MARK: Events

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let namespace = namespaceURI ?? ""
        if xhtmlDepth > 0 {
            xhtmlDepth += 1
            xhtml += "<\(name)>"
            return
        }
        if stack.isEmpty {
            switch (namespace, name) {
            case ("", "rss"): format = .rss2
            case (Self.rdfNamespace, "RDF"): format = .rdf
            case (Self.atomNamespace, "feed"): format = .atom
            default:
                failure = .notAFeed("the document is <\(qualifiedName ?? name)>, not rss, RDF or an Atom feed")
                parser.abortParsing()
                return
            }
            feed.format = format!
        }
        var elementBase = base
        if let xmlBase = attributes["xml:base"] ?? attributes["base"], let resolved = URL(string: xmlBase, relativeTo: base) {
            elementBase = resolved.absoluteURL
        }
        stack.append((namespace, name, elementBase))
        text = ""

        switch format {
        case .atom:
            startAtom(name, namespace: namespace, attributes: attributes)
        case .rss2, .rdf:
            if name == "item" && (namespace == "" || namespace == Self.rss1Namespace) {
                item = ItemDraft()
                if let about = attributes["rdf:about"] ?? attributes["about"] { item?.guid = about }
            }
        case .jsonFeed, nil:
            break
        }
    }

    private func startAtom(_ name: String, namespace: String, attributes: [String: String]) {
        guard namespace == Self.atomNamespace else { return }
        switch name {
        case "entry":
            item = ItemDraft()
        case "link":
            let rel = attributes["rel"] ?? "alternate"
            guard rel == "alternate", let href = attributes["href"] else { return }
            let url = FeedParser.resolve(href, against: base)
            if item != nil {
                if item?.alternateLink == nil { item?.alternateLink = url }
            } else if feed.siteURL == nil {
                feed.siteURL = url
            }
        case "content", "summary", "title":
            let type = (attributes["type"] ?? "text").lowercased()
            if type == "xhtml" {
                xhtmlDepth = 1
                xhtml = ""
            }
            if item != nil {
                let isText = type == "text" || type == "text/plain"
                if name == "content" { item?.contentIsText = isText }
                if name == "summary" { item?.summaryIsText = isText }
            }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if xhtmlDepth > 0 {
            xhtml += string.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        } else {
            text += string
        }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        let string = String(decoding: block, as: UTF8.self)
        if xhtmlDepth > 0 { xhtml += string } else { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if xhtmlDepth > 1 {
            xhtmlDepth -= 1
            xhtml += "</\(name)>"
            return
        }
        let namespace = namespaceURI ?? ""
        var value = text
        if xhtmlDepth == 1 {
            xhtmlDepth = 0
            value = xhtml
        }
        defer {
            text = ""
            if !stack.isEmpty { stack.removeLast() }
        }
        switch format {
        case .atom: endAtom(name, namespace: namespace, value: value)
        case .rss2, .rdf: endRSS(name, namespace: namespace, value: value)
        case .jsonFeed, nil: break
        }
    }

    /// The first error the parser reported, and its line.
    private(set) var firstError: (error: any Error, line: Int)?

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if firstError == nil { firstError = (parseError, parser.lineNumber) }
    }

    // MARK: RSS 2.0 and RDF

    private var parentName: String? { stack.count >= 2 ? stack[stack.count - 2].name : nil }

    private func endRSS(_ name: String, namespace: String, value: String) {
        let plain = namespace == "" || namespace == Self.rss1Namespace
        if item != nil {
            switch (plain, namespace, name) {
            case (true, _, "item"):
                finishItem()
            case (true, _, "title"):
                item?.title = value
            case (true, _, "link"):
                item?.link = FeedParser.resolve(value.trimmingCharacters(in: .whitespacesAndNewlines), against: base)
            case (true, _, "guid"):
                let guid = value.trimmingCharacters(in: .whitespacesAndNewlines)
                if !guid.isEmpty { item?.guid = guid }
            case (true, _, "description"):
                item?.summaryHTML = value
            case (_, Self.contentModule, "encoded"):
                item?.contentHTML = value
            case (true, _, "pubDate"), (_, Self.dublinCore, "date"):
                if item?.published == nil { item?.published = FeedDate(value) }
            case (true, _, "author"), (_, Self.dublinCore, "creator"):
                let author = Sanitizer.sanitizeLine(value)
                if !author.isEmpty, item?.author == nil { item?.author = author }
            default:
                break
            }
            return
        }
        guard plain, parentName == "channel" else { return }
        switch name {
        case "title": rawTitle = rawTitle ?? value
        case "link": feed.siteURL = feed.siteURL ?? FeedParser.resolve(value.trimmingCharacters(in: .whitespacesAndNewlines), against: feedURL)
        default: break
        }
    }

    // MARK: Atom

    private func endAtom(_ name: String, namespace: String, value: String) {
        guard namespace == Self.atomNamespace else { return }
        if item != nil {
            switch name {
            case "entry": finishItem()
            case "title": if parentName == "entry" { item?.title = value }
            case "id": if parentName == "entry" { item?.guid = nonEmpty(value.trimmingCharacters(in: .whitespacesAndNewlines)) }
            case "summary": item?.summaryHTML = value
            case "content": item?.contentHTML = value
            case "published": item?.published = FeedDate(value)
            case "updated": item?.updated = FeedDate(value)
            case "name":
                if parentName == "author", item?.author == nil { item?.author = nonEmpty(Sanitizer.sanitizeLine(value)) }
            default: break
            }
            return
        }
        if name == "title", parentName == "feed" { rawTitle = value }
    }

    // MARK: Items

    private func finishItem() {
        guard let draft = item else { return }
        item = nil
        if drafts.count < maximumItems { drafts.append(draft) }
    }

    /// The feed with its texts read: HTML turned into paragraphs, everything sanitised.
    func finishedFeed() -> ParsedFeed {
        var result = feed
        result.title = rawTitle.map(Self.titleText).flatMap(nonEmpty)
        result.items = drafts.compactMap { draft in
            let contentIsText = draft.contentHTML != nil ? draft.contentIsText : draft.summaryIsText
            let body = draft.contentHTML ?? draft.summaryHTML ?? ""
            let summary = contentIsText ? HTMLText.paragraphs(fromPlainText: body) : HTMLText.paragraphs(fromHTML: body)
            let link = draft.link ?? draft.alternateLink
                ?? (format == .rss2 ? draft.guid.flatMap { PageMetadata.httpURL($0, relativeTo: nil) } : nil)
            let feedItem = FeedItem(
                guid: draft.guid, link: link, title: Self.titleText(draft.title), summary: summary,
                published: draft.published ?? draft.updated, author: draft.author)
            if feedItem.title.isEmpty && feedItem.summary.isEmpty && feedItem.link == nil { return nil }
            return feedItem
        }
        return result
    }

    /// A title may carry escaped markup (`Harga &lt;b&gt;naik&lt;/b&gt;`): read as HTML when it has tags.
    static func titleText(_ value: String) -> String {
        if value.contains("<") && value.contains(">") {
            return Sanitizer.sanitizeLine(HTMLText.paragraphs(fromHTML: value).joined(separator: " "))
        }
        return Sanitizer.sanitizeLine(value)
    }
}
