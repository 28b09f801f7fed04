import Foundation

/// One line of a sanitised capture: its text trimmed, with runs of spaces collapsed to one.
///
/// A blank line has empty `text`; blank lines separate paragraphs.
struct CaptureLine: Equatable {
    let text: String
    /// The spaces the line started with; tells a wrapped key point from the paragraph below it.
    let indent: Int
    /// The text lower-cased with every apostrophe made straight, for matching the fixed
    /// phrases of the page's chrome. Empty for a line longer than `maximumKeyLength`: no
    /// phrase is that long, and it saves lower-casing every paragraph. Lines from `split` also
    /// leave it empty when they cannot open with any phrase (`CaptureChrome.mayBeChrome`).
    let key: String

    static let maximumKeyLength = 96

    init(text: String, indent: Int) {
        self.text = text
        self.indent = indent
        self.key = text.utf8.count <= Self.maximumKeyLength ? Self.key(of: text) : ""
    }

    /// A line whose key is known already (`split` makes it from the line's bytes).
    private init(text: String, indent: Int, key: String) {
        self.text = text
        self.indent = indent
        self.key = key
    }

    var isBlank: Bool { text.isEmpty }

    /// Splits sanitised text into lines, in one pass over its UTF-8. Only the ASCII space and
    /// line feed matter here, and neither can be part of a longer UTF-8 sequence. A line's
    /// `String` is made straight from its bytes; only a line with a run of spaces inside is
    /// copied through a buffer to collapse them.
    static func split(_ text: String) -> [CaptureLine] {
        var text = text
        return text.withUTF8 { split(utf8: $0) }
    }

    /// `split` over sanitised text given as its UTF-8.
    static func split(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [CaptureLine] {
        var lines: [CaptureLine] = []
        lines.reserveCapacity(bytes.count / 64 + 1)
        var collapsed: [UInt8] = []
        var start = 0
        while start <= bytes.count {
            let end = Sanitizer.lineEnd(in: bytes, from: start)
            var first = start
            while first < end && bytes[first] == 0x20 { first += 1 }
            var last = end
            while last > first && bytes[last - 1] == 0x20 { last -= 1 }
            let indent = first < last ? first - start : 0
            if hasSpaceRun(UnsafeBufferPointer(rebasing: bytes[first..<last])) {
                collapsed.removeAll(keepingCapacity: true)
                for index in first..<last where !(bytes[index] == 0x20 && bytes[index - 1] == 0x20) {
                    collapsed.append(bytes[index])
                }
                lines.append(collapsed.withUnsafeBufferPointer { line(of: $0, indent: indent) })
            } else {
                lines.append(line(of: UnsafeBufferPointer(rebasing: bytes[first..<last]), indent: indent))
            }
            start = end + 1
        }
        return lines
    }

    /// Whether two spaces follow each other somewhere in `bytes`.
    ///
    /// Eight bytes at a time, each word overlapping the last by a byte so that a pair across
    /// two words is seen: the exact mask of a word's spaces (the high bit of each byte that is
    /// 0x20, with no borrow between bytes) and the same mask a byte on. Byte by byte this loop
    /// was a fifth of the splitting's cost; `ParserFastPathTests` compare it with that loop.
    @inline(__always)
    static func hasSpaceRun(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let spaces: UInt64 = 0x2020_2020_2020_2020
        var index = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) ^ spaces
            let isSpace = ~(((word & low) &+ low) | word | low)
            if isSpace & (isSpace >> 8) != 0 { return true }
            index += 7
        }
        while index + 1 < bytes.count {
            if base[index] == 0x20 && base[index + 1] == 0x20 { return true }
            index += 1
        }
        return false
    }

    /// The line of `bytes` (trimmed, runs collapsed), its key made from the same bytes when
    /// the line may be chrome (`CaptureChrome.mayBeChrome`), else empty.
    private static func line(of bytes: UnsafeBufferPointer<UInt8>, indent: Int) -> CaptureLine {
        let text = String(decoding: bytes, as: UTF8.self)
        guard bytes.count <= maximumKeyLength, CaptureChrome.mayBeChrome(bytes) else {
            return CaptureLine(text: text, indent: indent, key: "")
        }
        // ASCII: the key is the text with A–Z lower-cased and ` made '; the text itself (no
        // copy) when neither is there. Other text: `key(of:)`.
        var changes = false
        for byte in bytes {
            if byte >= 0x80 { return CaptureLine(text: text, indent: indent, key: key(of: text)) }
            if (byte >= 0x41 && byte <= 0x5A) || byte == 0x60 { changes = true }
        }
        guard changes else { return CaptureLine(text: text, indent: indent, key: text) }
        let key = String(unsafeUninitializedCapacity: bytes.count) { output in
            for (index, byte) in bytes.enumerated() {
                output[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte == 0x60 ? 0x27 : byte
            }
            return bytes.count
        }
        return CaptureLine(text: text, indent: indent, key: key)
    }

    /// Byte by byte: ASCII letters lower-cased, apostrophes made straight, any other scalar
    /// copied when lower-casing leaves it as it is (what `lowercased()` gives then); a text
    /// with a scalar that lower-casing changes goes through `lowercased()`.
    static func key(of text: String) -> String {
        var copy = text
        let fast: String? = copy.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    output.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte == 0x60 ? 0x27 : byte)
                    index += 1
                    continue
                }
                guard let (scalar, length) = UTF8Scan.scalar(at: index, in: bytes) else { return nil }
                switch scalar {
                case "\u{2019}", "\u{2018}", "\u{00B4}", "\u{02BC}":
                    output.append(0x27)
                default:
                    guard !scalar.properties.changesWhenLowercased else { return nil }
                    output.append(contentsOf: bytes[index..<(index + length)])
                }
                index += length
            }
            return String(decoding: output, as: UTF8.self)
        }
        if let fast { return fast }
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "\u{2019}", "\u{2018}", "`", "\u{00B4}", "\u{02BC}": result.append("'")
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether the text has a letter or a digit: a line of only punctuation is never a title.
    var hasWordCharacters: Bool {
        // An ASCII letter or digit answers without asking a scalar's properties (most lines).
        if text.utf8.contains(where: { ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }) { return true }
        return text.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    var wordCount: Int {
        text.isEmpty ? 0 : text.utf8.reduce(1) { $0 + ($1 == 0x20 ? 1 : 0) }
    }
}

