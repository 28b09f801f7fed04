import BacaCore
import BacaStore
import Foundation
import Testing
@testable import BacaTUI

@Suite("The reader's reload schedule")
struct ScheduledFetchTests {
    @Test("when a feed is due the idle tick fetches in the background; new articles arrive and the cursor stays on its article")
    func scheduledFetch() throws {
        let store = try ArticleStore.inMemory()
        for day in 1...5 { _ = try store.importArticle(makeArticle("Artikel \(day)", day: day), sourcePath: "/t/\(day)") }
        let due = Counter()
        var environment = AppEnvironment(
            store: store, keyMap: .default, theme: .default, loadTheme: { _ in .default }, language: .en)
        environment.scheduleCheckInterval = 0
        environment.hasDueFeeds = { due.value == 0 }
        environment.startDueFetch = { report in
            due.increment()
            Thread {
                _ = try? store.importArticle(makeArticle("Artikel baru", day: 20), sourcePath: "/t/new")
                report(FetchStatus(feedsDone: 1, feedsTotal: 1, newArticles: 1, failures: 0, isFinished: true))
            }.start()
            return true
        }
        let reader = TestReader(app: App(environment: environment), backend: MemoryBackend(size: TerminalSize(columns: 80, rows: 24)), store: store)
        reader.press("j", "j")
        let focused = reader.screenLines.first { $0.hasPrefix(">") }
        #expect(focused?.contains("Artikel 3") == true, "\(reader.screenText)")

        reader.idle()
        #expect(reader.waitUntil { reader.screenText.contains("Artikel baru") })
        #expect(due.value == 1)
        #expect(reader.screenLines.first { $0.hasPrefix(">") }?.contains("Artikel 3") == true, "\(reader.screenText)")
        #expect(reader.screenText.contains("6 articles"))
        reader.idle()
        #expect(due.value == 1, "nothing due: no second fetch")
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    func increment() { lock.lock(); count += 1; lock.unlock() }
}

@Suite("Taking an article elsewhere from the reader")
struct ReaderOutputTests {
    @Test(":export writes Markdown (or HTML by its extension); :pipe sends the text to a program's input")
    func exportAndPipe() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("daily-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = try makeApp(articles: [makeArticle("Jembatan baru", day: 3)], language: .en)
        reader.press("enter")
        #expect(reader.screen == .reader)
        reader.command("export \(folder.path)/a.md")
        #expect(reader.message?.text == "Saved: \(folder.path)/a.md")
        let markdown = try String(contentsOfFile: folder.path + "/a.md", encoding: .utf8)
        #expect(markdown.hasPrefix("# Jembatan baru\n"))
        #expect(markdown.contains("\n## 1. Judul bagian 1\n"))
        #expect(markdown.contains("\n> \"Kami bekerja sepanjang malam,\" kata petugas bagian 1.\n"))
        reader.command("export \(folder.path)/a.html")
        #expect(try String(contentsOfFile: folder.path + "/a.html", encoding: .utf8).contains("<h2>1. Judul bagian 1</h2>"))

        let output = folder.path + "/piped.txt"
        reader.command("pipe sh -c \"cat > '\(output)'\"")
        #expect(reader.waitUntil { FileManager.default.fileExists(atPath: output) && ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "").contains("Judul bagian 3") })
        reader.press("|")
        #expect(reader.prompt?.text == "pipe ")
    }
}

@Suite("The daily workflow's commands")
struct DailyCommandTableTests {
    @Test("each action is a named command: completed at ':', listed in help, bindable in config.toml")
    func commands() throws {
        let app = try makeApp(articles: [makeArticle("Satu", day: 1), makeArticle("Dua", day: 2)], language: .en)
        app.press(":")
        app.type("mark-a")
        app.press("tab")
        #expect(app.prompt?.text == "mark-all-read ")
        app.press("esc")
        let help = HelpContent.make(keyMap: .default).flatMap(\.rows).map(\.command)
        for name: CommandName in [.markAllRead, .undo, .links, .link, .copyLink, .pipe, .tag] {
            #expect(help.contains(name), "\(name.rawValue) is not in the help")
        }
        let rebound = try makeApp(articles: [makeArticle("Satu", day: 1), makeArticle("Dua", day: 2)],
                                  config: "[keys.list]\n\"x\" = \"mark-all-read\"\n", language: .en)
        rebound.press("x")
        #expect(rebound.message?.text == "2 articles marked read · U undoes")
        rebound.press("U")
        #expect(rebound.message?.text.hasPrefix("Undone: A: all articles (2 articles)") == true, "\(rebound.message?.text ?? "")")
    }
}

@Suite("Saving a search from the reader")
struct SaveSearchFromReaderTests {
    @Test(":save-search NAME after a search keeps it; the feeds view lists it with its unread count")
    func saveSearch() throws {
        let app = try makeApp(articles: [makeArticle("Banjir besar", day: 1), makeArticle("Pasar ramai", day: 2)], language: .en)
        app.press("/")
        app.type("besar")
        app.press("enter")
        app.command("save-search banjir")
        #expect(app.message?.text == "Search saved: banjir")
        #expect(try app.store.savedSearches().map(\.query) == ["besar"])
        app.press("esc", "F")
        #expect(app.screen == .feeds)
        #expect(app.screenLines.contains { $0.contains("1/1") && $0.contains("\u{2315} banjir") }, "\(app.screenText)")
    }
}
