import BacaCore
import Testing

@testable import BacaStore

@Suite("Search pages for the list")
struct SearchSummariesTests {
    @Test("the rows of searchSummaries are the rows of search, in the same order", arguments: StoreKind.allCases)
    func sameRows(kind: StoreKind) throws {
        try withStore(kind) { store in
            for n in 0..<30 {
                let words = n % 3 == 0 ? "banjir rob" : n % 3 == 1 ? "banjir" : "kemarau"
                _ = try store.importArticle(
                    Sample.article("Kabar \(n) \(n % 5 == 0 ? "Banjir" : "Kota")", body: "Warga bicara \(words) hari ke-\(n)."),
                    sourcePath: "/tmp/kabar-\(n).txt")
            }
            try store.setRead(true, id: 3)
            try store.setStarred(true, id: 6)
            for query in ["banjir", "banjir rob", "kemarau", "tidak-ada", ""] {
                for scope in ListScope.allCases {
                    for (offset, limit) in [(0, 64), (0, 4), (4, 4), (25, 10)] {
                        let expected = try store.search(query, scope: scope, offset: offset, limit: limit).map(\.summary)
                        let rows = try store.searchSummaries(query, scope: scope, offset: offset, limit: limit)
                        #expect(rows == expected, "\(query) \(scope) \(offset) \(limit)")
                    }
                }
            }
        }
    }
}
