import BacaCore
import BacaStore
import Foundation
import Testing
@testable import BacaTUI

/// What a reader expects of lists, search, help and the table of contents.
@Suite("Lists, search, help and the table of contents")
struct ListAndSearchTests {
    let thisYear = ListDates.day(of: Date())!.year

    var articles: [Article] {
        [
            makeArticle("Banjir Rob Genangi Pesisir Utara", day: 20, year: thisYear),
            makeArticle("Pasar Malam Kembali Dibuka", day: 19, extraText: "Kafé tenda ramai pengunjung.", year: thisYear - 2),
            makeArticle("Jalan Tol Baru Diresmikan", day: 18, keyPoints: [], year: thisYear - 2),
        ]
    }

    @Test("the focused row starts with a marker, not colour alone")
    func focusMarker() throws {
        let app = try makeApp(articles: articles)
        #expect(app.screenLines[1].hasPrefix(">"))
        #expect(!app.screenLines[2].hasPrefix(">"))
        app.press("j")
        #expect(app.screenLines[2].hasPrefix(">"))
    }

    @Test("the list's day of an instant is the local calendar day Foundation gives")
    func localDayMatchesFoundation() throws {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = .current
        // Across years, months, a leap day and both sides of midnight, hour by odd hour.
        for step in 0..<400 {
            let instant = Date(timeIntervalSince1970: 946_684_800 + Double(step) * 97_213)
            let parts = gregorian.dateComponents([.year, .month, .day], from: instant)
            let day = try #require(ListDates.day(of: instant))
            #expect([day.year, day.month, day.day] == [parts.year, parts.month, parts.day], "\(instant)")
        }
    }

    @Test("dates carry the year only when it is not this year")
    func datesWithYear() throws {
        let app = try makeApp(articles: articles)
        let years = String((thisYear - 2) % 100)
        #expect(app.screenLines[1].contains("20 Nov     Banjir"))
        #expect(app.screenLines[2].contains("19 Nov \(years)  Pasar"))
    }

    @Test("an undated article is listed under the day it was imported and sorts by it")
    func undatedSortsByImport() throws {
        var undated = makeArticle("Tanpa Tanggal Sama Sekali", day: 1)
        undated.publishedAt = nil
        let app = try makeApp(articles: articles + [undated])
        let today = ListDates(today: ListDates.day(of: Date())!, language: .id).column(ListDates.day(of: Date()))
        // Imported today, it is the newest: first, with today's date.
        #expect(app.screenLines[1].contains("Tanpa Tanggal"), "\(app.screenText)")
        #expect(app.screenLines[1].contains(today.trimmingCharacters(in: .whitespaces)))
    }

    @Test("a list search shows the focused result's snippet under its title, and follows the cursor")
    func snippetUnderTheTitle() throws {
        let app = try makeApp(articles: articles)
        app.press("/")
        app.type("tenda")
        app.press("enter")
        #expect(app.screenLines[1].hasPrefix(">") && app.screenLines[1].contains("Pasar Malam"))
        #expect(app.screenLines[2].contains("tenda"), "\(app.screenText)")
        let column = app.frame.text(row: 2).distance(from: app.frame.text(row: 2).startIndex,
                                                      to: app.frame.text(row: 2).range(of: "tenda")!.lowerBound)
        #expect(app.frame.styles(row: 2)[column] == .searchMatch)
    }

    @Test("at 120 columns and wider the snippet is in the pane beside the list")
    func snippetInThePane() throws {
        let app = try makeApp(articles: articles, size: TerminalSize(columns: 132, rows: 30))
        app.press("/")
        app.type("tenda")
        app.press("enter")
        #expect(app.screenText.contains("Cocok di"))
        #expect(app.frame.text(row: 2).prefix(70).allSatisfy { $0 == " " }, "no snippet rows under the title at this width")
    }

    @Test("opening a search result highlights the query in the article")
    func resultCarriesTheQuery() throws {
        let app = try makeApp(articles: articles)
        app.press("/")
        app.type("tenda")
        app.press("enter", "enter")
        #expect(app.screen == .reader)
        #expect(app.statusBar.contains("cocok 1/1"))
        var highlighted = false
        for row in 0..<23 where app.frame.styles(row: row).contains(.searchCurrent) { highlighted = true }
        #expect(highlighted)
    }

