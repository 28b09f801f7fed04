import BacaCore
import GRDB
import GRDBSQLite

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
        let marked = bytes.withUnsafeBytes { stems.markedRoot(of: $0).map { String(decoding: $0, as: UTF8.self) } }
        if let marked { try tokenCallback(marked, .colocated) }
    }

    /// The same as `accept`, on bytes: GRDB's wrapper makes a `String` (through `Data`) of every
    /// token and an array of every token it emits, which cost more than the whole stemming with a
    /// warm cache (an import tokenizes about 60 million words at 100,000 articles).
    ///
    /// A document's ASCII words are cut here (`AsciiWords`); only the stretches with other
    /// characters go through unicode61, so its tokens are unicode61's exactly (a test compares
    /// tokens, flags and offsets on random texts).
    func tokenize(
        context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization,
        pText: UnsafePointer<CChar>?, nText: CInt, tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        guard tokenization == .document else {
            return wrappedTokenizer.tokenize(
                context: context, tokenization: tokenization, pText: pText, nText: nText, tokenCallback: tokenCallback)
        }
        guard let pText, nText > 0 else { return 0 }
        var relay = Relay(
            stems: addsRoots ? Unmanaged.passUnretained(stems) : nil, context: context, callback: tokenCallback, offset: 0)
        let text = UnsafeRawPointer(pText).assumingMemoryBound(to: UInt8.self)
        let code = withUnsafeMutablePointer(to: &relay) { relayPointer in
            AsciiWords.forEach(in: text, count: Int(nText), lowercased: lowercased) { word in
                switch word {
                case .ascii(let token, let start, let end):
                    relayPointer.pointee.offset = 0
                    return StemmingTokenizer.relay(
                        relayPointer, 0, UnsafeRawPointer(token.baseAddress!).assumingMemoryBound(to: CChar.self),
                        CInt(truncatingIfNeeded: token.count), CInt(truncatingIfNeeded: start),
                        CInt(truncatingIfNeeded: end))
                case .other(let start, let end):
                    relayPointer.pointee.offset = CInt(truncatingIfNeeded: start)
                    let code = wrappedTokenizer.tokenize(
                        context: relayPointer, tokenization: tokenization,
                        pText: UnsafeRawPointer(text + start).assumingMemoryBound(to: CChar.self),
                        nText: CInt(truncatingIfNeeded: end - start)
                    ) { relayPointer, flags, token, count, start, end in
                        StemmingTokenizer.relay(
                            relayPointer!.assumingMemoryBound(to: Relay.self), flags, token, count, start, end)
                    }
                    // unicode61 ends on SQLITE_DONE with SQLITE_OK; the document ends there too.
                    return relayPointer.pointee.isDone && code == SQLITE_OK ? SQLITE_DONE : code
                }
            }
        }
        // As unicode61 does: SQLITE_DONE from the callback stops the tokenizing without an error.
        return code == SQLITE_DONE ? SQLITE_OK : code
    }

    /// The document's text through unicode61 alone, then `relay`: what `tokenize` gave before it
    /// cut ASCII words itself, kept as the reference its tests compare with.
    func tokenizeThroughUnicode61(
        context: UnsafeMutableRawPointer?, pText: UnsafePointer<CChar>?, nText: CInt,
        tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        var relay = Relay(
            stems: addsRoots ? Unmanaged.passUnretained(stems) : nil, context: context, callback: tokenCallback, offset: 0)
        return withUnsafeMutablePointer(to: &relay) { relayPointer in
            wrappedTokenizer.tokenize(
                context: relayPointer, tokenization: .document, pText: pText, nText: nText
            ) { relayPointer, flags, token, count, start, end in
                StemmingTokenizer.relay(relayPointer!.assumingMemoryBound(to: Relay.self), flags, token, count, start, end)
            }
        }
    }

    /// Lower-cased copies of ASCII words with capitals, reused (one call at a time).
    private let lowercased = AsciiWords.Buffer()

    /// Hands FTS5 a token (its offsets moved by the relay's `offset`), then its marked root when
    /// it has one.
    private static func relay(
        _ relay: UnsafeMutablePointer<Relay>, _ flags: CInt, _ token: UnsafePointer<CChar>?, _ count: CInt,
        _ start: CInt, _ end: CInt
    ) -> CInt {
        let start = start + relay.pointee.offset, end = end + relay.pointee.offset
        var code = relay.pointee.callback(relay.pointee.context, flags, token, count, start, end)
        if code == SQLITE_OK, let token, count > 3, let stems = relay.pointee.stems,
           // Not retained for every token: `tokenize` holds the cache for the whole call.
           let root = stems._withUnsafeGuaranteedRef({ $0.markedRoot(of: UnsafeRawBufferPointer(start: token, count: Int(count))) }) {
            code = relay.pointee.callback(
                relay.pointee.context, colocated,
                root.baseAddress!.assumingMemoryBound(to: CChar.self), CInt(root.count), start, end)
        }
        if code == SQLITE_DONE { relay.pointee.isDone = true }
        return code
    }

    /// `FTS5_TOKEN_COLOCATED` as a constant (GRDB's `FTS5TokenFlags.colocated` is a global
    /// read through an accessor on every root).
    private static let colocated: CInt = 1

    /// What the C callback needs, passed through FTS5's context pointer.
    private struct Relay {
        /// Nil when the index adds no roots.
        let stems: Unmanaged<StemCache>?
        let context: UnsafeMutableRawPointer?
        let callback: FTS5TokenCallback
        /// Where the text unicode61 is tokenizing starts in the document.
        var offset: CInt
        /// The callback asked for no more tokens (SQLITE_DONE).
        var isDone = false
    }
}

