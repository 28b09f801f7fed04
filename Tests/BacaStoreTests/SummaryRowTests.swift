import Foundation
import BacaCore
import GRDB
import Testing
@testable import BacaStore

@Suite("List rows")
struct SummaryRowTests {
    @Test("key points read by hand give what JSONDecoder gives, escapes and all")
    func keyPointsJSON() throws {
        let arrays: [[String]] = [
            [], ["Satu."], ["Dua, tiga", "empat \"kutip\"", "garis\\miring", "baris\nbaru", "", "é 🌧 \u{7}"],
            [" [x] ", ",", "]", "[\"a\",\"b\"]"],
        ]
        for array in arrays {
            let canonical = String(decoding: try JSONEncoder().encode(array), as: UTF8.self)
            #expect(SummaryRow.stringArray(json: canonical) == array, "\(canonical)")
            let spaced = "[ " + array.map { String(decoding: try! JSONEncoder().encode($0), as: UTF8.self) }.joined(separator: " ,\n ") + " ]"
            #expect(SummaryRow.stringArray(json: spaced) == array, "\(spaced)")
        }
        for broken in ["", "[", "[\"a\"", "[\"a\",]", "{\"a\":1}", "[1, 2]", "[\"a\"] x", "null", "[\"a\" \"b\"]"] {
            let decoded = (try? JSONDecoder().decode([String].self, from: Data(broken.utf8))) ?? []
            #expect(SummaryRow.stringArray(json: broken) == decoded, "\(broken)")
        }
    }
}

@Suite("List rows' dates")
struct SummaryRowDateTests {
    @Test("a stored date read by hand is the one GRDB reads")
    func datesLikeGRDB() throws {
        let queue = try DatabaseQueue()
        try queue.read { db in
            // Across centuries, leap days, both sides of midnight, with and without milliseconds.
            for step in 0..<300 {
                let date = Date(timeIntervalSince1970: -2_208_988_800 + Double(step) * 23_456_789.125)
                let stored = try #require(String.fromDatabaseValue(date.databaseValue))
                let row = try #require(try Row.fetchOne(db, sql: "SELECT ?", arguments: [stored]))
                let byHand = SummaryRow.date(row, 0)
                let byGRDB: Date = row[0]
                #expect(abs(byHand.timeIntervalSince(byGRDB)) < 0.000_001, "\(stored)")
                #expect(SummaryRow.utcDate(stored) != nil, "\(stored)")
            }
            for other in ["2024-02-30 10:00:00", "2024-13-01 00:00:00", "2024-01-01", "2024-01-01 10:00:00.5", "x"] {
                #expect(SummaryRow.utcDate(other) == nil || other == "2024-02-30 10:00:00", "\(other)")
            }
            // A number (seconds since 1970) still reads, through GRDB.
            let row = try #require(try Row.fetchOne(db, sql: "SELECT 86400.5"))
            #expect(SummaryRow.date(row, 0) == Date(timeIntervalSince1970: 86_400.5))
        }
    }
}

@Suite("The stemming tokenizer's memory of words")
struct StemCacheTests {
    @Test("a cache that starts small and grows (and empties when full) answers as the stemmer does")
    func growing() {
        let words = ["kebanjiran", "banjir", "pemerintahan", "jalan", "berjalan", "kopi", "xyzzy", "menulis",
                     "tulisan", "pembangunan", "dibangun", "sekolah", "bersekolah", "harga", "kenaikan"]
        let stemmer = IndonesianStemmer()
        for capacity in [1 << 17, 40] {
            let cache = StemCache(capacity: capacity, initialSlots: 16)
            for round in 0..<3 {
                for (index, word) in words.enumerated() {
                    let form = word + (round == 0 ? "" : String(repeating: "a", count: index % 3))
                    let expected = StemmedIndex.markedRoot(of: Array(form.utf8), stemmer: stemmer)
                    let got = Array(form.utf8).withUnsafeBytes { cache.markedRoot(of: $0) }.map(Array.init)
                    #expect(got == expected, "\(form)")
                }
            }
        }
    }

    @Test("words that differ in one byte anywhere, of every length, are never taken for each other")
    func oneByteApart() {
        let stemmer = IndonesianStemmer()
        // Forms of real words (roots to find) and the same forms with one byte changed.
        var words: [[UInt8]] = []
        for base in ["kebanjiran", "pembangunannya", "menulis", "berjalan", "ditulis", "kebersamaan", "x", "abc"] {
            let bytes = Array(base.utf8)
            for length in 1...bytes.count {
                let word = Array(bytes.prefix(length))
                words.append(word)
                for position in 0..<length {
                    var changed = word
                    changed[position] = changed[position] == UInt8(ascii: "z") ? UInt8(ascii: "q") : UInt8(ascii: "z")
                    words.append(changed)
                }
            }
        }
        let cache = StemCache(capacity: 1 << 17, initialSlots: 16)
        for round in 0..<2 {
            for word in words {
                let expected = StemmedIndex.markedRoot(of: word, stemmer: stemmer)
                let got = word.withUnsafeBytes { cache.markedRoot(of: $0) }.map(Array.init)
                #expect(got == expected, "\(String(decoding: word, as: UTF8.self)) in round \(round)")
            }
        }
    }
}
