import BacaCore
import CLibXML2
import Foundation

/// A feed's facts out of libxml2's tree, as feedparser reads them: the format from the root
/// element, then each item's title, link, text, date and author from whichever vocabulary
/// gives them (RSS, Atom 0.3/1.0, Dublin Core, `dcterms:`, `content:`, `media:`, iTunes, CDF).
struct FeedTreeReader {
    let feedURL: URL?
    static let maximumItems = 10_000

    /// A text construct: its value and whether that value is HTML, plain text, or unknown
    /// (an RSS title: HTML when it looks like it).
    struct Text: Sendable, Hashable {
        enum Kind: Sendable, Hashable { case text, html, guess }
        var value: String
        var kind: Kind
    }

    /// What an item gave, before it is turned into text.
    struct Draft {
        var guid: String?
        var guidIsPermalink = true
        var link: URL?
        var alternateLink: URL?
        var title: Text?
        var fallbackTitles: [Text] = []
        var summary: Text?
        var fallbackSummaries: [Text] = []
        var content: Text?
        var published: FeedDate?
        var updated: FeedDate?
        var author: String?
        /// An enclosure's or `media:content`'s URL: the link of an item that has no other
        /// (a podcast episode, a photo post).
        var mediaLink: URL?
        /// The first picture among the item's `media:thumbnail`, `media:content` and enclosures.
        var imageURL: URL?
    }

    func read(root: xmlNodePtr) throws(FeedParseError) -> ParsedFeed {
        let vocabulary = FeedTree.vocabulary(of: root)
        let name = FeedTree.name(of: root)
        switch (vocabulary, name) {
        case (.plain, "rss"):
            return readRSS(root: root, format: .rss2)
        case (.rdf, "rdf"), (.plain, "rdf"):
            return readRSS(root: root, format: .rdf)
        case (.plain, "channel"):
            return readRSS(root: root, format: .cdf)
        case (.atom10, "feed"):
            return readAtom(root: root, format: .atom)
        case (.atom03, "feed"), (.plain, "feed"):
            return readAtom(root: root, format: .atom03)
        default:
            let shown = root.pointee.name.map { String(cString: $0) } ?? "?"
            throw .notAFeed("the document is <\(Sanitizer.sanitizeLine(String(shown.prefix(40))))>, not rss, RDF or an Atom feed")
        }
    }

    // MARK: RSS, RDF and CDF

    private func readRSS(root: xmlNodePtr, format: FeedFormat) -> ParsedFeed {
        var feed = ParsedFeed(format: format, title: nil, siteURL: nil, items: [])
        let channel = format == .cdf ? root : FeedTree.children(of: root).first { isPlain($0, "channel") }
        var feedTitle: Text?
        var feedDCTitle: Text?
        if let channel {
            for child in FeedTree.children(of: channel) {
                switch (FeedTree.vocabulary(of: child), FeedTree.name(of: child)) {
                case (.plain, "title"): if feedTitle == nil { feedTitle = text(child, default: .guess) }
                case (.dc, "title"): if feedDCTitle == nil { feedDCTitle = text(child, default: .guess) }
                case (.plain, "link"):
                    if feed.siteURL == nil { feed.siteURL = resolve(FeedTree.text(of: child), at: child) }
                case (.atom10, "link"), (.atom03, "link"):
                    break
                default: break
                }
            }
            if format == .cdf, feed.siteURL == nil, let href = FeedTree.attribute("href", of: channel) {
                feed.siteURL = resolve(href, at: channel)
            }
        }
        feed.title = (feedTitle ?? feedDCTitle).map(Self.line).flatMap(nonEmpty)
        var drafts: [Draft] = []
        collectItems(in: root, depth: 0, into: &drafts)
        feed.items = drafts.compactMap { finish($0, format: format) }
        return feed
    }

    private func isPlain(_ node: xmlNodePtr, _ name: String) -> Bool {
        FeedTree.vocabulary(of: node) == .plain && FeedTree.name(of: node) == name
    }

    /// Items wherever RSS dialects put them: in the channel (RSS 2.0), beside it (RDF), in
    /// nested channels (CDF).
    private func collectItems(in node: xmlNodePtr, depth: Int, into drafts: inout [Draft]) {
        guard depth < 4 else { return }
        for child in FeedTree.children(of: node) {
            guard drafts.count < Self.maximumItems else { return }
            if isPlain(child, "item") {
                readRSSItems(child, into: &drafts)
            } else if FeedTree.vocabulary(of: child) == .plain {
                collectItems(in: child, depth: depth + 1, into: &drafts)
            }
        }
    }

