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
}
