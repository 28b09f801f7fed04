import BacaCore
import Foundation

/// What a page says about itself outside its text, each field from the most trusted source
/// that states it: JSON-LD (`NewsArticle`, `Article`, `BlogPosting` … , inside `@graph` too),
/// Open Graph and `article:` meta, `twitter:` meta, microdata (`itemprop`), `<meta
/// name="author">`, `rel="author"`, byline classes, `<time datetime>`, and the `<title>`.
struct PageMetadata {
    var headline: String?
    var datePublished: FeedDate?
    var authors: [String] = []
    var publisher: String?
    var image: ImageCaption?
    /// The hero picture's address: JSON-LD `image`, else `og:image`, else `twitter:image`,
    /// resolved against `baseURL`.
    var imageURL: String?
    /// What relative addresses in the page are resolved against: its `<base href>`, else its
    /// URL, else (a saved page) its canonical URL.
    var baseURL: URL?
    var canonicalURL: URL?
    var ogTitle: String?
    var twitterTitle: String?
    /// `itemprop="headline"`.
    var microdataHeadline: String?
    var documentTitle: String?
    var siteName: String?
    var description: String?
    /// Whether JSON-LD named the page an article.
    var isNewsArticle = false

    static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "blogposting", "reviewnewsarticle", "socialmediaposting", "liveblogposting",
        "techarticle", "scholarlyarticle", "report", "posting", "claimreview", "webpage", "medicalwebpage",
    ]

    /// `<meta name>`s that state the publication time, most trusted first.
    static let dateMetaNames = [
        "article:published_time", "article:published", "og:article:published_time", "og:published_time", "published_time",
        "article.published", "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "date",
        "dc.date.issued", "dc.date", "dcterms.created", "dcterms.issued", "sailthru.date", "parsely-pub-date",
        "cxenseparse:recs:publishtime", "article_date_original", "original-publish-date",
    ]

    init(document: HTMLDocument, pageURL: URL?) {
        let root = document.root
        var canonical: String?
        var ogURL: String?
        var metaAuthor: String?
        var articleAuthor: String?
        var twitterCreator: String?
        var metaDates: [String: FeedDate] = [:]
        var ogImageAlt: String?
        var ogImage: String?
        var twitterImage: String?
        var jsonLDImage: String?
        var baseHref: String?
        var jsonLDArticle = false
        for element in root.descendants(named: ["meta", "link", "title", "script", "base"]) {
            switch element.name {
            case "title":
                if documentTitle == nil { documentTitle = nonEmpty(HTMLText.line(ofRaw: element.rawText)) }
            case "base":
                if baseHref == nil { baseHref = element["href"] }
            case "link":
                let rel = (element["rel"] ?? "").lowercased().split(separator: " ")
                if rel.contains("canonical"), canonical == nil { canonical = element["href"] }
            case "meta":
                let key = (element["property"] ?? element["name"] ?? element["itemprop"] ?? "").lowercased()
                guard let content = element["content"].map(Sanitizer.sanitizeLine), !content.isEmpty else { continue }
                switch key {
                case "og:title": ogTitle = ogTitle ?? content
                case "twitter:title": twitterTitle = twitterTitle ?? content
                case "headline": microdataHeadline = microdataHeadline ?? content
                case "og:url": ogURL = ogURL ?? content
                case "og:site_name": siteName = siteName ?? content
                case "og:description", "description": description = description ?? content
                case "og:image:alt", "twitter:image:alt": ogImageAlt = ogImageAlt ?? content
                case "og:image", "og:image:url", "og:image:secure_url": ogImage = ogImage ?? content
                case "twitter:image", "twitter:image:src": twitterImage = twitterImage ?? content
                case "author", "dc.creator", "sailthru.author", "parsely-author": metaAuthor = metaAuthor ?? content
                case "article:author": articleAuthor = articleAuthor ?? content
                case "twitter:creator": twitterCreator = twitterCreator ?? content
                default:
                    if Self.dateMetaNames.contains(key), metaDates[key] == nil, let date = Self.date(content) { metaDates[key] = date }
                    if (element["itemprop"] ?? "").lowercased().split(separator: " ").contains("datepublished"), metaDates["datepublished"] == nil,
                       let date = Self.date(content) {
                        metaDates["datepublished"] = date
                    }
                }
            case "script":
                if !jsonLDArticle { jsonLDArticle = readJSONLD(element.rawText, image: &jsonLDImage) }
            default: break
            }
        }
        if datePublished == nil {
            datePublished = Self.dateMetaNames.lazy.compactMap { metaDates[$0] }.first
        }
        if authors.isEmpty {
            // `article:author` and `twitter:creator` are often a profile URL or a handle.
            let stated = [articleAuthor, Self.microdataAuthor(in: root), twitterCreator, metaAuthor, Self.relAuthor(in: root)]
            if let name = stated.lazy.compactMap({ $0.flatMap(Bylines.clean) }).first {
                authors = [name]
            } else if let name = Bylines.byline(in: root) {
                authors = [name]
            }
        }
        if datePublished == nil { datePublished = Self.statedTime(in: root) }
        if image == nil, let alt = ogImageAlt { image = ArticleTextRules.splitCaption(alt) ?? ImageCaption(caption: alt) }
        for candidate in [canonical, ogURL] {
            if canonicalURL == nil, let candidate, let url = Self.httpURL(candidate, relativeTo: pageURL) {
                canonicalURL = url
            }
        }
        // A saved page has no address of its own: its canonical URL is where it lives.
        let base = baseHref.flatMap { Self.httpURL($0, relativeTo: pageURL ?? canonicalURL) } ?? pageURL ?? canonicalURL
        baseURL = base
        imageURL = [jsonLDImage, ogImage, twitterImage].compactMap { $0.flatMap { Self.imageURL($0, relativeTo: base) } }.first
        titles = titleCandidates()
    }

    /// The title candidates, most trusted first, with the site's name removed.
    private(set) var titles: [String] = []

    private func titleCandidates() -> [String] {
        [headline, ogTitle.map(cleanTitle), twitterTitle.map(cleanTitle), microdataHeadline, documentTitle.map(cleanTitle)]
            .compactMap { $0 }.filter { !$0.isEmpty }
    }

    /// What the page calls its site: `og:site_name`, the publisher, its canonical URL's host.
    var siteNames: [String] {
        var names = [siteName, publisher].compactMap { $0 }
        if let host = canonicalURL?.host {
            var name = host.lowercased()
            if name.hasPrefix("www.") { name.removeFirst(4) }
            names.append(String(name.split(separator: ".").first ?? ""))
        }
        return names
    }

    func cleanTitle(_ title: String) -> String { TitleCleaner.clean(title, siteNames: siteNames) }

    /// The raw `<title>`, `og:title` and `twitter:title`: a headline element repeating one of
    /// them is the title.
    var statedTitles: [String] { [headline, ogTitle, twitterTitle, microdataHeadline, documentTitle].compactMap { $0 } }

    /// `itemprop="author"`: its `itemprop="name"`, else its own `content` or text.
    static func microdataAuthor(in root: HTMLElement) -> String? {
        guard let element = root.firstDescendant(where: { $0["itemprop"].map { $0.lowercased().split(separator: " ").contains("author") } ?? false })
        else { return nil }
        if let name = element.firstDescendant(where: { ($0["itemprop"] ?? "").lowercased() == "name" }) {
            return name["content"] ?? HTMLText.line(of: name)
        }
        return element["content"] ?? HTMLText.line(of: element)
    }

    /// `<a rel="author">`'s text.
    static func relAuthor(in root: HTMLElement) -> String? {
        root.firstDescendant { $0.name == "a" && ($0["rel"] ?? "").lowercased().split(separator: " ").contains("author") }
            .map(HTMLText.line(of:))
    }

    /// The publication time an element states: `itemprop="datePublished"`, else the first
    /// `<time datetime>` (one marked `pubdate` first).
    static func statedTime(in root: HTMLElement) -> FeedDate? {
        if let marked = root.firstDescendant(where: { ($0["itemprop"] ?? "").lowercased().split(separator: " ").contains("datepublished") }),
           let date = (marked["content"] ?? marked["datetime"]).flatMap(Self.date) ?? Self.date(HTMLText.line(of: marked)) {
            return date
        }
        let times = root.descendants { $0.name == "time" && $0["datetime"] != nil }
        let ordered = times.filter { $0["pubdate"] != nil } + times
        return ordered.lazy.compactMap { $0["datetime"].flatMap(Self.date) }.first
    }

    /// A stated time, if it is one a page could mean (`0001-01-01` is a template's blank).
    static func date(_ text: String) -> FeedDate? {
        guard let date = FeedDate(text), (1995...2100).contains(date.day.year) else { return nil }
        return date
    }

    /// An absolute `http`/`https` URL, fragment removed; anything else is `nil`.
    static func httpURL(_ text: String, relativeTo base: URL?) -> URL? {
        let trimmed = text.trimmedWhitespace
        guard !trimmed.isEmpty else { return nil }
        let absolute = Self.hasHTTPScheme(trimmed)
        // An absolute address needs no base: `URL(string:relativeTo:)` and `absoluteURL` would
        // only make it again (a feed's every item has such links).
        guard let url = absolute ? URL(string: trimmed) : URL(string: trimmed, relativeTo: base)?.absoluteURL,
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil
        else { return nil }
        // Without a `#` there is no fragment to remove.
        if absolute && !trimmed.utf8.contains(UInt8(ascii: "#")) { return url }
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        components?.fragment = nil
        return components?.url ?? url
    }

    /// Whether `text` starts with `http://` or `https://`, in any case.
    static func hasHTTPScheme(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        for expected in "http".utf8 {
            guard let byte = bytes.next(), byte | 0x20 == expected else { return false }
        }
        var next = bytes.next()
        if next.map({ $0 | 0x20 }) == UInt8(ascii: "s") { next = bytes.next() }
        return next == UInt8(ascii: ":") && bytes.next() == UInt8(ascii: "/") && bytes.next() == UInt8(ascii: "/")
    }

    // MARK: JSON-LD

    /// Reads the first article object of a JSON-LD script; whether there was one.
    private mutating func readJSONLD(_ text: String, image address: inout String?) -> Bool {
        guard let data = text.trimmingCharacters(in: .whitespacesAndNewlines).data(using: .utf8),
              let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return false }
        let objects = Self.objects(in: json)
        // A `NewsArticle` beats the `WebPage` that holds it.
        let ranked = objects.filter { Self.isArticle($0) && !Self.isWebPage($0) } + objects.filter { Self.isArticle($0) && Self.isWebPage($0) }
        guard let object = ranked.first else { return false }
        take(object)
        address = Self.imageAddress(object["image"]) ?? address
        return !Self.isWebPage(object)
    }

    static func isWebPage(_ object: [String: Any]) -> Bool {
        types(of: object).contains { $0.lowercased().hasSuffix("webpage") }
    }

    static func types(of object: [String: Any]) -> [String] {
        if let type = object["@type"] as? String { return [type] }
        return object["@type"] as? [String] ?? []
    }

    /// Every object of a JSON-LD value: arrays and `@graph` flattened.
    static func objects(in json: Any) -> [[String: Any]] {
        if let array = json as? [Any] { return array.flatMap(objects(in:)) }
        guard let object = json as? [String: Any] else { return [] }
        var found = [object]
        if let graph = object["@graph"] { found += objects(in: graph) }
        return found
    }

    static func isArticle(_ object: [String: Any]) -> Bool {
        types(of: object).contains { articleTypes.contains($0.lowercased()) }
    }

    private mutating func take(_ object: [String: Any]) {
        isNewsArticle = !Self.isWebPage(object)
        if let headline = object["headline"] as? String ?? (Self.isWebPage(object) ? nil : object["name"] as? String) {
            self.headline = nonEmpty(Sanitizer.sanitizeLine(headline))
        }
        if let published = object["datePublished"] as? String ?? object["dateCreated"] as? String, let date = Self.date(published) {
            datePublished = date
        }
        var names: [String] = []
        for name in Self.names(object["author"] ?? object["creator"]).compactMap(Bylines.clean) where !names.contains(name) { names.append(name) }
        if !names.isEmpty { authors = names }
        publisher = Self.names(object["publisher"]).first ?? publisher
        if let caption = Self.imageCaption(object["image"]) { image = caption }
    }

    static func names(_ value: Any?) -> [String] {
        switch value {
        case let name as String:
            return [Sanitizer.sanitizeLine(name)].filter { !$0.isEmpty }
        case let object as [String: Any]:
            return names(object["name"])
        case let array as [Any]:
            return array.flatMap { names($0) }
        default:
            return []
        }
    }

    /// The address of a JSON-LD `image`: a string, an `ImageObject`'s `url` or `contentUrl`,
    /// the first of an array.
    static func imageAddress(_ value: Any?) -> String? {
        switch value {
        case let text as String: return text
        case let object as [String: Any]: return object["url"] as? String ?? object["contentUrl"] as? String
        case let array as [Any]: return array.lazy.compactMap { imageAddress($0) }.first
        default: return nil
        }
    }

    /// A picture's address made absolute against `base`; `nil` unless it is `http`/`https`.
    static func imageURL(_ text: String, relativeTo base: URL?) -> String? {
        // A space inside an address (a file name) is written as `%20` so the address parses.
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: " ", with: "%20")
        guard !trimmed.isEmpty, let url = URL(string: trimmed, relativeTo: base)?.absoluteURL else { return nil }
        return ImageCaption.acceptedURL(url.absoluteString)
    }

    static func imageCaption(_ value: Any?) -> ImageCaption? {
        switch value {
        case let object as [String: Any]:
            guard let caption = (object["caption"] as? String).map(Sanitizer.sanitizeLine), !caption.isEmpty else { return nil }
            let credit = (object["creditText"] as? String ?? object["copyrightHolder"] as? String).map(Sanitizer.sanitizeLine)
            return ImageCaption(caption: caption, credit: credit?.isEmpty == false ? credit : nil)
        case let array as [Any]:
            return array.lazy.compactMap { imageCaption($0) }.first
        default:
            return nil
        }
    }
}

func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

extension HTMLText {
    /// Raw text (a `<title>`) on one line, sanitised.
    static func line(ofRaw text: String) -> String { Sanitizer.sanitizeLine(text) }
}
