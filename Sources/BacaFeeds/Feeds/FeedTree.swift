import BacaCore
import CLibXML2
import Foundation

/// Reading libxml2's tree: names, namespaces, attributes, text and inner markup of elements.
/// Nothing here keeps a pointer past the document's life (`XMLFeedParser` frees it).
enum FeedTree {
    /// The vocabularies a feed element may come from, namespaces folded the way feedparser
    /// folds them (RSS 0.90/1.0 and Userland's RSS namespaces are plain RSS).
    enum Vocabulary: Equatable {
        case plain, atom10, atom03, rdf, dc, dcterms, content, media, itunes, xhtml, other
    }

    static func vocabulary(of node: xmlNodePtr) -> Vocabulary {
        guard let namespace = node.pointee.ns, let href = namespace.pointee.href else { return .plain }
        let uri = String(cString: href).lowercased()
        switch uri {
        case "", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/", "http://backend.userland.com/rss2",
             "http://backend.userland.com/rss", "http://blogs.law.harvard.edu/tech/rss", "http://purl.org/net/rss1.1#":
            return .plain
        case "http://www.w3.org/2005/atom": return .atom10
        case "http://purl.org/atom/ns#", "http://purl.org/pie/", "http://example.com/newformat#", "http://example.com/necho",
             "http://purl.org/echo/", "uri/of/echo/namespace#":
            return .atom03
        case "http://www.w3.org/1999/02/22-rdf-syntax-ns#": return .rdf
        case "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/elements/1.0/": return .dc
        case "http://purl.org/dc/terms/": return .dcterms
        case "http://purl.org/rss/1.0/modules/content/": return .content
        case "http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss", "http://tools.search.yahoo.com/mrss/": return .media
        case "http://www.itunes.com/dtds/podcast-1.0.dtd", "http://example.com/dtds/podcast-1.0.dtd": return .itunes
        case "http://www.w3.org/1999/xhtml": return .xhtml
        default: return .other
        }
    }

    /// The element's local name, lower-cased (CDF and some feeds shout: `<TITLE>`).
    static func name(of node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    /// The child elements, in order.
    static func children(of node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    /// The field elements of an item or entry, and the items nested in it.
    ///
    /// A missing close tag (`<title>Judul` with no `</title>`) makes libxml2's recovery nest
    /// the rest of the item inside the open element, and the next items inside the item: the
    /// fields are looked for inside other fields too, and a nested item is an item of its own.
    static func fields(of container: xmlNodePtr, itemName: String, fieldNames: Set<String>) -> (fields: [xmlNodePtr], nested: [xmlNodePtr]) {
        var fields: [xmlNodePtr] = []
        var nested: [xmlNodePtr] = []
        func visit(_ node: xmlNodePtr, depth: Int) {
            for child in children(of: node) {
                let name = self.name(of: child)
                if name == itemName {
                    nested.append(child)
                    continue
                }
                if depth == 0 || fieldNames.contains(name) { fields.append(child) }
                if depth < 8, hasChildElements(child),
                   children(of: child).contains(where: { let inner = self.name(of: $0); return inner == itemName || fieldNames.contains(inner) }) {
                    visit(child, depth: depth + 1)
                }
            }
        }
        visit(container, depth: 0)
        return (fields, nested)
    }

    /// The text of `node` without the elements named in `skipping` (fields nested in it by a
    /// missing close tag).
    static func text(of node: xmlNodePtr, skipping: Set<String>) -> String {
        var text = ""
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type != XML_ELEMENT_NODE || !skipping.contains(name(of: current)) {
                if current.pointee.type == XML_ELEMENT_NODE {
                    text += self.text(of: current, skipping: skipping)
                } else {
                    appendText(of: current, to: &text, depth: 0)
                }
            }
            child = current.pointee.next
        }
        return text
    }

    /// An attribute by local name (any namespace, case ignored), its entities read.
    static func attribute(_ wanted: String, of node: xmlNodePtr) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name, String(cString: name).lowercased() == wanted {
                var value = ""
                var child = current.pointee.children
                while let part = child {
                    appendText(of: part, to: &value, depth: 0)
                    child = part.pointee.next
                }
                return value
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// The text inside `node`: its text, its children's text, its entities read.
    static func text(of node: xmlNodePtr) -> String {
        var text = ""
        var child = node.pointee.children
        while let current = child {
            appendText(of: current, to: &text, depth: 0)
            child = current.pointee.next
        }
        return text
    }

    /// Whether `node` holds elements (markup written unescaped inside a feed element).
    static func hasChildElements(_ node: xmlNodePtr) -> Bool {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { return true }
            child = current.pointee.next
        }
        return false
    }

    static let maximumDepth = 200

    private static func appendText(of node: xmlNodePtr, to text: inout String, depth: Int) {
        guard depth < maximumDepth else { return }
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { text += SetAsideCDATA.string(content, of: node) }
        case XML_ENTITY_REF_NODE:
            text += entityText(node)
        case XML_ELEMENT_NODE:
            var child = node.pointee.children
            while let current = child {
                appendText(of: current, to: &text, depth: depth + 1)
                child = current.pointee.next
            }
        default:
            break
        }
    }

