import BacaCore
import Foundation

/// One piece of a page's article, in reading order, before it becomes part of an `Article`.
enum PagePiece: Equatable {
    case title(String)
    case heading(String)
    case paragraph(String)
    /// A `blockquote`: a quote whatever its first character.
    case quote(String)
    case list([String], ordered: Bool = false)
    case figure(ImageCaption)
    case keyPoints([String])
    case related(String)
    /// The editorial team's lines (`Writer Rani Putri`, `EditorBayu Pratama`, a bare name).
    case team([String])
    case topics([String])
}

extension PagePiece {
    /// Characters of text the piece carries.
    var textLength: Int {
        switch self {
        case .title: return 0
        case .heading(let text), .paragraph(let text), .quote(let text), .related(let text): return text.count
        case .list(let items, _), .keyPoints(let items): return items.reduce(0) { $0 + $1.count }
        case .figure(let caption): return caption.caption.count
        case .team, .topics: return 0
        }
    }
}

/// Walks the elements of a page's article in document order and turns them into pieces.
///
/// Every element is either inline (its text flows into the current paragraph) or a block
/// (it ends the paragraph and is read by its kind). Chrome never becomes a piece: navigation,
/// forms, frames, scripts, hidden elements, and anything whose class or id names an ad, a
/// share bar, a comment box, a newsletter or a sidebar.
struct PageWalker {
    /// In readability mode (a page of another site), link-heavy blocks are boilerplate.
    var dropsLinkLists: Bool
    /// Containers the content scorer judged boilerplate (a related list, a share bar): skipped
    /// like chrome, after the boxes of the article are recognised.
    var isBoilerplate: (HTMLElement) -> Bool = { _ in false }
    private(set) var pieces: [PagePiece] = []
    private var inline = ""
    /// Inside the article's `header` or its standfirst (`dek`, `subline`): only the title, the
    /// figures and the boxes are kept, not the summary or the byline.
    private var headerDepth = 0
    /// What a figure's relative `src` is resolved against.
    var baseURL: URL?

    init(dropsLinkLists: Bool, isBoilerplate: @escaping (HTMLElement) -> Bool = { _ in false }) {
        self.dropsLinkLists = dropsLinkLists
        self.isBoilerplate = isBoilerplate
    }

    /// Reads one of the article's elements itself (a paragraph or a container), whatever
    /// its name says: the scorer chose it.
    mutating func read(_ root: HTMLElement) {
        flushInline()
        if ["p", "pre", "blockquote", "ul", "ol", "figure", "table", "h1", "h2", "h3", "h4", "h5", "h6"].contains(root.name) {
            visit(root)
        } else {
            walk(root)
        }
        flushInline()
    }

    /// Elements that are chrome wherever they are. (`header` and `footer` inside an article
    /// hold its title and its editorial team; their chrome goes by class.)
    static let chromeElements: Set<String> = ["nav", "aside", "menu"]

    /// Words of a class or id that mark chrome (compared with whole words of the name:
    /// `share-bar` and `ad-slot` are chrome, `shadow` and `read` are not).
    static let chromeWords: Set<String> = [
        "ad", "ads", "adv", "advert", "advertisement", "advertising", "iklan", "sponsored",
        "share", "sharing", "sosmed", "comment", "comments", "komentar", "newsletter",
        "sidebar", "popup", "modal", "cookie", "cookies", "breadcrumb",
        "breadcrumbs", "outbrain", "taboola", "terpopuler", "navbar",
    ]
    /// Words that mark chrome only as a whole class or id (`tags`, not `hs_meta_field`).
    static let chromeNames: Set<String> = [
        "social", "subscribe", "subscription", "widget", "promo", "banner", "sponsor", "pagination", "pager",
        "recommendation", "recommendations", "trending", "popular", "navigation", "menu", "masthead", "toolbar",
        "print", "tags", "author-box", "byline", "meta", "related", "related-posts", "share-bar", "social-share",
    ]

