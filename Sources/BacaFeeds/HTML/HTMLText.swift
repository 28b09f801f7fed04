import BacaCore
import Foundation

/// Text out of HTML, as a reader sees it: never markup, always sanitised.
public enum HTMLText {
    /// Elements that flow inside a line of text.
    static let inlineElements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
        "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt",
        "u", "var", "wbr", "br", "img", "picture", "source",
    ]

    /// Elements that never hold text for a reader.
    static let invisibleElements: Set<String> = [
        "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet",
        "form", "input", "button", "select", "option", "textarea", "canvas", "audio", "video", "map", "svg",
        "math", "dialog", "head", "meta", "link", "title",
    ]

    /// The element's text on one line: white space collapsed, `<br>` a space, sanitised.
    public static func line(of element: HTMLElement) -> String {
        var text = ""
        appendText(of: element, to: &text)
        return Sanitizer.sanitizeLine(text)
    }

    static func appendText(of element: HTMLElement, to text: inout String) {
        for child in element.children {
            switch child {
            case .text(let run): text += run
            case .element(let inner):
                if invisibleElements.contains(inner.name) || isHidden(inner) { continue }
                if inner.name == "br" { text += " "; continue }
                let isBlock = !inlineElements.contains(inner.name)
                if isBlock { text += " " }
                appendText(of: inner, to: &text)
                if isBlock { text += " " }
            }
        }
    }

    /// Hidden by the page itself (`hidden`, `aria-hidden`, `display: none`).
    static func isHidden(_ element: HTMLElement) -> Bool {
        if element["hidden"] != nil { return true }
        if element["aria-hidden"]?.lowercased() == "true" { return true }
        if let style = element["style"]?.lowercased().replacingOccurrences(of: " ", with: ""),
           style.contains("display:none") || style.contains("visibility:hidden") {
            return true
        }
        return false
    }

    /// The paragraphs of an HTML fragment (a feed item's description): block elements and
    /// `<br>` end a paragraph; scripts, styles, frames and forms vanish; entities are decoded.
    /// Plain text without markup comes back as its paragraphs too.
    public static func paragraphs(fromHTML html: String) -> [String] {
        let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [] }
        let wrapped = "<html><head><meta charset=\"utf-8\"></head><body>" + trimmed + "</body></html>"
        guard let document = try? HTMLDocument(data: Data(wrapped.utf8), charset: "UTF-8") else {
            return [Sanitizer.sanitizeLine(trimmed)].filter { !$0.isEmpty }
        }
        var paragraphs: [String] = []
        var current = ""
        func flush() {
            let line = Sanitizer.sanitizeLine(current)
            if !line.isEmpty { paragraphs.append(line) }
            current = ""
        }
        func visit(_ element: HTMLElement) {
            for child in element.children {
                switch child {
                case .text(let run): current += run
                case .element(let inner):
                    if invisibleElements.contains(inner.name) || isHidden(inner) { continue }
                    if inner.name == "br" { flush(); continue }
                    if inlineElements.contains(inner.name) {
                        visit(inner)
                    } else {
                        flush()
                        visit(inner)
                        flush()
                    }
                }
            }
        }
        visit(document.root)
        flush()
        return paragraphs
    }

    /// Plain text (a JSON Feed's `content_text`, a feed's title) as paragraphs: blank lines
    /// separate them, single line ends join lines.
    public static func paragraphs(fromPlainText text: String) -> [String] {
        let clean = Sanitizer.sanitize(text)
        var paragraphs: [String] = []
        var current: [String] = []
        for line in clean.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current.removeAll()
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs.map(Sanitizer.sanitizeLine).filter { !$0.isEmpty }
    }
}