/// A document's words as unicode61 (`remove_diacritics 2`, default categories) cuts them, found
/// without it where they are plain ASCII: ASCII letters and digits are its only ASCII token
/// characters, every other ASCII byte separates, and ASCII capitals fold to small letters.
/// A stretch between ASCII separators that holds any other byte is handed back whole
/// (`.other`), for unicode61 itself: it starts and ends where unicode61 is between tokens,
/// so cutting there changes nothing. Hand-written because unicode61 spends ~125 instructions
/// on a word through its Unicode tables and output buffer, and news text is mostly ASCII.
enum AsciiWords {
    enum Word {
        /// Lower-cased bytes (in the text itself or in the buffer), with their offsets.
        case ascii(UnsafeBufferPointer<UInt8>, start: Int, end: Int)
        /// A stretch with bytes beyond ASCII.
        case other(start: Int, end: Int)
    }

    /// Calls `body` for each word or other stretch in order; stops at the first non-zero code.
    static func forEach(
        in text: UnsafePointer<UInt8>, count: Int, lowercased buffer: Buffer, _ body: (Word) -> CInt
    ) -> CInt {
        let kinds = Kind.table
        var index = 0
        while index < count {
            // Separators, then a word: one table load a byte, the kinds of a word or-ed.
            while index < count && kinds[Int(text[index])] == Kind.separator { index &+= 1 }
            guard index < count else { break }
            let start = index
            var seen: UInt8 = 0
            while index < count {
                // Eight small letters at a time up to the first other byte (most of a word).
                while index &+ 8 <= count {
                    let others = notSmallLetters(UInt64(littleEndian: UnsafeRawPointer(text + index).loadUnaligned(as: UInt64.self)))
                    if others == 0 {
                        index &+= 8
                    } else {
                        index &+= others.trailingZeroBitCount &>> 3
                        break
                    }
                }
                guard index < count else { break }
                let kind = kinds[Int(text[index])]
                if kind == Kind.separator { break }
                seen |= kind
                index &+= 1
            }
            let code: CInt
            if seen & Kind.beyondASCII != 0 {
                code = body(.other(start: start, end: index))
            } else if seen & Kind.capital != 0 {
                code = body(.ascii(buffer.lowercased(text + start, count: index &- start), start: start, end: index))
            } else {
                code = body(.ascii(UnsafeBufferPointer(start: text + start, count: index &- start), start: start, end: index))
            }
            if code != 0 { return code }
        }
        return 0
    }

    /// The high bit of each byte of `bytes` (eight text bytes, the first lowest) that is not
    /// a–z. Exact up to and including the first such byte, which is all `forEach` reads: a carry
    /// out of a byte's sums happens only for a byte of 0x80 or more, and reaches only the bytes
    /// after it.
    @inline(__always)
    static func notSmallLetters(_ bytes: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let fromA = bytes &+ 0x1F1F_1F1F_1F1F_1F1F  // high bit: byte ≥ 0x61 (for a byte < 0x80)
        let pastZ = bytes &+ 0x0505_0505_0505_0505  // high bit: byte ≥ 0x7B
        let small = fromA & ~pastZ & ~bytes & high
        return ~small & high
    }

