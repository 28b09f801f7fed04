// MARK: - Finding every form of the query in a text

/// Finds, in a text, the words a search query matches in any of their forms: for the query
/// `banjir`, *Banjir*, *kebanjiran* and *membanjiri*; what the reader's `n`/`N` jump through and
/// highlight. The query reads as `baca search` reads it: plain words match every form of their
/// root, `"a phrase"` and `kata*` (a prefix) match as typed, `-word`, `OR`, `AND` and `NOT` are
/// not looked for. Case and accents fold as `TextFolding` folds them.
public struct WordFormMatcher: Sendable {
    private enum Needle: Sendable {
        /// A word: its folded form, and its root when it has one.
        case word(String, root: String?)
        /// A prefix or a phrase: a folded substring, matched at the start of a word.
        case text(String, isPrefix: Bool)
    }

    private let needles: [Needle]
    private let stemmer: IndonesianStemmer

    public init(query: String, stemmer: IndonesianStemmer = IndonesianStemmer()) {
        self.stemmer = stemmer
        var needles: [Needle] = []
        var rest = Substring(query)
        while let start = rest.firstIndex(where: { !$0.isWhitespace }) {
            rest = rest[start...]
            if rest.first == "\"", let close = rest.dropFirst().firstIndex(of: "\"") {
                let phrase = TextFolding.fold(String(rest[rest.index(after: rest.startIndex)..<close]))
                if !phrase.isEmpty { needles.append(.text(phrase, isPrefix: false)) }
                rest = rest[rest.index(after: close)...]
                continue
            }
            let end = rest.firstIndex(where: \.isWhitespace) ?? rest.endIndex
            let lexeme = rest[..<end]
            rest = rest[end...]
            if lexeme.hasPrefix("-") || ["OR", "AND", "NOT"].contains(lexeme) { continue }
            let isPrefix = lexeme.hasSuffix("*")
            let word = TextFolding.fold(String(lexeme.drop { $0 == "\"" }))
                .trimming { !$0.isLetter && !$0.isNumber && $0 != "-" }
            guard !word.isEmpty else { continue }
            if isPrefix {
                needles.append(.text(word, isPrefix: true))
            } else {
                let root = stemmer.stem(word)
                let hasRoot = root != word || (word.count > 3 && stemmer.roots.contains(word))
                needles.append(.word(word, root: hasRoot ? root : nil))
            }
        }
        self.needles = needles
    }

    /// Whether the query has anything to look for.
    public var isEmpty: Bool { needles.isEmpty }

    /// The ranges of `text` that match, in order, never overlapping.
    public func ranges(in text: String) -> [Range<String.Index>] {
        guard !needles.isEmpty else { return [] }
        var ranges: [Range<String.Index>] = []
        var words: [(range: Range<String.Index>, folded: String)]?
        var roots: [String: String] = [:]
        for needle in needles {
            switch needle {
            case .text(let needle, let isPrefix):
                for range in TextFolding.matches(of: needle, in: text) {
                    guard isPrefix else {
                        ranges.append(range)
                        continue
                    }
                    // A prefix matches at the start of a word, and marks the whole word.
                    if range.lowerBound == text.startIndex || !Self.isWordCharacter(text[text.index(before: range.lowerBound)]) {
                        let end = text[range.upperBound...].firstIndex { !Self.isWordCharacter($0) } ?? text.endIndex
                        ranges.append(range.lowerBound..<end)
                    }
                }
            case .word(let word, let root):
                if words == nil { words = Self.words(in: text) }
                for candidate in words! {
                    if candidate.folded == word {
                        ranges.append(candidate.range)
                    } else if let root {
                        let candidateRoot = roots[candidate.folded] ?? stemmer.stem(candidate.folded)
                        roots[candidate.folded] = candidateRoot
                        if candidateRoot == root { ranges.append(candidate.range) }
                    }
                }
            }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<String.Index>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound < last.upperBound {
                if range.upperBound > last.upperBound { merged[merged.count - 1] = last.lowerBound..<range.upperBound }
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    /// The words of `text` as the index sees them (letters and digits; a hyphen splits), folded.
    static func words(in text: String) -> [(range: Range<String.Index>, folded: String)] {
        var words: [(Range<String.Index>, String)] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard isWordCharacter(text[index]) else {
                index = text.index(after: index)
                continue
            }
            let start = index
            while index < text.endIndex, isWordCharacter(text[index]) { index = text.index(after: index) }
            words.append((start..<index, TextFolding.fold(String(text[start..<index]))))
        }
        return words
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }
}

private extension String {
    func trimming(where drop: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }
}
