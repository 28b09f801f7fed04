import Foundation

/// A news article as its editor wrote it, recovered from a capture, a feed or a saved page.
///
/// A plain value: no I/O, no identity. The repository gives a stored article its id and
/// reading state (see `BacaStore`).
public struct Article: Sendable, Codable, Equatable, Hashable {
    public var title: String
    /// The picture at the top of the article, with its credit split off.
    public var heroImage: ImageCaption?
    /// The "Intinya sih" bullets; empty when the article has none.
    public var keyPoints: [String]
    /// The dateline's city (`Jakarta` in `Jakarta, IDN Times - …`).
    public var location: String?
    /// The dateline's outlet (`IDN Times`).
    public var outlet: String?
    /// When it was published: a feed's or page's instant, or the first `(d/m/yyyy)` day named
    /// in a capture's lead (a day stays a day).
    public var publishedAt: PublishedDate?
    public var author: String?
    public var editor: String?
    /// The lead (number and heading `nil`) followed by the numbered sections.
    public var sections: [Section]
    /// Outlets cited with `Dilansir …,` or `Mengutip …,`, in order of first mention, without repeats.
    public var sources: [String]
    public var topics: [String]
    /// The community-writer note, shown dimmed at the end.
    public var disclaimer: String?
    /// `true` when the source gave no title and `title` was made from the text (a feed item
    /// with a description only); `nil` otherwise, so that older articles decode unchanged.
    public var titleDerived: Bool?
    /// The link a feed item gave, absolute, on an article made of the item's own text. An
    /// article read from its page has none (it equals the page saved by hand, byte for byte):
    /// the page's canonical URL is the repository's (`ArticleProvenance.url`).
    public var link: String?
    /// Where a related article (a `Baca Juga` block, by its title) or a cited outlet (by its
    /// name in `sources`) lives, when the page linked it; nil when nothing was linked (every
    /// capture, which states no addresses). Left out of the content hash, as picture addresses are.
    public var linkTargets: [LinkTarget]?

    public init(
        title: String,
        heroImage: ImageCaption? = nil,
        keyPoints: [String] = [],
        location: String? = nil,
        outlet: String? = nil,
        publishedAt: PublishedDate? = nil,
        author: String? = nil,
        editor: String? = nil,
        sections: [Section] = [],
        sources: [String] = [],
        topics: [String] = [],
        disclaimer: String? = nil
    ) {
        self.title = title
        self.heroImage = heroImage
        self.keyPoints = keyPoints
        self.location = location
        self.outlet = outlet
        self.publishedAt = publishedAt
        self.author = author
        self.editor = editor
        self.sections = sections
        self.sources = sources
        self.topics = topics
        self.disclaimer = disclaimer
    }
}

/// A text of the article that the page linked, and where to.
public struct LinkTarget: Sendable, Codable, Equatable, Hashable {
    public var text: String
    public var url: String

    /// Nil unless `url` is an absolute http(s) address a terminal can carry (`ImageCaption.acceptedURL`).
    public init?(text: String, url: String) {
        guard !text.isEmpty, let accepted = ImageCaption.acceptedURL(url) else { return nil }
        self.text = text
        self.url = accepted
    }
}

extension Article {
    /// The address the page gave `text` (a related title, a source's name), if any.
    public func linkTarget(for text: String) -> String? {
        linkTargets?.first { $0.text == text }?.url
    }
}

extension Article {
    /// The words of the text a reader reads: title, key points and every block.
    public var wordCount: Int {
        var count = Article.countWords(title)
        for point in keyPoints { count += Article.countWords(point) }
        for section in sections {
            if let heading = section.heading { count += Article.countWords(heading) }
            // A list's items one by one: the line feeds `plainText` joins them with are no
            // word's, so the count is the same without the joined copy.
            for block in section.blocks {
                if case .list(let items, _) = block {
                    for item in items { count += Article.countWords(item) }
                } else {
                    count += Article.countWords(block.plainText)
                }
            }
        }
        return count
    }

    /// Reading time at 200 words a minute, at least one minute.
    public var readingMinutes: Int {
        max(1, Int((Double(wordCount) / 200).rounded()))
    }

    /// The lead: the first section when it has no number, else `nil`.
    public var lead: Section? {
        guard let first = sections.first, first.number == nil else { return nil }
        return first
    }

    /// The numbered sections, without the lead.
    public var numberedSections: [Section] {
        sections.filter { $0.number != nil }
    }

    /// Every paragraph, quote, list item and caption as one text, for the full-text index.
    public var bodyText: String {
        // What `parts.joined(separator: "\n")` of the hero caption, headings and blocks'
        // `plainText` gives, made in one string of the final size: `joined` reserves a guess
        // and grows, and a list's `plainText` is a joined copy of its own (`ArticleDerivedTextTests`).
        var length = -1
        forEachBodyPart { length += $0.utf8.count + 1 }
        guard length > 0 else { return "" }
        // Appended in place (checking the whole text as UTF-8 once more, as a string made
        // from bytes must, cost more than the appends).
        var text = ""
        text.reserveCapacity(length)
        var first = true
        forEachBodyPart { part in
            if !first { text.append("\n") }
            first = false
            text.append(part)
        }
        return text
    }

