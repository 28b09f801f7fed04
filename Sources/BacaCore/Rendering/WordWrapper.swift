// MARK: - Words

/// A word, or a piece of a broken word, with its style and display width.
struct WrapWord: Sendable, Equatable {
    var text: String
    var style: StyleName
    var width: Int

    init(_ text: String, style: StyleName) {
        self.text = text
        self.style = style
        self.width = text.displayWidth
    }
}

// MARK: - Greedy wrapping

/// Greedy word wrapping by display width, shared by `String.wrapped(toWidth:)` and the article
/// layout (which wraps words of several styles behind prefixes such as `• ` or `│ `).
///
/// A line is a list of words meant to be joined by single spaces. A word wider than its line is
/// broken between graphemes; its pieces fill whole lines, the last piece starts the next line.
enum WordWrapper {
    /// Breaking white space: anything but the non-breaking spaces U+00A0, U+2007 and U+202F.
    @inline(__always)
    static func isBreakingSpace(_ character: Character) -> Bool {
        switch character {
        case " ", "\t", "\n", "\r", "\r\n": return true
        case "\u{00A0}", "\u{2007}", "\u{202F}": return false
        default: return character.isWhitespace
        }
    }

    /// The words of `text` in one style.
    static func words(of text: String, style: StyleName) -> [WrapWord] {
        text.split(whereSeparator: isBreakingSpace).map { WrapWord(String($0), style: style) }
    }

    /// Wraps `words` into lines of at most `firstWidth` columns for the first line and
    /// `restWidth` for the others (widths below 1 count as 1). Always returns at least one line,
    /// which is empty when there are no words.
    static func wrap(_ words: [WrapWord], firstWidth: Int, restWidth: Int) -> [[WrapWord]] {
        let firstWidth = max(1, firstWidth)
        let restWidth = max(1, restWidth)
        var lines: [[WrapWord]] = []
        var line: [WrapWord] = []
        var used = 0

        for word in words {
            if !line.isEmpty {
                let limit = lines.isEmpty ? firstWidth : restWidth
                if used + 1 + word.width <= limit {
                    line.append(word)
                    used += 1 + word.width
                    continue
                }
                lines.append(line)
                line = []
            }
            let limit = lines.isEmpty ? firstWidth : restWidth
            if word.width <= limit {
                line = [word]
                used = word.width
                continue
            }
            var pieces = broken(word, firstLimit: limit, restLimit: restWidth)
            let last = pieces.removeLast()
            for piece in pieces { lines.append([piece]) }
            line = [last]
            used = last.width
        }
        lines.append(line)
        return lines
    }

    /// `word` cut between graphemes into pieces of at most `firstLimit`, then `restLimit`,
    /// columns. A single grapheme wider than the limit makes a piece of its own.
    static func broken(_ word: WrapWord, firstLimit: Int, restLimit: Int) -> [WrapWord] {
        var pieces: [WrapWord] = []
        var piece = ""
        var used = 0
        var limit = firstLimit
        for character in word.text {
            let width = character.displayWidth
            if used + width > limit, !piece.isEmpty {
                pieces.append(WrapWord(piece, style: word.style))
                piece = ""
                used = 0
                limit = restLimit
            }
            piece.append(character)
            used += width
        }
        pieces.append(WrapWord(piece, style: word.style))
        return pieces
    }

    // MARK: Styled lines

    /// A wrapped line as spans: words joined by spaces, a space taking the style of the word
    /// after it, neighbours of one style merged.
    static func spans(of line: [WrapWord]) -> [StyledSpan] {
        var spans: [StyledSpan] = []
        for (position, word) in line.enumerated() {
            let text = position == 0 ? word.text : " " + word.text
            if let last = spans.last, last.style == word.style {
                spans[spans.count - 1].text += text
            } else {
                spans.append(StyledSpan(text, word.style))
            }
        }
        return spans
    }
}