    /// The names of an RSS item's own fields, whatever their vocabulary.
    static let rssFieldNames: Set<String> = [
        "title", "link", "description", "guid", "pubdate", "author", "category", "comments", "enclosure", "source",
        "encoded", "creator", "date", "content", "summary",
    ]

    /// An item, and the items a missing close tag nested in it.
    private func readRSSItems(_ item: xmlNodePtr, into drafts: inout [Draft], depth: Int = 0) {
        let (fields, nested) = FeedTree.fields(of: item, itemName: "item", fieldNames: Self.rssFieldNames)
        drafts.append(readRSSItem(item, fields: fields))
        guard depth < 100 else { return }
        for inner in nested where drafts.count < Self.maximumItems {
            readRSSItems(inner, into: &drafts, depth: depth + 1)
        }
    }

    private func readRSSItem(_ item: xmlNodePtr, fields: [xmlNodePtr]) -> Draft {
        var draft = Draft()
        if let about = FeedTree.attribute("about", of: item) { draft.guid = nonEmpty(about.trimmedWhitespace) }
        // CDF: `<ITEM HREF="…" LASTMOD="…">`.
        if let href = FeedTree.attribute("href", of: item) { draft.link = resolve(href, at: item) }
        if let modified = FeedTree.attribute("lastmod", of: item) { draft.updated = FeedDate(modified) }
        for child in fields {
            let vocabulary = FeedTree.vocabulary(of: child)
            let name = FeedTree.name(of: child)
            switch (vocabulary, name) {
            case (.plain, "title"):
                if draft.title == nil { draft.title = text(child, default: .guess, skipping: Self.rssFieldNames) }
            case (.plain, "link"):
                if draft.link == nil {
                    let value = FeedTree.text(of: child, skipping: Self.rssFieldNames).trimmedWhitespace
                    draft.link = resolve(value.isEmpty ? FeedTree.attribute("href", of: child) ?? "" : value, at: child)
                }
            case (.plain, "guid"):
                let guid = FeedTree.text(of: child).trimmedWhitespace
                if !guid.isEmpty {
                    draft.guid = guid
                    draft.guidIsPermalink = FeedTree.attribute("ispermalink", of: child)?.lowercased() != "false"
                }
            case (.plain, "description"), (.plain, "abstract"):
                if draft.summary == nil { draft.summary = text(child, default: .html) }
            case (.content, "encoded"), (.plain, "fullitem"):
                if draft.content == nil { draft.content = text(child, default: .html) }
            case (.xhtml, "body"), (.plain, "body"), (.xhtml, "div"):
                if draft.content == nil { draft.content = Text(value: FeedTree.innerMarkup(of: child), kind: .html) }
            case (.plain, "pubdate"):
                if draft.published == nil { draft.published = FeedDate(FeedTree.text(of: child)) }
            case (.plain, "author"):
                if draft.author == nil { draft.author = authorText(FeedTree.text(of: child)) }
            case (.plain, "enclosure"):
                if draft.mediaLink == nil, let url = FeedTree.attribute("url", of: child) { draft.mediaLink = resolve(url, at: child) }
                noteImage(child, thumbnail: false, into: &draft)
            default:
                readShared(child, vocabulary: vocabulary, name: name, into: &draft)
            }
        }
        return draft
    }

    // MARK: Atom 0.3 and 1.0

    private func readAtom(root: xmlNodePtr, format: FeedFormat) -> ParsedFeed {
        var feed = ParsedFeed(format: format, title: nil, siteURL: nil, items: [])
        var drafts: [Draft] = []
        var feedTitle: Text?
        var feedDCTitle: Text?
        for child in FeedTree.children(of: root) {
            let vocabulary = FeedTree.vocabulary(of: child)
            let name = FeedTree.name(of: child)
            let isAtom = vocabulary == .atom10 || vocabulary == .atom03 || vocabulary == .plain
            if isAtom && name == "entry" {
                if drafts.count < Self.maximumItems { drafts.append(readAtomEntry(child)) }
            } else if isAtom && name == "title" {
                if feedTitle == nil { feedTitle = text(child, default: .text) }
            } else if isAtom && name == "link" {
                if feed.siteURL == nil, let link = alternateLink(child) { feed.siteURL = link }
            } else if vocabulary == .dc && name == "title" {
                if feedDCTitle == nil { feedDCTitle = text(child, default: .guess) }
            }
        }
        feed.title = (feedTitle ?? feedDCTitle).map(Self.line).flatMap(nonEmpty)
        feed.items = drafts.compactMap { finish($0, format: format) }
        return feed
    }

