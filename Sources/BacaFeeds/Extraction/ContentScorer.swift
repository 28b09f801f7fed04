/// Finds a page's article by scoring its paragraphs, in the manner of Readability (Mozilla's
/// published algorithm) on our own tree; hand-written because no Swift library does this on
/// libxml2's tree.
///
/// 1. Chrome is set aside: hidden elements, `nav`/`aside`/`footer`, and (strict pass) elements
///    whose class or id names chrome (`BoilerplateNames.isUnlikely`).
/// 2. Every paragraph (`p`, `pre`, `td`, a `div` of text alone, a text run of a mixed `div`) of
///    25 characters or more scores 1, plus one per comma, plus one per 100 characters (up to
///    3), for its parent in full, its grandparent half and further ancestors less.
/// 3. A candidate starts from its tag (a `div` +5, a list −3, a heading −5) and its class and
///    id weight (±25); its total is scaled by the share of its text that is not links.
/// 4. The best candidate is widened to the ancestor several close candidates share, and to a
///    parent that scores more; then its siblings that score near it, or are paragraphs of
///    prose, join it.
struct ContentScorer {
    /// What a pass may do; the relaxed passes drop these one by one when the strict one finds
    /// too little text.
    struct Rules: OptionSet {
        let rawValue: Int
        static let stripUnlikely = Rules(rawValue: 1)
        static let weightClasses = Rules(rawValue: 2)
        static let cleanConditionally = Rules(rawValue: 4)
        static let strict: Rules = [.stripUnlikely, .weightClasses, .cleanConditionally]
    }

    let rules: Rules
    /// Elements the pass set aside.
    private(set) var excluded: Set<ObjectIdentifier> = []
    private var scores: [ObjectIdentifier: Double] = [:]
    private var candidates: [HTMLElement] = []

    init(rules: Rules) {
        self.rules = rules
    }

    static let minimumParagraph = 25
    /// Elements that make a `div` a container rather than a paragraph.
    static let blockElements: Set<String> = [
        "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "section", "article", "figure", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "footer", "aside", "nav", "main", "form", "hr", "picture", "video", "iframe",
    ]

    /// The article's elements in document order: the best candidate and the siblings that join
    /// it; empty when nothing scored.
    mutating func articleElements(in body: HTMLElement) -> [HTMLElement] {
        collect(body)
        guard !candidates.isEmpty else { return [] }
        var ranked: [(HTMLElement, Double)] = candidates.map { element in
            let score = scores[ObjectIdentifier(element)] ?? 0
            return (element, score * (1 - element.measure.linkDensity))
        }
        ranked.sort { $0.1 > $1.1 }
        for (element, score) in ranked { scores[ObjectIdentifier(element)] = score }
        var top = ranked[0].0
        let topScore = ranked[0].1
        if top === body { return [body] }

        // Several close candidates under one ancestor: the ancestor is the article.
        let close = ranked.prefix(6).dropFirst().filter { $0.1 >= topScore * 0.75 }.map(\.0)
        if close.count >= 3 {
            var ancestor = top.parent
            while let current = ancestor, current !== body {
                if close.filter({ $0.isInside(current) }).count >= 3 { top = current; break }
                ancestor = current.parent
            }
        }
        // A parent scoring more than its best child holds more of the article.
        var lastScore = score(top)
        let threshold = lastScore / 3
        var parent = top.parent
        while let current = parent, current !== body {
            guard let parentScore = scores[ObjectIdentifier(current)] else { parent = current.parent; continue }
            if parentScore < threshold { break }
            if parentScore > lastScore { top = current; break }
            lastScore = parentScore
            parent = current.parent
        }
        while let current = top.parent, current !== body, current.childElements.count == 1 { top = current }

        // Siblings of the article that belong to it.
        guard let container = top.parent else { return [top] }
        let best = score(top)
        let siblingThreshold = max(10, best * 0.2)
        let topClass = top["class"] ?? ""
        var elements: [HTMLElement] = []
        for sibling in container.childElements {
            if sibling === top { elements.append(sibling); continue }
            if excluded.contains(ObjectIdentifier(sibling)) || PageWalker.isChrome(sibling) { continue }
            let bonus = !topClass.isEmpty && sibling["class"] == topClass ? best * 0.2 : 0
            if let siblingScore = scores[ObjectIdentifier(sibling)], siblingScore + bonus >= siblingThreshold {
                elements.append(sibling)
            } else if scores[ObjectIdentifier(sibling)] == nil, !topClass.isEmpty, sibling["class"] == topClass,
                      sibling.measure.length > 200, sibling.measure.linkDensity < 0.25 {
                // A part of the article like the best one, its paragraphs nested too deep to score.
                elements.append(sibling)
            } else if sibling.name == "p" || (sibling.name == "div" && !hasBlockChild(sibling)) {
                let measure = sibling.measure
                if measure.length > 80 && measure.linkDensity < 0.25 {
                    elements.append(sibling)
                } else if measure.length > 0, measure.length <= 80, measure.linkLength == 0, endsSentence(HTMLText.line(of: sibling)) {
                    elements.append(sibling)
                }
            }
        }
        return elements
    }

    func score(_ element: HTMLElement) -> Double { scores[ObjectIdentifier(element)] ?? 0 }

    func isExcluded(_ element: HTMLElement) -> Bool { excluded.contains(ObjectIdentifier(element)) }

