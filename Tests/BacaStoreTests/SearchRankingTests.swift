import BacaCore
import Foundation
import GRDB
import Testing
@testable import BacaStore

/// `baca_rank` (`SearchRankFunction`) ranks a search's page without looking up the length of
/// rows that cannot reach it, and computes the exact forms in the same pass. Its pages must be
/// the plain SQL's pages (bm25 and a second query for the exact forms), row for row, rank for
/// rank, on articles full of ties, derived forms and matches in every column.
@Suite("Ranking a search page")
struct SearchRankingTests {
    /// Invented articles from a seeded generator: a few search words (roots and derived forms)
    /// among filler words, in the title, the key points and the body, repeated 0–4 times, with
    /// lengths that vary; every fifth article has a twin of the same length and counts (a tie).
    static func fill(_ store: ArticleStore, count: Int = 360) throws {
        let searchWords = ["banjir", "kebanjiran", "membanjiri", "kopi", "kemarau", "hujan", "panen"]
        let filler = ["warga", "kota", "desa", "jalan", "pagi", "sore", "pasar", "harga", "sekolah", "petani",
                      "tanggul", "sungai", "rumah", "balai", "dinas", "camat", "lurah", "angin", "awan", "lumpur"]
        var random = SeededGenerator(state: 20_261_129)
        func pick(_ words: [String]) -> String { words[Int(random.next() % UInt64(words.count))] }
        func words(_ count: Int, with searchCount: Int) -> String {
            var list = (0..<count).map { _ in pick(filler) }
            for _ in 0..<searchCount { list.insert(pick(searchWords), at: Int(random.next() % UInt64(list.count + 1))) }
            return list.joined(separator: " ")
        }
        var n = 0
        while n < count {
            let title = words(3 + Int(random.next() % 4), with: Int(random.next() % 3) == 0 ? 1 : 0)
            let keyPoints = random.next() % 4 == 0 ? [words(6, with: Int(random.next() % 2))] : []
            let body = words(20 + Int(random.next() % 120), with: Int(random.next() % 5))
            n += 1
            _ = try store.importArticle(
                Sample.article("\(title) \(n)", keyPoints: keyPoints, body: body), sourcePath: "/tmp/rank-\(n).txt")
            if n % 5 == 0 {
                // The same counts and length, other filler words: bm25 ties.
                let twin = body.split(separator: " ").map { searchWords.contains(String($0)) ? String($0) : pick(filler) }
                n += 1
                _ = try store.importArticle(
                    Sample.article("\(title) \(n)", keyPoints: keyPoints, body: twin.joined(separator: " ")),
                    sourcePath: "/tmp/rank-\(n).txt")
            }
        }
    }

    static let queries = [
        "banjir", "kebanjiran", "kopi", "hujan", "banjir kopi", "banjir OR kemarau", "banjir -kopi", "\"banjir\"",
        "banj*", "kopi kebanjiran -hujan", "membanjiri OR hujan panen", "lumpur", "warga",
    ]

    /// The page's hits as `(id, exact, rank)`, by `hitsSQL` or by `referenceHitsSQL`.
    static func hits(_ store: ArticleStore, _ ranking: SearchRanking, offset: Int, limit: Int, reference: Bool) throws
        -> [[DatabaseValue]] {
        try store.read("test") { db in
            let sql = reference ? ranking.referenceHitsSQL : ranking.hitsSQL
            let arguments = reference
                ? ranking.referenceArguments(limit: limit, offset: offset) : ranking.arguments(limit: limit, offset: offset)
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { Array($0.databaseValues) }
        }
    }

    @Test("every page is the plain SQL's page: the same ids, exact flags and ranks, in the same order",
          arguments: StoreKind.allCases)
    func samePages(kind: StoreKind) throws {
        try withStore(kind) { store in
            try Self.fill(store)
            try store.setRead(true, id: 3)
            try store.setStarred(true, id: 6)
            try store.setStarred(true, id: 40)
            var compared = 0
            for query in Self.queries {
                for scope in ListScope.allCases {
                    guard let ranking = SearchRanking(query: SearchQuery(query), scope: scope) else { continue }
                    for (offset, limit) in [(0, 64), (0, 1), (0, 5), (5, 5), (10, 7), (60, 64), (300, 64)] {
                        let fast = try Self.hits(store, ranking, offset: offset, limit: limit, reference: false)
                        let plain = try Self.hits(store, ranking, offset: offset, limit: limit, reference: true)
                        #expect(fast == plain, "\(query) \(scope) \(offset) \(limit)")
                        compared += plain.count
                    }
                    // The list's page as the reader reads it, through the store.
                    let page = try store.searchSummaries(query, scope: scope, offset: 0, limit: 64).map(\.id)
                    let expected = try store.read("test") { db in
                        try Row.fetchAll(db, sql: """
                            WITH hit AS (\(ranking.referenceHitsSQL)) SELECT a.id FROM hit CROSS JOIN article a ON a.id = hit.id \
                            ORDER BY \(SearchRanking.outerOrder)
                            """, arguments: ranking.referenceArguments(limit: 64, offset: 0)).map { $0[0] as Int64 }
                    }
                    #expect(page == expected, "\(query) \(scope)")
                }
            }
            #expect(compared > 3_000)
        }
    }

