// MARK: - Root words

/// The Indonesian root-word dictionary the stemmer checks every candidate against.
///
/// The list is compiled into the binary (`RootWordList.swift`, generated from Sastrawi's
/// `kata-dasar.txt`) rather than shipped as a SwiftPM resource bundle: the search index is built
/// with it, and an index written with one dictionary and updated without it (a binary copied
/// without its bundle) would be corrupted, since FTS5 deletes a row by tokenizing its text again.
/// Compiled in, it is always the same. It is parsed into a set once, lazily, on the first stem
/// (about 30,000 words, a few milliseconds), so starting baca costs nothing.
///
/// Kept as the list's own bytes and a sorted table of where each word starts (about 150 KB for
/// the list baca ships), looked up by binary search: a `Set` of 30,000 byte arrays took 2–3 MB of
/// heap, most of the reader's memory growth on its first search (`docs/PERFORMANCE.md`).
public final class RootWords: Sendable {
    /// The words, one a line (any order).
    private let text: [UInt8]
    /// Where each word starts and how long it is, in byte order of the words; no duplicates.
    private let starts: [UInt32]
    private let lengths: [UInt8]

    /// The dictionary baca ships, parsed on first use.
    public static let shared = RootWords(lines: RootWords.list)

    /// A dictionary of the words in `lines`, one a line (tests).
    public init(lines: String) {
        let text = Array(lines.utf8)
        var starts: [UInt32] = []
        var lengths: [UInt8] = []
        var isSortedAndUnique = true
        // Raw bytes and one three-way comparison a word: through generic slices the scan and
        // the order check cost 6.8 M instructions, a fixed cost of every import that stems.
        text.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var lineStart = 0
            var index = 0
            let count = bytes.count
            while index <= count {
                if index == count || base[index] == UInt8(ascii: "\n") {
                    let length = index &- lineStart
                    if length > 0 && length < 256 {
                        if let previous = starts.last, isSortedAndUnique,
                           Self.order(base + Int(previous), Int(lengths[lengths.count - 1]), base + lineStart, length) >= 0 {
                            isSortedAndUnique = false
                        }
                        starts.append(UInt32(lineStart))
                        lengths.append(UInt8(length))
                    }
                    lineStart = index &+ 1
                }
                index &+= 1
            }
        }
        if !isSortedAndUnique {
            // Any other list (tests): sorted, repeats dropped.
            text.withUnsafeBufferPointer { bytes in
                let base = bytes.baseAddress!
                var words = zip(starts, lengths).map { (start: $0, length: $1) }
                words.sort { Self.order(base + Int($0.start), Int($0.length), base + Int($1.start), Int($1.length)) < 0 }
                var unique: [(start: UInt32, length: UInt8)] = []
                unique.reserveCapacity(words.count)
                for entry in words {
                    if let last = unique.last,
                       Self.order(base + Int(last.start), Int(last.length), base + Int(entry.start), Int(entry.length)) == 0 {
                        continue
                    }
                    unique.append(entry)
                }
                starts = unique.map(\.start)
                lengths = unique.map(\.length)
            }
        }
        self.text = text
        self.starts = starts
        self.lengths = lengths
    }

    /// Byte order of two words: negative when `a` comes first, zero when equal.
    @inline(__always)
    static func order(_ a: UnsafePointer<UInt8>, _ aCount: Int, _ b: UnsafePointer<UInt8>, _ bCount: Int) -> Int {
        let shorter = min(aCount, bCount)
        var index = 0
        while index < shorter {
            let x = a[index], y = b[index]
            if x != y { return x < y ? -1 : 1 }
            index &+= 1
        }
        return aCount == bCount ? 0 : (aCount < bCount ? -1 : 1)
    }

    /// Whether `word` (lower-case ASCII bytes) is a root word.
    @inline(__always)
    public func contains(_ word: [UInt8]) -> Bool {
        word.withUnsafeBufferPointer { contains($0) }
    }

    public func contains(_ word: String) -> Bool { contains(Array(word.utf8)) }

    public var count: Int { starts.count }

    /// Binary search with one three-way comparison a step, on raw bytes: the generic
    /// `elementsEqual` then `lexicographicallyPrecedes` of each step cost ~3,000 instructions a
    /// look-up, a stemmer runs a dozen look-ups a new word, and an import stems every word it
    /// meets first (`docs/PERFORMANCE.md`, fifth round).
    private func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let wordBase = word.baseAddress else { return false }
        let wordCount = word.count
        return text.withUnsafeBufferPointer { bytes in
            starts.withUnsafeBufferPointer { starts in
                lengths.withUnsafeBufferPointer { lengths in
                    guard let base = bytes.baseAddress else { return false }
                    var low = 0
                    var high = starts.count
                    while low < high {
                        let middle = (low + high) / 2
                        let order = Self.order(base + Int(starts[middle]), Int(lengths[middle]), wordBase, wordCount)
                        if order == 0 { return true }
                        if order < 0 { low = middle + 1 } else { high = middle }
                    }
                    return false
                }
            }
        }
    }
}
