import BacaCore
import BacaFeeds
import BacaStore
import Foundation
@testable import BacaTUI

/// An article built in code, with `sections` numbered sections of `paragraphs` paragraphs.
func makeArticle(
    _ title: String, day: Int, sections: Int = 3, paragraphs: Int = 3, keyPoints: [String]? = nil,
    extraText: String = "", year: Int = 2024
) -> Article {
    var allSections = [Section(blocks: [
        .paragraph("Pembuka artikel \(title). Kalimat pertama menjelaskan duduk perkara dengan jelas. \(extraText)"),
        .paragraph("Paragraf kedua pembuka memberi latar belakang yang cukup panjang agar terbungkus rapi."),
    ])]
    for number in 1...max(1, sections) where sections > 0 {
        var blocks: [Block] = []
        for index in 1...paragraphs {
            blocks.append(.paragraph("Isi bagian \(number) paragraf \(index): warga kota berbicara tentang pasar, banjir dan jalan raya yang ramai setiap pagi."))
        }
        blocks.insert(.quote("\"Kami bekerja sepanjang malam,\" kata petugas bagian \(number)."), at: 1)
        allSections.append(Section(number: number, heading: "Judul bagian \(number)", blocks: blocks))
    }
    return Article(
        title: title,
        heroImage: ImageCaption(caption: "Foto suasana \(title)", credit: "IDN Times/Fotografer"),
        keyPoints: keyPoints ?? ["Poin utama pertama tentang \(title).", "Poin kedua yang juga penting."],
        location: "Jakarta", outlet: "IDN Times",
        publishedAt: CalendarDate(year: year, month: 11, day: day).map(PublishedDate.init(day:)),
        editor: "Sari Dewi",
        sections: allSections)
}

/// The reader as the terminal runs it, on a `MemoryBackend`: keys go through the same
/// `AppDriver` as the real loop, and the screen is the backend's last frame.
final class TestReader {
    let app: App
    let backend: MemoryBackend
    let driver: AppDriver
    let store: ArticleStore

    init(app: App, backend: MemoryBackend, store: ArticleStore) {
        self.app = app
        self.backend = backend
        self.store = store
        driver = AppDriver(app: app, backend: backend)
        driver.start()
    }

    var screen: ScreenKind { app.screen }
    var prompt: PromptState? { app.prompt }
    var message: StatusMessage? { app.message }
    var hasQuit: Bool { driver.hasQuit }
    var depth: Int { app.depth }
    var theme: Theme { app.theme }
    /// The plain list at the bottom of the stack.
    var rootList: ListScreen { app.stack[0] as! ListScreen }

    /// Presses keys given as key names (`j`, `enter`, `ctrl-d`, `]`), drawing after each.
    func press(_ names: String...) {
        for name in names {
            guard let key = Key(name: name) else { fatalError("no key named \(name)") }
            driver.send(.key(key))
            driver.draw()
        }
    }

    /// Types text at a prompt.
    func type(_ text: String) {
        for character in text { driver.send(.key(.character(character))) }
        driver.draw()
    }

    /// A `:` command line, typed and submitted.
    func command(_ line: String) {
        press(":")
        type(line)
        press("enter")
    }

    func resize(to size: TerminalSize) {
        backend.size = size
        driver.send(.resize(size))
        driver.draw()
    }

    func idle() {
        driver.send(.idle)
        driver.draw()
    }

    /// Delivers background events until `condition` holds (at most 20 s): polling, not sleeping.
    func waitUntil(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            driver.deliverBackgroundEvents()
            driver.draw()
            if condition() { return true }
            driver.waitForBackgroundEvent(timeout: 0.2)
        }
        return condition()
    }

    var frame: ScreenBuffer { backend.lastFrame! }

    /// The frame as text lines, trailing blanks trimmed.
    var screenLines: [String] {
        frame.lines.map { line in
            var line = line
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    var screenText: String { screenLines.joined(separator: "\n") }
    var statusBar: String { screenLines.last ?? "" }
}

/// A reader over an in-memory repository, with the default keys and theme, in Indonesian
/// unless `language` says otherwise.
func makeApp(
    articles: [Article], size: TerminalSize = TerminalSize(columns: 80, rows: 24), config: String? = nil,
    language: Language = .id, browser: [String]? = nil
) throws -> TestReader {
    let store = try ArticleStore.inMemory()
    for (index, article) in articles.enumerated() {
        _ = try store.importArticle(article, sourcePath: "/test/\(index).txt")
    }
    var keyMap = KeyMap.default
    if let config {
        let loaded = BacaConfig.parse(config, file: "test-config.toml")
        keyMap = loaded.keyMap
    }
    var environment = AppEnvironment(
        store: store, keyMap: keyMap, theme: Theme.default,
        loadTheme: { name in
            if name == "mono" { return Theme(name: "mono", styles: [:], isMonochrome: true) }
            throw StoreError("unknown theme \(name)")
        },
        browser: browser, language: language)
    // `:import` through the real importer, as the CLI gives it.
    environment.importFiles = { paths, language in
        var firstFailure: String?
        let summary = FileImporter(store: store).importPaths(paths) { report in
            if report.failed, firstFailure == nil { firstFailure = "\(report.path): \(report.statusText(in: language))" }
        }
        return ImportResult(imported: summary.imported, updated: summary.updated, unchanged: summary.unchanged,
                            failed: summary.failed, firstFailure: firstFailure)
    }
    let app = App(environment: environment)
    return TestReader(app: app, backend: MemoryBackend(size: size), store: store)
}