    private func readAtomEntry(_ entry: xmlNodePtr) -> Draft {
        var draft = Draft()
        for child in FeedTree.children(of: entry) {
            let vocabulary = FeedTree.vocabulary(of: child)
            let name = FeedTree.name(of: child)
            guard vocabulary == .atom10 || vocabulary == .atom03 || vocabulary == .plain else {
                readShared(child, vocabulary: vocabulary, name: name, into: &draft)
                continue
            }
            switch name {
            case "title":
                if draft.title == nil { draft.title = text(child, default: .text) }
            case "link":
                if draft.alternateLink == nil, let link = alternateLink(child) { draft.alternateLink = link }
            case "id":
                draft.guid = nonEmpty(FeedTree.text(of: child).trimmedWhitespace)
                draft.guidIsPermalink = false
            case "summary":
                if draft.summary == nil { draft.summary = text(child, default: .text) }
            case "content":
                if draft.content == nil, FeedTree.attribute("src", of: child) == nil { draft.content = text(child, default: .text) }
            case "published", "issued", "created":
                if draft.published == nil { draft.published = FeedDate(FeedTree.text(of: child)) }
            case "updated", "modified":
                if draft.updated == nil { draft.updated = FeedDate(FeedTree.text(of: child)) }
            case "author":
                if draft.author == nil { draft.author = atomPerson(child) }
            default:
                break
            }
        }
        return draft
    }

    /// `rel="alternate"` (or none), resolved against the link's `xml:base`.
    private func alternateLink(_ link: xmlNodePtr) -> URL? {
        let rel = (FeedTree.attribute("rel", of: link) ?? "alternate").trimmingCharacters(in: .whitespaces).lowercased()
        guard rel == "alternate" || rel.isEmpty, let href = FeedTree.attribute("href", of: link) else { return nil }
        return resolve(href, at: link)
    }

    /// `Name (email)`, `Name` or `email`, as feedparser writes an Atom person.
    private func atomPerson(_ person: xmlNodePtr) -> String? {
        var name: String?
        var email: String?
        for child in FeedTree.children(of: person) {
            switch FeedTree.name(of: child) {
            case "name": name = nonEmpty(Sanitizer.sanitizeLine(FeedTree.text(of: child)))
            case "email": email = nonEmpty(Sanitizer.sanitizeLine(FeedTree.text(of: child)))
            default: break
            }
        }
        if let name, let email { return "\(name) (\(email))" }
        return name ?? email ?? authorText(FeedTree.text(of: person))
    }

    // MARK: Modules every format shares

    /// Dublin Core, `dcterms:`, `media:`, iTunes, and Atom elements inside RSS.
    private func readShared(_ node: xmlNodePtr, vocabulary: FeedTree.Vocabulary, name: String, into draft: inout Draft) {
        switch (vocabulary, name) {
        case (.dc, "title"), (.media, "title"):
            draft.fallbackTitles.append(text(node, default: .guess))
        case (.dc, "description"), (.itunes, "summary"), (.media, "description"), (.itunes, "subtitle"):
            draft.fallbackSummaries.append(text(node, default: vocabulary == .dc ? .html : .text))
        case (.dc, "date"), (.dcterms, "issued"), (.dcterms, "created"), (.dcterms, "date"), (.dcterms, "available"):
            if draft.published == nil { draft.published = FeedDate(FeedTree.text(of: node)) }
        case (.dcterms, "modified"):
            if draft.updated == nil { draft.updated = FeedDate(FeedTree.text(of: node)) }
        case (.dc, "creator"), (.dc, "author"), (.itunes, "author"), (.dc, "contributor"):
            if draft.author == nil { draft.author = authorText(FeedTree.text(of: node)) }
        case (.dc, "identifier"):
            if draft.guid == nil { draft.guid = nonEmpty(FeedTree.text(of: node).trimmedWhitespace) }
        case (.media, "content"), (.media, "thumbnail"):
            if draft.mediaLink == nil, let url = FeedTree.attribute("url", of: node) { draft.mediaLink = resolve(url, at: node) }
            noteImage(node, thumbnail: name == "thumbnail", into: &draft)
            for child in FeedTree.children(of: node) {
                readShared(child, vocabulary: FeedTree.vocabulary(of: child), name: FeedTree.name(of: child), into: &draft)
            }
        case (.media, "group"):
            for child in FeedTree.children(of: node) {
                readShared(child, vocabulary: FeedTree.vocabulary(of: child), name: FeedTree.name(of: child), into: &draft)
            }
        case (.atom10, "link"), (.atom03, "link"):
            if draft.alternateLink == nil, let link = alternateLink(node) { draft.alternateLink = link }
        case (.atom10, "title"):
            draft.fallbackTitles.append(text(node, default: .text))
        case (.atom10, "content"):
            if draft.content == nil { draft.content = text(node, default: .text) }
        case (.atom10, "summary"):
            draft.fallbackSummaries.append(text(node, default: .text))
        case (.atom10, "published"), (.atom10, "updated"):
            if draft.published == nil { draft.published = FeedDate(FeedTree.text(of: node)) }
        case (.atom10, "author"):
            if draft.author == nil { draft.author = atomPerson(node) }
        default:
            break
        }
    }

