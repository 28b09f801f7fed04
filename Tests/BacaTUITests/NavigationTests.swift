import BacaCore
import BacaStore
import Testing
@testable import BacaTUI

/// The navigation rules of the README, each through the real driver and the in-memory backend.
@Suite("Navigation: back one level, quitting, positions")
struct NavigationTests {
    let articles = [
        makeArticle("Banjir Rob Genangi Pesisir Utara", day: 20, sections: 3, paragraphs: 4),
        makeArticle("Pasar Malam Kembali Dibuka", day: 19),
        makeArticle("Jalan Tol Baru Diresmikan", day: 18),
    ]

    @Test("q, Esc, h and ← each leave the reader, one level, back to the list")
    func backKeysLeaveTheReader() throws {
        for key in ["q", "esc", "h", "left"] {
            let app = try makeApp(articles: articles)
            app.press("j", "enter")
            #expect(app.screen == .reader)
            app.press(key)
            #expect(app.screen == .list, "\(key)")
            #expect(!app.hasQuit, "\(key)")
            #expect(app.screenLines[2].hasPrefix(">"), "the cursor stays on the article: \(key)")
        }
    }

    @Test("at the plain list Esc, h and ← do nothing; q quits")
    func topLevel() throws {
        let app = try makeApp(articles: articles)
        let before = app.screenText
        app.press("esc", "h", "left")
        #expect(!app.hasQuit)
        #expect(app.screenText == before)
        app.press("q")
        #expect(app.hasQuit)
    }

    @Test("a list search is one level: leaving it restores the list and the cursor as they were")
    func searchIsALevel() throws {
        for key in ["q", "esc", "h", "left"] {
            let app = try makeApp(articles: articles)
            app.press("j", "j")
            let before = app.screenText
            app.press("/")
            app.type("pasar")
            app.press("enter")
            #expect(app.screenLines[0].contains("cari: \"pasar\""))
            #expect(app.depth == 2)
            app.press(key)
            #expect(!app.hasQuit, "\(key)")
            #expect(app.screenText == before, "\(key)")
        }
    }

    @Test("a second search replaces the first: still one level")
    func secondSearchReplaces() throws {
        let app = try makeApp(articles: articles)
        app.press("/")
        app.type("pasar")
        app.press("enter", "/")
        app.type("jalan")
        app.press("enter")
        #expect(app.depth == 2)
        app.press("q")
        #expect(app.depth == 1 && !app.hasQuit)
    }

    @Test("from a search result, q goes back to the results, then to the list, then quits")
    func levelsFromAResult() throws {
        let app = try makeApp(articles: articles)
        app.press("/")
        app.type("bagian")
        app.press("enter", "enter")
        #expect(app.screen == .reader)
        app.press("q")
        #expect(app.screen == .list && app.depth == 2)
        app.press("q")
        #expect(app.depth == 1 && !app.hasQuit)
        app.press("q")
        #expect(app.hasQuit)
    }

    @Test("the overlays close one level with q, Esc, h or ←")
    func overlaysCloseOneLevel() throws {
        for key in ["q", "esc", "h", "left"] {
            let app = try makeApp(articles: articles)
            app.press("enter", "t")
            #expect(app.screen == .tableOfContents)
            app.press(key)
            #expect(app.screen == .reader, "toc \(key)")
            app.press("?")
            #expect(app.screen == .help)
            app.press(key)
            #expect(app.screen == .reader, "help \(key)")
            #expect(!app.hasQuit)
        }
    }

    @Test("the feeds screen and a feed's list are levels too")
    func feedsAreLevels() throws {
        let app = try makeApp(articles: articles)
        app.press("F")
        #expect(app.screen == .feeds)
        app.press("esc")
        #expect(app.screen == .list && app.depth == 1)
    }

    @Test("Q and :quit quit from anywhere; q in the reader only goes back")
    func quitFromAnywhere() throws {
        let reader = try makeApp(articles: articles)
        reader.press("enter", "Q")
        #expect(reader.hasQuit)
        let help = try makeApp(articles: articles)
        help.press("enter", "?", "Q")
        #expect(help.hasQuit)
        let command = try makeApp(articles: articles)
        command.press("enter", "t")
        command.command("quit")
        #expect(command.hasQuit)
        let searched = try makeApp(articles: articles)
        searched.press("/")
        searched.type("pasar")
        searched.press("enter", "enter", "q")
        #expect(!searched.hasQuit)
    }

