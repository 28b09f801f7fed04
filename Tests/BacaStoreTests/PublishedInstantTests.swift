import BacaCore
import BacaTestSupport
import Foundation
import GRDB
import Testing
@testable import BacaStore

@Suite("Published instants (schema v4)")
struct PublishedInstantTests {
    @Test("the local offset from the C library is Foundation's for the zone, and so is an instant's local day and time, in real zones")
    func localOffsetLikeFoundation() throws {
        guard let name = LocalZoneChild.zone else {
            // The ordinary run: the checks below, in child processes under each zone's `TZ`.
            for zone in LocalZoneChild.zones {
                if let failure = try LocalZoneChild.run(test: "PublishedInstantTests/localOffsetLikeFoundation", zone: zone) {
                    Issue.record("\(failure)")
                }
            }
            return
        }
        let zone = try #require(TimeZone(identifier: name))
        var wrong: [String] = []
        for instant in LocalZoneChild.instants(in: zone) {
            let offset = zone.secondsFromGMT(for: instant)
            let published = PublishedDate(instant: instant)
            let local = Int(instant.timeIntervalSince1970.rounded(.down)) + offset
            let rest = ((local % 86_400) + 86_400) % 86_400
            let time = String(format: "%02d.%02d", rest / 3600, rest % 3600 / 60)
            if PublishedDate.localOffset(at: instant) != offset || published.day() != published.day(in: zone)
                || !published.shortDisplay.hasSuffix(" " + time) {
                wrong.append("\(instant): offset \(PublishedDate.localOffset(at: instant)) for \(offset), \(published.shortDisplay) for \(time)")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) instants wrong in \(name), e.g. \(wrong.prefix(3))")
        print(LocalZoneChild.marker(name))
    }

    @Test("an instant and a day read back as they were written")
    func roundTrip() throws {
        let instant = try #require(PublishedDate(iso: "2024-11-04T03:30:00Z"))
        #expect(instant.instant == Date(timeIntervalSince1970: 1_730_691_000))
        #expect(instant.iso == "2024-11-04T03:30:00Z")
        #expect(instant.day(in: TimeZone(identifier: "Asia/Jakarta")!) == CalendarDate(year: 2024, month: 11, day: 4))
        #expect(instant.day(in: TimeZone(identifier: "America/New_York")!) == CalendarDate(year: 2024, month: 11, day: 3))
        let day = try #require(PublishedDate(iso: "2024-02-29"))
        #expect(day.namedDay == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(day.instant == nil && day.iso == "2024-02-29")
        #expect(PublishedDate(iso: "2024-11-04T25:00:00Z") == nil)
        #expect(PublishedDate(iso: "2023-02-29") == nil)
        #expect(PublishedDate(instant: Date(timeIntervalSince1970: -1)).iso == "1969-12-31T23:59:59Z")
    }

    @Test("instants order the newest list within their day; a stored instant comes back whole", arguments: StoreKind.allCases)
    func ordersByInstant(kind: StoreKind) throws {
        try withStore(kind) { store in
            let early = PublishedDate(instant: Sample.moment(11, 20, 6))
            let late = PublishedDate(instant: Sample.moment(11, 20, 9))
            // Imported in the other order: the published instant decides, not the import.
            let lateID = try store.importArticle(Sample.article("Siang", date: late), sourcePath: "/a", importedAt: Sample.moment(11, 21)).id
            let earlyID = try store.importArticle(Sample.article("Pagi", date: early), sourcePath: "/b", importedAt: Sample.moment(11, 22)).id
            let newest = try store.summaries(scope: .all, sort: .newest, offset: 0, limit: 10)
            #expect(newest.map(\.id) == [lateID, earlyID])
            #expect(newest.map(\.publishedAt) == [late, early])
            #expect(try store.article(id: lateID)?.article.publishedAt?.iso == "2024-11-20T09:00:00Z")
        }
    }

    @Test("a version 3 repository migrates in place: its days stay days, its order and text unchanged")
    func migratesVersion3() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("baca.sqlite")
        var before: [ArticleSummary] = []
        do {
            let store = try ArticleStore(path: path)
            _ = try store.importArticle(Sample.puncak, sourcePath: "/puncak", importedAt: Sample.moment(11, 25))
            _ = try store.importArticle(Sample.article("Tanpa tanggal"), sourcePath: "/x", importedAt: Sample.moment(11, 23))
            _ = try store.importArticle(Sample.article("Hari", date: Sample.date(2024, 11, 23)), sourcePath: "/y", importedAt: Sample.moment(11, 23, 8))
            before = try store.summaries(scope: .all, sort: .newest, offset: 0, limit: 10)
        }
        // Back to what schema 3 left: no v4 in the migrations table, version 3, and one value
        // in a shape a foreign writer might leave (a day with a zoneless time).
        do {
            let configuration = StoreConnection.configuration()
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.write { db in
                try db.execute(sql: """
                    DELETE FROM grdb_migrations WHERE identifier = 'v4-published-instant';
                    UPDATE article SET publishedAt = '2024-11-23 10:00:00' WHERE sourcePath = '/y';
                    PRAGMA user_version = 3;
                    """)
            }
        }
        let store = try ArticleStore(path: path)
        #expect(try store.storedSchemaVersion() == 4)
        let after = try store.summaries(scope: .all, sort: .newest, offset: 0, limit: 10)
        #expect(after == before)
        #expect(after.compactMap(\.publishedAt).allSatisfy { $0.instant == nil })
        #expect(try store.article(id: after[0].id)?.article == Sample.puncak.sanitized)
    }
}
