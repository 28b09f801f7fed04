import Foundation
import BacaCore
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

@Suite("Walking a folder for an import")
struct FolderWalkTests {
    @Test("a long folder read in chunks gives every name once, sorted, hidden ones left out")
    func chunks() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var expected: [String] = []
        for number in (0..<23).shuffled() {
            let name = "\(number * 37 % 100)-berita-\(number).txt"
            FileManager.default.createFile(atPath: folder.path(name), contents: Data())
            expected.append(name)
        }
        FileManager.default.createFile(atPath: folder.path(".tersembunyi.txt"), contents: Data())
        try FileManager.default.createDirectory(atPath: folder.path("sub"), withIntermediateDirectories: false)
        expected.append("sub")
        expected.sort()

        var seen: [String] = []
        var after: [UInt8]? = nil
        var readings = 0
        while true {
            let names = try PackedNames.read(folder: folder.url.path, after: after, limit: 4).get()
            readings += 1
            seen += (0..<names.count).map { names[$0] }
            #expect(names.count <= 4)
            guard names.hasMore, let last = names.last else { break }
            after = last
        }
        #expect(seen == expected)
        #expect(readings == 6)
        #expect(try PackedNames.read(folder: folder.url.path, after: nil).get().hasMore == false)
        #expect(throws: FileImporter.ReadFailure.self) { try PackedNames.read(folder: folder.path("nowhere"), after: nil).get() }
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
}