// MARK: - Markers at the start of a line

extension CaptureLine {
    /// Characters that start a bulleted line.
    static let bulletMarkers: Set<Unicode.Scalar> = ["•", "·", "‣", "◦", "▪", "●", "-", "*"]
    /// Bullets that cannot start an ordinary word, so they may be glued to the item (`•Teks`).
    static let unambiguousBullets: Set<Unicode.Scalar> = ["•", "‣", "◦", "▪", "●"]

    /// The item of a bulleted line (`• teks`, `- teks`, `* teks`), without its marker.
    @inline(__always)
    var bulletItem: String? {
        // Every marker's UTF-8 starts with one of these bytes: most lines are ruled out on one,
        // here, without a call.
        guard let lead = text.utf8.first, lead == 0x2D || lead == 0x2A || lead == 0xC2 || lead == 0xE2 else { return nil }
        return bulletItemAfterLead
    }

    /// `bulletItem` once the first byte may start a marker.
    private var bulletItemAfterLead: String? {
        // On the bytes past the marker: the rest without spaces at either end (over the
        // scalars, with a `String` of the rest before trimming, it cost ~2 k instructions a line).
        var copy = text
        return copy.withUTF8 { bytes -> String? in
            guard let (first, length) = UTF8Scan.scalar(at: 0, in: bytes), Self.bulletMarkers.contains(first),
                  length < bytes.count
            else { return nil }
            if bytes[length] != 0x20 && !Self.unambiguousBullets.contains(first) { return nil }
            let item = String.trimmingSpaces(bytes, from: length, to: bytes.count)
            return item.isEmpty ? nil : item
        }
    }

    /// A line `N. text` or `N) text` with a number of one to three digits: a numbered item or
    /// section heading. `2024. Tahun itu…` has four digits and is neither.
    @inline(__always)
    var numberedItem: (number: Int, text: String)? {
        // Most lines are ruled out on their first byte, here, without a call.
        guard let lead = text.utf8.first, lead >= 0x30 && lead <= 0x39 else { return nil }
        return numberedItemAfterDigit
    }

