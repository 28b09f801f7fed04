import Foundation

// CONTRACT (owned by the parser work): bytes of a capture file -> sanitised Article.

/// How the bytes of a capture were decoded.
public enum TextEncodingName: String, Sendable, Codable {
    case utf8 = "UTF-8"
    case utf16 = "UTF-16"
    case windows1252 = "Windows-1252"
}

/// Why a file is not a capture. `description` is one line a user can act on; `problem` says it
/// in either language.
public enum CaptureError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedMessage {
    case empty
    case binary
    case tooLarge(bytes: Int, limit: Int)
    case noTitle
    /// Text, but nothing of an article page: no dateline, key points, captions, numbered
    /// sections or editorial team, and not enough prose to be an article on its own (a note,
    /// source code, a configuration file, a hard-wrapped document).
    case notACapture

    public var problem: FileProblem {
        switch self {
        case .empty: return .empty
        case .binary: return .binary
        case .tooLarge(let bytes, let limit): return .tooLarge(bytes: bytes, limit: limit)
        case .noTitle: return .noTitle
        case .notACapture: return .notACapture(minimumWords: CaptureLoader.minimumPlainWords)
        }
    }

    public var description: String { problem.description }

    public func describe(in language: Language) -> String { problem.describe(in: language) }
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
    /// of body text on (a saved article without the page around it), and only when it reads as
    /// a browser's copy of an article does (`ProseShape`); shorter notes are refused.
    public static let minimumPlainWords = 80

    /// The article in a capture's bytes.
    ///
    /// Throws `.tooLarge`, `.empty` (also for white space only), `.binary`, or `.noTitle`.
    public static func load(_ data: Data) throws(CaptureError) -> LoadedCapture {
        // Bytes throughout: the parser splits them into lines (no `String` of the whole text,
        // which would be validated once more).
        let decoded = try CaptureDecoder.decodeUTF8(data)
        let sanitized = decoded.utf8.withUnsafeBufferPointer { Sanitizer.sanitizedUTF8($0) }
        guard sanitized.contains(where: { $0 != 0x20 && $0 != 0x0A }) else { throw .empty }
        let article = try CaptureParser.parse(sanitizedUTF8: sanitized)
        guard looksLikeArticle(article, text: String(decoding: sanitized, as: UTF8.self)) else { throw .notACapture }
        return LoadedCapture(article: article, encoding: decoded.encoding)
    }

    /// True when the parsed text has something of an article page, or is prose long enough to
    /// be an article on its own.
    static func looksLikeArticle(_ article: Article, text: @autoclosure () -> String) -> Bool {
        // Over the sections' blocks where they are (no array of every block).
        guard article.sections.contains(where: { !$0.blocks.isEmpty }) else { return false }
        let hasMarks = article.location != nil || !article.keyPoints.isEmpty || article.heroImage != nil
            || article.editor != nil || article.author != nil || !article.sources.isEmpty
            || article.sections.contains { $0.number != nil }
            || article.sections.contains { $0.blocks.contains { if case .image = $0 { return true } else { return false } } }
        if hasMarks { return true }
        let words = article.sections.reduce(0) { sum, section in
            section.blocks.reduce(sum) { $0 + Article.countWords($1.plainText) }
        }
        return words >= minimumPlainWords && ProseShape(text()).isArticleText
    }
}

/// Whether a text without any of a capture's marks reads as an article copied from a browser:
/// words and sentence punctuation, not code; paragraphs as long lines, not hard-wrapped.
///
/// Written by hand: a few counts over the text's characters. What it tells apart, measured on
/// the project's samples, the seed capture and files a user might name by mistake: in a capture
/// letters are 93–97 % of what is not white space and code symbols (`{ } [ ] < > = ; | _ * # $ @`)
/// are absent, while source code, Markdown and configuration files have 69–84 % letters and 1–7 %
/// symbols; a browser writes a paragraph as one line (tens of words), a licence or a man page
/// wraps it at 70–80 columns (about 12 words a line).
struct ProseShape {
    /// Letters among the characters that are not white space.
    var letterShare: Double
    /// Code symbols among the characters that are not white space.
    var symbolShare: Double
    /// Words on lines of at least `longLineWords` words, among all words.
    var longLineWordShare: Double

    static let longLineWords = 20
    static let codeSymbols: Set<Unicode.Scalar> = ["{", "}", "[", "]", "<", ">", "=", ";", "|", "\\", "_", "*", "#", "$", "@", "~", "^", "`"]

    init(_ text: String) {
        var visible = 0, letters = 0, symbols = 0
        var words = 0, wordsOnLongLines = 0
        var lineWords = 0
        var inWord = false
        func endLine() {
            words += lineWords
            if lineWords >= Self.longLineWords { wordsOnLongLines += lineWords }
            lineWords = 0
        }
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                inWord = false
                endLine()
                continue
            }
            if scalar.properties.isWhitespace {
                inWord = false
                continue
            }
            visible += 1
            if scalar.properties.isAlphabetic {
                letters += 1
                if !inWord { lineWords += 1 }
                inWord = true
            } else if Self.codeSymbols.contains(scalar) {
                symbols += 1
            }
        }
        endLine()
        letterShare = visible == 0 ? 0 : Double(letters) / Double(visible)
        symbolShare = visible == 0 ? 0 : Double(symbols) / Double(visible)
        longLineWordShare = words == 0 ? 0 : Double(wordsOnLongLines) / Double(words)
    }

    /// Mostly letters, hardly a code symbol, and most words in paragraph-long lines.
    var isArticleText: Bool {
        letterShare >= 0.85 && symbolShare <= 0.01 && longLineWordShare >= 0.5
    }
}
