import BacaCore
import Foundation

/// An article page read into an `Article`.
public struct ExtractedPage: Sendable {
    /// How the article was found.
    public enum Method: String, Sendable {
        /// The page marks its article (`<article>`, `itemprop="articleBody"`, JSON-LD
        /// `NewsArticle`): read by its semantic structure.
        case structured
        /// Any other page: the densest run of paragraphs, boilerplate dropped.
        case readability
    }

    public var article: Article
    /// `<link rel="canonical">`, else `og:url`; `nil` when the page names neither.
    public var canonicalURL: URL?
    public var method: Method
    /// The character set the page was read in.
    public var encoding: String
    /// The publication time the page states (JSON-LD, meta, `<time datetime>`), to the second.
    public var publishedTime: Date?
}

/// Reads the article out of an HTML page, with libxml2's HTML parser and never with patterns
/// over the markup.
///
/// 1. The page is parsed (`HTMLDocument`) in the charset the HTTP header declared, else the
///    one its `<meta>` declares.
/// 2. Its metadata: JSON-LD `NewsArticle` (headline, datePublished, author, publisher, image),
///    Open Graph, the canonical URL.
/// 3. The article's root: the page's `<article>` (or `itemprop="articleBody"`), else the
///    element holding the densest run of paragraphs (readability).
/// 4. The root is walked in document order into pieces (`PageWalker`): title, headings,
///    paragraphs, quotes, lists, figures with caption and credit, the key points box,
///    `Baca Juga` links, the editorial team, the topics. Chrome never becomes a piece.
/// 5. The pieces become the article by the capture parser's own text rules
///    (`ArticleTextRules`): the dateline, numbered headings as sections, quotes, cited
///    outlets, the disclaimer, the date of the lead. So a saved page and a capture of it are
///    the same article.
///
/// Nothing from the page is executed or kept as markup; every text is sanitised.
public enum ArticleExtractor {
    /// Pages larger than this are refused.
    public static let maximumBytes = 8 * 1024 * 1024

    /// The article in a page's bytes. `contentType` is the HTTP header (its `charset` wins
    /// over the page's own); `url` resolves relative links.
    public static func extract(_ data: Data, url: URL? = nil, contentType: String? = nil) throws(ExtractionError) -> ExtractedPage {
        guard data.count <= maximumBytes else { throw .tooLarge(bytes: data.count, limit: maximumBytes) }
        let document = try HTMLDocument(data: data, charset: contentType.flatMap(charset(inContentType:)), url: url)
        let metadata = PageMetadata(document: document, pageURL: url)
        let body = document.root.firstDescendant(where: { $0.name == "body" }) ?? document.root

        var best: (pieces: [PagePiece], method: ExtractedPage.Method, length: Int, roots: [HTMLElement])?
        for rules in relaxation {
            var scorer = ContentScorer(rules: rules)
            let elements = scorer.articleElements(in: body)
            let structured = articleRoot(in: body)
            let roots: [HTMLElement]
            let method: ExtractedPage.Method
            if let structured, elements.isEmpty || elements.contains(where: { $0.isInside(structured) }) {
                roots = [structured]
                method = .structured
            } else {
                roots = elements.isEmpty ? [body] : elements
                method = .readability
            }
            let cleans = rules.contains(.cleanConditionally)
            let boilerplate: (HTMLElement) -> Bool = { element in
                !roots.contains { $0 === element } && (scorer.isExcluded(element) || (cleans && scorer.isBoilerplate(element)))
            }
            var walker = PageWalker(dropsLinkLists: true, isBoilerplate: boilerplate)
            walker.baseURL = metadata.baseURL
            for root in roots { walker.read(root) }
            let length = walker.pieces.reduce(0) { $0 + $1.textLength }
            if best == nil || length > best!.length { best = (walker.pieces, method, length, roots) }
            if length >= minimumArticleLength { break }
        }
        guard let best else { throw .noArticle }
        var pieces = best.pieces
        let title = chooseTitle(metadata: metadata, body: body, articleRoots: best.roots)
        if !title.isEmpty { pieces.insert(.title(title), at: 0) }
        var article = ArticleAssembler.assemble(pieces, metadata: metadata)
        if article.title.isEmpty { article.title = metadata.titles.first ?? Self.untitled(article) }
        guard !article.title.isEmpty, !article.sections.isEmpty || !article.keyPoints.isEmpty else {
            throw .noArticle
        }
        article.linkTargets = LinkTargetFinder.find(for: article, in: best.roots, base: metadata.baseURL ?? url)
        return ExtractedPage(
            article: article, canonicalURL: metadata.canonicalURL, method: best.method, encoding: document.encoding,
            publishedTime: metadata.datePublished?.date)
    }

