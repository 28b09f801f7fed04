import BacaCore
import Foundation
import Testing
@testable import BacaStore

@Suite("Searching")
struct SearchTests {
    /// The two samples and a third article, with their ids.
    static func makeStore(_ store: ArticleStore) throws -> (puncak: Int64, kafe: Int64, pasar: Int64) {
        let puncak = try store.importArticle(Sample.puncak, sourcePath: "/puncak").id
        let kafe = try store.importArticle(Sample.kafe, sourcePath: "/kafe").id
        let pasar = try store.importArticle(Sample.article(
            "Pasar Pagi Jakarta Kembali Dibuka", date: Sample.date(2024, 11, 25),
            keyPoints: ["Pedagang kembali berjualan."],
            body: "Pedagang sayur dan kopi bubuk kembali berjualan setelah renovasi."), sourcePath: "/pasar").id
        return (puncak, kafe, pasar)
    }

    func ids(_ store: ArticleStore, _ query: String, scope: ListScope = .all) throws -> [Int64] {
        try store.search(query, scope: scope, offset: 0, limit: 50).map(\.summary.id)
    }

    @Test("finds by title, key point and body", arguments: StoreKind.allCases)
    func findsByEveryColumn(kind: StoreKind) throws {
        try withStore(kind) { store in
            let (puncak, kafe, _) = try Self.makeStore(store)
            #expect(try ids(store, "longsor tertahan") == [puncak])          // title
            #expect(try ids(store, "Cianjur alternatif") == [puncak])        // key point (and list)
            #expect(try ids(store, "Kasatlantas") == [puncak])               // a quote in section 1
            #expect(try ids(store, "Kemang") == [kafe])                      // body
            #expect(try ids(store, "material") == [puncak])                  // hero caption
            #expect(try ids(store, "tidakadadimanapun").isEmpty)
            #expect(try store.searchCount("longsor", scope: .all) == 1)
        }
    }

    @Test("case and diacritics fold both ways", arguments: StoreKind.allCases)
    func folding(kind: StoreKind) throws {
        try withStore(kind) { store in
            let (_, kafe, pasar) = try Self.makeStore(store)
            #expect(try ids(store, "kafe") == [kafe])
            #expect(try ids(store, "KAFE") == [kafe])
            #expect(try ids(store, "Kafé") == [kafe])
            #expect(try ids(store, "kaf*") == [kafe])
            #expect(try Set(ids(store, "JAKARTA")) == [kafe, pasar])
            #expect(try ids(store, "pédagang") == [pasar])
        }
    }

    @Test("a title match ranks above body matches", arguments: StoreKind.allCases)
    func titleRanksFirst(kind: StoreKind) throws {
        try withStore(kind) { store in
            // The body match is newer and says the word twice: only the weights put the title first.
            let body = try store.importArticle(Sample.article(
                "Harga Sayur di Pasar Induk", date: Sample.date(2024, 11, 30),
                body: "Harga cabai naik. Pedagang cabai mengeluh pembeli berkurang sejak pekan lalu."),
                sourcePath: "/body").id
            let title = try store.importArticle(Sample.article(
                "Cabai Rawit Langka", date: Sample.date(2024, 11, 1),
                body: "Stok di gudang menipis menjelang akhir tahun dan permintaan meningkat tajam."),
                sourcePath: "/title").id
            #expect(try ids(store, "cabai") == [title, body])
        }
    }

    @Test("the snippet marks the matched words in their context", arguments: StoreKind.allCases)
    func snippetMarksMatches(kind: StoreKind) throws {
        try withStore(kind) { store in
            let (_, kafe, _) = try Self.makeStore(store)
            let hit = try #require(try store.search("harga kopi", scope: .all, offset: 0, limit: 10).first)
            #expect(hit.summary.id == kafe)
            let matches = hit.snippet.filter(\.isMatch).map(\.text)
            #expect(matches == ["harga", "kopi"])
            let text = hit.snippet.map(\.text).joined()
            #expect(text.contains("mengeluhkan harga kopi yang naik"))
            #expect(!text.contains("\u{02}") && !text.contains("\u{03}") && !text.contains("\n"))

            // Diacritics folded: the snippet shows the text as written.
            let folded = try #require(try store.search("kafe", scope: .all, offset: 0, limit: 10).first)
            #expect(folded.snippet.contains { $0.isMatch && $0.text == "kafé" })
        }
    }

