import Foundation
import GRDB
import Testing
@testable import BacaStore

/// The index's tokenizer cuts ASCII words itself (`AsciiWords`): every token it hands FTS5, with
/// its flags and offsets (highlights and snippets use them), must be what unicode61 alone gives.
/// FTS5 deletes a row by tokenizing its old text again, so a difference would corrupt the index.
@Suite("Cutting ASCII words without unicode61")
struct AsciiWordsTests {
    /// One token as FTS5 receives it.
    struct Token: Equatable, CustomStringConvertible {
        var bytes: [UInt8]
        var flags: CInt
        var start: CInt
        var end: CInt
        var description: String { "\(String(decoding: bytes, as: UTF8.self))|\(flags)|\(start)-\(end)" }
    }

    /// Collects tokens through FTS5's C callback.
    final class Collector {
        var tokens: [Token] = []
    }

    private static let collect: FTS5TokenCallback = { context, flags, token, count, start, end in
        let collector = Unmanaged<Collector>.fromOpaque(context!).takeUnretainedValue()
        let bytes = UnsafeRawBufferPointer(start: token, count: Int(count))
        collector.tokens.append(Token(bytes: Array(bytes), flags: flags, start: start, end: end))
        return 0
    }

    /// The tokens of `text` through `tokenize` (fast) and through unicode61 alone (reference).
    private func bothPaths(_ text: [UInt8], _ tokenizer: StemmingTokenizer) -> (fast: [Token], reference: [Token]) {
        let fast = Collector(), reference = Collector()
        text.withUnsafeBufferPointer { buffer in
            let pText = UnsafeRawPointer(buffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
            _ = tokenizer.tokenize(
                context: Unmanaged.passUnretained(fast).toOpaque(), tokenization: .document,
                pText: pText, nText: CInt(buffer.count), tokenCallback: Self.collect)
            _ = tokenizer.tokenizeThroughUnicode61(
                context: Unmanaged.passUnretained(reference).toOpaque(), pText: pText, nText: CInt(buffer.count),
                tokenCallback: Self.collect)
        }
        return (fast.tokens, reference.tokens)
    }

    @Test("a sentence: folded words, roots, offsets")
    func sentence() throws {
        let queue = try DatabaseQueue(configuration: StoreConnection.configuration())
        try queue.read { db in
            let tokenizer = try StemmingTokenizer(db: db, arguments: [])
            let text = Array("Warga KEBANJIRAN di “Kafé” 2024, anak-anak.".utf8)
            let (fast, reference) = bothPaths(text, tokenizer)
            #expect(fast == reference)
            #expect(fast.map(\.description) == [
                "warga|0|0-5", "kebanjiran|0|6-16", "\(StemmedIndex.marker)banjir|1|6-16", "di|0|17-19",
                "kafe|0|23-28", "2024|0|32-36", "anak|0|38-42", "anak|0|43-47",
            ])
        }
    }

    @Test("random bytes, words and characters beyond ASCII give unicode61's tokens exactly")
    func randomTexts() throws {
        let pieces: [[UInt8]] = [
            "kebanjiran", "Kebanjiran", "MEMBANJIRI", "pasar", "anak-anak", "Kafé", "cafe\u{301}", "2024", "2.300", "x",
            " ", "\n", "\r\n", ",", ".", "-", "_", "'", "\"", "“", "”", "—", "•", "漢字", "👩‍👩‍👧", "Ä", "ß", "İ",
            "\u{E000}", "pembangunan", "(Foto)", "a1B2", "\u{0301}", "\t", "/", "@", "#", "ı", "Ǆ", "ⅷ", "٣", "ＡＢＣ",
            "\u{00A0}", "\u{2009}", "é", "Ω", String(repeating: "Panjang", count: 40),
        ].map { Array($0.utf8) } + [[0x80], [0xC3], [0xFF], [0xE2, 0x80], [0x00], [0x7F], [0x1B, 0x5B]]
        var texts: [[UInt8]] = [[], [0x20], Array("kata".utf8), Array("A".utf8), Array("é".utf8)]
        var random = SeededGenerator(state: 2026)
        func next() -> UInt64 { random.next() }
        for _ in 0..<3000 {
            var text: [UInt8] = []
            for _ in 0..<(next() % 24) + 1 {
                if next() % 8 == 0 {
                    text.append(UInt8(truncatingIfNeeded: next()))
                } else {
                    text += pieces[Int(next() % UInt64(pieces.count))]
                }
            }
            texts.append(text)
        }
        // Runs of small letters with another byte at every offset of an eight-byte load.
        for offset in 0..<20 {
            for other in ["A", "7", "é", " ", "-", "\u{0}", "\u{7F}", "`", "{", "@", "["] {
                texts.append(Array((String(repeating: "a", count: offset) + other + String(repeating: "z", count: 11)).utf8))
            }
            texts.append(Array((String(repeating: "m", count: offset) + "\u{FF}").utf8) + [0xFF, 0x61, 0xE1, 0x62])
        }
        // Every byte alone and beside a letter.
        for byte in 0...255 {
            texts.append([UInt8(byte)])
            texts.append([0x61, UInt8(byte), 0x42])
        }
        let queue = try DatabaseQueue(configuration: StoreConnection.configuration())
        try queue.read { db in
            for arguments in [[], [StemmingTokenizer.withoutRoots]] {
                let tokenizer = try StemmingTokenizer(db: db, arguments: arguments)
                for text in texts {
                    let (fast, reference) = bothPaths(text, tokenizer)
                    #expect(fast == reference, "\(text)")
                }
            }
        }
    }

    @Test("an index written through the fast path deletes and finds rows like unicode61's")
    func indexRoundTrip() throws {
        let queue = try DatabaseQueue(configuration: StoreConnection.configuration())
        try queue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = '\(StemmingTokenizer.name)')")
            try db.execute(sql: "INSERT INTO t (rowid, body) VALUES (1, 'Warga KEBANJIRAN di “Kafé” lagi')")
            try db.execute(sql: "INSERT INTO t (rowid, body) VALUES (2, 'Pasar ramai, harga naik')")
            #expect(try Int.fetchOne(db, sql: "SELECT rowid FROM t WHERE t MATCH 'kafe'") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT rowid FROM t WHERE t MATCH ?", arguments: ["\(StemmedIndex.marker)banjir"]) == 1)
            #expect(try String.fetchOne(db, sql: "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH 'kafe'")
                == "Warga KEBANJIRAN di “[Kafé]” lagi")
            try db.execute(sql: "DELETE FROM t WHERE rowid = 1")
            try db.execute(sql: "INSERT INTO t (t) VALUES ('integrity-check')")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t WHERE t MATCH 'kebanjiran'") == 0)
        }
    }
}

