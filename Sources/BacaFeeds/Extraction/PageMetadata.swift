import BacaCore
import Foundation

/// What a page says about itself outside its text: JSON-LD (`NewsArticle` and kin), Open Graph
/// and the `<head>`.
struct PageMetadata {
    var headline: String?
    var datePublished: FeedDate?
    var authors: [String] = []
    var publisher: String?
    var image: ImageCaption?
    var canonicalURL: URL?
    var ogTitle: String?
    var documentTitle: String?
    var siteName: String?
    var description: String?
    /// Whether JSON-LD named the page an article.
    var isNewsArticle = false

    static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "blogposting", "reviewnewsarticle", "socialmediaposting",
    ]

    init(document: HTMLDocument, pageURL: URL?) {
        let root = document.root
        var canonical: String?
        var ogURL: String?
        for element in root.descendants(named: ["meta", "link", "title", "script"]) {
            switch element.name {
            case "title":
                if documentTitle == nil { documentTitle = nonEmpty(HTMLText.line(ofRaw: element.rawText)) }
            case "link":
                let rel = (element["rel"] ?? "").lowercased().split(separator: " ")
                if rel.contains("canonical"), canonical == nil { canonical = element["href"] }
            case "meta":
                let key = (element["property"] ?? element["name"] ?? "").lowercased()
                let content = element["content"]
                switch key {
                case "og:title": ogTitle = ogTitle ?? content.flatMap { nonEmpty(Sanitizer.sanitizeLine($0)) }
                case "og:url": ogURL = ogURL ?? content
                case "og:site_name": siteName = siteName ?? content.flatMap { nonEmpty(Sanitizer.sanitizeLine($0)) }
                case "og:description", "description":
                    description = description ?? content.flatMap { nonEmpty(Sanitizer.sanitizeLine($0)) }
                case "article:published_time":
                    if datePublished == nil, let content { datePublished = FeedDate(content) }
                case "author":
                    if authors.isEmpty, let content, let name = nonEmpty(Sanitizer.sanitizeLine(content)) { authors = [name] }
                default: break
                }
            case "script":
                readJSONLD(element.rawText)
            default: break
            }
        }
        for candidate in [canonical, ogURL] {
            if canonicalURL == nil, let candidate, let url = Self.httpURL(candidate, relativeTo: pageURL) {
                canonicalURL = url
            }
        }
    }

    /// An absolute `http`/`https` URL, fragment removed; anything else is `nil`.
    static func httpURL(_ text: String, relativeTo base: URL?) -> URL? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, let url = URL(string: trimmed, relativeTo: base)?.absoluteURL,
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil
        else { return nil }
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        components?.fragment = nil
        return components?.url ?? url
    }

    // MARK: JSON-LD

    private mutating func readJSONLD(_ text: String) {
        guard let data = text.trimmingCharacters(in: .whitespacesAndNewlines).data(using: .utf8),
              let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return }
        for object in Self.objects(in: json) where Self.isArticle(object) {
            take(object)
            return
        }
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
        let types: [String]
        if let type = object["@type"] as? String { types = [type] } else { types = object["@type"] as? [String] ?? [] }
        return types.contains { articleTypes.contains($0.lowercased()) }
    }

    private mutating func take(_ object: [String: Any]) {
        isNewsArticle = true
        if let headline = object["headline"] as? String ?? object["name"] as? String {
            self.headline = nonEmpty(Sanitizer.sanitizeLine(headline))
        }
        if let published = object["datePublished"] as? String, let date = FeedDate(published) {
            datePublished = date
        }
        let names = Self.names(object["author"])
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
