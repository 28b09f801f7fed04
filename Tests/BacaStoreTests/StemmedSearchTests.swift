import BacaCore
import Foundation
import GRDB
import Testing
@testable import BacaStore

/// Search quality on invented articles that use many forms of the same roots: every form finds
/// the others, unrelated words are not merged, the exact form ranks first.
@Suite("Searching every form of a word")
struct StemmedSearchTests {
    /// Invented articles, each using one or two forms of a few roots. Keys name them in tests.
    static let articles: [(key: String, title: String, date: PublishedDate, body: String)] = [
        ("banjir", "Banjir Rendam Tiga Kecamatan di Pinggir Kali", Sample.date(2025, 1, 10),
         "Banjir setinggi lutut merendam rumah warga sejak subuh. Petugas mendirikan dapur umum."),
        ("kebanjiran", "Warga Bantaran Sungai Kebanjiran Lagi", Sample.date(2025, 1, 12),
         "Ratusan rumah kebanjiran setelah tanggul jebol. Warga mengungsi ke balai desa."),
        ("membanjiri", "Pembeli Membanjiri Pasar Murah Jelang Lebaran", Sample.date(2025, 3, 20),
         "Antrean pembeli membanjiri halaman kantor kecamatan sejak pagi."),
        ("kunjungan", "Kunjungan Wisatawan ke Pulau Kecil Naik", Sample.date(2024, 8, 2),
         "Jumlah kunjungan meningkat dua kali lipat dibanding tahun lalu."),
        ("berkunjung", "Menteri Berkunjung ke Sekolah Terpencil", Sample.date(2024, 9, 5),
         "Rombongan berkunjung ke sekolah yang hanya bisa dicapai dengan perahu."),
        ("mengunjungi", "Ribuan Orang Mengunjungi Pameran Buku", Sample.date(2024, 10, 1),
         "Pameran buku tahun ini dikunjungi pelajar dari berbagai kota."),
        ("pengunjung", "Pengunjung Taman Kota Diminta Jaga Kebersihan", Sample.date(2024, 11, 3),
         "Para pengunjung diminta membawa pulang sampah masing-masing."),
        ("perasaan", "Perasaan Lega Menyelimuti Keluarga Korban", Sample.date(2024, 12, 1),
         "Keluarga mengungkapkan perasaan lega setelah semua korban ditemukan."),
        ("rasa", "Rasa Kopi Lokal Makin Digemari", Sample.date(2024, 12, 2),
         "Petani menyebut rasa kopi dari lereng gunung itu khas."),
        ("asa", "Asa Atlet Muda Menuju Olimpiade", Sample.date(2024, 12, 3),
         "Pelatih menjaga asa timnya tetap menyala meski dana terbatas."),
        ("pemukul", "Pemukul Bola Kasti Buatan Perajin Desa", Sample.date(2024, 7, 1),
         "Perajin membuat pemukul dari kayu waru."),
        ("penyanyi", "Penyanyi Muda Asal Ambon Rilis Album", Sample.date(2024, 7, 2),
         "Ia menyanyikan lagu daerah dengan aransemen baru."),
        ("anak", "Anak-anak Belajar Membatik di Museum", Sample.date(2024, 6, 1),
         "Sekolah mengajak murid ke museum agar mengenal batik sejak dini."),
        ("english", "Startup Meeting Draws Investors", Sample.date(2024, 6, 2),
         "The meeting was held in English and covered international funding."),
    ]