    @Test("a row's rank is bm25's to the bit, and rows that cannot reach the page are skipped")
    func rankIsBM25() throws {
        let store = try ArticleStore.inMemory()
        try Self.fill(store)
        for query in ["banjir", "kopi kebanjiran -hujan", "banjir OR kemarau"] {
            let ranking = try #require(SearchRanking(query: SearchQuery(query), scope: .all))
            let weights = SearchRanking.weights
            let spec = ranking.exactPhrases ?? ""
            func ranks(keep: Int) throws -> [Int64: (Double, Double)] {
                try store.read("test") { db in
                    var ranks: [Int64: (Double, Double)] = [:]
                    for row in try Row.fetchAll(db, sql: """
                        SELECT rowid, baca_rank(article_fts, 0, ?, ?, \(weights.title), \(weights.keyPoints), \(weights.body)), \
                        bm25(article_fts, \(weights.title), \(weights.keyPoints), \(weights.body)) \
                        FROM article_fts WHERE article_fts MATCH ?
                        """, arguments: [keep, spec, ranking.expression]) {
                        ranks[row[0]] = (row[1], row[2])
                    }
                    return ranks
                }
            }
            let all = try ranks(keep: 1_000_000)
            #expect(all.count > 50)
            #expect(all.values.allSatisfy { $0.0 == $0.1 }, "\(query)")
            let pruned = try ranks(keep: 5)
            let skipped = pruned.values.filter { $0.0 == .infinity }.count
            #expect(skipped > all.count / 3, "\(query): \(skipped) of \(all.count) skipped")
            #expect(pruned.values.allSatisfy { $0.0 == .infinity || $0.0 == $0.1 })
        }
    }

    @Test("the exact flag is the second query's answer")
    func exactFlag() throws {
        let store = try ArticleStore.inMemory()
        try Self.fill(store)
        for query in ["kebanjiran", "banjir", "kopi kebanjiran", "membanjiri OR hujan panen", "banjir -kopi"] {
            let ranking = try #require(SearchRanking(query: SearchQuery(query), scope: .all))
            let exactExpression = try #require(ranking.exactExpression, "\(query) has other forms")
            try store.read("test") { db in
                let flagged = try Set(Int64.fetchAll(db, sql: """
                    SELECT rowid FROM article_fts WHERE article_fts MATCH ? \
                    AND baca_rank(article_fts, 1, 1000000, ?, 10.0, 4.0, 1.0) = 1
                    """, arguments: [ranking.expression, ranking.exactPhrases]))
                let exact = try Set(Int64.fetchAll(db, sql: """
                    SELECT rowid FROM article_fts WHERE article_fts MATCH ? \
                    AND rowid IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)
                    """, arguments: [ranking.expression, exactExpression]))
                #expect(!exact.isEmpty)
                #expect(flagged == exact, "\(query)")
            }
        }
    }

    @Test("a description of the exact forms that does not fit the query fails, and the store then ranks by the plain SQL")
    func mismatchFallsBack() throws {
        let store = try ArticleStore.inMemory()
        try Self.fill(store, count: 60)
        let ranking = try #require(SearchRanking(query: SearchQuery("banjir kopi"), scope: .all))
        #expect(throws: StoreError.self) {
            try store.read("test") { db in
                try Row.fetchAll(db, sql: """
                    SELECT baca_rank(article_fts, 0, 10, '99|0', 10.0, 4.0, 1.0) FROM article_fts WHERE article_fts MATCH ?
                    """, arguments: [ranking.expression])
            }
        }
        var broken = ranking
        broken.exactPhrases = "99|0"
        let rows = try store.read("test") { db in
            try ArticleStore.rankedRows(db, broken, limit: 64, offset: 0) { hits in (sql: hits, arguments: []) }
                .map { Array($0.databaseValues) }
        }
        #expect(!rows.isEmpty)
        #expect(rows == (try Self.hits(store, ranking, offset: 0, limit: 64, reference: true)))
    }
}
