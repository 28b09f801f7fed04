import Foundation

/// Finds the article in a page that does not mark it: the element holding the densest run of
/// paragraphs.
///
/// Each paragraph of at least `minimumParagraph` characters scores for its parent (in full)
/// and its grandparent (half): one point, one per comma, one per 100 characters up to three.
/// A container's score is then scaled by the share of its text that is not links, and chrome
/// (navigation, sidebars, comments, ads: `PageWalker.isChrome`) never scores. The best
/// container is the article.
enum Readability {
    static let minimumParagraph = 25

    static func densestElement(in body: HTMLElement) -> HTMLElement? {
        var scores: [ObjectIdentifier: (element: HTMLElement, score: Double)] = [:]
        func add(_ element: HTMLElement?, _ points: Double) {
            guard let element else { return }
            let key = ObjectIdentifier(element)
            scores[key] = (element, (scores[key]?.score ?? 0) + points)
        }
        func visit(_ element: HTMLElement) {
            for child in element.childElements {
                if PageWalker.isChrome(child) { continue }
                if ["p", "pre", "blockquote"].contains(child.name) {
                    let text = HTMLText.line(of: child)
                    guard text.count >= minimumParagraph else { continue }
                    let commas = Double(text.filter { $0 == "," }.count)
                    let points = 1 + commas + min(3, Double(text.count) / 100)
                    add(element, points)
                    add(element.parent, points / 2)
                } else {
                    visit(child)
                }
            }
        }
        visit(body)
        var best: (HTMLElement, Double)?
        for (_, entry) in scores {
            let score = entry.score * (1 - PageWalker.linkDensity(entry.element))
            if best == nil || score > best!.1 { best = (entry.element, score) }
        }
        return best?.0
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
        }.reduce(0) { $0 + HTMLText.line(of: $1).count }
    }
}