    /// What a byte is to unicode61, as bits a word's bytes can be or-ed into.
    enum Kind {
        /// An ASCII byte other than a letter or a digit.
        static let separator: UInt8 = 0
        /// a–z, 0–9.
        static let small: UInt8 = 1
        /// A–Z.
        static let capital: UInt8 = 2
        /// 0x80–0xFF: part of a character unicode61 must judge.
        static let beyondASCII: UInt8 = 4

        /// The kind of every byte (allocated once, never freed; never written after).
        nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
            let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
            for byte in 0...255 {
                let value = UInt8(byte)
                table[byte] = switch value {
                case 0x80...: beyondASCII
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): small
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): capital
                default: separator
                }
            }
            return UnsafePointer(table)
        }()
    }

    /// Growable scratch memory for lower-cased words.
    final class Buffer {
        private var storage: UnsafeMutablePointer<UInt8>
        private var capacity: Int

        init(capacity: Int = 256) {
            self.capacity = capacity
            storage = .allocate(capacity: capacity)
        }

        deinit { storage.deallocate() }

        /// `count` ASCII bytes from `bytes` with A–Z lower-cased; valid until the next call.
        func lowercased(_ bytes: UnsafePointer<UInt8>, count: Int) -> UnsafeBufferPointer<UInt8> {
            if count > capacity {
                storage.deallocate()
                capacity = max(count, capacity * 2)
                storage = .allocate(capacity: capacity)
            }
            for index in 0..<count {
                let byte = bytes[index]
                storage[index] = byte &- 65 < 26 ? byte | 0x20 : byte
            }
            return UnsafeBufferPointer(start: storage, count: count)
        }
    }
}