    /// `numberedItem` once the first byte is a digit.
    private var numberedItemAfterDigit: (number: Int, text: String)? {
        // On the bytes: digits, the mark and the space are ASCII, and so one byte each; the
        // item is the bytes after them without spaces at either end. (Over the scalars, with a
        // `String` of the rest before trimming, it cost a few thousand instructions a line.)
        var copy = text
        return copy.withUTF8 { bytes -> (number: Int, text: String)? in
            var number = 0
            var index = 0
            while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                // Only 1 to 3 digits make an item; a longer run (a phone number, an ID) must not
                // overflow `number` on its way to being refused.
                if index < 3 { number = number * 10 + Int(bytes[index] - 0x30) }
                index += 1
            }
            guard index <= 3, index + 1 < bytes.count, bytes[index] == 0x2E || bytes[index] == 0x29,
                  bytes[index + 1] == 0x20
            else { return nil }
            // A letter among the bytes after the mark is one of the item's: trimming drops
            // spaces only.
            guard Self.hasAlphabetic(UnsafeBufferPointer(rebasing: bytes[(index + 2)...])) else { return nil }
            return (number, String.trimmingSpaces(bytes, from: index + 2, to: bytes.count))
        }
    }

    /// Whether valid UTF-8 holds a letter (`isAlphabetic`): an ASCII letter answers at once.
    private static func hasAlphabetic(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A { return true }
                index += 1
                continue
            }
            guard let (scalar, length) = UTF8Scan.scalar(at: index, in: bytes) else { return false }
            if scalar.properties.isAlphabetic { return true }
            index += length
        }
        return false
    }
}

extension String {
    /// `String(decoding: bytes[start..<end], as: UTF8.self).trimmingSpaces`, without making the
    /// untrimmed string first. `trimmingSpaces` cuts a `String` at character boundaries: where
    /// a trimmed space and the text beside it form one character (a space before a combining
    /// mark, or after a prepended mark such as U+0600), it keeps that space. Next to an ASCII
    /// byte it never does, so only then are the bytes trimmed here; otherwise `trimmingSpaces`
    /// decides.
    static func trimmingSpaces(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String {
        var first = start
        var last = end
        while first < last && bytes[first] == 0x20 { first += 1 }
        while last > first && bytes[last - 1] == 0x20 { last -= 1 }
        guard first < last else { return "" }
        if (first > start && bytes[first] >= 0x80) || (last < end && bytes[last - 1] >= 0x80) {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).trimmingSpaces
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self)
    }

    /// The text without spaces at either end.
    var trimmingSpaces: String {
        // Over UTF-8 (a space is one byte and never inside another scalar's bytes): text with
        // nothing to trim, most of it, comes back without a copy or a pass over its scalars.
        let bytes = utf8
        guard let start = bytes.firstIndex(where: { $0 != 0x20 }) else { return "" }
        let end = bytes.lastIndex(where: { $0 != 0x20 })!
        if start == bytes.startIndex && end == bytes.index(before: bytes.endIndex) { return self }
        return String(self[start...end])
    }

    /// Whether two texts are the same once all their spaces are taken out: the two copies of a
    /// caption may differ in white space only.
    ///
    /// Over UTF-8: the space is one byte that no other scalar's bytes contain, so the scalars
    /// without spaces are equal exactly when the bytes without 0x20 are.
    func equalsIgnoringSpaces(_ other: String) -> Bool {
        var first = self
        var second = other
        return first.withUTF8 { a in
            second.withUTF8 { b in
                // The same bytes (a caption's two copies, most often) are equal without spaces.
                if a.count == b.count, a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 { return true }
                var i = 0
                var j = 0
                while true {
                    while i < a.count && a[i] == 0x20 { i += 1 }
                    while j < b.count && b[j] == 0x20 { j += 1 }
                    if i == a.count || j == b.count { return i == a.count && j == b.count }
                    if a[i] != b[j] { return false }
                    i += 1
                    j += 1
                }
            }
        }
    }
}