    /// A reference to an entity the document declared: its replacement text when that text
    /// is plain (no markup, no further references), else nothing. One level only: a chain of
    /// entities (an entity bomb) never expands.
    static func entityText(_ node: xmlNodePtr) -> String {
        guard let declaration = node.pointee.children, declaration.pointee.type == XML_ENTITY_DECL else { return "" }
        let entity = UnsafeMutableRawPointer(declaration).assumingMemoryBound(to: xmlEntity.self)
        guard entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY, let content = entity.pointee.content else { return "" }
        let value = String(cString: content)
        guard value.utf8.count <= 4096, !value.contains("&"), !value.contains("<") else { return "" }
        return value
    }

    /// The markup inside `node`, written back as HTML: namespace prefixes dropped (so that
    /// `xhtml:script` is a `script` to the HTML reader and vanishes with its text), text
    /// escaped, comments and processing instructions left out.
    static func innerMarkup(of node: xmlNodePtr) -> String {
        var markup = ""
        var child = node.pointee.children
        while let current = child {
            appendMarkup(of: current, to: &markup, depth: 0)
            child = current.pointee.next
        }
        return markup
    }

    private static func appendMarkup(of node: xmlNodePtr, to markup: inout String, depth: Int) {
        guard depth < maximumDepth else { return }
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { markup += escape(SetAsideCDATA.string(content, of: node)) }
        case XML_ENTITY_REF_NODE:
            markup += escape(entityText(node))
        case XML_ELEMENT_NODE:
            let name = self.name(of: node)
            markup += "<" + name
            var attribute = node.pointee.properties
            while let current = attribute {
                if let attributeName = current.pointee.name {
                    var value = ""
                    var part = current.pointee.children
                    while let piece = part {
                        appendText(of: piece, to: &value, depth: depth + 1)
                        part = piece.pointee.next
                    }
                    markup += " " + String(cString: attributeName).lowercased() + "=\"" + escape(value, quotes: true) + "\""
                }
                attribute = current.pointee.next
            }
            markup += ">"
            var child = node.pointee.children
            while let current = child {
                appendMarkup(of: current, to: &markup, depth: depth + 1)
                child = current.pointee.next
            }
            markup += "</" + name + ">"
        default:
            break
        }
    }

    static func escape(_ text: String, quotes: Bool = false) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || (quotes && $0 == "\"") }) else { return text }
        var result = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        if quotes { result = result.replacingOccurrences(of: "\"", with: "&quot;") }
        return result
    }

    /// The base URL in force at `node`: its `xml:base` and its ancestors', resolved against the
    /// document's URL (libxml2 does the walk).
    static func base(of node: xmlNodePtr, fallback: URL?) -> URL? {
        guard let document = node.pointee.doc, let base = xmlNodeGetBase(document, node) else { return fallback }
        defer { free(base) }
        let text = String(cString: base)
        return URL(string: text)?.absoluteURL ?? fallback
    }
}
