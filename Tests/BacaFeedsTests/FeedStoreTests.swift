import BacaCore
import BacaStore
import Foundation
import GRDB
import Testing
@testable import BacaFeeds

@Suite("Subscriptions in the repository")
struct FeedStoreTests {
    static let article = Article(title: "Judul", sections: [Section(blocks: [.paragraph("Isi lengkap halaman.")])])
    static let summary = Article(title: "Judul", sections: [Section(blocks: [.paragraph("Ringkasan.")])])

    @Test("add, list with counts, remove keeping or purging articles")
    func lifecycle() throws {
        let store = try ArticleStore.inMemory()
        let feed = try store.addFeed(url: "https://a.test/rss", title: "A", tags: ["berita", "berita", " jabar "]).feed
        #expect(feed.tags == ["berita", "jabar"])
        guard case .existing(let again) = try store.addFeed(url: "https://a.test/rss", title: "Lain") else {
            Issue.record("a feed added twice is added once")
            return
        }
        #expect(again.id == feed.id && again.title == "A")
        let other = try store.addFeed(url: "https://b.test/rss").feed
        let empty = try store.addFeed(url: "https://c.test/rss").feed
        let one = try store.storeFeedArticle(FeedArticle(article: Self.article, url: "https://a.test/1", itemKeys: ["guid:1"], summaryOnly: false), feedId: feed.id)
        let two = try store.storeFeedArticle(FeedArticle(article: Self.summary, url: "https://a.test/2", itemKeys: ["guid:2"], summaryOnly: true), feedId: feed.id)
        // The same page in another feed is the same article.
        let shared = try store.storeFeedArticle(FeedArticle(article: Self.summary, url: "https://a.test/1", itemKeys: ["guid:x"], summaryOnly: true), feedId: other.id)
        #expect(shared == .unchanged(id: one.id))
        #expect(try store.article(id: one.id)?.article == Self.article, "a summary never replaces a full article")
        try store.setRead(true, id: one.id)

        let overviews = try store.feeds()
        #expect(overviews.map(\.articleCount) == [2, 1, 0])
        #expect(overviews.map(\.unreadCount) == [1, 0, 0])
        try store.removeFeed(id: empty.id, purge: true)
        #expect(try store.knownItemKeys(feedId: feed.id) == ["guid:1", "guid:2"])
        #expect(try store.pendingPages(feedIds: [feed.id], limit: 10).map(\.articleId) == [two.id])

        #expect(try store.removeFeed(id: other.id, purge: false) == 0)
        #expect(try store.counts().total == 2)
        #expect(try store.origin(ofArticle: one.id)?.feedId == feed.id)
        #expect(try store.removeFeed(id: feed.id, purge: true) == 2)
        #expect(try store.counts().total == 0)
        #expect(try store.feeds().isEmpty)
    }

    @Test("a saved page and the same page fetched from a feed are one article, whichever comes first")
    func savedPageMerges() throws {
        let store = try ArticleStore.inMemory()
        let feed = try store.addFeed(url: "https://a.test/rss").feed
        let page = try ArticleExtractor.extract(Fixture.data("pages/jembatan.html"))
        let url = try #require(page.canonicalURL?.absoluteString)

        let fetched = try store.storeFeedArticle(FeedArticle(article: page.article, url: url, itemKeys: ["guid:1"], summaryOnly: false), feedId: feed.id)
        var importer = FileImporter(store: store)
        importer.loaders = SavedPage.loaders
        let files = importer.captureFiles(in: [Fixture.path("pages")]).map { ($0 as NSString).lastPathComponent }
        #expect(files == ["blog.html", "jembatan.html", "jembatan.txt", "pasar-1252.html", "pasar.txt"], "folders are walked for .html too")
        let report = importer.importFile(atPath: Fixture.path("pages/jembatan.html"))
        #expect(report.status == .unchanged(id: fetched.id))
        #expect(try store.counts().total == 1)
        #expect(try store.article(id: fetched.id)?.sourcePath == Fixture.path("pages/jembatan.html"))

        // The other way round, with the capture of the same page imported too. (A page that
        // states its time is not its capture's twin: a capture names the day only. This page
        // states none.)
        let second = try ArticleStore.inMemory()
        let pasarURL = try #require(try ArticleExtractor.extract(Fixture.data("pages/pasar-1252.html")).canonicalURL?.absoluteString)
        let capture = importerFor(second).importFile(atPath: Fixture.path("pages/pasar.txt"))
        let saved = importerFor(second).importFile(atPath: Fixture.path("pages/pasar-1252.html"))
        guard case .imported(let id) = capture.status else { Issue.record("\(capture.status)"); return }
        #expect(saved.status == .unchanged(id: id), "the capture of the same page is the same article")
        let secondFeed = try second.addFeed(url: "https://a.test/rss").feed
        let summaryFirst = try second.storeFeedArticle(
            FeedArticle(article: Self.summary, url: "http://127.0.0.1/x", alternateURLs: [pasarURL], itemKeys: ["k"], summaryOnly: true),
            feedId: secondFeed.id)
        #expect(summaryFirst == .unchanged(id: id))
        #expect(try second.counts().total == 1)
    }