    @Test("summary or full is a visible setting, announced when an article opens in summary")
    func summarySettingIsVisible() throws {
        let app = try makeApp(articles: articles)
        #expect(app.screenLines[0].contains("buka lengkap"))
        app.press("enter", "s", "q")
        #expect(app.screenLines[0].contains("buka ringkas"))
        app.press("j", "enter")
        #expect(app.statusBar.contains("Tampilan ringkas"))
        #expect(app.statusBar.contains("Ringkas ·"))
    }

    @Test("help uses the width in columns and has its own search")
    func helpInColumnsWithSearch() throws {
        let app = try makeApp(articles: articles, size: TerminalSize(columns: 132, rows: 40))
        app.press("?")
        #expect(app.screen == .help)
        // Three columns at 132: the row of the list's first key has other keys beside it.
        let row = app.screenLines.first { $0.contains("baca artikel terpilih") } ?? ""
        #expect(row.count > 60 && row.dropFirst(45).contains { $0 != " " }, "\(app.screenText)")
        #expect(app.statusBar.hasSuffix("semua"), "everything fits on one screen: \(app.statusBar)")
        app.press("/")
        app.type("bintang")
        app.press("enter")
        #expect(app.screenText.contains("beri/hapus bintang"))
        #expect(!app.screenText.contains("turun satu baris"))
        app.press("esc")
        #expect(app.screen == .help)
        #expect(app.screenText.contains("turun satu baris"))
        app.press("esc")
        #expect(app.screen == .list)
    }

    @Test("the table of contents is a framed panel that shows its keys")
    func tocPanel() throws {
        let app = try makeApp(articles: articles)
        app.press("enter", "t")
        let text = app.screenText
        #expect(text.contains("╭─ Daftar isi"))
        #expect(text.contains("Enter lompat"))
        #expect(text.contains("q tutup"))
        app.press("j", "j", "enter")
        #expect(app.screen == .reader)
        #expect(app.statusBar.hasSuffix("2/3 · Judul bagian 2"))
    }

    @Test(":import runs in the background and reports when it is done")
    func importInTheBackground() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stack-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = BacaTUITestsSamples.firstSample
        try FileManager.default.copyItem(at: sample, to: folder.appendingPathComponent(sample.lastPathComponent))
        let app = try makeApp(articles: articles)
        app.command("import \(folder.path)")
        #expect(app.waitUntil { app.statusBar.contains("Impor: 1 baru") }, "\(app.statusBar)")
        #expect(app.screenLines[0].contains("4 artikel"))
    }

    @Test("in English the reader's words are English, and arguments take both languages")
    func english() throws {
        let app = try makeApp(articles: articles, language: .en)
        #expect(app.screenLines[0].contains("3 articles · 3 unread"))
        #expect(app.statusBar.contains("q quit"))
        app.command("filter semua")
        #expect(app.statusBar.contains("Filter: all"))
        app.command("sort judul")
        #expect(app.statusBar.contains("Order: title"))
        app.command("frobnicate")
        #expect(app.statusBar.contains("unknown command: frobnicate"))
    }
}

extension ListAndSearchTests {
    @Test("the language setting is read from config.toml, and the file's warnings follow it")
    func languageSetting() {
        let english = BacaConfig.parse("language = \"en\"\nfrobnicate = 1\n[keys.list]\n\"x\" = \"mvoe\"\n", file: "c.toml")
        #expect(english.language == .en)
        #expect(english.warnings.contains { $0.hasPrefix("c.toml: unknown key 'frobnicate' (known: theme, language,") })
        #expect(english.warnings.contains("c.toml: [keys.list] \"x\": unknown command: mvoe"))
        let indonesian = BacaConfig.parse("language = \"id\"\nfrobnicate = 1\n", file: "c.toml")
        #expect(indonesian.warnings.count == 1 && indonesian.warnings[0].hasPrefix("c.toml: kunci tidak dikenal 'frobnicate' (ada: theme, language,"))
        #expect(BacaConfig.parse("language = \"fr\"\n", file: "c.toml").warnings.count == 1)
        #expect(Language.detect(environment: ["LANG": "id_ID.UTF-8"]) == .id)
        #expect(Language.detect(environment: ["LANG": "C.UTF-8", "LC_MESSAGES": "id_ID"]) == .id)  // LC_MESSAGES wins over LANG
        #expect(Language.detect(environment: ["LC_MESSAGES": "id_ID.UTF-8"]) == .id)
        #expect(Language.detect(environment: [:]) == .en)
    }
}

/// The repository's own sample articles, for tests that import a real file.
enum BacaTUITestsSamples {
    static var firstSample: URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let samples = root.appendingPathComponent("samples")
        let files = (try? FileManager.default.contentsOfDirectory(at: samples, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }.first ?? samples
    }
}
