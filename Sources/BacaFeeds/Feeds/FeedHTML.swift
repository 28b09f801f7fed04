import BacaCore
import CLibXML2
import Foundation

/// The HTML of a feed (a description, a content, an HTML title) as paragraphs of plain text,
/// read by walking libxml2's HTML tree directly.
///
/// Written for feeds rather than through `HTMLText.paragraphs(fromHTML:)`, which builds a Swift
/// copy of the tree (`HTMLDocument`) for page extraction: a 1 MB feed is hundreds of fragments,
/// and the copy and the wrapping made its parse ten times slower (`baca-bench feed-parse`).
/// The rules are `HTMLText`'s: block elements and `<br>` end a paragraph; scripts, styles,
/// frames, forms and embedded objects vanish with their text; hidden elements too; entities are
/// decoded; every paragraph is sanitised. Unlike a page, a feed's SVG and MathML keep their text
/// (a formula, an image's description), as feedparser keeps it.
enum FeedHTML {
    /// Elements whose text never reaches an article.
    static let invisibleElements: Set<String> = HTMLText.invisibleElements.subtracting(["svg", "math", "object", "embed"])

    /// Elements dropped with their attributes but not their text: an `<embed>` is void, so
    /// what libxml2 nests in an unclosed one is the text after it; an `<object>`'s content is
    /// the text shown instead of the object (its `<param>`s hold none). As feedparser does.
    static let transparentElements: Set<String> = ["object", "embed"]

    static func paragraphs(fromHTML html: String) -> [String] {
        var source = html
        let (hasEscape, hasText) = source.withUTF8 { bytes -> (Bool, Bool) in
            guard let base = bytes.baseAddress else { return (false, false) }
            return (memchr(base, 0x1B, bytes.count) != nil, bytes.contains { $0 > 0x20 })
        }
        guard hasText else { return [] }
        if hasEscape {
            // libxml2 drops the ESC of an escape sequence and keeps the rest (`[2J`): remove the
            // sequences whole first, as a capture's are.
            source = Sanitizer.sanitize(source)
        }
        let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let document: htmlDocPtr? = source.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(clamping: chars.count), nil, "UTF-8", options)
            }
        } ?? {
            let bytes = Array(source.utf8)
            return bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    htmlReadMemory(chars.baseAddress, Int32(clamping: chars.count), nil, "UTF-8", options)
                }
            }
        }()
        guard let document else {
            return [Sanitizer.sanitizeLine(source)].filter { !$0.isEmpty }
        }
        defer { xmlFreeDoc(document) }
        var collector = Collector()
        var child = document.pointee.children
        while let node = child {
            collector.visit(node, depth: 0)
            child = node.pointee.next
        }
        collector.flush()
        return collector.paragraphs
    }

    /// The walk: text gathered into the paragraph being built.
    private struct Collector {
        var paragraphs: [String] = []
        var current = ""
        /// Inside `<svg>`, whose `<title>` and `<desc>` describe the picture.
        var svgDepth = 0

        mutating func flush() {
            guard !current.isEmpty else { return }
            let line = Sanitizer.sanitizeLine(current)
            if !line.isEmpty { paragraphs.append(line) }
            current = ""
        }

        mutating func visit(_ node: xmlNodePtr, depth: Int) {
            guard depth < FeedTree.maximumDepth else { return }
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { current += String(cString: content) }
            case XML_ELEMENT_NODE:
                let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                let describesPicture = svgDepth > 0 && name == "title"
                if (FeedHTML.invisibleElements.contains(name) && !describesPicture) || FeedHTML.isHidden(node) { return }
                if name == "svg" { svgDepth += 1 }
                defer { if name == "svg" { svgDepth -= 1 } }
                if name == "br" {
                    flush()
                    return
                }
                let isBlock = !HTMLText.inlineElements.contains(name) && !FeedHTML.transparentElements.contains(name)
                if isBlock { flush() }
                var child = node.pointee.children
                while let inner = child {
                    visit(inner, depth: depth + 1)
                    child = inner.pointee.next
                }
                if isBlock { flush() }
            default:
                break
            }
        }
    }

    /// Hidden by its own markup (`hidden`, `aria-hidden`, `display: none`), as `HTMLText` reads it.
    static func isHidden(_ node: xmlNodePtr) -> Bool {
        guard node.pointee.properties != nil else { return false }
        if FeedTree.attribute("hidden", of: node) != nil { return true }
        if FeedTree.attribute("aria-hidden", of: node)?.lowercased() == "true" { return true }
        if let style = FeedTree.attribute("style", of: node)?.lowercased().replacingOccurrences(of: " ", with: ""),
           style.contains("display:none") || style.contains("visibility:hidden") {
            return true
        }
        return false
    }
}