    func importerFor(_ store: ArticleStore) -> FileImporter {
        var importer = FileImporter(store: store)
        importer.loaders = SavedPage.loaders
        return importer
    }

    @Test("a repository of schema 1 gains the feed tables, its articles untouched")
    func migratesVersion1() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baca-feeds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("baca.sqlite").path
        do {
            // A version 1 file: the article table as schema 1 made it, one article in it.
            let queue = try DatabaseQueue(path: path)
            var migrator = DatabaseMigrator()
            migrator.registerMigration("v1-articles") { db in
                try db.execute(sql: """
                    CREATE TABLE article (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, titleKey TEXT NOT NULL,
                      location TEXT, outlet TEXT, publishedAt TEXT, author TEXT, editor TEXT, keyPoints TEXT NOT NULL,
                      leadExcerpt TEXT, wordCount INTEGER NOT NULL, sourcePath TEXT UNIQUE, contentHash TEXT NOT NULL,
                      importedAt DATETIME NOT NULL, sortKey TEXT NOT NULL, keyPointsText TEXT NOT NULL, bodyText TEXT NOT NULL,
                      body TEXT NOT NULL);
                    CREATE TABLE article_state (articleId INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                      read BOOLEAN NOT NULL DEFAULT 0, starred BOOLEAN NOT NULL DEFAULT 0, positionSection INTEGER,
                      positionBlock INTEGER, updatedAt DATETIME NOT NULL);
                    CREATE VIRTUAL TABLE article_fts USING fts5(title, keyPointsText, bodyText, content = 'article',
                      content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
                    INSERT INTO article (title, titleKey, keyPoints, wordCount, contentHash, importedAt, sortKey,
                      keyPointsText, bodyText, body) VALUES ('Lama', 'lama', '[]', 1, 'x', '2024-11-01 10:00:00.000',
                      '2024-11-01 x', '', '', '{"title":"Lama","keyPoints":[],"sections":[],"sources":[],"topics":[]}');
                    PRAGMA user_version = 1;
                    """)
            }
            try migrator.migrate(queue)
        }
        let store = try ArticleStore(path: path)
        #expect(ArticleStore.schemaVersion >= 2)
        #expect(try store.summaries(scope: .all, sort: .newest, offset: 0, limit: 10).map(\.title) == ["Lama"])
        #expect(try store.origin(ofArticle: 1) == ArticleOrigin(url: nil, feedId: nil, summaryOnly: false))
        #expect(try store.addFeed(url: "https://a.test/rss").feed.id == 1)
    }
}

@Suite("OPML")
struct OPMLTests {
    @Test("folders and categories become tags; a feed in two folders is one feed")
    func parse() throws {
        let opml = """
            <?xml version="1.0"?>
            <opml version="2.0"><head><title>x</title></head><body>
              <outline text="Berita">
                <outline text="Jabar"><outline type="rss" text="Kabar Jabar" xmlUrl="https://jabar.test/rss"/></outline>
                <outline type="rss" title="Nasional" xmlUrl="https://nasional.test/rss" category="/politik,/ekonomi"/>
              </outline>
              <outline text="Favorit"><outline type="rss" text="Kabar Jabar lagi" xmlUrl="https://jabar.test/rss"/></outline>
              <outline type="rss" text="Tanpa folder" xmlUrl="https://lain.test/feed"/>
            </body></opml>
            """
        let feeds = try OPML.parse(Data(opml.utf8))
        #expect(feeds == [
            OPMLFeed(url: "https://jabar.test/rss", title: "Kabar Jabar", tags: ["Berita", "Jabar", "Favorit"]),
            OPMLFeed(url: "https://nasional.test/rss", title: "Nasional", tags: ["Berita", "politik", "ekonomi"]),
            OPMLFeed(url: "https://lain.test/feed", title: "Tanpa folder", tags: []),
        ])
        #expect(throws: FeedParseError.self) { try OPML.parse(Data("<rss/>".utf8)) }
    }

    @Test("export writes OPML 2.0 with a folder per tag, and reads back the same")
    func roundTrip() throws {
        let feeds = [
            OPMLFeed(url: "https://a.test/rss?x=1&y=2", title: "A & \"B\"", tags: ["berita", "jabar"]),
            OPMLFeed(url: "https://c.test/feed", title: nil, tags: []),
        ]
        let document = OPML.document(title: "baca", feeds: feeds)
        #expect(document.contains(#"<opml version="2.0">"#))
        #expect(document.contains(#"<outline text="berita" title="berita">"#))
        let read = try OPML.parse(Data(document.utf8))
        #expect(read == [
            OPMLFeed(url: "https://a.test/rss?x=1&y=2", title: "A & \"B\"", tags: ["berita", "jabar"]),
            OPMLFeed(url: "https://c.test/feed", title: "https://c.test/feed", tags: []),
        ])
    }
}