    /// A page that states no title at all: its first heading, else the opening words of its
    /// first paragraph.
    static func untitled(_ article: Article) -> String {
        if let heading = article.sections.lazy.compactMap(\.heading).first { return heading }
        guard let text = article.sections.lazy.flatMap(\.blocks).compactMap({ block -> String? in
            if case .paragraph(let text) = block { return text } else { return nil }
        }).first else { return "" }
        let sentence = text.split(separator: ". ", maxSplits: 1).first.map(String.init) ?? text
        guard sentence.count > 90 else { return sentence }
        let cut = sentence.prefix(90)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }

    /// The scorer's passes: strict, then with fewer rules while the article is shorter than
    /// `minimumArticleLength` characters.
    static let relaxation: [ContentScorer.Rules] = [.strict, [.weightClasses, .cleanConditionally], [.cleanConditionally], []]
    static let minimumArticleLength = 500

    /// The title: a headline element (`h1`, else `h2`) that repeats one the page states
    /// (JSON-LD, `og:title`, `twitter:title`, `<title>`), else the most trusted stated one
    /// (the `<title>` only after an `h1` of the article), with the site's name removed, else
    /// the first `h1`.
    static func chooseTitle(metadata: PageMetadata, body: HTMLElement, articleRoots: [HTMLElement]) -> String {
        let stated = metadata.statedTitles.map(TitleCleaner.comparable).filter { !$0.isEmpty }
        let cleaned = metadata.titles.map(TitleCleaner.comparable).filter { !$0.isEmpty }
        let headings = body.descendants(named: ["h1"]) + body.descendants(named: ["h2"])
        for heading in headings where !HTMLText.isHidden(heading) {
            let text = HTMLText.line(of: heading)
            let key = TitleCleaner.comparable(text)
            guard key.count >= 4 else { continue }
            if cleaned.contains(key) || stated.contains(key) { return text }
            if stated.contains(where: { $0.contains(key) && key.count * 2 >= $0.count }) { return text }
            // A stated headline cut short.
            if stated.contains(where: { $0.count >= 20 && key.hasPrefix($0) }) { return text }
        }
        let documentTitle = metadata.documentTitle.map(metadata.cleanTitle)
        if let title = metadata.titles.first, title != documentTitle { return title }
        let inArticle = articleRoots.lazy.flatMap { [$0] + $0.descendants(named: ["h1"]) }.filter { $0.name == "h1" && !HTMLText.isHidden($0) }
        if let heading = inArticle.map(HTMLText.line(of:)).first(where: { !$0.isEmpty }) { return heading }
        if let title = metadata.titles.first { return title }
        return body.descendants(named: ["h1"]).lazy.map(HTMLText.line(of:)).first { !$0.isEmpty } ?? ""
    }

