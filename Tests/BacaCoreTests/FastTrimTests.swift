import Foundation
import Testing
@testable import BacaCore

@Suite("trimmedWhitespace")
struct FastTrimTests {
    @Test("gives what Foundation's trimming of white space and new lines gives")
    func likeFoundation() {
        let ends = ["", " ", "  \t", "\n", "\r\n", "\u{0B}\u{0C}", "\u{A0}", "\u{2028}", "\u{3000}", "\u{85}",
                    "\u{1}", "\u{7F}", "é", "東", " \u{A0} ", "\u{200B}"]
        let middles = ["", "a", "kota  lama", "Harga\tcabai", "東京", "x\u{A0}y", "\u{1}"]
        for head in ends {
            for middle in middles {
                for tail in ends {
                    let text = head + middle + tail
                    #expect(text.trimmedWhitespace == text.trimmingCharacters(in: .whitespacesAndNewlines),
                            "\(Array(text.unicodeScalars).map { String($0.value, radix: 16) })")
                }
            }
        }
    }
}
