// MARK: - Root words

/// The Indonesian root-word dictionary the stemmer checks every candidate against.
///
/// The list is compiled into the binary (`RootWordList.swift`, generated from Sastrawi's
/// `kata-dasar.txt`) rather than shipped as a SwiftPM resource bundle: the search index is built
/// with it, and an index written with one dictionary and updated without it (a binary copied
/// without its bundle) would be corrupted, since FTS5 deletes a row by tokenizing its text again.
/// Compiled in, it is always the same. It is parsed into a set once, lazily, on the first stem
/// (about 30,000 words, a few milliseconds), so starting baca costs nothing.
public final class RootWords: Sendable {
    private let words: Set<[UInt8]>

    /// The dictionary baca ships, parsed on first use.
    public static let shared = RootWords(lines: RootWords.list)

    /// A dictionary of the words in `lines`, one a line (tests).
    public init(lines: String) {
        var words = Set<[UInt8]>(minimumCapacity: 32_768)
        for line in lines.utf8.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            words.insert(Array(line))
        }
        self.words = words
    }

    /// Whether `word` (lower-case ASCII bytes) is a root word.
    @inline(__always)
    public func contains(_ word: [UInt8]) -> Bool { words.contains(word) }

    public func contains(_ word: String) -> Bool { words.contains(Array(word.utf8)) }

    public var count: Int { words.count }
}
