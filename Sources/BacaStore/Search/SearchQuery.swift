// MARK: - Search query

/// A user's search text turned into a safe FTS5 query: any text is a valid query.
///
/// The rules, close to what search boxes do:
/// - words are ANDed: `banjir jakarta`;
/// - a trailing `*` searches by prefix: `kafe*`;
/// - `"…"` (balanced) is a phrase: `"jalur puncak"`;
/// - `OR` (upper case) between two words matches either: `banjir OR longsor`;
/// - `-word` or `NOT word` excludes, when at least one word is positive;
/// - `AND` is dropped (it is what spaces mean); every other character is plain text, and a word
///   with no letter or digit (`*`, `-`, `(((`, an emoji) is dropped.
///
/// Each word becomes a quoted FTS5 string (`"word"`, inner quotes doubled), so FTS5 syntax
/// (`NEAR(`, `title:x`, `^x`, parentheses) reaches the tokenizer as text, never the parser.
/// A query with no searchable word has no expression and finds nothing.
///
/// A plain word (not quoted, not a prefix) also asks for the other forms of its Indonesian root
/// (`WordForms`): `banjir` finds *kebanjiran* and *membanjiri*. `exactExpression` asks for the
/// forms typed only; the ranking puts its matches first.
public struct SearchQuery: Sendable, Equatable, CustomStringConvertible {
    /// One word or phrase of a query.
    public struct Term: Sendable, Equatable, Hashable {
        /// The text as the user typed it, without the operators around it.
        public var text: String
        /// The user typed a trailing `*`.
        public var isPrefix: Bool
        /// The user put it in quotes: a phrase, searched as typed.
        public var isQuoted: Bool

        public init(_ text: String, isPrefix: Bool = false, isQuoted: Bool = false) {
            self.text = text
            self.isPrefix = isPrefix
            self.isQuoted = isQuoted
        }

        /// The FTS5 expression for every form of the term: `ftsString` alone, or
        /// `("word" OR "root" OR "⟨mark⟩root")` for a word with an Indonesian root.
        public var ftsForms: String {
            guard !isPrefix, !isQuoted else { return ftsString }
            let forms = WordForms.indexTerms(for: text)
            guard !forms.isEmpty else { return ftsString }
            return "(" + ([ftsString] + forms.map { Term($0).ftsString }).joined(separator: " OR ") + ")"
        }

        /// How many FTS5 phrases `ftsForms` holds: the word as typed and its other forms.
        var formCount: Int {
            guard !isPrefix, !isQuoted else { return 1 }
            return 1 + WordForms.indexTerms(for: text).count
        }

        /// `"text"` or `"text"*`, inner quotes doubled: always one FTS5 string.
        public var ftsString: String {
            // By scalar: a quote followed by a combining mark is one Character, not `"`.
            var scalars = String.UnicodeScalarView()
            scalars.append("\"")
            for scalar in text.unicodeScalars {
                scalars.append(scalar)
                if scalar == "\"" { scalars.append(scalar) }
            }
            scalars.append("\"")
            if isPrefix { scalars.append("*") }
            return String(scalars)
        }