/// Token bytes → marked root, remembered: news text repeats its words, so nearly every token is
/// a hash lookup without an allocation. Hand-written open addressing on bytes because a
/// `Dictionary` key would need an array allocated for every token; its storage is raw memory
/// (no array bounds or exclusivity checks, no reference counting on a lookup): the lookup runs
/// once for each of the ~700 words of every article an import indexes (`docs/PERFORMANCE.md`).
final class StemCache {
    /// Lazy: the dictionary is parsed on the first word to stem, not when a connection opens
    /// the index.
    private lazy var stemmer = IndonesianStemmer()
    /// Keys and values, one after the other.
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCount = 0
    private var arenaCapacity: Int
    /// Per slot: key offset, key length, value offset, value length (-1: no root); -1 key: empty.
    private var slots: UnsafeMutablePointer<Int32>
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
        slots = .allocate(capacity: size * 4)
        slots.initialize(repeating: -1, count: size * 4)
        mask = size - 1
        arenaCapacity = size * 16
        arena = .allocate(capacity: arenaCapacity)
    }

    deinit {
        slots.deallocate()
        arena.deallocate()
    }

    /// The marked root of `word`, or nil. The bytes are valid until the next call.
    func markedRoot(of word: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        let length = word.count
        // An empty word has no root (`StemmedIndex` stems words of four letters and more).
        guard let wordBase = word.baseAddress, length > 0 else { return nil }
        var slot = Int(truncatingIfNeeded: Self.hash(word)) & mask
        while true {
            let base = slots + slot * 4
            let keyOffset = Int(base[0])
            if keyOffset < 0 { break }
            if Int(base[1]) == length && Self.equal(arena + keyOffset, wordBase, length) {
                let valueLength = Int(base[3])
                guard valueLength >= 0 else { return nil }
                return UnsafeRawBufferPointer(start: arena + Int(base[2]), count: valueLength)
            }
            slot = (slot &+ 1) & mask
        }
        return lookUpNew(word, slot: slot)
    }

    /// Stems a word not seen yet and remembers it in the empty `slot` its probe ended at.
    private func lookUpNew(_ word: UnsafeRawBufferPointer, slot: Int) -> UnsafeRawBufferPointer? {
        let key = Array(word)
        let value = StemmedIndex.markedRoot(of: key, stemmer: stemmer)
        var slot = slot
        if count >= capacity {
            // Emptied, then the word is remembered like any other: the root handed out lives in
            // `arena`, which the cache owns, so it stays valid until the next call.
            clear()
            slot = Int(truncatingIfNeeded: Self.hash(word)) & mask
        } else if (count + 1) * 2 > mask + 1 {
            // Kept at most half full: twice the slots, every word placed again.
            grow()
            slot = Int(truncatingIfNeeded: Self.hash(word)) & mask
            while slots[slot * 4] >= 0 { slot = (slot + 1) & mask }
        }
        let keyOffset = append(key)
        let valueOffset = arenaCount
        if let value { _ = append(value) }
        let base = slots + slot * 4
        base[0] = Int32(keyOffset)
        base[1] = Int32(key.count)
        base[2] = Int32(valueOffset)
        base[3] = value.map { Int32($0.count) } ?? -1
        count += 1
        guard let value else { return nil }
        return UnsafeRawBufferPointer(start: arena + valueOffset, count: value.count)
    }

    /// Copies `bytes` to the end of the arena (doubling it when full); returns their offset.
    private func append(_ bytes: [UInt8]) -> Int {
        if arenaCount + bytes.count > arenaCapacity {
            let capacity = max(arenaCapacity * 2, arenaCount + bytes.count)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: arena, count: arenaCount)
            arena.deallocate()
            arena = grown
            arenaCapacity = capacity
        }
        let offset = arenaCount
        bytes.withUnsafeBufferPointer { (arena + offset).update(from: $0.baseAddress!, count: $0.count) }
        arenaCount += bytes.count
        return offset
    }

    /// Words are short: whole 8- or 4-byte loads (overlapping at the end, like `hash`) beat a
    /// call to `memcmp` and a byte loop.
    @inline(__always)
    private static func equal(_ a: UnsafeMutablePointer<UInt8>, _ b: UnsafeRawPointer, _ length: Int) -> Bool {
        let a = UnsafeRawPointer(a)
        if length >= 8 {
            var offset = 0
            while offset &+ 8 < length {
                if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
                offset &+= 8
            }
            return a.loadUnaligned(fromByteOffset: length &- 8, as: UInt64.self)
                == b.loadUnaligned(fromByteOffset: length &- 8, as: UInt64.self)
        }
        if length >= 4 {
            return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
                && a.loadUnaligned(fromByteOffset: length &- 4, as: UInt32.self)
                    == b.loadUnaligned(fromByteOffset: length &- 4, as: UInt32.self)
        }
        var index = 0
        while index < length {
            if a.load(fromByteOffset: index, as: UInt8.self) != b.load(fromByteOffset: index, as: UInt8.self) {
                return false
            }
            index &+= 1
        }
        return true
    }

    /// A word's hash from whole 8- or 4-byte loads (overlapping at the end), mixed by
    /// multiplication: a few instructions for the short words of news text, where a byte loop
    /// (FNV-1a) took one round a byte.
    @inline(__always)
    private static func hash(_ word: UnsafeRawBufferPointer) -> UInt64 {
        let count = word.count
        guard let base = word.baseAddress else { return 0 }
        var hash = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        @inline(__always) func mix(_ value: UInt64) {
            hash = (hash ^ value) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
        }
        if count >= 8 {
            var offset = 0
            while offset + 8 < count {
                mix(base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            mix(base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        } else if count >= 4 {
            let head = UInt64(base.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            let tail = UInt64(base.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            mix(head << 32 | tail)
        } else {
            var value: UInt64 = 0
            for index in 0..<count { value = value << 8 | UInt64(base.load(fromByteOffset: index, as: UInt8.self)) }
            mix(value)
        }
        return hash
    }

    /// Doubles the slots and places every word again (its bytes stay where they are in `arena`).
    private func grow() {
        let old = slots
        let oldCount = (mask + 1) * 4
        let size = (mask + 1) * 2
        slots = .allocate(capacity: size * 4)
        slots.initialize(repeating: -1, count: size * 4)
        mask = size - 1
        for base in stride(from: 0, to: oldCount, by: 4) where old[base] >= 0 {
            let key = UnsafeRawBufferPointer(start: arena + Int(old[base]), count: Int(old[base + 1]))
            var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
            while slots[slot * 4] >= 0 { slot = (slot + 1) & mask }
            (slots + slot * 4).update(from: old + base, count: 4)
        }
        old.deallocate()
    }

    private func clear() {
        slots.update(repeating: -1, count: (mask + 1) * 4)
        arenaCount = 0
        count = 0
    }
}