    @Test("a key point match is the snippet when the body has none")
    func keyPointSnippet() throws {
        let store = try ArticleStore.inMemory()
        _ = try Self.makeStore(store)
        let hit = try #require(try store.search("sepanjang", scope: .all, offset: 0, limit: 10).first)
        #expect(hit.snippet.contains { $0.isMatch && $0.text == "sepanjang" })
    }

    @Test("scopes, paging and counts agree", arguments: StoreKind.allCases)
    func scopesAndPaging(kind: StoreKind) throws {
        try withStore(kind) { store in
            let (puncak, kafe, pasar) = try Self.makeStore(store)
            try store.setRead(true, id: kafe)
            try store.setStarred(true, id: pasar)
            #expect(try Set(ids(store, "jakarta")) == [kafe, pasar])
            #expect(try ids(store, "jakarta", scope: .unread) == [pasar])
            #expect(try ids(store, "jakarta", scope: .starred) == [pasar])
            #expect(try store.searchCount("jakarta", scope: .unread) == 1)
            #expect(try store.searchCount("kopi", scope: .starred) == 1)
            #expect(try ids(store, "kembali OR longsor").count == 2)

            let all = try store.search("jalur OR kopi OR pedagang", scope: .all, offset: 0, limit: 10).map(\.summary.id)
            #expect(Set(all) == [puncak, kafe, pasar])
            let pages = try [0, 1, 2].map { try store.search("jalur OR kopi OR pedagang", scope: .all, offset: $0, limit: 1).map(\.summary.id) }
            #expect(pages.flatMap { $0 } == all)
            #expect(try store.search("jalur OR kopi OR pedagang", scope: .all, offset: 3, limit: 10).isEmpty)
        }
    }

    @Test("NOT, OR, phrases and prefixes")
    func operators() throws {
        let store = try ArticleStore.inMemory()
        let (puncak, kafe, pasar) = try Self.makeStore(store)
        #expect(try ids(store, "jakarta -kafe") == [pasar])
        #expect(try ids(store, "jakarta NOT pedagang") == [kafe])
        #expect(try Set(ids(store, "kemang OR cianjur")) == [kafe, puncak])
        #expect(try ids(store, "\"jalur puncak\"") == [puncak])
        #expect(try ids(store, "\"puncak jalur\"").isEmpty)
        #expect(try ids(store, "kendar*") == [puncak])
        #expect(try ids(store, "-kafe").isEmpty, "a query with only exclusions finds nothing")
    }

    static let hostileQueries = [
        "\"", "\"unbalanced", "unbalanced\"", "AND", "OR", "OR OR", "NOT", "NEAR(", "NEAR(a b, 2)", "*", "**", "-", "--",
        "a:b", "(((", ")))", "title:x", "{title}:x", "^foo", "😀", "🇮🇩 Jakarta", "", " ", "\t\n  ", "\0", "kopi\0susu",
        "'", "\\", "; DROP TABLE article; --", "\"*\"", "a OR", "OR a", "- a", "a -", "jakarta -", "\"a\" \"b",
        "-\"", "+kopi", "kopi + susu", "col:\"x\"", "\"\"", "\"\"\"", "a AND AND b", "NOT NOT", "(kopi)", "kopi*susu",
        String(repeating: "kopi ", count: 500), String(repeating: "\"", count: 101),
        // A quote with a combining accent is one Character, yet a quote to FTS5 (found by the fuzzer).
        "\"\u{301}a, kopi", "{Ω\"\u{301}(", "kopi\"\u{301}", "\u{301}\"",
    ]

