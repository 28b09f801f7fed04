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

    public var description: String {
        switch self {
        case .empty: return "empty file"
        case .binary: return "binary file, not a text capture"
        case .tooLarge(let bytes, let limit): return "file too large (\(bytes) bytes; the limit is \(limit))"
        case .noTitle: return "no article title found"
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
public enum CaptureLoader {
    /// Captures larger than this are refused.
    public static let maximumBytes = 8 * 1024 * 1024

    public static func load(_ data: Data) throws(CaptureError) -> LoadedCapture {
        fatalError("unimplemented: CaptureLoader.load")
    }
}
