import Foundation
import Testing

@testable import BacaCore

@Suite struct WordCountTests {
    /// Same answer as `CharacterSet.alphanumerics` for every scalar both know: Foundation's
    /// tables on Linux stop at an older Unicode than the standard library's, so scalars
    /// assigned after Unicode 13 are left out, and they miss the Tangut ideographs (letters,
    /// `Lo`, which the standard library counts).
    @Test func alphanumericMatchesFoundationForEveryScalar() {
        let reference = CharacterSet.alphanumerics
        var mismatches: [String] = []
        for value in UInt32(0)...0x3_FFFF {
            guard let scalar = Unicode.Scalar(value), let age = scalar.properties.age, age.major <= 13,
                  !(0x17000...0x18D7F).contains(value) else { continue }
            if Article.isAlphanumeric(scalar) != reference.contains(scalar) { mismatches.append(String(value, radix: 16)) }
        }
        let count = mismatches.count
        #expect(count == 0, "differ at \(mismatches.prefix(10))")
    }

    @Test func countsWordsOfMixedText() {
        #expect(Article.countWords("Harga cabai rawit naik 2.300 rupiah, kata Bu Rina.") == 10)
        #expect(Article.countWords("木下陽翔 menang 🏸🔥 di Jakarta") == 4)
        #expect(Article.countWords("") == 0)
        #expect(Article.countWords("— · —") == 0)
    }

    /// Eight ASCII bytes at a time gives what one scalar at a time gives: every printable ASCII
    /// character and a few others, in random runs that cross the eight-byte boundaries.
    @Test func wordCountOverWordsEqualsOneScalarAtATime() {
        var pieces = (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) }
        pieces += ["é", "木下", "🏸", "\u{301}", "kata", "2.300", "  ", "\n", "—"]
        var state: UInt64 = 5
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<(state % 40) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            #expect(Article.countWords(text) == Article.countWordsScalarByScalar(text), "\(text)")
        }
    }
}
