import BacaCore
import GRDB

// MARK: - The index's tokenizer

/// The FTS5 tokenizer of `article_fts`: `unicode61 remove_diacritics 2`, and after each
/// Indonesian word that has a root other than itself, that root, marked (`StemmedIndex.marker`)
/// and colocated (same position). *kebanjiran* is indexed as `kebanjiran` + `⟨mark⟩banjir`, so a
/// search for any form of *banjir* finds it (`SearchQuery` asks for the word, its root and the
/// marked root) while the form typed still matches on its own and ranks first.
///
/// Only documents get roots: queries are expanded by `SearchQuery`, and snippets and highlights
/// (`aux`) need positions only, which colocated tokens do not move. FTS5 deletes a row of an
/// external-content index by tokenizing its old text again, so this tokenizer must give the same
/// tokens for the same text forever: changing it needs a migration that rebuilds the index.
///
/// Registered on every connection by `StoreConnection`; a connection without it fails with
/// "no such tokenizer: baca_stem" as soon as it touches the index.
final class StemmingTokenizer: FTS5WrapperTokenizer {
    static let name = "baca_stem"

    let wrappedTokenizer: any FTS5Tokenizer
    /// Per connection (a connection tokenizes on one thread at a time), so no lock.
    private let stems = StemCache()

    /// False for an index declared `tokenize = 'baca_stem noroots'`: unicode61 alone. Only the
    /// benchmark makes one (`BACA_INDEX_ROOTS=0`, the cost of stemming measured on one build);
    /// being part of the table's declaration, it holds for the repository's whole life.
    let addsRoots: Bool

    /// The argument that turns the roots off.
    static let withoutRoots = "noroots"

    init(db: Database, arguments: [String]) throws {
        wrappedTokenizer = try db.makeTokenizer(.unicode61(diacritics: .remove))
        addsRoots = !arguments.contains(Self.withoutRoots)
    }

    /// What `tokenize` does, through GRDB's string API (for tests and as the reference).
    func accept(
        token: String, flags: FTS5TokenFlags, for tokenization: FTS5Tokenization,
        tokenCallback: FTS5WrapperTokenCallback
    ) throws {
        try tokenCallback(token, flags)
        guard tokenization == .document, addsRoots else { return }
        let bytes = Array(token.utf8)
        let marked = bytes.withUnsafeBytes { stems.markedRoot(of: $0) }
        if let marked { try tokenCallback(String(decoding: marked, as: UTF8.self), .colocated) }
    }

    /// The same as `accept`, on bytes: GRDB's wrapper makes a `String` (through `Data`) of every
    /// token and an array of every token it emits, which cost more than the whole stemming with a
    /// warm cache (an import tokenizes about 60 million words at 100,000 articles).
    func tokenize(
        context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization,
        pText: UnsafePointer<CChar>?, nText: CInt, tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        guard tokenization == .document, addsRoots else {
            return wrappedTokenizer.tokenize(
                context: context, tokenization: tokenization, pText: pText, nText: nText, tokenCallback: tokenCallback)
        }
        var relay = Relay(stems: stems, context: context, callback: tokenCallback)
        return withUnsafeMutablePointer(to: &relay) { relayPointer in
            wrappedTokenizer.tokenize(
                context: relayPointer, tokenization: tokenization, pText: pText, nText: nText
            ) { relayPointer, flags, token, count, start, end in
                let relay = relayPointer!.assumingMemoryBound(to: Relay.self)
                let code = relay.pointee.callback(relay.pointee.context, flags, token, count, start, end)
                guard code == 0, let token, count > 3 else { return code }
                let bytes = UnsafeRawBufferPointer(start: token, count: Int(count))
                guard let marked = relay.pointee.stems.markedRoot(of: bytes) else { return 0 }
                return marked.withUnsafeBufferPointer { root in
                    root.baseAddress!.withMemoryRebound(to: CChar.self, capacity: root.count) { pointer in
                        relay.pointee.callback(
                            relay.pointee.context, FTS5TokenFlags.colocated.rawValue, pointer, CInt(root.count), start, end)
                    }
                }
            }
        }
    }

    /// What the C callback needs, passed through FTS5's context pointer.
    private struct Relay {
        let stems: StemCache
        let context: UnsafeMutableRawPointer?
        let callback: FTS5TokenCallback
    }
}