    @Test("the reader's position is its section as N/M · title, with Atas and Akhir at the ends")
    func positionIsASection() throws {
        let app = try makeApp(articles: articles)
        app.press("enter")
        #expect(app.statusBar.hasSuffix("Atas"))
        app.press("]")
        #expect(app.statusBar.hasSuffix("1/3 · Judul bagian 1"))
        app.press("2")
        #expect(app.statusBar.hasSuffix("2/3 · Judul bagian 2"))
        app.press("G")
        #expect(app.statusBar.hasSuffix("Akhir"))
        app.press("g", "g")
        #expect(app.statusBar.hasSuffix("Atas"))
    }

    @Test("scrolling names the section that fills the reading line, not the one at the top edge")
    func positionFollowsTheReadingLine() throws {
        let app = try makeApp(articles: articles)
        app.press("enter", "2", "k", "k")
        // The end of section 1 is at the top; the window is mostly section 2.
        #expect(!app.screenLines[0].contains("2. Judul bagian 2"))
        #expect(app.statusBar.hasSuffix("2/3 · Judul bagian 2"), "\(app.statusBar)")
    }

    @Test("a resize at the top of an article keeps the title and key points in view")
    func resizeAtTheTop() throws {
        let app = try makeApp(articles: articles)
        app.press("enter")
        app.resize(to: TerminalSize(columns: 60, rows: 20))
        app.resize(to: TerminalSize(columns: 100, rows: 30))
        #expect(app.screenLines[0].contains("Banjir Rob Genangi Pesisir Utara"))
        #expect(app.statusBar.hasSuffix("Atas"))
    }

    @Test("a search match names the section that holds it")
    func positionFollowsTheMatch() throws {
        let app = try makeApp(articles: articles)
        app.press("enter", "/")
        app.type("\"paragraf 4\"")  // a phrase: plain words would match each word, in every form
        app.press("enter")
        #expect(app.statusBar.contains("cocok 1/3"))
        #expect(app.statusBar.hasSuffix("1/3 · Judul bagian 1"))
        app.press("n")
        #expect(app.statusBar.hasSuffix("2/3 · Judul bagian 2"))
        app.press("n")
        #expect(app.statusBar.hasSuffix("3/3 · Judul bagian 3"))
    }

    @Test("the end of an article offers the next one, and J says which it opened")
    func endOfArticleOffersTheNext() throws {
        let app = try makeApp(articles: articles)
        app.press("enter", "G")
        #expect(app.screenText.contains("Akhir artikel · J berikutnya: Pasar Malam Kembali Dibuka"))
        app.press("J")
        #expect(app.screenText.contains("Pasar Malam Kembali Dibuka"))
        #expect(app.statusBar.contains("Artikel 2/3"))
        app.press("q")
        #expect(app.depth == 1)
        #expect(app.screenLines[2].hasPrefix(">"))
    }

    @Test("hints are dropped whole when the bar is short, and the position stays")
    func hintsDropWhole() throws {
        let app = try makeApp(articles: articles, size: TerminalSize(columns: 44, rows: 12))
        app.press("enter", "]")
        let bar = app.statusBar
        #expect(bar.hasSuffix("1/3 · Judul bagian 1"))
        #expect(bar.hasPrefix(" q kembali"))
        #expect(!bar.contains("bagian ·"))
        let wide = try makeApp(articles: articles, size: TerminalSize(columns: 132, rows: 40))
        wide.press("enter")
        #expect(wide.statusBar.contains("?") && wide.statusBar.contains("bantuan"))
    }

    @Test("keys in the status bar take the status.key style")
    func hintKeysAreStyled() throws {
        let app = try makeApp(articles: articles)
        let styles = app.frame.styles(row: 23)
        let text = Array(app.frame.text(row: 23))
        let enter = app.frame.text(row: 23).range(of: "Enter")
        #expect(enter != nil)
        if let enter {
            let column = app.frame.text(row: 23).distance(from: app.frame.text(row: 23).startIndex, to: enter.lowerBound)
            #expect(styles[column] == .statusKey)
            #expect(styles[column + 6] == .status, "\(text)")
        }
    }

    @Test("a message keeps the position beside it and is styled by its level")
    func messagesKeepThePosition() throws {
        let app = try makeApp(articles: articles)
        app.press("enter", "]", "/")
        app.type("zzzz")
        app.press("enter")
        #expect(app.message?.level == .warning)
        #expect(app.statusBar.contains("Tidak ditemukan: zzzz"))
        #expect(app.statusBar.hasSuffix("1/3 · Judul bagian 1"))
        #expect(app.frame.styles(row: 23)[2] == .statusWarning)
        app.command("frobnicate")
        #expect(app.message?.level == .error)
        #expect(app.frame.styles(row: 23)[2] == .statusError)
    }
}
