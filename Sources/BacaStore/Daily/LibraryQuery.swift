import BacaCore
import Foundation

// MARK: - Library query

/// A query over the repository: full-text words plus filters, the language of saved searches,
/// `baca mark-read --query` and ignore-rule tests.
///
/// ```
/// query   = term { " " term }
/// term    = word | "-" word | '"' phrase '"' | "OR" | field | flag
/// field   = ("feed" | "tag" | "author") ":" value
///         | ("before" | "after") ":" YYYY-MM-DD
/// value   = text without spaces | '"' text '"'
/// flag    = "unread" | "read" | "starred"
/// ```
///
/// - words are searched as `baca search` searches them (case and accents ignored, `kafe*` a
///   prefix, `-word` excluded, `a OR b`); every term must hold;
/// - `feed:X` an article of the feed whose id is X, or whose URL or title contains X;
/// - `tag:X` an article of a feed tagged X (case ignored);
/// - `author:X` an author containing X (case ignored);
/// - `before:D` published before day D; `after:D` on day D or later (an undated article counts
///   from the day it was imported);
/// - `unread`, `read`, `starred` the article's state. Fields and flags are lower case; to
///   search for the word itself, quote it: `"unread"`.
///
/// Anything else with a colon (`fed:x`, `before:kemarin`) or an unclosed quote is an error
/// that names the column and the bad part, never a silent empty result.
public struct LibraryQuery: Sendable, Equatable, CustomStringConvertible {
    /// The free text, given to `SearchQuery`; empty when the query has only filters.
    public var words: String = ""
    public var feeds: [String] = []
    public var tags: [String] = []
    public var authors: [String] = []
    public var before: CalendarDate?
    public var after: CalendarDate?
    public var unread = false
    public var read = false
    public var starred = false
    /// The text as the user wrote it.
    public private(set) var source: String

    public var description: String { source }

    /// The fields a query knows, for messages and completion.
    public static let fields = ["feed", "tag", "author", "before", "after"]
    public static let flags = ["unread", "read", "starred"]

    /// Indonesian words for the fields and flags, accepted in either language:
    /// `penulis:budi` is `author:budi`, `belum-dibaca` is `unread`. (Plain `belum` stays a word
    /// to search for: it is one of the commonest words of Indonesian news.)
    public static let synonyms: [String: String] = [
        "langganan": "feed", "label": "tag", "penulis": "author", "sebelum": "before", "sesudah": "after", "setelah": "after",
        "belum-dibaca": "unread", "sudah-dibaca": "read", "dibaca": "read", "berbintang": "starred", "bintang": "starred",
    ]

    /// `word` in English when it is an Indonesian field or flag name.
    static func canonical(_ word: String) -> String { synonyms[word] ?? word }

    /// What a search box makes of `text` (`baca search`): the query when it uses a filter or
    /// a flag; nil for plain words, a ranked full-text search where any text is valid; the
    /// error when a word has a field's form (`before:kemarin`, `author:`) but does not parse.
    public static func filters(in text: String) throws(LibraryQueryError) -> LibraryQuery? {
        do {
            let query = try LibraryQuery(text)
            return query.hasFilters ? query : nil
        } catch {
            let usesField = text.split(whereSeparator: \.isWhitespace).contains { word in
                let bare = word.drop { $0 == "-" || $0 == "\"" }.lowercased()
                return (fields + synonyms.keys.filter { fields.contains(synonyms[$0]!) }).contains { bare.hasPrefix($0 + ":") }
            }
            if usesField { throw error }
            return nil
        }
    }

    /// Reads `text`, or throws a `LibraryQueryError` that points at the bad part.
    public init(_ text: String) throws(LibraryQueryError) {
        source = text
        var wordParts: [String] = []
        for token in try Self.tokens(text) {
            if token.isQuoted || token.field == nil {
                if !token.isQuoted, Self.flags.contains(Self.canonical(token.text)) {
                    switch Self.canonical(token.text) {
                    case "unread": unread = true
                    case "read": read = true
                    default: starred = true
                    }
                } else {
                    wordParts.append(token.raw)
                }
                continue
            }
            let field = Self.canonical(token.field!)
            guard !token.text.isEmpty else {
                throw LibraryQueryError(column: token.column, part: token.raw, problem: .queryNeedsValue(field: field))
            }
            switch field {
            case "feed": feeds.append(token.text)
            case "tag": tags.append(token.text)
            case "author": authors.append(token.text)
            case "before", "after":
                guard let day = CalendarDate(iso: token.text) else {
                    throw LibraryQueryError(column: token.column, part: token.raw, problem: .queryNotADate(text: token.text))
                }
                if field == "before" { before = day } else { after = day }
            default:
                throw LibraryQueryError(
                    column: token.column, part: token.raw,
                    problem: .queryUnknownField(field: field, known: Self.fields))
            }
        }
        if read && unread {
            throw LibraryQueryError(column: 1, part: text, problem: .queryReadAndUnread)
        }
        words = wordParts.joined(separator: " ")
        if !words.isEmpty && SearchQuery(words).isEmpty && wordParts.allSatisfy({ !$0.hasPrefix("-") }) {
            // Only punctuation: nothing to search for, which is no filter either.
            words = ""
        }
    }

