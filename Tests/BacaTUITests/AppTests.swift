import BacaCore
import BacaStore
import Testing
@testable import BacaTUI

@Suite("The reader app on the in-memory screen")
struct AppTests {
    let articles = [
        makeArticle("Banjir Rob Genangi Pesisir Utara", day: 20),
        makeArticle("Pasar Malam Kembali Dibuka", day: 19, extraText: "Kafé tenda ramai pengunjung."),
        makeArticle("Jalan Tol Baru Diresmikan", day: 18, keyPoints: []),
    ]

    @Test("the list shows a header with counts, one row per article and the status bar")
    func listScreen() throws {
        let app = try makeApp(articles: articles)
        let lines = app.screenLines
        #expect(lines[0].contains("baca · 3 artikel · 3 belum dibaca"))
        #expect(lines[1].hasPrefix(">● "))
        // Not this year: the date carries the year.
        #expect(lines[1].contains("20 Nov 24  Banjir Rob Genangi Pesisir Utara"))
        #expect(lines[2].contains("Pasar Malam Kembali Dibuka"))
        #expect(lines[23].contains("1/3"))
    }

    @Test("j and k move the cursor; G and g g jump to the ends")
    func listMoves() throws {
        let app = try makeApp(articles: articles)
        app.press("j")
        #expect(app.screenLines[2].hasPrefix(">"))
        app.press("G")
        #expect(app.screenLines[3].hasPrefix(">"))
        #expect(app.screenLines[23].contains("3/3"))
        app.press("g", "g")
        #expect(app.screenLines[1].hasPrefix(">"))
        app.press("k")
        #expect(app.screenLines[1].hasPrefix(">"))
    }

    @Test("Enter opens the reader with title, key points pane and the lead; it marks the article read")
    func openReader() throws {
        let app = try makeApp(articles: articles)
        app.press("enter")
        #expect(app.screen == .reader)
        let text = app.screenText
        #expect(text.contains("Banjir Rob Genangi Pesisir Utara"))
        #expect(text.contains("Intinya sih"))
        #expect(text.contains("Poin utama pertama"))
        #expect(text.contains("Pembuka artikel Banjir"))
        app.press("q")
        #expect(app.screen == .list)
        #expect(app.screenLines[0].contains("2 belum dibaca"))
        #expect(!app.screenLines[1].contains("●"))
    }

    @Test("] moves to the next section and the status bar names it; [ goes back")
    func sectionJumps() throws {
        let app = try makeApp(articles: articles)
        app.press("enter", "]")
        #expect(app.statusBar.hasSuffix("1/3 · Judul bagian 1"))
        #expect(app.screenLines[0].contains("1. Judul bagian 1"))
        app.press("]")
        #expect(app.statusBar.hasSuffix("2/3 · Judul bagian 2"))
        app.press("[")
        #expect(app.statusBar.hasSuffix("1/3 · Judul bagian 1"))
        app.press("3")
        #expect(app.screenLines[0].contains("3. Judul bagian 3"))
    }

    @Test("s toggles the summary view with the outline, and back to the full view")
    func summaryToggle() throws {
        let app = try makeApp(articles: articles)
        app.press("enter", "s")
        var text = app.screenText
        #expect(text.contains("ringkas"))
        #expect(text.contains("1. Judul bagian 1"))
        #expect(text.contains("3. Judul bagian 3"))
        #expect(!text.contains("Isi bagian 1 paragraf 1"))
        app.press("s")
        text = app.screenText
        #expect(text.contains("Pembuka artikel"))
    }

    @Test("slash search in the list narrows it; Esc clears")
    func listSearch() throws {
        let app = try makeApp(articles: articles)
        app.press("/")
        app.type("kafe")
        #expect(app.screenLines[23].hasPrefix("/kafe"))
        app.press("enter")
        let lines = app.screenLines
        #expect(lines[0].contains("cari: \"kafe\" · 1 hasil"))
        #expect(lines[1].contains("Pasar Malam Kembali Dibuka"))
        #expect(!lines[2].contains("Banjir"))
        app.press("esc")
        #expect(app.screenLines[2].contains("Pasar Malam"))
        #expect(app.screenLines[1].contains("Banjir"))
    }

    @Test("slash search in the reader highlights matches and n moves to the next")
    func readerSearch() throws {
        let app = try makeApp(articles: articles)
        app.press("enter", "/")
        app.type("banjir")
        app.press("enter")
        let first = app.screenLines[23]
        #expect(first.contains("cocok 1/"))
        let frame = app.frame
        var highlighted = 0
        for row in 0..<23 {
            for column in 0..<80 where frame[row, column].style == .searchMatch || frame[row, column].style == .searchCurrent {
                highlighted += 1
            }
        }
        #expect(highlighted >= 6)
        app.press("n")
        #expect(app.screenLines[23].contains("cocok 2/"))
        app.press("N")
        #expect(app.screenLines[23].contains("cocok 1/"))
    }

    @Test("the prompt edits with arrows, Backspace, Ctrl-U and Ctrl-W, and Esc cancels")
    func promptEditing() throws {
        let app = try makeApp(articles: articles)
        app.press("/")
        app.type("pasar malam")
        app.press("ctrl-w")
        #expect(app.prompt?.text == "pasar ")
        app.press("left", "left", "backspace")
        #expect(app.prompt?.text == "pasr ")
        app.press("ctrl-u")
        #expect(app.prompt?.text == "r ")
        app.press("esc")
        #expect(app.prompt == nil)
    }