    @Test("hostile queries never throw", arguments: hostileQueries)
    func hostileQuery(query: String) throws {
        let store = try ArticleStore.inMemory()
        _ = try Self.makeStore(store)
        let hits = try store.search(query, scope: .all, offset: 0, limit: 50)
        let count = try store.searchCount(query, scope: .all)
        #expect(hits.count == count)
        if SearchQuery(query).isEmpty { #expect(hits.isEmpty) }
    }

    @Test("random queries never throw")
    func fuzz() throws {
        let store = try ArticleStore.inMemory()
        _ = try Self.makeStore(store)
        let pieces = ["kopi", "jakarta", "a", " ", " ", "\"", "*", "-", "(", ")", ":", "^", "+", "{", "}", ",", "OR", "AND",
                      "NOT", "NEAR", "é", "😀", "\0", "\n", "'", "\u{301}", "\"\u{301}", "Ω", "12", "\u{3000}", "\u{200B}"]
        var generator = SeededGenerator(state: 20241124)
        for _ in 0..<1000 {
            let length = Int.random(in: 0...10, using: &generator)
            let query = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
            do {
                let hits = try store.search(query, scope: .unread, offset: 0, limit: 50)
                #expect(hits.count == (try store.searchCount(query, scope: .unread)), "\(query.debugDescription)")
            } catch {
                Issue.record("\(query.debugDescription) → \(SearchQuery(query)): \(error)")
            }
        }
    }
}

@Suite("Search queries")
struct SearchQueryTests {
    @Test("words are quoted and ANDed (an excluded word excludes its every form)", arguments: [
        ("banjir jakarta", "\"banjir\" AND \"jakarta\""),
        ("kafe*", "\"kafe\"*"),
        ("say \"hi", "\"say\" AND \"\"\"hi\""),
        ("\"jalur puncak\"", "\"jalur puncak\""),
        ("\"jalur punc\"*", "\"jalur punc\"*"),
        ("banjir OR longsor jakarta", "(\"banjir\" OR \"longsor\") AND \"jakarta\""),
        ("jakarta -kafe", "(\"jakarta\") NOT ((\"kafe\" OR \"\u{E000}kafe\"))"),
        ("jakarta NOT kafe -kopi*", "(\"jakarta\") NOT ((\"kafe\" OR \"\u{E000}kafe\") OR \"kopi\"*)"),
        ("a AND b", "\"a\" AND \"b\""),
        ("and or", "\"and\" AND \"or\""),
        ("NEAR(", "\"NEAR(\""),
        ("title:x", "\"title:x\""),
        ("^foo", "\"^foo\""),
        ("U-20", "\"U-20\""),
        ("kopi\0susu", "\"kopi\" AND \"susu\""),
        ("OR kopi", "\"kopi\""),
        ("kopi OR", "\"kopi\""),
        ("kopi OR * susu", "(\"kopi\" OR \"susu\")"),
        ("😀 kopi", "\"kopi\""),
        ("a\"\u{301}b", "\"a\"\"\u{301}b\""),
        ("kafe\u{301}*", "\"kafe\u{301}\"*"),
    ])
    func expressions(input: String, expected: String) {
        #expect(SearchQuery(input).exactExpression == expected)
    }

    @Test("a word also asks for the other forms of its root; phrases and prefixes do not", arguments: [
        ("kebanjiran", "(\"kebanjiran\" OR \"banjir\" OR \"\u{E000}banjir\")"),
        ("Banjir", "(\"Banjir\" OR \"\u{E000}banjir\")"),
        ("mengunjungi,", "(\"mengunjungi,\" OR \"kunjung\" OR \"\u{E000}kunjung\")"),
        ("anak-anak", "(\"anak-anak\" OR \"anak\" OR \"\u{E000}anak\")"),
        ("jakarta", "\"jakarta\""),
        ("meeting", "\"meeting\""),
        ("U-20", "\"U-20\""),
        ("kunjung*", "\"kunjung\"*"),
        ("\"jalur puncak\"", "\"jalur puncak\""),
        ("\"kebanjiran\"", "\"kebanjiran\""),
        ("jakarta -kebanjiran", "(\"jakarta\") NOT ((\"kebanjiran\" OR \"banjir\" OR \"\u{E000}banjir\"))"),
    ])
    func expansions(input: String, expected: String) {
        #expect(SearchQuery(input).ftsExpression == expected)
    }

    @Test("text without a searchable word is an empty query", arguments: [
        "", " ", "AND", "OR OR", "NOT", "*", "-", "--", "(((", "😀", "\"\"", "-kafe", "NOT kafe", "- * ^", "\u{301}",
    ])
    func emptyQueries(input: String) {
        let query = SearchQuery(input)
        #expect(query.isEmpty)
        #expect(query.ftsExpression == nil)
    }

    @Test("long queries keep their first terms")
    func termLimit() {
        let query = SearchQuery((1...100).map { "w\($0)" }.joined(separator: " "))
        #expect(query.groups.count == SearchQuery.maximumTerms)
        #expect(query.groups.first == [SearchQuery.Term("w1")])
    }

    @Test("snippet markers become runs, white space folded")
    func snippetRuns() {
        let runs = Snippet.runs("…harga \u{02}kopi\u{03}\nyang  \u{02}naik\u{03}")
        #expect(runs.map(\.text) == ["…harga ", "kopi", " yang ", "naik"])
        #expect(runs.map(\.isMatch) == [false, true, false, true])
        #expect(Snippet.runs("").isEmpty)
        #expect(Snippet.runs(" \u{02}a\u{03} ").map(\.text) == ["a"])
    }
}
