import Foundation

// CONTRACT (owned by the parser work): bytes of a capture file -> sanitised Article.

/// How the bytes of a capture were decoded.
public enum TextEncodingName: String, Sendable, Codable {
    case utf8 = "UTF-8"
    case utf16 = "UTF-16"
    case windows1252 = "Windows-1252"
}

/// Why a file is not a capture. `description` is one line a user can act on.
public enum CaptureError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case binary
    case tooLarge(bytes: Int, limit: Int)
    case noTitle
    /// Text, but nothing of an article page: no dateline, key points, captions, numbered
    /// sections or editorial team, and too little text to be an article on its own.
    case notACapture

    public var description: String {
        switch self {
        case .empty: return "empty file"
        case .binary: return "binary file, not a text capture"
        case .tooLarge(let bytes, let limit): return "file too large (\(bytes) bytes; the limit is \(limit))"
        case .noTitle: return "no article title found"
        case .notACapture: return "not an article capture (no dateline, key points, captions or sections, and under \(CaptureLoader.minimumPlainWords) words)"
        }
    }
}

/// A capture file turned into an article.
public struct LoadedCapture: Sendable {
    public var article: Article
    public var encoding: TextEncodingName
    public init(article: Article, encoding: TextEncodingName) {
        self.article = article
        self.encoding = encoding
    }
}

/// Decodes, sanitises and parses a capture's bytes.
///
/// The three steps are public on their own too: `CaptureDecoder` (bytes to text),
/// `Sanitizer` (text safe for a terminal) and `CaptureParser` (text to article).
public enum CaptureLoader {
    /// Captures larger than this are refused.
    public static let maximumBytes = 8 * 1024 * 1024

    /// A text with none of a capture's marks is taken as an article only from this many words
    /// of body text on (a saved article without the page around it); shorter notes are refused.
    public static let minimumPlainWords = 80

    /// The article in a capture's bytes.
    ///
    /// Throws `.tooLarge`, `.empty` (also for white space only), `.binary`, or `.noTitle`.
    public static func load(_ data: Data) throws(CaptureError) -> LoadedCapture {
        let decoded = try CaptureDecoder.decode(data)
        let text = Sanitizer.sanitize(decoded.text)
        guard text.unicodeScalars.contains(where: { $0 != " " && $0 != "\n" }) else { throw .empty }
        let article = try CaptureParser.parse(text)
        guard looksLikeArticle(article) else { throw .notACapture }
        return LoadedCapture(article: article, encoding: decoded.encoding)
    }

    /// True when the parsed text has something of an article page, or is long enough to be an
    /// article on its own.
    static func looksLikeArticle(_ article: Article) -> Bool {
        let body = article.sections.flatMap(\.blocks)
        guard !body.isEmpty else { return false }
        let hasMarks = article.location != nil || !article.keyPoints.isEmpty || article.heroImage != nil
            || article.editor != nil || article.author != nil || !article.sources.isEmpty
            || article.sections.contains { $0.number != nil }
            || body.contains { if case .image = $0 { return true } else { return false } }
        if hasMarks { return true }
        let words = body.reduce(0) { $0 + Article.countWords($1.plainText) }
        return words >= minimumPlainWords
    }
}