    @Test(": runs commands by name, completes on Tab and reports unknown ones")
    func commandLine() throws {
        let app = try makeApp(articles: articles)
        app.press(":")
        app.type("them")
        app.press("tab")
        #expect(app.prompt?.text == "theme ")
        app.type("mono")
        app.press("enter")
        #expect(app.theme.isMonochrome)
        app.press(":")
        app.type("frobnicate")
        app.press("enter")
        #expect(app.message?.isError == true)
        #expect(app.screenLines[23].contains("frobnicate"))
        app.press(":")
        app.type("quit")
        app.press("enter")
        #expect(app.hasQuit)
    }

    @Test("? shows help made from the live keymap, including a rebound key")
    func help() throws {
        let app = try makeApp(articles: articles, config: "[keys.list]\n\"x\" = \"toggle-star\"\n")
        app.press("?")
        let text = app.screenText
        #expect(text.contains("Bantuan"))
        #expect(text.contains("x"))
        app.press("q")
        #expect(app.screen == .list)
    }

    @Test("a window below 40×10 shows the too-small notice; growing brings the screen back")
    func tooSmall() throws {
        let app = try makeApp(articles: articles)
        app.press("enter")
        app.resize(to: TerminalSize(columns: 30, rows: 8))
        #expect(app.screenText.contains("Terminal terlalu kecil"))
        app.resize(to: TerminalSize(columns: 80, rows: 24))
        #expect(app.screenText.contains("Banjir Rob Genangi Pesisir Utara"))
    }

    @Test("the reading position is saved on leaving and restored on opening again")
    func readingPosition() throws {
        let app = try makeApp(articles: articles)
        app.press("enter", "]", "]")
        let line = app.screenLines[0]
        #expect(line.contains("2. Judul bagian 2"))
        app.press("q", "enter")
        #expect(app.screenLines[0] == line)
    }

    @Test("an article left at its top opens at its top again: title and key points first, not the lead")
    func reopenedAtTop() throws {
        let app = try makeApp(articles: articles)
        app.press("enter")
        let first = app.screenLines[0]
        #expect(first.contains("Banjir Rob Genangi"))
        app.press("q", "enter")
        #expect(app.screenLines[0] == first, "\(app.screenText)")
        // A place further down is still restored exactly.
        app.press("]", "]")
        let further = app.screenLines[0]
        app.press("q", "enter")
        #expect(app.screenLines[0] == further)
    }

    @Test("J opens the next article from inside the reader")
    func nextArticle() throws {
        let app = try makeApp(articles: articles)
        app.press("enter", "J")
        #expect(app.screenText.contains("Pasar Malam Kembali Dibuka"))
        app.press("K")
        #expect(app.screenText.contains("Banjir Rob Genangi"))
    }

    @Test("an empty repository shows how to import and how to try the demo")
    func emptyRepository() throws {
        let app = try makeApp(articles: [])
        let text = app.screenText
        #expect(text.contains("baca import"))
        #expect(text.contains("baca --demo"))
    }

    @Test("the wide list shows the focused article's key points beside it, following the cursor")
    func summaryPane() throws {
        let app = try makeApp(articles: articles, size: TerminalSize(columns: 132, rows: 30))
        #expect(app.screenText.contains("Poin utama pertama tentang Banjir"))
        app.press("j")
        #expect(app.screenText.contains("Poin utama pertama tentang Pasar Malam"))
        app.press("j")
        // No key points: the lead stands in.
        #expect(app.screenText.contains("Pembuka artikel Jalan Tol"))
    }

    @Test("moving the cursor in 3,000 articles reads pages, not the whole repository")
    func largeList() throws {
        let many = (0..<3000).map { makeArticle("Artikel nomor \($0)", day: 1 + $0 % 28, sections: 1, paragraphs: 1) }
        let app = try makeApp(articles: many)
        app.press("G")
        #expect(app.screenLines[23].contains("3.000/3.000") || app.screenLines[23].contains("3000/3000"))
        app.press("k", "ctrl-u", "g", "g")
        #expect(app.screenLines[1].hasPrefix(">"))
    }

    @Test(":quit leaves from the reader too, while q there only goes back")
    func quitFromReader() throws {
        let app = try makeApp(articles: articles)
        app.press("enter", "q")
        #expect(app.screen == .list && !app.hasQuit)
        app.press("enter", ":")
        app.type("quit")
        app.press("enter")
        #expect(app.hasQuit)
    }

    @Test("n and N step through the results of a list search")
    func stepThroughResults() throws {
        let app = try makeApp(articles: articles)
        app.press("/")
        app.type("bagian")
        app.press("enter", "n")
        #expect(app.screenLines[2].hasPrefix(">"))
        app.press("N", "N")
        #expect(app.screenLines[3].hasPrefix(">"))
    }

    @Test("changing the filter keeps the cursor on the same article")
    func filterKeepsFocus() throws {
        let app = try makeApp(articles: articles)
        app.press("j", "j", "u")
        #expect(app.screenLines[0].contains("belum dibaca"))
        let focused = app.screenLines.first { $0.hasPrefix(">") }
        #expect(focused?.contains("Jalan Tol Baru Diresmikan") == true)
    }

    @Test("an article reopened in the summary view starts at its top, not at the full view's place")
    func summaryReopensAtTop() throws {
        let app = try makeApp(articles: articles)
        app.press("enter", "3", "q", "enter", "s")
        #expect(app.screenLines[0].contains("Banjir Rob Genangi Pesisir Utara"))
        app.press("q", "enter")
        #expect(app.screenLines[0].contains("Banjir Rob Genangi Pesisir Utara"))
        app.press("s")
        #expect(app.screenLines[0].contains("3. Judul bagian 3"))
    }
}