    private func authorText(_ value: String) -> String? {
        nonEmpty(Sanitizer.sanitizeLine(value))
    }

    // MARK: Text constructs

    /// The element's text construct: Atom's `type` (`text`, `html`, `xhtml`, a MIME type) and
    /// Atom 0.3's `mode` (`xml`, `escaped`, `base64`); markup written unescaped inside any
    /// element is read as HTML.
    func text(_ node: xmlNodePtr, default kind: Text.Kind, skipping fields: Set<String> = []) -> Text {
        let type = FeedTree.attribute("type", of: node)?.trimmingCharacters(in: .whitespaces).lowercased()
        let mode = FeedTree.attribute("mode", of: node)?.trimmingCharacters(in: .whitespaces).lowercased()
        if FeedTree.hasChildElements(node) {
            if !fields.isEmpty, FeedTree.children(of: node).contains(where: { fields.contains(FeedTree.name(of: $0)) }) {
                // Fields nested by a missing close tag: the text before them.
                return Text(value: FeedTree.text(of: node, skipping: fields), kind: .text)
            }
            return Text(value: FeedTree.innerMarkup(of: node), kind: .html)
        }
        var value = FeedTree.text(of: node)
        var declared: Text.Kind?
        switch type {
        case "html", "text/html", "xhtml", "application/xhtml+xml": declared = .html
        case "text", "text/plain": declared = .text
        case nil, "": declared = nil
        case let mime?:
            if mime.hasPrefix("text/") {
                declared = .text
            } else if mime.hasSuffix("+xml") || mime.hasSuffix("/xml") {
                declared = .html
            } else if mode == nil {
                // Atom 1.0: any other MIME type is base64; what was worth encoding is markup.
                if let decoded = Self.base64(value) { value = decoded }
                declared = .html
            }
        }
        switch mode {
        case "base64":
            if let decoded = Self.base64(value) { value = decoded }
            // What was worth encoding is markup, unless the type says text.
            if declared == nil { declared = .html }
        case "escaped":
            if declared != .text { declared = .html }
        default:
            break
        }
        return Text(value: value, kind: declared ?? kind)
    }

    static func base64(_ value: String) -> String? {
        guard let data = Data(base64Encoded: value, options: .ignoreUnknownCharacters) else { return nil }
        return String(validating: data, as: UTF8.self)
    }

    /// A title, a name: one line of plain text.
    static func line(_ text: Text) -> String {
        switch text.kind {
        case .text: return Sanitizer.sanitizeLine(text.value)
        case .html: return Sanitizer.sanitizeLine(FeedHTML.paragraphs(fromHTML: FeedText.fragment(text.value)).joined(separator: " "))
        case .guess: return FeedText.title(text.value)
        }
    }

    /// A body: paragraphs of plain text.
    static func paragraphs(_ text: Text) -> [String] {
        switch text.kind {
        case .text: return HTMLText.paragraphs(fromPlainText: text.value)
        case .html, .guess: return FeedHTML.paragraphs(fromHTML: FeedText.fragment(text.value))
        }
    }