    /// A store with every article above; their ids by key.
    static func makeStore(_ store: ArticleStore) throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for article in articles {
            ids[article.key] = try store.importArticle(
                Sample.article(article.title, date: article.date, body: article.body), sourcePath: "/\(article.key)").id
        }
        return ids
    }

    func keys(_ store: ArticleStore, _ ids: [String: Int64], _ query: String) throws -> [String] {
        let byId = Dictionary(uniqueKeysWithValues: ids.map { ($0.value, $0.key) })
        return try store.search(query, scope: .all, offset: 0, limit: 50).map { byId[$0.summary.id] ?? "?" }
    }

    @Test("any form finds the articles that use the other forms", arguments: StoreKind.allCases)
    func recall(kind: StoreKind) throws {
        try withStore(kind) { store in
            let ids = try Self.makeStore(store)
            let banjir: Set = ["banjir", "kebanjiran", "membanjiri"]
            for query in ["banjir", "kebanjiran", "membanjiri", "dibanjiri", "BANJIR"] {
                #expect(try Set(keys(store, ids, query)) == banjir, "\(query)")
            }
            let kunjung: Set = ["kunjungan", "berkunjung", "mengunjungi", "pengunjung"]
            for query in ["kunjung", "kunjungan", "mengunjungi", "berkunjung", "pengunjung", "dikunjungi"] {
                #expect(try Set(keys(store, ids, query)) == kunjung, "\(query)")
            }
            #expect(try Set(keys(store, ids, "pukul")) == ["pemukul"])
            #expect(try Set(keys(store, ids, "nyanyi")) == ["penyanyi"])
            #expect(try Set(keys(store, ids, "anak")) == ["anak"])
            #expect(try Set(keys(store, ids, "anak-anak")) == ["anak"])
            #expect(try Set(keys(store, ids, "batik")) == ["anak"])    // membatik
        }
    }

    @Test("unrelated words are not merged", arguments: StoreKind.allCases)
    func precision(kind: StoreKind) throws {
        try withStore(kind) { store in
            let ids = try Self.makeStore(store)
            // perasaan is pe- + rasa + -an, not per- + asa + -an.
            #expect(try Set(keys(store, ids, "perasaan")) == ["perasaan", "rasa"])
            #expect(try Set(keys(store, ids, "asa")) == ["asa"])
            // English words pass unchanged: no Indonesian root is made of them.
            #expect(try keys(store, ids, "meeting") == ["english"])
            #expect(try keys(store, ids, "international") == ["english"])
            #expect(try keys(store, ids, "kota").contains("kunjungan") == false)
        }
    }

    @Test("the exact form ranks first, then the newer article on a tie", arguments: StoreKind.allCases)
    func exactFirst(kind: StoreKind) throws {
        try withStore(kind) { store in
            let ids = try Self.makeStore(store)
            #expect(try keys(store, ids, "kebanjiran").first == "kebanjiran")
            #expect(try keys(store, ids, "membanjiri").first == "membanjiri")
            #expect(try keys(store, ids, "banjir").first == "banjir")
            #expect(try keys(store, ids, "pengunjung").first == "pengunjung")
            #expect(try keys(store, ids, "berkunjung").first == "berkunjung")
            // The same words in two articles of different days: the newer one first.
            let older = try store.importArticle(Sample.article(
                "Jembatan Gantung Diperbaiki", date: Sample.date(2023, 5, 1), body: "Warga gotong royong."),
                sourcePath: "/older").id
            let newer = try store.importArticle(Sample.article(
                "Jembatan Gantung Diperbaiki", date: Sample.date(2024, 5, 1), body: "Warga gotong royong."),
                sourcePath: "/newer").id
            let hits = try store.search("jembatan", scope: .all, offset: 0, limit: 10).map(\.summary.id)
            #expect(hits == [newer, older])
            #expect(try store.searchSummaries("perbaikan", scope: .all, offset: 0, limit: 10).map(\.id) == [newer, older])
        }
    }

    @Test("the snippet marks the form that matched", arguments: StoreKind.allCases)
    func snippetShowsTheForm(kind: StoreKind) throws {
        try withStore(kind) { store in
            let ids = try Self.makeStore(store)
            let hit = try #require(store.search("banjir", scope: .all, offset: 0, limit: 10)
                .first { $0.summary.id == ids["kebanjiran"] })
            #expect(hit.snippet.filter(\.isMatch).map { $0.text.lowercased() } == ["kebanjiran"])
        }
    }

    @Test("counts and pages agree with the expanded search")
    func countsAgree() throws {
        let store = try ArticleStore.inMemory()
        _ = try Self.makeStore(store)
        #expect(try store.searchCount("kunjung", scope: .all) == 4)
        let first = try store.searchSummaries("kunjung", scope: .all, offset: 0, limit: 2).map(\.id)
        let second = try store.searchSummaries("kunjung", scope: .all, offset: 2, limit: 2).map(\.id)
        #expect(Set(first + second).count == 4)
    }

    @Test("quoted phrases and prefixes search as typed")
    func phrasesAndPrefixes() throws {
        let store = try ArticleStore.inMemory()
        let ids = try Self.makeStore(store)
        #expect(try keys(store, ids, "\"rumah kebanjiran\"") == ["kebanjiran"])
        #expect(try keys(store, ids, "\"kebanjiran\"") == ["kebanjiran"])
        #expect(try Set(keys(store, ids, "kunjung*")) == ["kunjungan"])
        #expect(try Set(keys(store, ids, "banjir -kebanjiran")) == [])
    }

    // MARK: The tokenizer on every connection

    @Test("a connection without baca's tokenizer fails with no such tokenizer")
    func connectionWithoutTokenizer() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("baca.sqlite")
        do {
            let store = try ArticleStore(path: path)
            _ = try store.importArticle(Sample.article("Banjir di Kota", body: "Kebanjiran lagi."), sourcePath: "/a")
        }
        let plain = try DatabaseQueue(path: path)
        defer { try? plain.close() }
        #expect {
            try plain.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article_fts WHERE article_fts MATCH 'banjir'") }
        } throws: { error in
            "\(error)".contains("no such tokenizer: baca_stem")
        }
        let prepared = try DatabaseQueue(path: path, configuration: StoreConnection.configuration())
        defer { try? prepared.close() }
        let count = try prepared.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM article_fts WHERE article_fts MATCH ?", arguments: ["\(StemmedIndex.marker)banjir"])
        }
        #expect(count == 1)
    }

    @Test("the tokenizer's byte path gives what its string path gives")
    func tokenizerPaths() throws {
        let queue = try DatabaseQueue(configuration: StoreConnection.configuration())
        try queue.read { db in
            let tokenizer = try StemmingTokenizer(db: db, arguments: [])
            let text = "Warga Kebanjiran, pengunjung MEMBANJIRI pasar; anak-anak di Kafé rasa 2024"
            let fast = try tokenizer.tokenize(document: text).map { "\($0.token)|\($0.flags.rawValue)" }
            var slow: [String] = []
            let plain = try db.makeTokenizer(.unicode61(diacritics: .remove))
            for (token, flags) in try plain.tokenize(document: text) {
                try tokenizer.accept(token: token, flags: flags, for: .document) { token, flags in
                    slow.append("\(token)|\(flags.rawValue)")
                }
            }
            #expect(fast == slow)
            #expect(fast.contains("\(StemmedIndex.marker)banjir|1"))
            #expect(fast.contains("kafe|0"))
            // Queries are not expanded by the tokenizer (SearchQuery does it).
            #expect(try tokenizer.tokenize(query: "kebanjiran").map(\.token) == ["kebanjiran"])
        }
    }

    @Test("the byte path gives what the string path gives on random and sample texts")
    func bytePathOnRandomTexts() throws {
        let pieces = [
            "kebanjiran", "Kebanjiran", "MEMBANJIRI", "pasar", "anak-anak", "Kafé", "cafe\u{301}", "2024", "2.300", "x",
            " ", "  ", "\n", ",", ".", "-", "_", "'", "\"", "“", "”", "—", "•", "漢字", "👩‍👩‍👧", "Ä", "ß", "İ", "\u{E000}",
            "pembangunan", "Dilansir", "(Foto)", "a1b2", "\u{0301}", "\t", "/", "@", "#", "ı", "Ǆ", "ⅷ", "٣",
            String(repeating: "panjang", count: 12),
        ]
        var texts: [String] = ["", " ", "kata", "Warga Kebanjiran, pengunjung MEMBANJIRI pasar; anak-anak di Kafé rasa 2024"]
        var state: UInt64 = 99
        for _ in 0..<1500 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<(state >> 59) + 1 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            texts.append(text)
        }
        texts += [Sample.puncak.bodyText, Sample.kafe.bodyText]
        let queue = try DatabaseQueue(configuration: StoreConnection.configuration())
        try queue.read { db in
            let tokenizer = try StemmingTokenizer(db: db, arguments: [])
            let plain = try db.makeTokenizer(.unicode61(diacritics: .remove))
            for text in texts {
                let fast = try tokenizer.tokenize(document: text).map { "\($0.token)|\($0.flags.rawValue)" }
                var slow: [String] = []
                for (token, flags) in try plain.tokenize(document: text) {
                    try tokenizer.accept(token: token, flags: flags, for: .document) { token, flags in
                        slow.append("\(token)|\(flags.rawValue)")
                    }
                }
                #expect(fast == slow, "\(text)")
            }
        }
    }

    // MARK: Migration

    @Test("an older repository is re-indexed, and a re-indexing cut short resumes")
    func migrationResumes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("baca.sqlite")
        // A version 3 repository with five articles.
        let version3 = StoreSchema.upTo(version: 3)
        do {
            // Rows as that schema stored them (the text uncompressed: `insertBeforeVersion6`).
            let queue = try DatabaseQueue(path: path, configuration: StoreConnection.configuration())
            try version3.migrator.migrate(queue)
            try queue.write { db in
                for index in 0..<5 {
                    try insertBeforeVersion6(Sample.article(
                        "Warga Kebanjiran \(index)", body: "Rumah warga kebanjiran lagi."), sourcePath: "/\(index)", in: db)
                }
            }
            try queue.close()
            let store = try ArticleStore(path: path, readOnly: false, schema: version3)
            #expect(try store.searchCount("banjir", scope: .all) == 0)
        }
        // The migration runs; the re-indexing stops after two batches of two, as a kill would.
        do {
            let queue = try DatabaseQueue(path: path, configuration: StoreConnection.configuration())
            try StoreSchema.current.migrator.migrate(queue)
            try StemmedIndexMigration.finish(queue, batchSize: 2, maximumBatches: 2)
            let doneId = try queue.read { db in try Int64.fetchOne(db, sql: "SELECT doneId FROM search_reindex") }
            #expect(doneId == 4)
            try queue.close()
        }
        // The next opening finishes it: every article found by the root, the index sound.
        let store = try ArticleStore(path: path)
        #expect(try store.searchCount("banjir", scope: .all) == 5)
        #expect(try store.searchCount("kebanjiran", scope: .all) == 5)
        try store.write("checking") { db in
            #expect(try !db.tableExists("search_reindex"))
            try db.execute(sql: "INSERT INTO article_fts (article_fts) VALUES ('integrity-check')")
        }
        // Updates and deletes keep the index sound (the triggers tokenize the same way).
        _ = try store.importArticle(Sample.article("Warga Kebanjiran 0", body: "Air sudah surut."), sourcePath: "/0")
        try store.write("checking") { db in
            try db.execute(sql: "DELETE FROM article WHERE id = 2")
            try db.execute(sql: "INSERT INTO article_fts (article_fts) VALUES ('integrity-check')")
        }
        #expect(try store.searchCount("banjir", scope: .all) == 4)
    }
}
