// Terminal column widths of text, and truncating and wrapping by them.
//
// Widths are measured per grapheme cluster (a `Character`), the unit a terminal draws in one
// place. The first scalar of a cluster decides its width; the rest (combining marks, ZWJ, skin
// tones, variation selectors) add nothing, except that an emoji variation selector (U+FE0F)
// makes a narrow base take two columns, as terminals draw it in emoji presentation.

// MARK: - Character

extension Character {
    /// Columns this grapheme takes: 0, 1 or 2.
    ///
    /// - 2: East Asian Wide and Fullwidth characters (CJK, Hangul, kana, fullwidth forms), emoji
    ///   in emoji presentation (including ZWJ sequences and flags), and any base followed by VS16.
    /// - 0: control characters, and clusters that start with a combining mark or a zero-width
    ///   character (ZWJ, ZWSP, variation selectors, BOM).
    /// - 1: everything else, including East Asian Ambiguous characters such as `…`, `•` and
    ///   box-drawing characters.
    @inlinable
    public var displayWidth: Int {
        if let ascii = asciiValue {  // also "\r\n"
            return ascii < 0x20 || ascii == 0x7F ? 0 : 1
        }
        return Character.clusterWidth(unicodeScalars)
    }

    @usableFromInline
    static func clusterWidth(_ scalars: Character.UnicodeScalarView) -> Int {
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        let width = ScalarWidth.of(first)
        guard width == 1 else { return width }
        while let scalar = iterator.next() {
            if scalar.value == 0xFE0F { return 2 }  // VS16: emoji presentation
        }
        return 1
    }
}

// MARK: - String

extension String {
    /// Columns the text takes in a terminal: wide East Asian characters and emoji take 2,
    /// combining marks and zero-width characters 0, control characters 0.
    ///
    /// ASCII text is measured byte by byte without grapheme breaking.
    public var displayWidth: Int {
        var width = 0
        let bytes = utf8
        var index = bytes.startIndex
        var previous = index
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte >= 0x80 {
                // The last ASCII character may begin the cluster this scalar extends
                // (`e` + U+0301, `#` + VS16 + keycap): measure from it by graphemes.
                if previous != index {
                    width -= Self.asciiWidth(bytes[previous])
                    index = previous
                }
                for character in self[index...] { width += character.displayWidth }
                return width
            }
            width += Self.asciiWidth(byte)
            previous = index
            bytes.formIndex(after: &index)
        }
        return width
    }

    @inline(__always)
    fileprivate static func asciiWidth(_ byte: UInt8) -> Int {
        byte >= 0x20 && byte != 0x7F ? 1 : 0
    }

    /// The text cut to at most `width` columns, ending in `…` when it was cut.
    ///
    /// White space before the `…` is dropped (`"Jalan …"` becomes `"Jalan…"`), and a wide
    /// character that would straddle the limit is left out, so the result may be one column
    /// narrower than `width`. A width of 0 or less gives `""`; a width of 1 gives `"…"` when
    /// the text does not fit.
    public func truncated(toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        var used = 0
        var cut = startIndex  // where the text ends if it has to take an ellipsis
        var index = startIndex
        for character in self {
            let characterWidth = character.displayWidth
            if used + characterWidth > width {
                var kept = self[..<cut]
                while let last = kept.last, last == " " || last == "\t" { kept.removeLast() }
                return kept + "…"
            }
            used += characterWidth
            index = utf8.index(index, offsetBy: character.utf8.count)
            if used <= width - 1 { cut = index }
        }
        return self
    }

    /// Words wrapped into lines of at most `width` columns; a word longer than a line is broken.
    ///
    /// - Words are separated by runs of white space (spaces, tabs, line breaks); non-breaking
    ///   spaces (U+00A0, U+2007, U+202F) join words. Lines are the words joined by single spaces,
    ///   so joining the lines with `" "` gives back the text with its white space normalised
    ///   (when no word had to be broken).
    /// - A word wider than `width` is broken between graphemes; its pieces fill whole lines.
    /// - Empty or blank text gives `[""]`: there is always at least one line.
    /// - A width below 1 counts as 1. Only a single grapheme wider than the whole width (a wide
    ///   character at width 1) can make a line wider than `width`.
    public func wrapped(toWidth width: Int) -> [String] {
        let words = WordWrapper.words(of: self, style: .text)
        let lines = WordWrapper.wrap(words, firstWidth: width, restWidth: width)
        return lines.map { line in line.map(\.text).joined(separator: " ") }
    }
}
