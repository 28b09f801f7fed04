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
        var words: [(start: UInt32, length: UInt8)] = []
        var lineStart = 0
        for index in 0...text.count where index == text.count || text[index] == UInt8(ascii: "\n") {
            let length = index - lineStart
            if length > 0 && length < 256 { words.append((UInt32(lineStart), UInt8(length))) }
            lineStart = index + 1
        }
        text.withUnsafeBufferPointer { bytes in
            func word(_ entry: (start: UInt32, length: UInt8)) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.start) + Int(entry.length)])
            }
            // The list baca ships is sorted already: checking costs one comparison a word,
            // sorting 30,000 words through closures 13 M instructions on the reader's first
            // search (`docs/PERFORMANCE.md`, "Fourth round").
            let isSortedAndUnique = words.indices.dropFirst().allSatisfy { index in
                word(words[index - 1]).lexicographicallyPrecedes(word(words[index]))
            }
            if isSortedAndUnique { return }
            words.sort { word($0).lexicographicallyPrecedes(word($1)) }
            var unique: [(start: UInt32, length: UInt8)] = []
            unique.reserveCapacity(words.count)
            for entry in words where unique.last.map({ !word($0).elementsEqual(word(entry)) }) ?? true {
                unique.append(entry)
            }
            words = unique
        }
        self.text = text
        starts = words.map(\.start)
        lengths = words.map(\.length)
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
                        let entry = base + Int(starts[middle])
                        let entryCount = Int(lengths[middle])
                        var order = 0
                        var index = 0
                        let shorter = min(entryCount, wordCount)
                        while index < shorter {
                            let a = entry[index], b = wordBase[index]
                            if a != b { order = a < b ? -1 : 1; break }
                            index += 1
                        }
                        if order == 0 { order = entryCount == wordCount ? 0 : (entryCount < wordCount ? -1 : 1) }
                        if order == 0 { return true }
                        if order < 0 { low = middle + 1 } else { high = middle }
                    }
                    return false
                }
            }
        }
    }
}