    static func isChrome(_ element: HTMLElement) -> Bool {
        if HTMLText.invisibleElements.contains(element.name) || HTMLText.isHidden(element) { return true }
        if chromeElements.contains(element.name) { return true }
        if element["role"].map({ ["navigation", "banner", "contentinfo", "complementary", "search", "dialog"].contains($0.lowercased()) }) == true {
            return true
        }
        // A name that also says content (`l-sidebar-fixed l-article-body`) is not chrome.
        if BoilerplateNames.reading(of: element).contains(.content) { return false }
        for name in [element["class"], element["id"]] {
            guard let name else { continue }
            for token in name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
                if chromeWords.contains(String(token)) || chromeNames.contains(String(token)) { return true }
                let words = token.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
                if words.contains(where: { chromeWords.contains($0) }) { return true }
            }
        }
        return false
    }

    mutating func walk(_ element: HTMLElement) {
        for child in element.children {
            switch child {
            case .text(let text):
                inline += text
            case .element(let inner):
                visit(inner)
            }
        }
    }

    private mutating func visit(_ element: HTMLElement) {
        let name = element.name
        if name == "br" {
            inline += " "
            return
        }
        // Boxes recognised by their heading come before the chrome test: the key points may sit
        // in an `aside`, the editorial team in a `footer`.
        if !HTMLText.inlineElements.contains(name), let box = recogniseBox(element) {
            flushInline()
            if let box { pieces.append(box) }
            return
        }
        if Self.isChrome(element) || isBoilerplate(element) || Bylines.isByline(element) {
            // Chrome may still hold a box of the article (the team in a share-bar footer).
            if !HTMLText.invisibleElements.contains(name) && !HTMLText.isHidden(element) { collectBoxes(in: element) }
            return
        }
        if HTMLText.inlineElements.contains(name) {
            if name == "img" || name == "picture" || name == "source" { return }
            walk(element)
            return
        }
        flushInline()
        switch name {
        case "h1":
            add(.title(HTMLText.line(of: element)))
        case "h2", "h3", "h4", "h5", "h6":
            add(.heading(HTMLText.line(of: element)))
        case "p", "pre", "dt", "dd", "address", "summary", "caption":
            let text = HTMLText.line(of: element)
            // A short paragraph that is one link is a pointer to another article, unless it
            // is a `Baca Juga` line, which the assembler reads.
            if dropsLinkLists, element.measure.linkDensity > 0.9, element.measure.length < 120,
               ArticleTextRules.relatedTitle(text) == nil {
                return
            }
            add(.paragraph(text))
        case "blockquote":
            if Self.isChrome(element) { return }
            let paragraphs = element.childElements.filter { $0.name == "p" }
            let text = paragraphs.isEmpty ? HTMLText.line(of: element)
                : paragraphs.map(HTMLText.line(of:)).filter { !$0.isEmpty }.joined(separator: " ")
            add(.quote(text))
        case "ul", "ol":
            if dropsLinkLists && Self.linkDensity(element) > 0.5 { return }
            let items = element.childElements.filter { $0.name == "li" }.map(HTMLText.line(of:)).filter { !$0.isEmpty }
            if !items.isEmpty { add(.list(items, ordered: element.name == "ol")) }
        case "figure":
            if var caption = Self.figureCaption(element) {
                caption.url = Self.imageAddress(in: element, relativeTo: baseURL)
                pieces.append(.figure(caption))
            }
        case "table":
            let rows = element.descendants(named: ["tr"]).map(HTMLText.line(of:)).filter { !$0.isEmpty }
            if !rows.isEmpty { add(.list(rows)) }
        case "hr", "img":
            break
        default:
            if dropsLinkLists && Self.isLinkBlock(element) { return }
            let header = Self.isHeader(element)
            if header { headerDepth += 1 }
            walk(element)
            flushInline()
            if header { headerDepth -= 1 }
        }
    }

    private mutating func add(_ piece: PagePiece) {
        switch piece {
        case .title(let text):
            if text.isEmpty { return }
        case .heading(let text), .paragraph(let text), .quote(let text):
            if text.isEmpty || headerDepth > 0 { return }
            // A `Baca Juga` line is a related link, read by the assembler.
            if ArticleTextRules.relatedTitle(text) == nil, BoilerplateText.isChrome(text) { return }
        case .list(let items, _):
            if headerDepth > 0 || items.allSatisfy(BoilerplateText.isChrome) { return }
        default: break
        }
        pieces.append(piece)
    }

    static func isHeader(_ element: HTMLElement) -> Bool {
        element.name == "header" || element.name == "hgroup"
            || BoilerplateNames.reading(of: element).contains(.standfirst)
    }

    mutating func flushInline() {
        let text = Sanitizer.sanitizeLine(inline)
        inline = ""
        if !text.isEmpty { add(.paragraph(text)) }
    }

    // MARK: Boxes known by their heading

    private mutating func collectBoxes(in element: HTMLElement) {
        for child in element.childElements where !HTMLText.inlineElements.contains(child.name) {
            if let box = recogniseBox(child) {
                if let box { pieces.append(box) }
            } else {
                collectBoxes(in: child)
            }
        }
    }

    /// A container whose first line of text names it: the key points (`Intinya sih...`), a
    /// `Baca Juga` box, the editorial team, the topics, or another footer part (share
    /// buttons, `Follow Us`, `Editor's Picks`: dropped, so `.some(nil)`). `nil`: no such box.
    private func recogniseBox(_ element: HTMLElement) -> PagePiece?? {
        guard ["div", "section", "aside", "footer", "header", "ul", "nav", "p"].contains(element.name),
              let (heading, rest) = Self.headingAndRest(of: element)
        else { return nil }
        if ArticleTextRules.isKeyPointsHeading(heading) {
            let items = rest.flatMap { $0.name == "li" ? [$0] : $0.descendants(named: ["li"]) }.map(HTMLText.line(of:))
            let points = items.filter { !$0.isEmpty }
            return points.isEmpty ? nil : .some(.keyPoints(points))
        }
        if let title = ArticleTextRules.relatedTitle(heading), element.name != "p" {
            let linked = rest.map(HTMLText.line(of:)).filter { !$0.isEmpty }.joined(separator: " ")
            let text = title.isEmpty ? linked : title
            return text.isEmpty ? .some(nil) : .some(.related(text))
        }
        guard ArticleTextRules.isFooterHeading(heading), element.name != "p" else { return nil }
        switch heading.lowercased() {
        case "editorial team":
            let lines = rest.flatMap(Self.lines(of:))
            return .some(.team(lines))
        case "topics", "topic":
            let topics = rest.flatMap { $0.name == "a" ? [$0] : $0.descendants(named: ["a", "li"]) }
                .map(HTMLText.line(of:)).map { String($0.drop(while: { $0 == "#" })) }.filter { !$0.isEmpty }
            var unique: [String] = []
            for topic in topics where !unique.contains(topic) { unique.append(topic) }
            return .some(.topics(unique))
        default:
            return .some(nil)
        }
    }

    static let headingElements: Set<String> = [
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "span", "strong", "b", "em", "i", "label", "a", "summary", "legend",
    ]

    /// The first child with text, as a line, and the element children after it; `nil` when
    /// the element's first text is not in a child of its own or a text run.
    static func headingAndRest(of element: HTMLElement) -> (String, [HTMLElement])? {
        var index = 0
        let children = element.children
        while index < children.count {
            switch children[index] {
            case .text(let text):
                let line = Sanitizer.sanitizeLine(text)
                if !line.isEmpty {
                    let rest = children[(index + 1)...].compactMap { node -> HTMLElement? in
                        if case .element(let child) = node { return child } else { return nil }
                    }
                    return (line, rest)
                }
            case .element(let child):
                if HTMLText.invisibleElements.contains(child.name) { break }
                // A long first child names nothing (and its text is not worth reading out).
                if child.measure.length > 64 { return nil }
                let line = HTMLText.line(of: child)
                if !line.isEmpty {
                    // Only a heading-like element names its parent; a container with text
                    // first is a box of its own, or not one.
                    guard headingElements.contains(child.name) else { return nil }
                    // A key-points box may open with its heading inside an `h2` or a `div`.
                    if line.utf8.count > 60 { return nil }
                    let rest = children[(index + 1)...].compactMap { node -> HTMLElement? in
                        if case .element(let child) = node { return child } else { return nil }
                    }
                    return (line, rest)
                }
            }
            index += 1
        }
        return nil
    }

    /// The lines of a team list: each `li`, `p` or `div` that holds no other block, else the
    /// element; within one, each text run and inline element is a line of its own, so that a
    /// role and a name in separate `span`s or `a`s (`<span>Writer</span><a>Rani Putri</a>`)
    /// read as a role line and the name it names.
    static func lines(of element: HTMLElement) -> [String] {
        let blocks = element.descendants { ["li", "p", "div", "dd", "dt"].contains($0.name) && $0.descendants(named: ["li", "p", "div", "dd", "dt"]).isEmpty }
        let source = blocks.isEmpty ? [element] : blocks
        return source.flatMap { block -> [String] in
            var lines: [String] = []
            for child in block.children {
                switch child {
                case .text(let text): lines.append(Sanitizer.sanitizeLine(text))
                case .element(let inner):
                    if HTMLText.invisibleElements.contains(inner.name) || HTMLText.isHidden(inner) { continue }
                    if HTMLText.inlineElements.contains(inner.name) || blocks.isEmpty {
                        lines.append(HTMLText.line(of: inner))
                    } else {
                        lines += Self.lines(of: inner)
                    }
                }
            }
            return lines
        }.filter { !$0.isEmpty }
    }

    // MARK: Figures

    /// Words of a class that mark a caption's credit.
    static let creditWords: Set<String> = ["credit", "credits", "source", "copyright", "sumber", "photographer", "foto"]

    /// A figure's caption and credit: the credit from an element marked as one (`<small>`,
    /// `<cite>`, a class with `credit`), else the final `(…)` of the caption; the `img`'s `alt`
    /// when there is no `figcaption`.
    static func figureCaption(_ figure: HTMLElement) -> ImageCaption? {
        guard let figcaption = figure.firstDescendant(where: { $0.name == "figcaption" }) else {
            guard let alt = figure.firstDescendant(where: { $0.name == "img" })?["alt"] else { return nil }
            let text = Sanitizer.sanitizeLine(alt)
            return text.isEmpty ? nil : ArticleTextRules.splitCaption(text) ?? ImageCaption(caption: text)
        }
        let creditElement = figcaption.firstDescendant { element in
            if element.name == "small" || element.name == "cite" { return true }
            let classWords = element.classes.flatMap { $0.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }) }
            return classWords.contains { creditWords.contains(String($0)) }
        }
        if let creditElement {
            var captionText = ""
            appendText(of: figcaption, skipping: creditElement, to: &captionText)
            let caption = Sanitizer.sanitizeLine(captionText)
            var credit = HTMLText.line(of: creditElement)
            if credit.hasPrefix("("), credit.hasSuffix(")") { credit = String(credit.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces) }
            guard !caption.isEmpty else { return nil }
            return ImageCaption(caption: caption, credit: credit.isEmpty ? nil : credit)
        }
        let text = HTMLText.line(of: figcaption)
        guard !text.isEmpty else { return nil }
        return ArticleTextRules.splitCaption(text) ?? ImageCaption(caption: text)
    }

    /// The address of a figure's first `img`: its `src`, or, when that is missing or a
    /// placeholder (`data:`, a lazy loader's blank), its `data-src` (and kin) or the first
    /// candidate of its `srcset`; made absolute, `http`/`https` only.
    static func imageAddress(in figure: HTMLElement, relativeTo base: URL?) -> String? {
        guard let img = figure.firstDescendant(where: { $0.name == "img" }) else { return nil }
        let srcsetFirst: (String?) -> String? = { srcset in
            srcset?.split(separator: ",").first?.split(whereSeparator: \.isWhitespace).first.map(String.init)
        }
        let lazy = [img["data-src"], img["data-lazy-src"], img["data-original"], srcsetFirst(img["srcset"]), srcsetFirst(img["data-srcset"])]
        let src = img["src"]
        let candidates = src.map(isPlaceholder) == false ? [src] + lazy : lazy + [src]
        for candidate in candidates {
            guard let candidate, !candidate.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            if let url = PageMetadata.imageURL(candidate, relativeTo: base) { return url }
        }
        return nil
    }

    /// Words of a lazy loader's stand-in picture's file name (`blank.gif`, `placeholder.png`).
    static let placeholderWords = ["placeholder", "blank", "spacer", "pixel", "transparent", "lazy", "loading", "grey", "gray"]

    static func isPlaceholder(_ src: String) -> Bool {
        let lowered = src.lowercased()
        if lowered.hasPrefix("data:") || lowered.hasPrefix("about:") { return true }
        let name = lowered.split(separator: "?").first?.split(separator: "/").last ?? ""
        return placeholderWords.contains { name.contains($0) }
    }

    private static func appendText(of element: HTMLElement, skipping skipped: HTMLElement, to text: inout String) {
        for child in element.children {
            switch child {
            case .text(let run): text += run
            case .element(let inner):
                if inner === skipped || HTMLText.invisibleElements.contains(inner.name) { continue }
                text += inner.name == "br" ? " " : ""
                appendText(of: inner, skipping: skipped, to: &text)
            }
        }
    }

    // MARK: Link density

    /// The share of an element's text that is inside links.
    static func linkDensity(_ element: HTMLElement) -> Double { element.measure.linkDensity }

    /// A block that is mostly links and short: a menu, a tag cloud, a list of other articles.
    static func isLinkBlock(_ element: HTMLElement) -> Bool {
        element.measure.length < 300 && element.measure.linkDensity > 0.5
    }
}
