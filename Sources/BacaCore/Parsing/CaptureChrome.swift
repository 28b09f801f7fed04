/// The page's own text around the article: promo, navigation, footer. Recognised by whole
/// lines only (compared by `CaptureLine.key`), so no sentence of the article that merely
/// contains one of these words is ever taken for chrome.
enum CaptureChrome {
    /// The app promo (`Baca artikel IDN Times lainnya di IDN App`), dropped wherever it shows.
    @inline(__always)
    static func isPromo(_ key: String) -> Bool {
        // Most keys are empty (`CaptureLine.key`): no call to `hasPrefix` for them.
        !key.isEmpty && key.hasPrefix("baca artikel idn times") && key.utf8.count < 80
    }

    /// Menu words between the promo and the title (`For`, `You`). Only dropped at the top.
    static let navigationWords: Set<String> = [
        "for", "you", "for you", "home", "beranda", "menu", "search", "cari", "login", "masuk", "daftar",
    ]

    /// The footer's headings; each starts a part of the footer that `FooterReader` reads.
    enum FooterHeading {
        case share
        case editorsPicks
        case topics
        case editorialTeam
        case followUs

        /// Every key `init(key:)` knows.
        static let keys = ["share", "editor's picks", "editors' picks", "editors picks", "editor's pick", "topics", "topic",
                           "editorial team", "follow us"]

        @inline(__always)
        init?(key: String) {
            // Most lines' keys are empty (paragraphs, lines that cannot be chrome): no call,
            // no comparison with each heading.
            guard !key.isEmpty else { return nil }
            self.init(nonEmptyKey: key)
        }

        private init?(nonEmptyKey key: String) {
            switch key {
            case "share": self = .share
            case "editor's picks", "editors' picks", "editors picks", "editor's pick": self = .editorsPicks
            case "topics", "topic": self = .topics
            case "editorial team": self = .editorialTeam
            case "follow us": self = .followUs
            default: return nil
            }
        }
    }

    /// The phrases a line's key is compared with (`isPromo`, `navigationWords`,
    /// `FooterHeading`, `isKeyPointsHeading`): each key matches only by opening with one.
    static let keyPhrases = ["baca artikel idn times", "intinya sih"] + navigationWords.sorted() + FooterHeading.keys

    /// The first four bytes of every phrase of at least four, as `mayBeChrome` folds a line's
    /// (a dozen numbers: a scan of the array is cheaper than hashing).
    private static let phraseOpenings = Array(Set(keyPhrases.compactMap { phrase in
        Array(phrase.utf8).withUnsafeBufferPointer(opening)
    }))

    /// A line's first four bytes as one number, A–Z lower-cased (what its key begins with when
    /// they are ASCII); nil when it is shorter or one of them is not ASCII.
    private static func opening(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard bytes.count >= 4 else { return nil }
        var opening: UInt32 = 0
        for byte in bytes[0..<4] {
            guard byte < 0x80 else { return nil }
            opening = opening << 8 | UInt32(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return opening
    }

    /// Whether a line's key could match a phrase. A line of four bytes or more whose first four
    /// are ASCII must open, lower-cased, like a phrase of four or more (the shorter phrases,
    /// `for` and `you`, are whole lines of three); one whose first character is not ASCII
    /// never does: no such character lower-cases to a phrase's first letter (the Kelvin sign
    /// gives `k`, which opens none; `İ` gives `i` and a combining dot, one character that is
    /// not `i`). Any other line may. A line that cannot needs no key (its empty key matches
    /// nothing, as its key would not): that saves lower-casing most short lines. (No phrase has
    /// an apostrophe in its first four bytes, so a line's backquotes need no folding here.)
    static func mayBeChrome(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 4 else { return true }
        guard bytes[0] < 0x80 else { return false }
        guard let opening = opening(bytes) else { return true }
        return phraseOpenings.contains(opening)
    }

    /// `Intinya sih...`, `Intinya sih…`, `Intinya sih:`: the heading of the key points.
    @inline(__always)
    static func isKeyPointsHeading(_ key: String) -> Bool {
        guard !key.isEmpty, key.hasPrefix("intinya sih") else { return false }
        return key.dropFirst("intinya sih".count).unicodeScalars.allSatisfy { ".…: ".unicodeScalars.contains($0) }
    }

    /// The English note about community writers, shown dimmed at the end: an English line that
    /// opens `This article` (or `This piece`, `This story` …) and speaks of the community and of
    /// the editors who reviewed it. An Indonesian paragraph that merely mentions them stays in
    /// the text.
    static func isDisclaimer(_ line: CaptureLine) -> Bool {
        // `T` and `t` are ASCII: the first byte is the first scalar when it is one of them.
        guard let first = line.text.utf8.first, first == 0x54 || first == 0x74,
              line.text.prefix(5).lowercased() == "this "
        else { return false }
        let text = line.text.lowercased()
        guard text.contains("community") else { return false }
        return ["editor", "edited", "review", "idn times"].contains { text.contains($0) }
    }

    /// The title of a `Baca Juga: <title>` line: `""` when the title is on the next line,
    /// `nil` when the line is no related link. A sentence that starts `Baca juga ulasan…`
    /// without the colon is text.
    @inline(__always)
    static func relatedTitle(_ line: CaptureLine) -> String? {
        // Most lines are ruled out on their first byte, here, without a call.
        guard let lead = line.text.utf8.first, lead | 0x20 == 0x62 else { return nil }
        return relatedTitle(openingWithB: line)
    }

    private static func relatedTitle(openingWithB line: CaptureLine) -> String? {
        var text = line.text
        return text.withUTF8 { bytes -> String? in
            // The first nine bytes, ASCII-case-folded: no scalar of a paragraph is counted.
            // (`| 0x20` folds A–Z onto a–z; the only other byte it could take onto a byte of
            // "baca juga" is NUL onto the space, and sanitised text has no NUL.) Those nine are
            // then ASCII, nine scalars: the rest is read on the bytes too.
            guard bytes.count >= 9, zip(bytes, "baca juga".utf8).allSatisfy({ $0 | 0x20 == $1 }) else { return nil }
            var index = 9
            while index < bytes.count && bytes[index] == 0x20 { index += 1 }
            if index == bytes.count { return "" }
            guard bytes[index] == 0x3A else { return nil }
            return String.trimmingSpaces(bytes, from: index + 1, to: bytes.count)
        }
    }
}
