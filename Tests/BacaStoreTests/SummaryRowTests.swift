import Foundation
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
