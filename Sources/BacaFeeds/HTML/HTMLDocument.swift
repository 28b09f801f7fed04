import BacaCore
import CLibXML2
import Foundation

/// An element of a parsed page: a plain Swift tree copied out of libxml2's, so that nothing
/// after parsing touches C memory.
///
/// Only what extraction reads is kept: element names (lower-cased), attributes and text.
/// Comments, processing instructions and the content of elements that are never article text
/// (`script` other than JSON-LD, `style`, `template`, `noscript`, `svg`, `math`) are dropped
/// while copying.
public final class HTMLElement {
    public let name: String
    public let attributes: [String: String]
    public private(set) var children: [HTMLNode] = []
    public private(set) weak var parent: HTMLElement?
    /// `measure`, once computed.
    var cachedMeasure: TextMeasure?
    /// The extractor's reading of the class and id (`BoilerplateNames.reading`), once computed.
    var cachedNameReading: UInt16?

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    func append(_ node: HTMLNode) {
        if case .element(let element) = node {
            element.parent = self
            childElements.append(element)
        }
        children.append(node)
    }

    public subscript(attribute: String) -> String? { attributes[attribute] }

    /// The element's classes.
    public var classes: [Substring] {
        (attributes["class"] ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
    }

    /// The element children, in order (kept as they are appended: traversals ask for them
    /// at every step).
    public private(set) var childElements: [HTMLElement] = []

    /// Every element below this one, depth first, in document order.
    public func descendants(where predicate: (HTMLElement) -> Bool) -> [HTMLElement] {
        var found: [HTMLElement] = []
        func visit(_ element: HTMLElement) {
            for child in element.childElements {
                if predicate(child) { found.append(child) }
                visit(child)
            }
        }
        visit(self)
        return found
    }

    public func descendants(named names: Set<String>) -> [HTMLElement] {
        descendants { names.contains($0.name) }
    }

    public func firstDescendant(where predicate: (HTMLElement) -> Bool) -> HTMLElement? {
        for child in childElements {
            if predicate(child) { return child }
            if let found = child.firstDescendant(where: predicate) { return found }
        }
        return nil
    }

    /// Whether `ancestor` is this element or holds it.
    public func isInside(_ ancestor: HTMLElement) -> Bool {
        var current: HTMLElement? = self
        while let element = current {
            if element === ancestor { return true }
            current = element.parent
        }
        return false
    }

    /// The raw text of the element and its descendants, white space as in the source.
    public var rawText: String {
        var result = ""
        func visit(_ element: HTMLElement) {
            for child in element.children {
                switch child {
                case .text(let text): result += text
                case .element(let element): visit(element)
                }
            }
        }
        visit(self)
        return result
    }
}

/// A node of the tree: an element or a run of text.
public enum HTMLNode {
    case element(HTMLElement)
    case text(String)
}

/// A page parsed by libxml2's HTML parser: forgiving of broken markup, never fetching
/// anything (`HTML_PARSE_NONET`), reporting no errors on the terminal.
public struct HTMLDocument {
    /// The `html` element.
    public let root: HTMLElement
    /// The character set the page was read in (`UTF-8`, `windows-1252` …).
    public let encoding: String

    /// Elements whose content is never article text and is not copied.
    static let droppedContent: Set<String> = ["style", "template", "noscript", "svg", "math", "object", "embed"]

    /// Parses `data`. `charset` is the one the HTTP header declared: it wins over the page's
    /// `<meta charset>`, which libxml2 reads otherwise. A page that declares nothing is read
    /// as UTF-8 when it is valid UTF-8, else as Windows-1252.
    public init(data: Data, charset declared: String? = nil, url: URL? = nil) throws(ExtractionError) {
        Self.initialiseLibrary
        guard !data.isEmpty else { throw .empty }
        let charset = declared.flatMap(Self.normalisedCharset)
        var parsed = Self.parse(data, encoding: charset, url: url)
        if parsed == nil, charset != nil { parsed = Self.parse(data, encoding: nil, url: url) }
        guard var document = parsed else { throw .notHTML }
        if charset == nil, document.pointee.encoding == nil {
            // Nothing declared: libxml2 assumed Latin-1; UTF-8 is far likelier today.
            let fallback = String(validating: data, as: UTF8.self) != nil ? "UTF-8" : "windows-1252"
            if let again = Self.parse(data, encoding: fallback, url: url) {
                xmlFreeDoc(document)
                document = again
            }
        }
        let usedEncoding = charset ?? document.pointee.encoding.map { String(cString: $0) } ?? "UTF-8"
        if Self.containsEscape(data), let text = Self.decode(data, encoding: usedEncoding),
           let clean = Self.parse(Data(Sanitizer.sanitize(text).utf8), encoding: "UTF-8", url: url) {
            // libxml2 drops the ESC of an escape sequence and keeps the rest (`[2J`): read such a
            // page sanitised first, so that the sequence goes whole, as in a capture.
            xmlFreeDoc(document)
            document = clean
        }
        defer { xmlFreeDoc(document) }
        guard let rootNode = xmlDocGetRootElement(document) else { throw .notHTML }
        let root = HTMLElement(name: "html", attributes: [:])
        Self.copyChildren(of: rootNode, into: root, depth: 0)
        self.root = root
        self.encoding = usedEncoding
    }

