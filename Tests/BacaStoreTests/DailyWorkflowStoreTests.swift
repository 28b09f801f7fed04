import BacaCore
import Foundation
import GRDB
import Testing
@testable import BacaStore

@Suite("Daily workflow in the repository")
struct DailyWorkflowStoreTests {
    @Test("queries read fields, flags and words; bad parts are named with their column")
    func queryGrammar() throws {
        let query = try LibraryQuery(#"banjir -longsor feed:kabar tag:"jawa barat" author:Rina unread starred after:2026-11-01 before:2026-11-20"#)
        #expect(query.words == "banjir -longsor")
        #expect(query.feeds == ["kabar"])
        #expect(query.tags == ["jawa barat"])
        #expect(query.authors == ["Rina"])
        #expect(query.unread && query.starred && !query.read)
        #expect(query.after?.iso == "2026-11-01" && query.before?.iso == "2026-11-20")
        #expect(try LibraryQuery(#""unread" 10:30"#).words == #""unread" 10:30"#, "quoted flags and times are words")

        func failure(_ text: String) -> String {
            do { _ = try LibraryQuery(text); return "" } catch { return error.description }
        }
        #expect(failure("banjir before:2026-13-01") == "column 8, 'before:2026-13-01': '2026-13-01' is not a date (use YYYY-MM-DD)")
        #expect(failure("tag:") == "column 1, 'tag:': 'tag:' needs a value")
        #expect(failure("a sumber:x").hasPrefix("column 3, 'sumber:x': unknown field 'sumber:'"))
        #expect(failure(#"banjir author:"Rina"#) == #"column 15, 'author:"Rina': the quote is not closed"#)
        #expect(failure("read unread").contains("match nothing"))
    }

    @Test("a v3 repository gains the v7 tables and keeps its articles and state")
    func migration() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("baca.sqlite")
        let id: Int64
        do {
            let store = try ArticleStore(path: path)
            id = try store.importArticle(Sample.puncak, sourcePath: "/puncak").id
            try store.setStarred(true, id: id)
        }
        // Back to before v7: its tables and its migration record gone.
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                for table in ["saved_search", "bulk_change_item", "bulk_change", "tombstone", "feed_policy"] {
                    try db.execute(sql: "DROP TABLE \(table)")
                }
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v7-daily-workflow'")
                // And what came after v7 (v8's counts), so that the file is a whole older one.
                for trigger in ["article_count_after_delete", "article_state_count_after_insert",
                                "article_state_count_after_update", "article_state_count_after_delete"] {
                    try db.execute(sql: "DROP TRIGGER \(trigger)")
                }
                try db.execute(sql: "DROP TABLE article_count")
                try removeVersion9(in: db)
                // (Identifiers compare as text: 'v10-…' sorts before 'v7-…'.)
                let version6 = StoreSchema.upTo(version: 6).identifiers
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier NOT IN (\(version6.map { "'\($0)'" }.joined(separator: ", ")))")
                try db.execute(sql: "PRAGMA user_version = 3")
            }
            try queue.close()
        }
        let store = try ArticleStore(path: path)
        #expect(try store.storedSchemaVersion() == ArticleStore.schemaVersion)
        #expect(try store.article(id: id)?.article == Sample.puncak)
        #expect(try store.article(id: id)?.state.starred == true)
        #expect(try store.savedSearches().isEmpty)
        #expect(try store.bulkChanges().isEmpty)
    }

    @Test("the journal keeps the last changes; undo restores the read state it found, newest first")
    func journal() throws {
        let store = try ArticleStore.inMemory()
        var ids: [Int64] = []
        for number in 0..<5 { ids.append(try store.importArticle(Sample.article("Artikel \(number)", body: "Isi \(number)."), sourcePath: nil).id) }
        try store.setRead(true, id: ids[1])
        let first = try store.markRead(ids: Array(ids[0..<3]), describing: "tiga")
        #expect(first.count == 2)
        let second = try store.markRead(matching: try LibraryQuery("unread"), describing: "semua")
        #expect(second.count == 2)
        for number in 0..<(BulkChange.kept + 5) {
            _ = try store.markRead(ids: [], describing: "kosong \(number)")
        }
        #expect(try store.bulkChanges().map(\.description) == ["semua", "tiga"], "empty changes are not journalled")
        #expect(try store.undoLastBulkChange()?.count == 2)
        #expect(try store.summaries(scope: .unread, sort: .newest, offset: 0, limit: 10).map(\.id).sorted() == [ids[3], ids[4]])
        #expect(try store.undoLastBulkChange()?.description == "tiga")
        #expect(try store.summaries(scope: .unread, sort: .newest, offset: 0, limit: 10).map(\.id).sorted() == [ids[0], ids[2], ids[3], ids[4]])
        #expect(try store.undoLastBulkChange() == nil)
    }

    @Test("rules match whole words and phrases, folded; every criterion must hold")
    func ruleMatching() {
        let feed = Feed(id: 3, url: "https://hiburan.example/rss", title: "Hiburan", tags: ["Santai"], addedAt: Date())
        func candidate(_ title: String, text: String = "", author: String? = nil) -> RuleCandidate {
            RuleCandidate(title: title, author: author, text: text, feeds: [.init(feed)])
        }
        let gossip = ArrivalRule(name: "g", title: ["gosip"], action: .hide)
        #expect(gossip.matches(candidate("GOSIP: artis menikah")))
        #expect(!gossip.matches(candidate("Gosipnya tidak benar")))
        let phrase = ArrivalRule(name: "p", words: ["sepak bola"], action: .markRead)
        #expect(phrase.matches(candidate("Liga", text: "Pertandingan sepak  bola semalam")))
        #expect(!phrase.matches(candidate("Liga", text: "bola sepak")))
        let both = ArrivalRule(name: "b", feeds: ["hiburan"], tags: ["santai"], authors: ["rina"], action: .hide)
        #expect(both.matches(candidate("x", author: "Rina Ayu")))
        #expect(!both.matches(candidate("x", author: "Budi")))
        #expect(ArrivalRule(name: "id", feeds: ["3"], action: .hide).matches(candidate("x")))
        #expect(!ArrivalRule(name: "empty", action: .hide).matches(candidate("x")), "no criterion matches nothing")
        #expect(ArrivalRule(name: "accent", title: ["kafe"], action: .hide).matches(candidate("Kafé baru")))
    }
}