    private func endsSentence(_ text: String) -> Bool {
        text.hasSuffix(".") || text.contains(". ") || text.hasSuffix("。") || text.hasSuffix("!") || text.hasSuffix("?")
    }

    func hasBlockChild(_ element: HTMLElement) -> Bool {
        element.childElements.contains { Self.blockElements.contains($0.name) }
    }

    // MARK: Scoring

    private mutating func collect(_ element: HTMLElement) {
        var inlineRun = TextMeasure()
        for child in element.children {
            switch child {
            case .text(let text):
                inlineRun = inlineRun + TextMeasure.of(text)
            case .element(let inner):
                if HTMLText.invisibleElements.contains(inner.name) || HTMLText.isHidden(inner) || ["nav", "aside"].contains(inner.name) {
                    excluded.insert(ObjectIdentifier(inner))
                    continue
                }
                if rules.contains(.stripUnlikely), inner.name == "footer" || BoilerplateNames.isUnlikely(inner) {
                    excluded.insert(ObjectIdentifier(inner))
                    continue
                }
                if HTMLText.inlineElements.contains(inner.name) && !["img", "picture"].contains(inner.name) {
                    inlineRun = inlineRun + inner.measure
                    continue
                }
                if element.name == "div" || element.name == "section" || element.name == "article" {
                    scoreParagraph(inlineRun, ancestors: element)
                }
                inlineRun = TextMeasure()
                switch inner.name {
                case "p", "pre":
                    scoreParagraph(inner.measure, ancestors: element)
                case "td" where hasBlockChild(inner):
                    // A layout table's cell: scored, and its paragraphs too.
                    scoreParagraph(inner.measure, ancestors: element)
                    collect(inner)
                case "td":
                    scoreParagraph(inner.measure, ancestors: element)
                case "div" where !hasBlockChild(inner):
                    scoreParagraph(inner.measure, ancestors: element)
                default:
                    collect(inner)
                }
            }
        }
        if element.name == "div" || element.name == "section" || element.name == "article" {
            scoreParagraph(inlineRun, ancestors: element)
        }
    }

    /// Adds a paragraph's points to its parent (`first`) and the ancestors above it.
    private mutating func scoreParagraph(_ measure: TextMeasure, ancestors first: HTMLElement) {
        guard measure.length >= Self.minimumParagraph else { return }
        let points = 1 + Double(measure.commas) + min(3, Double(measure.length / 100))
        var ancestor: HTMLElement? = first
        var level = 0
        while let current = ancestor, level < 5 {
            let key = ObjectIdentifier(current)
            if scores[key] == nil {
                scores[key] = initialScore(current)
                candidates.append(current)
            }
            let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level) * 3
            scores[key, default: 0] += points / divider
            if current.name == "body" { break }
            ancestor = current.parent
            level += 1
        }
    }

    private func initialScore(_ element: HTMLElement) -> Double {
        var score: Double
        switch element.name {
        case "div", "article", "main": score = 5
        case "pre", "td", "blockquote": score = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
        default: score = 0
        }
        if rules.contains(.weightClasses) { score += BoilerplateNames.weight(of: element) }
        return score
    }

    // MARK: Cleaning

    /// Whether a container inside the article is boilerplate (Readability's conditional
    /// cleaning): a chrome name, or more links, list items, images, inputs or embeds than
    /// prose, unless it has the commas of real text.
    func isBoilerplate(_ element: HTMLElement) -> Bool {
        guard ["div", "section", "ul", "ol", "table", "form", "fieldset", "aside", "header", "footer"].contains(element.name) else { return false }
        let weight = rules.contains(.weightClasses) ? BoilerplateNames.weight(of: element) : 0
        if weight + score(element) < 0 { return true }
        let measure = element.measure
        guard measure.commas < 10 else { return false }
        let isList = element.name == "ul" || element.name == "ol"
        var paragraphs = 0, images = 0, items = 0, inputs = 0, embeds = 0, headingLength = 0
        var insideFigure = false
        var ancestor = element.parent
        while let current = ancestor { if current.name == "figure" { insideFigure = true; break }; ancestor = current.parent }
        func count(_ node: HTMLElement) {
            for child in node.childElements {
                switch child.name {
                case "p": paragraphs += 1
                case "img": images += 1
                case "li": items += 1
                case "input", "select", "textarea", "button": inputs += 1
                case "iframe", "embed", "object", "video": embeds += 1
                case "h1", "h2", "h3", "h4", "h5", "h6": headingLength += child.measure.length
                default: break
                }
                count(child)
            }
        }
        count(element)
        let length = measure.length
        let headingDensity = length == 0 ? 0 : Double(headingLength) / Double(length)
        let density = measure.linkDensity
        if images > 1 && Double(paragraphs) / Double(images) < 0.5 && !insideFigure { return true }
        if !isList && items - 100 > paragraphs { return true }
        if inputs > paragraphs / 3 { return true }
        if !isList && headingDensity < 0.9 && length < 25 && (images == 0 || images > 2) && !insideFigure { return true }
        if !isList && weight < 25 && density > 0.2 { return true }
        if weight >= 25 && density > 0.5 { return true }
        if (embeds == 1 && length < 75) || embeds > 1 { return true }
        if isList && density > 0.5 { return true }
        return false
    }
}