    /// Whether the bytes hold an ESC (`memchr`: iterating `Data` byte by byte is slow).
    static func containsEscape(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0x1B, raw.count) != nil } ?? false }
    }

    /// The text of a page in the encodings that carry ESC as a byte of its own.
    static func decode(_ data: Data, encoding: String) -> String? {
        switch encoding.lowercased() {
        case "utf-8", "utf8": return String(decoding: data, as: UTF8.self)
        case "windows-1252", "iso-8859-1", "cp1252", "latin1", "us-ascii": return Windows1252.decode(data)
        default: return nil
        }
    }

    /// Called once before any parse: libxml2 wants its globals set up on one thread.
    private static let initialiseLibrary: Void = {
        xmlInitParser()
    }()

    private static func parse(_ data: Data, encoding: String?, url: URL?) -> htmlDocPtr? {
        let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        return data.withUnsafeBytes { raw -> htmlDocPtr? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return htmlReadMemory(base, Int32(clamping: raw.count), url?.absoluteString, encoding, options)
        }
    }

    /// `text/html; charset="Windows-1252"` → `windows-1252`; names libxml2 cannot read → `nil`.
    static func normalisedCharset(_ charset: String) -> String? {
        var name = charset.trimmingCharacters(in: .whitespaces).lowercased()
        if name.hasPrefix("\"") || name.hasPrefix("'") { name = String(name.dropFirst()) }
        if name.hasSuffix("\"") || name.hasSuffix("'") { name = String(name.dropLast()) }
        switch name {
        case "": return nil
        case "utf8": return "UTF-8"
        // Browsers read Latin-1 as Windows-1252 (the WHATWG Encoding standard does too).
        case "iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "cp1252", "x-cp1252": return "windows-1252"
        default:
            guard name.unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit || ("a"..."z").contains($0) || "-_:.".unicodeScalars.contains($0) })
            else { return nil }
            return name
        }
    }

    /// The deepest a tree is copied: deeper markup is broken or hostile.
    static let maximumDepth = 256

    private static func copyChildren(of node: xmlNodePtr, into element: HTMLElement, depth: Int) {
        guard depth < maximumDepth else { return }
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let name = current.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                let attributes = Self.attributes(of: current)
                if name == "script" {
                    // JSON-LD is data, read as such; every other script is dropped whole.
                    if (attributes["type"] ?? "").lowercased().contains("ld+json") {
                        let script = HTMLElement(name: name, attributes: attributes)
                        script.append(.text(Self.content(of: current)))
                        element.append(.element(script))
                    }
                } else if !droppedContent.contains(name) {
                    let copy = HTMLElement(name: name, attributes: attributes)
                    copyChildren(of: current, into: copy, depth: depth + 1)
                    element.append(.element(copy))
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    element.append(.text(String(cString: content)))
                }
            default:
                break
            }
            child = current.pointee.next
        }
    }

    private static func attributes(of node: xmlNodePtr) -> [String: String] {
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name {
                let key = String(cString: name).lowercased()
                var value = ""
                var child = current.pointee.children
                while let text = child {
                    if let content = text.pointee.content { value += String(cString: content) }
                    child = text.pointee.next
                }
                if attributes[key] == nil { attributes[key] = value }
            }
            attribute = current.pointee.next
        }
        return attributes
    }

    /// The text directly inside `node` (a script's JSON).
    private static func content(of node: xmlNodePtr) -> String {
        var text = ""
        var child = node.pointee.children
        while let current = child {
            if let content = current.pointee.content { text += String(cString: content) }
            child = current.pointee.next
        }
        return text
    }
}

/// Why a page gave no article. `description` is one line.
public enum ExtractionError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case notHTML
    case tooLarge(bytes: Int, limit: Int)
    case noArticle

    public var description: String {
        switch self {
        case .empty: return "empty page"
        case .notHTML: return "not an HTML page"
        case .tooLarge(let bytes, let limit): return "page too large (\(bytes) bytes; the limit is \(limit))"
        case .noArticle: return "no article text found in the page"
        }
    }
}