/// `StemmingTokenizer` through unicode61 alone, as an FTS5 tokenizer of its own, so an index
/// written by each can be compared.
final class ReferenceStemmingTokenizer: FTS5CustomTokenizer {
    static let name = "baca_stem_reference"
    private let tokenizer: StemmingTokenizer

    init(db: Database, arguments: [String]) throws {
        tokenizer = try StemmingTokenizer(db: db, arguments: arguments)
    }

    func tokenize(
        context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization,
        pText: UnsafePointer<CChar>?, nText: CInt, tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        guard tokenization == .document else {
            return tokenizer.tokenize(
                context: context, tokenization: tokenization, pText: pText, nText: nText, tokenCallback: tokenCallback)
        }
        return tokenizer.tokenizeThroughUnicode61(context: context, pText: pText, nText: nText, tokenCallback: tokenCallback)
    }
}

extension AsciiWordsTests {
    @Test("two indexes of the same random texts, one through each path, hold the same instances")
    func sameIndex() throws {
        let pieces = [
            "Kebanjiran", "warga", "MEMBANJIRI", "“Kafé”", "2.300", "anak-anak", "Jl.", "pukul", "ßtraße", "漢字", "—",
            "pembangunannya", "(3/6/2023)", " ", ", ", ". ", "\n", "É", "e\u{301}", "İstanbul", "menyebutkan",
        ]
        var random = SeededGenerator(state: 7)
        func next() -> Int { Int(random.next() >> 33) }
        let texts = (0..<400).map { _ in (0..<(next() % 60 + 1)).map { _ in pieces[next() % pieces.count] }.joined() }
        var configuration = StoreConnection.configuration()
        configuration.prepareDatabase { db in db.add(tokenizer: ReferenceStemmingTokenizer.self) }
        let queue = try DatabaseQueue(configuration: configuration)
        try queue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE fast USING fts5(body, tokenize = '\(StemmingTokenizer.name)')")
            try db.execute(sql: "CREATE VIRTUAL TABLE reference USING fts5(body, tokenize = '\(ReferenceStemmingTokenizer.name)')")
            for (index, text) in texts.enumerated() {
                try db.execute(sql: "INSERT INTO fast (rowid, body) VALUES (?, ?)", arguments: [index, text])
                try db.execute(sql: "INSERT INTO reference (rowid, body) VALUES (?, ?)", arguments: [index, text])
            }
            try db.execute(sql: """
                CREATE VIRTUAL TABLE fastWords USING fts5vocab(fast, instance);
                CREATE VIRTUAL TABLE referenceWords USING fts5vocab(reference, instance);
                """)
            let query = "SELECT term, doc, col, offset FROM %@ ORDER BY 1, 2, 3, 4"
            let fast = try Row.fetchAll(db, sql: query.replacingOccurrences(of: "%@", with: "fastWords"))
            let reference = try Row.fetchAll(db, sql: query.replacingOccurrences(of: "%@", with: "referenceWords"))
            #expect(fast.count > 5000)
            #expect(fast == reference)
        }
    }

    @Test("eight bytes at a time find the first byte that is not a–z")
    func firstOtherByte() {
        var random = SeededGenerator(state: 11)
        func next() -> UInt64 { random.next() }
        let interesting: [UInt8] = [0x00, 0x40, 0x41, 0x5A, 0x60, 0x61, 0x62, 0x79, 0x7A, 0x7B, 0x7F, 0x80, 0xE0, 0xE1, 0xFA, 0xFB, 0xFF]
        for round in 0..<200_000 {
            var bytes = (0..<8).map { _ in UInt8(truncatingIfNeeded: next() >> 40) }
            if round % 2 == 0 {
                // Mostly letters, with a chosen byte here and there.
                bytes = bytes.map { $0 % 5 == 0 ? interesting[Int($0) % interesting.count] : 0x61 + $0 % 26 }
            }
            let value = UInt64(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
            let expected = bytes.firstIndex { !($0 >= 0x61 && $0 <= 0x7A) }
            let mask = AsciiWords.notSmallLetters(value)
            let found = mask == 0 ? nil : mask.trailingZeroBitCount / 8
            #expect(found == expected, "\(bytes)")
            if found != expected { break }
        }
    }

    /// Collects tokens until it has `limit`, then answers `answer` (SQLITE_DONE: no more).
    final class LimitedCollector {
        var tokens: [Token] = []
        let limit: Int
        let answer: CInt
        init(limit: Int, answer: CInt) {
            self.limit = limit
            self.answer = answer
        }
    }

    private static let collectUpToLimit: FTS5TokenCallback = { context, flags, token, count, start, end in
        let collector = Unmanaged<LimitedCollector>.fromOpaque(context!).takeUnretainedValue()
        guard collector.tokens.count < collector.limit else { return collector.answer }
        let bytes = UnsafeRawBufferPointer(start: token, count: Int(count))
        collector.tokens.append(Token(bytes: Array(bytes), flags: flags, start: start, end: end))
        return 0
    }

    @Test("a callback that asks for no more (SQLITE_DONE) or fails stops both paths alike")
    func stopsLikeUnicode61() throws {
        let texts = ["Warga KEBANJIRAN di “Kafé” lagi, anak-anak 2024 menulis", "“Kafé” “Kafé” kopi", "a b c d e f"]
        let queue = try DatabaseQueue(configuration: StoreConnection.configuration())
        try queue.read { db in
            let tokenizer = try StemmingTokenizer(db: db, arguments: [])
            for text in texts {
                let bytes = Array(text.utf8)
                for answer in [CInt(101), CInt(1)] {  // SQLITE_DONE, SQLITE_ERROR
                    for limit in 0...12 {
                        let fast = LimitedCollector(limit: limit, answer: answer)
                        let reference = LimitedCollector(limit: limit, answer: answer)
                        let (fastCode, referenceCode) = bytes.withUnsafeBufferPointer { buffer in
                            let pText = UnsafeRawPointer(buffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
                            return (
                                tokenizer.tokenize(
                                    context: Unmanaged.passUnretained(fast).toOpaque(), tokenization: .document,
                                    pText: pText, nText: CInt(buffer.count), tokenCallback: Self.collectUpToLimit),
                                tokenizer.tokenizeThroughUnicode61(
                                    context: Unmanaged.passUnretained(reference).toOpaque(), pText: pText,
                                    nText: CInt(buffer.count), tokenCallback: Self.collectUpToLimit))
                        }
                        #expect(fast.tokens == reference.tokens, "\(text) \(answer) \(limit)")
                        #expect(fastCode == referenceCode, "\(text) \(answer) \(limit)")
                    }
                }
            }
        }
    }

    @Test("the colocated flag the tokenizer writes is FTS5's")
    func colocatedFlag() {
        #expect(FTS5TokenFlags.colocated.rawValue == 1)
    }
}