    /// `text/html; charset=windows-1252` → `windows-1252`.
    public static func charset(inContentType contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            let value = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// The element a page marks as its article: `itemprop="articleBody"`'s `<article>`
    /// ancestor or itself, else the `<article>` with the most paragraph text.
    static func articleRoot(in body: HTMLElement) -> HTMLElement? {
        let articles = body.descendants { $0.name == "article" && !PageWalker.isChrome($0) }
        if let marked = body.firstDescendant(where: { ($0["itemprop"] ?? "").split(separator: " ").contains("articleBody") }) {
            return articles.first(where: { marked.isInside($0) }) ?? marked
        }
        let scored = articles.map { ($0, paragraphText($0)) }.filter { $0.1 >= 140 }
        return scored.max(by: { $0.1 < $1.1 })?.0
    }

    /// The characters of paragraph text directly or deeply inside `element`, chrome excluded.
    static func paragraphText(_ element: HTMLElement) -> Int {
        element.descendants(named: ["p"]).filter { paragraph in
            var current: HTMLElement? = paragraph
            while let node = current, node !== element {
                if PageWalker.isChrome(node) { return false }
                current = node.parent
            }
            return true
        }.reduce(0) { $0 + $1.measure.length }
    }
}

// MARK: - Assembling the article

/// Turns pieces into an `Article` with the capture parser's rules.
enum ArticleAssembler {
    static func assemble(_ pieces: [PagePiece], metadata: PageMetadata) -> Article {
        var article = Article(title: "")
        var sections = [Section()]
        var expectedNumber = 1
        var sawFirstParagraph = false
        var bodyStarted = false
        var sources: [String] = []
        var index = 0

        func append(_ block: Block) {
            sections[sections.count - 1].blocks.append(block)
        }

        while index < pieces.count {
            let piece = pieces[index]
            index += 1
            switch piece {
            case .title(let text):
                if article.title.isEmpty && !bodyStarted {
                    article.title = text
                } else if TitleCleaner.comparable(text) != TitleCleaner.comparable(article.title) {
                    // Another `h1` in the article is one of its headings.
                    bodyStarted = true
                    sawFirstParagraph = true
                    sections.append(Section(heading: text))
                }
            case .figure(let caption):
                if !bodyStarted && article.heroImage == nil {
                    article.heroImage = caption
                } else {
                    append(.image(caption))
                }
            case .keyPoints(let points):
                if article.keyPoints.isEmpty { article.keyPoints = points } else { append(.list(points)) }
            case .heading(let text):
                // The title again, as the article's first heading.
                if !bodyStarted, TitleCleaner.comparable(text) == TitleCleaner.comparable(article.title) { continue }
                bodyStarted = true
                sawFirstParagraph = true
                if let (number, heading) = ArticleTextRules.numberedItem(text), number == expectedNumber,
                   heading.count <= ArticleTextRules.maximumHeadingLength {
                    sections.append(Section(number: number, heading: heading))
                    expectedNumber = number + 1
                } else if ArticleTextRules.isKeyPointsHeading(text), article.keyPoints.isEmpty,
                          index < pieces.count, case .list(let items, _) = pieces[index] {
                    article.keyPoints = items
                    index += 1
                } else if ArticleTextRules.numberedItem(text) != nil {
                    append(.paragraph(text))
                } else {
                    sections.append(Section(heading: text))
                }
            case .paragraph(var text):
                if ArticleTextRules.isKeyPointsHeading(text), article.keyPoints.isEmpty,
                   index < pieces.count, case .list(let items, _) = pieces[index] {
                    article.keyPoints = items
                    index += 1
                    continue
                }
                if let related = ArticleTextRules.relatedTitle(text) {
                    if !related.isEmpty { append(.related(related)) }
                    continue
                }
                if ArticleTextRules.isDisclaimer(text) {
                    if article.disclaimer == nil { article.disclaimer = text }
                    continue
                }
                bodyStarted = true
                if !sawFirstParagraph {
                    sawFirstParagraph = true
                    if let dateline = ArticleTextRules.dateline(in: text) {
                        article.location = dateline.location
                        article.outlet = dateline.outlet
                        text = dateline.rest
                        if !text.isEmpty { append(.paragraph(text)) }
                        continue
                    }
                }
                if ArticleTextRules.opensWithQuote(text) {
                    append(.quote(text))
                    continue
                }
                if let outlet = ArticleTextRules.citedOutlet(in: text),
                   !sources.contains(where: { $0.lowercased() == outlet.lowercased() }) {
                    sources.append(outlet)
                }
                append(.paragraph(text))
            case .quote(let text):
                bodyStarted = true
                sawFirstParagraph = true
                append(.quote(text))
            case .list(let items, let ordered):
                bodyStarted = true
                append(.list(items, ordered: ordered))
            case .related(let text):
                append(.related(text))
            case .team(let lines):
                readTeam(lines, into: &article)
            case .topics(let topics):
                for topic in topics where !article.topics.contains(topic) { article.topics.append(topic) }
            }
        }

        if let lead = sections.first, lead.number == nil, lead.heading == nil, lead.blocks.isEmpty { sections.removeFirst() }
        article.sections = sections
        article.sources = sources

        // What the text did not say, the metadata may.
        if article.title.isEmpty { article.title = metadata.headline ?? metadata.ogTitle ?? metadata.documentTitle ?? "" }
        if article.heroImage == nil { article.heroImage = metadata.image }
        // The page's stated hero address belongs to its hero picture, whichever caption that has
        // (a page without one gets a picture with an empty caption, which no view shows as text).
        if let address = metadata.imageURL, article.heroImage?.url == nil {
            if article.heroImage == nil { article.heroImage = ImageCaption(caption: "") }
            article.heroImage?.url = address
        }
        // The time the page states beats a day its text mentions.
        article.publishedAt = metadata.datePublished?.publishedDate
            ?? article.lead.flatMap(ArticleTextRules.publishedDate(inLead:)).map(PublishedDate.init(day:))
        if article.author == nil, !metadata.authors.isEmpty { article.author = metadata.authors.joined(separator: ", ") }
        if article.outlet == nil { article.outlet = metadata.publisher ?? metadata.siteName }
        return article
    }

    /// The editorial team: role lines (`Writer Rani Putri`, `EditorBayu Pratama`), a role on
    /// its own line naming the next line, or a bare name (the writer).
    static func readTeam(_ lines: [String], into article: inout Article) {
        var pending: ArticleTextRules.TeamRole?
        var authorFromRole = false
        for line in lines {
            if let (role, name) = ArticleTextRules.teamRole(line) {
                guard let name else { pending = role; continue }
                assign(name, role, &article, &authorFromRole)
            } else if let role = pending {
                assign(line, role, &article, &authorFromRole)
            } else if article.author == nil {
                article.author = line
            }
            pending = nil
        }
    }

    private static func assign(_ name: String, _ role: ArticleTextRules.TeamRole, _ article: inout Article, _ authorFromRole: inout Bool) {
        switch role {
        case .author:
            article.author = name
            authorFromRole = true
        case .editor:
            article.editor = name
        case .reporter:
            if !authorFromRole && article.author == nil { article.author = name }
        }
    }
}