/// Token bytes → marked root, remembered: news text repeats its words, so nearly every token is
/// a hash lookup without an allocation. Hand-written open addressing on bytes because a
/// `Dictionary` key would need an array allocated for every token.
final class StemCache {
    /// Lazy: the dictionary is parsed on the first word to stem, not when a connection opens
    /// the index.
    private lazy var stemmer = IndonesianStemmer()
    /// Keys and values, one after the other.
    private var arena: [UInt8] = []
    /// Per slot: key offset, key length, value offset, value length (-1: no root); -1 key: empty.
    private var slots: [Int32]
    private var count = 0
    private var mask: Int
    /// Emptied when it holds this many words (a long import of varied text stays bounded).
    private let capacity: Int

    /// Starts small and doubles as words come (up to `capacity`): the reader's connection
    /// tokenizes a few query words, and a table sized for an import (4 MB of slots, every page
    /// written to empty it) was most of the reader's memory growth on its first search.
    init(capacity: Int = 1 << 17, initialSlots: Int = 1 << 10) {
        self.capacity = capacity
        let size = max(16, initialSlots)
        slots = Array(repeating: -1, count: size * 4)
        mask = size - 1
    }

    /// The marked root of `word`, or nil.
    func markedRoot(of word: UnsafeRawBufferPointer) -> ArraySlice<UInt8>? {
        var slot = Int(truncatingIfNeeded: Self.hash(word)) & mask
        while true {
            let base = slot * 4
            let keyOffset = Int(slots[base])
            if keyOffset < 0 { break }
            let keyLength = Int(slots[base + 1])
            if keyLength == word.count && arena.withUnsafeBufferPointer({ arena in
                memcmpEqual(arena.baseAddress! + keyOffset, word, keyLength)
            }) {
                let valueLength = Int(slots[base + 3])
                guard valueLength >= 0 else { return nil }
                let valueOffset = Int(slots[base + 2])
                return arena[valueOffset..<(valueOffset + valueLength)]
            }
            slot = (slot + 1) & mask
        }
        let key = Array(word)
        let value = StemmedIndex.markedRoot(of: key, stemmer: stemmer)
        if count >= capacity { clear() ; return value.map { $0[...] } }
        if (count + 1) * 2 > mask + 1 {
            // Kept at most half full: twice the slots, every word placed again.
            grow()
            slot = Int(truncatingIfNeeded: Self.hash(word)) & mask
            while slots[slot * 4] >= 0 { slot = (slot + 1) & mask }
        }
        // (Re-probe after a clear is not needed: we only insert when not full.)
        let keyOffset = arena.count
        arena.append(contentsOf: key)
        let valueOffset = arena.count
        if let value { arena.append(contentsOf: value) }
        let base = slot * 4
        slots[base] = Int32(keyOffset)
        slots[base + 1] = Int32(key.count)
        slots[base + 2] = Int32(valueOffset)
        slots[base + 3] = value.map { Int32($0.count) } ?? -1
        count += 1
        return value.map { arena[valueOffset..<(valueOffset + $0.count)] }
    }

    /// FNV-1a.
    @inline(__always)
    private static func hash(_ word: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// Doubles the slots and places every word again (its bytes stay where they are in `arena`).
    private func grow() {
        let old = slots
        let size = (mask + 1) * 2
        slots = Array(repeating: -1, count: size * 4)
        mask = size - 1
        arena.withUnsafeBytes { arena in
            for base in stride(from: 0, to: old.count, by: 4) where old[base] >= 0 {
                let key = UnsafeRawBufferPointer(rebasing: arena[Int(old[base])..<Int(old[base]) + Int(old[base + 1])])
                var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
                while slots[slot * 4] >= 0 { slot = (slot + 1) & mask }
                for field in 0..<4 { slots[slot * 4 + field] = old[base + field] }
            }
        }
    }

    private func clear() {
        for index in slots.indices { slots[index] = -1 }
        arena.removeAll(keepingCapacity: true)
        count = 0
    }

    @inline(__always)
    private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafeRawBufferPointer, _ length: Int) -> Bool {
        var index = 0
        while index < length {
            if a[index] != b[index] { return false }
            index += 1
        }
        return true
    }
}
