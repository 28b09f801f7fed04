import BacaCore
import Foundation
import Testing
@testable import BacaStore

@Suite("Listing")
struct ListTests {
    /// Five articles whose newest order is E, A, B, C, D.
    static func importDatedAndUndated(into store: ArticleStore) throws -> [String: Int64] {
        let entries: [(String, PublishedDate?, Date)] = [
            ("A dated 24 Nov", Sample.date(2024, 11, 24), Sample.moment(11, 25)),
            ("B undated, imported 23 Nov noon", nil, Sample.moment(11, 23)),
            ("C dated 23 Nov, imported before B", Sample.date(2024, 11, 23), Sample.moment(11, 23, 8)),
            ("D dated 20 Nov, imported last", Sample.date(2024, 11, 20), Sample.moment(11, 26)),
            ("E undated, imported 26 Nov", nil, Sample.moment(11, 26)),
        ]
        var ids: [String: Int64] = [:]
        for (title, date, importedAt) in entries {
            let letter = String(title.prefix(1))
            ids[letter] = try store.importArticle(
                Sample.article(title, date: date, body: "Berita \(letter)."), sourcePath: "/\(letter)", importedAt: importedAt
            ).id
        }
        return ids
    }

    @Test("newest first: by date, undated articles by their import day, then import time", arguments: StoreKind.allCases)
    func newestOrder(kind: StoreKind) throws {
        try withStore(kind) { store in
            let ids = try Self.importDatedAndUndated(into: store)
            let expected = ["E", "A", "B", "C", "D"].map { ids[$0]! }
            let newest = try store.summaries(scope: .all, sort: .newest, offset: 0, limit: 10)
            #expect(newest.map(\.id) == expected)
            #expect(newest.map(\.publishedAt) == [nil, Sample.date(2024, 11, 24), nil, Sample.date(2024, 11, 23), Sample.date(2024, 11, 20)])
            let oldest = try store.summaries(scope: .all, sort: .oldest, offset: 0, limit: 10)
            #expect(oldest.map(\.id) == expected.reversed())
        }
    }

    @Test("the same day and import time fall back to the newest id")
    func tiesByID() throws {
        let store = try ArticleStore.inMemory()
        let moment = Sample.moment(11, 1)
        let ids = try (1...3).map { try store.importArticle(Sample.article("Sama \($0)", date: Sample.date(2024, 11, 1)), sourcePath: nil, importedAt: moment).id }
        #expect(try store.summaries(scope: .all, sort: .newest, offset: 0, limit: 10).map(\.id) == ids.reversed())
        #expect(try store.summaries(scope: .all, sort: .oldest, offset: 0, limit: 10).map(\.id) == ids)
    }

    @Test("the title order ignores case and diacritics")
    func titleOrder() throws {
        let store = try ArticleStore.inMemory()
        for title in ["delta", "Éclair", "beta", "ábaco", "Alpha"] {
            _ = try store.importArticle(Sample.article(title), sourcePath: "/\(title)")
        }
        let titles = try store.summaries(scope: .all, sort: .title, offset: 0, limit: 10).map(\.title)
        #expect(titles == ["ábaco", "Alpha", "beta", "delta", "Éclair"])
    }

    /// 25 articles over a few days, some undated, some sharing a day.
    static func importMany(into store: ArticleStore, count: Int = 25) throws -> [Int64] {
        try (0..<count).map { index in
            let date = index % 4 == 0 ? nil : Sample.date(2024, 11, 1 + index % 7)
            return try store.importArticle(
                Sample.article("Artikel nomor \(index)", date: date, body: "Isi artikel \(index)."),
                sourcePath: "/many/\(index)", importedAt: Sample.moment(11, 1 + index % 9, index % 24)
            ).id
        }
    }

    @Test("pages are disjoint and follow each other", arguments: StoreKind.allCases, ListSort.allCases)
    func paging(kind: StoreKind, sort: ListSort) throws {
        try withStore(kind) { store in
            let ids = try Self.importMany(into: store)
            let all = try store.summaries(scope: .all, sort: sort, offset: 0, limit: 100)
            #expect(Set(all.map(\.id)) == Set(ids))

            var pages: [[ArticleSummary]] = []
            for offset in stride(from: 0, to: 30, by: 10) {
                pages.append(try store.summaries(scope: .all, sort: sort, offset: offset, limit: 10))
            }
            #expect(pages.map(\.count) == [10, 10, 5])
            #expect(pages.flatMap { $0 } == all)
            #expect(Set(pages[0].map(\.id)).isDisjoint(with: pages[1].map(\.id)))
            #expect(try store.summaries(scope: .all, sort: sort, offset: 25, limit: 10).isEmpty)
            #expect(try store.summaries(scope: .all, sort: sort, offset: 0, limit: 0).isEmpty)

            // Keyset paging walks the same rows.
            var keyset: [ArticleSummary] = []
            var last: Int64? = nil
            while true {
                let page = try store.summaries(scope: .all, sort: sort, after: last, limit: 7)
                if page.isEmpty { break }
                keyset += page
                last = page.last?.id
            }
            #expect(keyset == all)
        }
    }

    @Test("list pages are read through an index, never sorted", arguments: ListSort.allCases, [ListScope.all, .unread])
    func listPlansUseIndex(sort: ListSort, scope: ListScope) throws {
        let store = try ArticleStore.inMemory()
        _ = try Self.importMany(into: store, count: 5)
        let plan = try store.listQueryPlan(scope: scope, sort: sort)
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
        #expect(plan.contains { $0.contains("INDEX") }, "\(plan)")
    }

    @Test("the starred list starts from the starred states", arguments: ListSort.allCases)
    func starredPlanUsesStates(sort: ListSort) throws {
        let store = try ArticleStore.inMemory()
        let plan = try store.listQueryPlan(scope: .starred, sort: sort)
        #expect(plan.first?.contains("article_state_on_starred") == true, "\(plan)")
    }

    @Test("scopes and counts follow read and starred", arguments: StoreKind.allCases)
    func scopesAndCounts(kind: StoreKind) throws {
        try withStore(kind) { store in
            let ids = try Self.importMany(into: store, count: 10)
            for id in ids.prefix(3) { try store.setRead(true, id: id) }
            try store.setStarred(true, id: ids[1])
            try store.setStarred(true, id: ids[6])

            #expect(try store.counts() == ArticleCounts(total: 10, unread: 7, starred: 2))
            #expect(try store.count(scope: .all) == 10)
            #expect(try store.count(scope: .unread) == 7)
            #expect(try store.count(scope: .starred) == 2)

            for sort in ListSort.allCases {
                let unread = try store.summaries(scope: .unread, sort: sort, offset: 0, limit: 100)
                #expect(Set(unread.map(\.id)) == Set(ids.dropFirst(3)))
                #expect(unread.allSatisfy { !$0.read })
                let starred = try store.summaries(scope: .starred, sort: sort, offset: 0, limit: 100)
                #expect(Set(starred.map(\.id)) == [ids[1], ids[6]])
                #expect(starred.allSatisfy { $0.starred })
            }
            let starredRead = try #require(try store.summary(id: ids[1]))
            #expect(starredRead.read && starredRead.starred)

            try store.setRead(false, id: ids[0])
            try store.setStarred(false, id: ids[6])
            #expect(try store.counts() == ArticleCounts(total: 10, unread: 8, starred: 1))
        }
    }
}