    /// The full-text part, or `nil` when the query has no searchable word.
    public var searchQuery: SearchQuery? {
        let query = SearchQuery(words)
        return query.isEmpty ? nil : query
    }

    /// Whether the query has a field or flag besides its words.
    public var hasFilters: Bool {
        !(feeds.isEmpty && tags.isEmpty && authors.isEmpty && before == nil && after == nil && !unread && !read && !starred)
    }

    /// A query that matches every article.
    public var isEverything: Bool {
        searchQuery == nil && feeds.isEmpty && tags.isEmpty && authors.isEmpty && before == nil && after == nil
            && !unread && !read && !starred
    }

    /// A query with no text of the user's: filters only (`--feed`, `--tag`, `--before`).
    public init(feeds: [String] = [], tags: [String] = [], before: CalendarDate? = nil) {
        source = ""
        self.feeds = feeds
        self.tags = tags
        self.before = before
    }

    /// This query and `other`'s filters together (`--query Q --feed F`).
    public func adding(_ other: LibraryQuery) -> LibraryQuery {
        var result = self
        if !other.words.isEmpty { result.words = [words, other.words].filter { !$0.isEmpty }.joined(separator: " ") }
        result.feeds += other.feeds
        result.tags += other.tags
        result.authors += other.authors
        if let day = other.before { result.before = min(before ?? day, day) }
        if let day = other.after { result.after = max(after ?? day, day) }
        result.unread = unread || other.unread
        result.read = read || other.read
        result.starred = starred || other.starred
        result.source = [source, other.source].filter { !$0.isEmpty }.joined(separator: " ")
        return result
    }

    // MARK: Lexing

    struct Token {
        /// The text as typed (with its field and quotes).
        var raw: String
        /// The value: the text after `field:`, without quotes.
        var text: String
        var field: String?
        var isQuoted: Bool
        /// 1-based, in characters.
        var column: Int
    }

    /// Splits on spaces, keeping `"…"` and `field:"…"` whole.
    static func tokens(_ text: String) throws(LibraryQueryError) -> [Token] {
        let characters = Array(text)
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            if characters[index].isWhitespace { index += 1; continue }
            let start = index
            var field: String?
            // `name:` of letters only: a field.
            var scan = index
            if characters[scan] == "-" { scan += 1 }
            while scan < characters.count, characters[scan].isLetter, characters[scan].isASCII { scan += 1 }
            if scan < characters.count, characters[scan] == ":", scan > start, characters[start] != "-" {
                field = String(characters[start..<scan]).lowercased()
                index = scan + 1
            }
            var value = ""
            var quoted = false
            if index < characters.count, characters[index] == "\"" {
                guard let close = characters[(index + 1)...].firstIndex(of: "\"") else {
                    throw LibraryQueryError(column: index + 1, part: String(characters[start...]), problem: .queryUnclosedQuote)
                }
                value = String(characters[(index + 1)..<close])
                quoted = true
                index = close + 1
                // A trailing `*` stays with a quoted phrase (a prefix phrase).
                while index < characters.count, !characters[index].isWhitespace { index += 1 }
            } else {
                let valueStart = index
                while index < characters.count, !characters[index].isWhitespace {
                    if characters[index] == "\"" {
                        guard characters[(index + 1)...].contains("\"") else {
                            throw LibraryQueryError(column: index + 1, part: String(characters[start...]), problem: .queryUnclosedQuote)
                        }
                    }
                    index += 1
                }
                value = String(characters[valueStart..<index])
            }
            let raw = String(characters[start..<index])
            tokens.append(Token(raw: raw, text: value, field: field, isQuoted: quoted && field == nil, column: start + 1))
        }
        return tokens
    }
}

/// Why a query cannot be read: one line naming the column and the bad part.
public struct LibraryQueryError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedMessage {
    /// 1-based, in characters.
    public var column: Int
    public var part: String
    /// Why, as a catalogue message (said in the user's language).
    public var problem: Message

    public init(column: Int, part: String, problem: Message) {
        self.column = column
        self.part = part
        self.problem = problem
    }

    /// Why, in English.
    public var reason: String { problem.text(.en) }

    /// `column 7, 'before:kemarin': 'kemarin' is not a date (use YYYY-MM-DD)`.
    public var description: String { describe(in: .en) }

    /// `kolom 7, 'before:kemarin': 'kemarin' bukan tanggal (pakai YYYY-MM-DD)` in Indonesian.
    public func describe(in language: Language) -> String {
        language.say(.queryAt(column: column, part: part, reason: problem.text(language)))
    }
}