    /// Keeps `node`'s `url` as the item's picture when none was kept yet and it is one: a
    /// thumbnail always, a `media:content` or enclosure by its `type` (`image/…`) or `medium`,
    /// or, stating neither, by its file name's extension.
    private func noteImage(_ node: xmlNodePtr, thumbnail: Bool, into draft: inout Draft) {
        guard draft.imageURL == nil, let address = FeedTree.attribute("url", of: node), let url = resolve(address, at: node) else { return }
        let type = FeedTree.attribute("type", of: node)?.lowercased()
        let medium = FeedTree.attribute("medium", of: node)?.lowercased()
        let isImage: Bool
        if thumbnail {
            isImage = true
        } else if type != nil || medium != nil {
            isImage = type?.hasPrefix("image/") == true || medium == "image"
        } else {
            isImage = ["jpg", "jpeg", "png", "gif", "webp", "avif"].contains(url.pathExtension.lowercased())
        }
        if isImage, ImageCaption.acceptedURL(url.absoluteString) != nil { draft.imageURL = url }
    }

    private func resolve(_ link: String, at node: xmlNodePtr) -> URL? {
        let trimmed = link.trimmedWhitespace
        guard !trimmed.isEmpty else { return nil }
        return FeedParser.resolve(trimmed, against: FeedTree.base(of: node, fallback: feedURL))
    }

    // MARK: Items

    /// The item as baca keeps it: titles, authors and links as plain text, the full content
    /// over the summary, every text sanitised.
    private func finish(_ draft: Draft, format: FeedFormat) -> FeedItem? {
        let titleText = ([draft.title].compactMap { $0 } + draft.fallbackTitles).lazy.map(Self.line).first { !$0.isEmpty } ?? ""
        // The body's HTML is turned into text when the item becomes an article (`FeedItemBody`).
        let body = FeedItemBody(candidates: [draft.content, draft.summary].compactMap { $0 } + draft.fallbackSummaries)
        var link = draft.link ?? draft.alternateLink
        if link == nil, draft.guidIsPermalink, let guid = draft.guid {
            link = PageMetadata.httpURL(guid, relativeTo: nil)
        }
        link = link ?? draft.mediaLink
        let item = FeedItem(
            guid: draft.guid, link: link, title: titleText, body: body,
            published: draft.published ?? draft.updated, author: draft.author, imageURL: draft.imageURL)
        // The text last: it is worked out only for an item that has nothing else.
        if item.title.isEmpty && item.link == nil && item.guid == nil && item.published == nil && item.author == nil
            && item.summary.isEmpty {
            return nil
        }
        return item
    }
}

/// Titles out of feed text whose type nobody declared.
enum FeedText {
    /// Whether `html` holds `<!` (a comment, a DOCTYPE, a CDATA section), by its bytes.
    static func containsMarkupDeclaration(_ html: String) -> Bool {
        var html = html
        return html.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, Int32(UInt8(ascii: "<")), bytes.count - offset) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "!") { return true }
                offset = index + 1
            }
            return false
        }
    }

    /// A title may carry escaped markup (`Harga &lt;b&gt;naik&lt;/b&gt;`) or entities: read as
    /// HTML when it has a tag or an entity.
    static func title(_ value: String) -> String {
        let utf8 = value.utf8
        if (utf8.contains(UInt8(ascii: "<")) && utf8.contains(UInt8(ascii: ">")))
            || (utf8.contains(UInt8(ascii: "&")) && utf8.contains(UInt8(ascii: ";"))) {
            return Sanitizer.sanitizeLine(FeedHTML.paragraphs(fromHTML: fragment(value)).joined(separator: " "))
        }
        return Sanitizer.sanitizeLine(value)
    }

    /// An HTML fragment from a feed, made safe to wrap in a page: comments go (an unclosed
    /// one ends at the next `>`, as feedparser ends it, instead of swallowing the rest), and a
    /// `<!` that opens no comment (`<!DOCTYPE` in a title) is text.
    static func fragment(_ html: String) -> String {
        guard FeedText.containsMarkupDeclaration(html) else { return html }
        var result = ""
        var rest = Substring(html)
        while let open = rest.range(of: "<!") {
            result += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            if after.hasPrefix("--") {
                if let close = after.range(of: "-->") {
                    rest = after[close.upperBound...]
                } else if let close = after.firstIndex(of: ">") {
                    rest = after[after.index(after: close)...]
                } else {
                    rest = ""
                }
            } else if after.hasPrefix("[CDATA[") {
                let inner = after.dropFirst(7)
                let close = inner.range(of: "]]>")
                result += FeedTree.escape(String(inner[..<(close?.lowerBound ?? inner.endIndex)]))
                rest = close.map { inner[$0.upperBound...] } ?? ""
            } else {
                result += "&lt;!"
                rest = after
            }
        }
        return result + rest
    }
}