        /// Whether the tokenizer finds a token in the text: a letter, a digit or a private-use
        /// character (unicode61's token characters).
        public var isSearchable: Bool {
            text.unicodeScalars.contains { scalar in
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .decimalNumber, .letterNumber, .otherNumber, .privateUse:
                    return true
                default:
                    return false
                }
            }
        }
    }

    /// Every group must match; a group matches when any of its terms does (`a OR b`).
    public private(set) var groups: [[Term]] = []
    /// No match may contain one of these (`-word`); empty when there is no positive term.
    public private(set) var excluded: [Term] = []

    /// Longer queries keep their first terms.
    public static let maximumTerms = 32

    /// Reads the user's text. Never fails.
    public init(_ text: String) {
        var joinNext = false
        var negateNext = false
        var lastWasPositive = false
        var termCount = 0
        for lexeme in SearchQuery.lex(text) where termCount < SearchQuery.maximumTerms {
            if lexeme.isBare {
                switch lexeme.text {
                case "OR":
                    joinNext = lastWasPositive
                    continue
                case "AND":
                    continue
                case "NOT":
                    negateNext = true
                    joinNext = false
                    continue
                default:
                    break
                }
            }
            let term = Term(lexeme.text, isPrefix: lexeme.isPrefix, isQuoted: lexeme.isQuoted)
            guard term.isSearchable else { continue }
            termCount += 1
            if lexeme.isNegated || negateNext {
                excluded.append(term)
                negateNext = false
                joinNext = false
                lastWasPositive = false
            } else {
                if joinNext, !groups.isEmpty {
                    groups[groups.count - 1].append(term)
                } else {
                    groups.append([term])
                }
                joinNext = false
                negateNext = false
                lastWasPositive = true
            }
        }
        if groups.isEmpty { excluded = [] }
    }

    /// Nothing to search for: the query finds no article.
    public var isEmpty: Bool { groups.isEmpty }

    /// The FTS5 `MATCH` expression, every form of each word, or `nil` when there is no
    /// searchable word.
    public var ftsExpression: String? { expression(\.ftsForms) }

    /// The expression for the forms as typed only (what ranks first), or `nil`.
    public var exactExpression: String? { expression(\.ftsString) }

    private func expression(_ form: (Term) -> String) -> String? {
        guard !groups.isEmpty else { return nil }
        let positive = groups.map { group in
            group.count == 1
                ? form(group[0])
                : "(" + group.map(form).joined(separator: " OR ") + ")"
        }.joined(separator: " AND ")
        guard !excluded.isEmpty else { return positive }
        // An excluded word excludes its every form.
        return "(" + positive + ") NOT (" + excluded.map(\.ftsForms).joined(separator: " OR ") + ")"
    }

    public var description: String { ftsExpression ?? "" }

    // MARK: Lexing

    /// A word or phrase with the operators typed on it.
    struct Lexeme: Equatable {
        var text: String
        var isQuoted = false
        var isNegated = false
        var isPrefix = false
        /// Neither quoted nor decorated: may be an operator word.
        var isBare: Bool { !isQuoted && !isNegated && !isPrefix }
    }

    /// Splits on white space; a balanced `"…"` is one lexeme; a leading `-` negates, trailing
    /// `*`s make a prefix. Control characters count as spaces (a NUL would cut the expression).
    ///
    /// Works on Unicode scalars, not Characters: FTS5 reads bytes, and `"` followed by a
    /// combining accent is one Character that is not `"`, yet still a quote to FTS5.
    static func lex(_ text: String) -> [Lexeme] {
        let scalars: [Unicode.Scalar] = text.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control ? " " : scalar
        }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }
        func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: slice)
            return String(view)
        }

        var lexemes: [Lexeme] = []
        var index = 0
        while index < scalars.count {
            if isSpace(scalars[index]) {
                index += 1
                continue
            }
            var lexeme = Lexeme(text: "")
            if scalars[index] == "-", index + 1 < scalars.count, !isSpace(scalars[index + 1]) {
                lexeme.isNegated = true
                index += 1
            }
            if scalars[index] == "\"", let close = scalars[(index + 1)...].firstIndex(of: "\"") {
                lexeme.text = string(scalars[(index + 1)..<close])
                lexeme.isQuoted = true
                index = close + 1
                while index < scalars.count, scalars[index] == "*" {
                    lexeme.isPrefix = true
                    index += 1
                }
            } else {
                let start = index
                while index < scalars.count, !isSpace(scalars[index]) { index += 1 }
                var textEnd = index
                while textEnd > start, scalars[textEnd - 1] == "*" { textEnd -= 1 }
                lexeme.text = string(scalars[start..<textEnd])
                lexeme.isPrefix = textEnd < index
            }
            lexemes.append(lexeme)
        }
        return lexemes
    }
}
