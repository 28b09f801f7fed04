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

    private func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        text.withUnsafeBufferPointer { bytes in
            var low = 0
            var high = starts.count
            while low < high {
                let middle = (low + high) / 2
                let start = Int(starts[middle])
                let entry = UnsafeBufferPointer(rebasing: bytes[start..<start + Int(lengths[middle])])
                if entry.elementsEqual(word) { return true }
                if entry.lexicographicallyPrecedes(word) { low = middle + 1 } else { high = middle }
            }
            return false
        }
    }
}