    /// The parts of `bodyText` in order; a list's items as parts of their own (its
    /// `plainText` joins them with the same line feed), an empty list as one empty part.
    private func forEachBodyPart(_ body: (String) -> Void) {
        if let heroImage { body(heroImage.caption) }
        for section in sections {
            if let heading = section.heading { body(heading) }
            for block in section.blocks {
                switch block {
                case .list(let items, _) where !items.isEmpty:
                    for item in items { body(item) }
                default:
                    body(block.plainText)
                }
            }
        }
    }

    /// The text as `bodyText` made it before: the reference its tests compare with.
    var bodyTextJoined: String {
        var parts: [String] = []
        if let heroImage { parts.append(heroImage.caption) }
        for section in sections {
            if let heading = section.heading { parts.append(heading) }
            for block in section.blocks { parts.append(block.plainText) }
        }
        return parts.joined(separator: "\n")
    }

    /// Over the UTF-8 bytes, eight ASCII bytes at a time, decoding only the non-ASCII scalars
    /// (`UTF8Scan`). A word is a run of letters, marks and digits (`isAlphanumeric`).
    static func countWords(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            var count = 0
            var inWord = false
            var index = 0
            while index < bytes.count {
                count += countASCIIWordStarts(base, bytes.count, &index, &inWord)
                guard index < bytes.count else { break }
                let byte = bytes[index]
                let isWordScalar: Bool
                if byte < 0x80 {
                    isWordScalar = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                    index += 1
                } else if let (scalar, length) = UTF8Scan.scalar(at: index, in: bytes) {
                    isWordScalar = isNonASCIIAlphanumeric(scalar)
                    index += length
                } else {
                    break
                }
                if isWordScalar && !inWord { count += 1 }
                inWord = isWordScalar
            }
            return count
        }
    }

    /// The words that start in the eight-byte words of ASCII from `index` on; stops (with
    /// `index` and `inWord` where it got to) at a word with a non-ASCII byte or fewer than eight
    /// bytes before `count`. A loop of its own, with nothing of Unicode's in it, so that it
    /// keeps more of its constants in registers (inside the old `countWords` it took 45
    /// instructions a word, now about 33; out of line it was no faster, and paid for the calls).
    @inline(__always)
    private static func countASCIIWordStarts(
        _ base: UnsafePointer<UInt8>, _ count: Int, _ index: inout Int, _ inWord: inout Bool
    ) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        var starts = 0
        var position = index
        var carry: UInt64 = inWord ? 0x80 : 0
        while position + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            if word & high != 0 { break }
            // Each byte's high bit: set when it is a letter or a digit. For bytes below
            // 0x80, `x + (0x80 - lo)` reaches 0x80 exactly when x ≥ lo, without a carry.
            let folded = word | 0x20 &* ones
            let letters = (folded &+ (0x80 - 0x61) &* ones) & ~(folded &+ (0x7F - 0x7A) &* ones)
            let digits = (word &+ (0x80 - 0x30) &* ones) & ~(word &+ (0x7F - 0x39) &* ones)
            let wordBytes = (letters | digits) & high
            // A word starts where a word byte follows a byte that is not one.
            starts += countOfHighBits(wordBytes & ~(wordBytes << 8 | carry))
            carry = wordBytes >> 56
            position += 8
        }
        index = position
        inWord = carry != 0
        return starts
    }

    /// How many bytes of `mask` have their high bit set (no other bit may be): `nonzeroBitCount`
    /// without the POPCNT instruction, which the baseline x86-64 the toolchain builds for does
    /// not have (its replacement cost a dozen instructions a word). Shifted down, each byte is
    /// 0 or 1; the multiplication adds them all up into the top byte.
    @inline(__always)
    static func countOfHighBits(_ mask: UInt64) -> Int {
        Int(truncatingIfNeeded: ((mask >> 7) &* 0x0101_0101_0101_0101) >> 56)
    }

    /// The count one scalar at a time: what `countWords` must equal (tests).
    static func countWordsScalarByScalar(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isWordScalar = isAlphanumeric(scalar)
            if isWordScalar && !inWord { count += 1 }
            inWord = isWordScalar
        }
        return count
    }

    /// What `CharacterSet.alphanumerics` holds (Unicode letters, marks and numbers), without
    /// it: on Linux every `CharacterSet.alphanumerics` builds a new set, which made this count
    /// 40 % of an import (measured with callgrind, `docs/PERFORMANCE.md`).
    @inline(__always)
    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A)
        }
        return isNonASCIIAlphanumeric(scalar)
    }

    /// `isAlphanumeric` for a scalar from U+0080 on: out of line, so that a loop that calls it
    /// does not set up the Unicode types' metadata before its first byte.
    @inline(never)
    static func isNonASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
