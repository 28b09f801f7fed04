import BacaCore
import BacaStore
import Foundation
import Testing
@testable import BacaTUI

/// What the terminal sends, as ncurses hands it over with its `kmous` key turned off: one
/// event a byte (as BacaTerminal's `KeyDecoding` makes them). Known keys ncurses would decode
/// from a sequence are given as `Key`s by the tests themselves.
func terminalEvents(_ raw: String) -> [InputEvent] {
    raw.unicodeScalars.compactMap { scalar -> InputEvent? in
        switch scalar.value {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 27: return .key(.escape)
        case 1...26: return .key(.control(Character(Unicode.Scalar(UInt8(96 + scalar.value)))))
        case 0..<32, 0x80..<0xA0: return nil
        default: return .key(.character(Character(scalar)))
        }
    }
}

/// Runs `events` through a decoder, as the terminal backend does, ending with a time-out.
func decode(_ events: [InputEvent]) -> [InputEvent] {
    var decoder = InputSequenceDecoder()
    var out: [InputEvent] = []
    for event in events { out += decoder.feed(event) }
    return out + decoder.timeOut()
}

func decode(_ raw: String) -> [InputEvent] { decode(terminalEvents(raw)) }

/// An SGR mouse report at a frame cell (0-based, as the buffer counts).
func sgr(_ code: Int, row: Int, column: Int, release: Bool = false) -> String {
    "\u{1B}[<\(code);\(column + 1);\(row + 1)\(release ? "m" : "M")"
}

extension TestReader {
    /// Bytes from the terminal, through the decoder and the driver, drawing after each event.
    func receive(_ raw: String) {
        for event in decode(raw) {
            switch event {
            case .key(let key): driver.send(.key(key))
            case .mouse(let mouse): driver.send(.mouse(mouse))
            case .paste(let text): driver.send(.paste(text))
            case .resize: break
            }
            driver.draw()
        }
    }

    /// A left click (press and release) on a cell of the last frame.
    func click(row: Int, column: Int) {
        receive(sgr(0, row: row, column: column) + sgr(0, row: row, column: column, release: true))
    }

    /// The first row whose text contains `text`, and the column where it starts.
    func cell(of text: String) -> (row: Int, column: Int)? {
        for (row, line) in screenLines.enumerated() {
            if let range = line.range(of: text) { return (row, String(line[..<range.lowerBound]).displayWidth) }
        }
        return nil
    }
}

@Suite("Terminal reports: SGR mouse and bracketed paste")
struct InputSequenceDecoderTests {
    @Test("SGR reports become mouse events: buttons, release, drag, wheel, modifiers, 1-based cells")
    func mouseReports() {
        #expect(decode(sgr(0, row: 4, column: 9)) == [.mouse(MouseEvent(.press(.left), row: 4, column: 9))])
        #expect(decode(sgr(0, row: 4, column: 9, release: true)) == [.mouse(MouseEvent(.release(.left), row: 4, column: 9))])
        #expect(decode(sgr(2, row: 0, column: 0)) == [.mouse(MouseEvent(.press(.right), row: 0, column: 0))])
        #expect(decode(sgr(32, row: 1, column: 2)) == [.mouse(MouseEvent(.drag(.left), row: 1, column: 2))])
        #expect(decode(sgr(64, row: 3, column: 3)) == [.mouse(MouseEvent(.wheelUp, row: 3, column: 3))])
        #expect(decode(sgr(65, row: 3, column: 3)) == [.mouse(MouseEvent(.wheelDown, row: 3, column: 3))])
        #expect(decode(sgr(4 + 16, row: 2, column: 200)) == [.mouse(MouseEvent(.press(.left), row: 2, column: 200, shift: true, control: true))])
        // Two reports back to back, then a key.
        #expect(decode(sgr(0, row: 1, column: 1) + sgr(0, row: 1, column: 1, release: true) + "j").count == 3)
    }

    @Test("an old-style X10 report (a terminal without the SGR format) is read whole: its bytes are never keys")
    func x10Reports() {
        // Button 1 pressed at column 10, row 5, then the release; a space (page down) would be its first byte.
        #expect(decode("\u{1B}[M *%\u{1B}[M#*%j") == [
            .mouse(MouseEvent(.press(.left), row: 4, column: 9)), .mouse(MouseEvent(.release(.left), row: 4, column: 9)),
            .key(.character("j")),
        ])
        #expect(decode("\u{1B}[Ma*%") == [.mouse(MouseEvent(.wheelDown, row: 4, column: 9))])
        #expect(decode("\u{1B}[M ") == [])   // cut off
    }

    @Test("a broken or unknown control sequence is dropped whole, never run as keys")
    func unknownSequences() {
        #expect(decode("\u{1B}[<0;0;5M") == [])          // cell 0 does not exist
        #expect(decode("\u{1B}[<0;5M") == [])            // two numbers
        #expect(decode("\u{1B}[I\u{1B}[O") == [])        // focus in and out
        #expect(decode("\u{1B}[1;5Xj") == [.key(.character("j"))])
        #expect(decode("\u{1B}[201~") == [])             // a paste's end without its start
        #expect(decode("\u{1B}[<0;3") == [])             // cut off: the time-out drops it
    }

    @Test("Esc alone is the Escape key; Esc then a character is both")
    func escape() {
        #expect(decode("\u{1B}") == [.key(.escape)])
        #expect(decode("\u{1B}x") == [.key(.escape), .key(.character("x"))])
        #expect(decode("\u{1B}\u{1B}") == [.key(.escape), .key(.escape)])
        #expect(decode([.key(.escape), .key(.up)]) == [.key(.escape), .key(.up)])
        #expect(decode("jk") == [.key(.character("j")), .key(.character("k"))])
    }

    @Test("a bracketed paste is one event: escape sequences and controls dropped, new lines and tabs are spaces")
    func paste() {
        let raw = "\u{1B}[200~ab\u{1B}[31mc\r\nd\u{1B}q\u{1B}]0;TITLE\u{07}e\u{1B}]52;c;eA==\u{1B}\\f\tg\u{7F}\u{202E}h\u{1B}[201~j"
        #expect(decode(raw) == [.paste("abc dqef gh"), .key(.character("j"))])
        #expect(decode("\u{1B}[200~satu\n\n\ndua\r\n\u{1B}[201~") == [.paste("satu dua ")])
        // Keys ncurses decoded from sequences inside the paste (an arrow) are dropped too.
        let withKey = terminalEvents("\u{1B}[200~x") + [.key(.up), .key(.home)] + terminalEvents("y\u{1B}[201~")
        #expect(decode(withKey) == [.paste("xy")])
        // A paste that never ends is delivered at the time-out, not run as keys.
        #expect(decode("\u{1B}[200~qqq") == [.paste("qqq")])
        // Multi-byte text stays as it is.
        #expect(decode("\u{1B}[200~kota 東京 ☕\u{1B}[201~") == [.paste("kota 東京 ☕")])
    }

    @Test("a paste keeps at most its limit")
    func pasteLimit() {
        let long = String(repeating: "a", count: InputSequenceDecoder.pasteLimit + 100)
        guard case .paste(let text) = decode("\u{1B}[200~" + long + "\u{1B}[201~").first else {
            Issue.record("no paste")
            return
        }
        #expect(text.utf8.count == InputSequenceDecoder.pasteLimit)
    }

    @Test("a paste goes in at the prompt's cursor in one piece, the cursor after it")
    func pasteAtCursor() {
        var prompt = PromptState(kind: .search)
        prompt.insert("a")
        prompt.insert("b")
        prompt.moveLeft()
        prompt.insert(contentsOf: "kota 東京")
        #expect(String(prompt.characters) == "akota 東京b")
        #expect(prompt.cursor == 8)
        prompt.insert("!")
        #expect(String(prompt.characters) == "akota 東京!b")
    }
}

@Suite("The mouse and pasted text in the reader (in-memory terminal)")
struct MouseAndPasteTests {
    let articles = [
        makeArticle("Banjir Rob Genangi Pesisir Utara", day: 20, sections: 5, paragraphs: 4),
        makeArticle("Pasar Malam Kembali Dibuka", day: 19),
        makeArticle("Jalan Tol Baru Diresmikan", day: 18),
    ]

    @Test("a click focuses a list row; a click on the focused row opens it")
    func clickListRow() throws {
        let app = try makeApp(articles: articles)
        let target = try #require(app.cell(of: "Jalan Tol Baru"))
        app.click(row: target.row, column: target.column)
        #expect(app.screen == .list)
        #expect(app.statusBar.hasSuffix("3/3"), "\(app.statusBar)")
        #expect(app.screenLines[target.row].hasPrefix(">"))
        app.click(row: target.row, column: 2)
        #expect(app.screen == .reader)
        #expect(app.screenText.contains("Jalan Tol Baru Diresmikan"))
    }

    @Test("a double click opens a row once; its second press is not a click on the screen it opened")
    func doubleClick() throws {
        let many = (1...30).map { makeArticle(String(format: "Artikel nomor %02d", $0), day: 1 + $0 % 27) }
        let app = try makeApp(articles: many)
        // Where the summary view's first outline entry lies, to double-click a list row there.
        app.press("enter", "s")
        let entry = try #require(app.cell(of: "1. Judul bagian 1"))
        app.press("q")
        app.click(row: entry.row, column: entry.column + 2)
        #expect(app.screen == .list)
        app.click(row: entry.row, column: entry.column + 2)
        app.click(row: entry.row, column: entry.column + 2)
        #expect(app.screen == .reader)
        #expect(app.statusBar.contains("Ringkas"), "the second press jumped to a section: \(app.statusBar)")
        // A click of its own, later, does jump.
        app.app.lastClick?.time = Date().addingTimeInterval(-1)
        app.click(row: entry.row, column: entry.column)
        #expect(!app.statusBar.contains("Ringkas"))
    }

    @Test("in the feeds view a click focuses a row and a second click opens it")
    func feedsRows() throws {
        let app = try makeApp(articles: articles)
        let store = app.store
        _ = try store.addFeed(url: "https://satu.test/rss")
        _ = try store.addFeed(url: "https://dua.test/rss")
        app.press("F")
        #expect(app.screen == .feeds)
        let second = try #require(app.cell(of: "dua.test"))
        app.click(row: second.row, column: second.column)
        #expect(app.screen == .feeds)
        #expect(app.screenLines[second.row].hasPrefix(">"), "\(app.screenText)")
        app.click(row: second.row, column: second.column)
        #expect(app.screen == .list)
        #expect(app.depth == 3)
    }

    @Test("a click on the header, the status bar or past the last row does nothing")
    func clickElsewhere() throws {
        let app = try makeApp(articles: articles)
        let before = app.screenText
        app.click(row: 0, column: 5)
        app.click(row: 23, column: 5)
        app.click(row: 10, column: 5)
        #expect(app.screenText == before)
        #expect(app.screen == .list)
    }

    @Test("the wheel moves the list's cursor and scrolls the reader, three lines a notch")
    func wheel() throws {
        let app = try makeApp(articles: articles)
        app.receive(sgr(65, row: 5, column: 5))
        #expect(app.statusBar.hasSuffix("3/3"))
        app.receive(sgr(64, row: 5, column: 5))
        #expect(app.statusBar.hasSuffix("1/3"))
        app.press("enter")
        let before = app.screenLines
        app.receive(sgr(65, row: 5, column: 5))
        #expect(app.screenLines[0] == before[3])
        #expect(app.screenLines[5] == before[8])
        app.receive(sgr(64, row: 5, column: 5))
        #expect(app.screenLines == before)
    }

    @Test("a click on a section in the table of contents jumps there")
    func tableOfContents() throws {
        let app = try makeApp(articles: articles)
        app.press("enter", "t")
        #expect(app.screen == .tableOfContents)
        let entry = try #require(app.cell(of: "4. Judul bagian 4"))
        app.click(row: entry.row, column: entry.column + 3)
        #expect(app.screen == .reader)
        #expect(app.statusBar.contains("4/5 · Judul bagian 4"), "\(app.statusBar)")
        #expect(app.screenLines[0].contains("4. Judul bagian 4"))
    }

    @Test("a click on an entry of the summary outline opens that section in the full view")
    func summaryOutline() throws {
        let app = try makeApp(articles: articles)
        app.press("enter", "s")
        #expect(app.screenText.contains("Bagian"))
        let entry = try #require(app.cell(of: "2. Judul bagian 2"))
        app.click(row: entry.row, column: entry.column)
        #expect(app.statusBar.contains("2/5 · Judul bagian 2"), "\(app.statusBar)")
        #expect(!app.statusBar.contains("Ringkas"))
        #expect(app.screenLines[0].contains("2. Judul bagian 2"))
    }

    @Test("a click on a link of the link list opens it in the browser")
    func linkList() throws {
        var withLinks = articles
        withLinks[0] = makeArticle("Banjir Rob Genangi Pesisir Utara", day: 20,
                                   extraText: "Lihat https://contoh.test/satu dan https://contoh.test/dua.")
        let app = try makeApp(articles: withLinks, browser: ["browser"])
        app.press("enter", "L")
        let entry = try #require(app.cell(of: "2. https://contoh.test/dua"))
        let link = (row: entry.row, column: entry.column + 3)
        app.click(row: link.row, column: link.column + 4)
        #expect(app.backend.programsRun == [["browser", "https://contoh.test/dua"]])
        // The addresses are hyperlinks for terminals that show them, over their own cells.
        #expect(app.frame.hitMap.links.contains(ScreenLink(row: link.row, columns: link.column..<(link.column + 23),
                                                           url: "https://contoh.test/dua")))
    }

    @Test("a click on the list under an overlay does nothing while the overlay is open")
    func clickUnderOverlay() throws {
        let app = try makeApp(articles: articles)
        app.press("?")
        #expect(app.screen == .help)
        app.click(row: 3, column: 0)
        #expect(app.screen == .help)
        #expect(app.depth == 2)
    }

    @Test("a paste goes into the prompt whole: an Esc in it neither closes the prompt nor runs keys")
    func pasteIntoPrompt() throws {
        let app = try makeApp(articles: articles)
        app.press("/")
        app.receive("\u{1B}[200~Pasar\u{1B}[A\u{1B}[31m Mal\u{1B}\u{1B}[Bam\r\n\u{1B}[201~")
        #expect(app.screen == .prompt)
        #expect(app.prompt?.text == "Pasar Malam ")
        #expect(app.statusBar == "/Pasar Malam")
        app.press("enter")
        #expect(app.screen == .list)
        #expect(app.screenLines[0].contains("\"Pasar Malam\""), "\(app.screenLines[0])")
    }

    @Test("a paste anywhere but a prompt is ignored: its letters are not keys")
    func pasteElsewhere() throws {
        let app = try makeApp(articles: articles)
        let before = app.screenText
        app.receive("\u{1B}[200~jjGq\u{1B}\u{1B}[201~")
        #expect(!app.hasQuit)
        #expect(app.screenText == before)
        app.press("enter")
        app.receive("\u{1B}[200~q\u{1B}[201~")
        #expect(app.screen == .reader)
    }

    @Test("the reader's title links to the article's page, an address in the text to itself")
    func readerLinks() throws {
        var article = makeArticle("Banjir Rob Genangi Pesisir Utara", day: 20, extraText: "Data di https://contoh.test/data.")
        article.link = "https://berita.test/banjir-rob"
        let app = try makeApp(articles: [article], size: TerminalSize(columns: 100, rows: 30))
        app.press("enter")
        let links = app.frame.hitMap.links
        let title = try #require(app.cell(of: "Banjir Rob Genangi"))
        #expect(links.contains { $0.row == title.row && $0.columns.lowerBound == title.column && $0.url == "https://berita.test/banjir-rob" })
        let data = try #require(app.cell(of: "https://contoh.test/data"))
        #expect(links.contains(ScreenLink(row: data.row, columns: data.column..<(data.column + 24), url: "https://contoh.test/data")))
    }
}

extension MouseAndPasteTests {
    @Test("a related article's title and a cited outlet's name link where the page linked them")
    func relatedAndSources() throws {
        var article = makeArticle("Banjir Rob Genangi Pesisir Utara", day: 20, sections: 1, paragraphs: 1)
        article.sections[1].blocks.append(.related("Tanggul Jebol di Hilir Sungai Diperbaiki"))
        article.sections[1].blocks.append(.related("Tanpa Tautan Sama Sekali"))
        article.sources = ["Berita Dunia", "Kabar Lain"]
        article.linkTargets = [LinkTarget(text: "Tanggul Jebol di Hilir Sungai Diperbaiki", url: "https://kabar.test/tanggul")!,
                               LinkTarget(text: "Berita Dunia", url: "https://dunia.test/hujan")!]
        let app = try makeApp(articles: [article], size: TerminalSize(columns: 100, rows: 60))
        app.press("enter")
        let links = app.frame.hitMap.links
        let related = try #require(app.cell(of: "Tanggul Jebol di Hilir"))
        #expect(links.contains(ScreenLink(row: related.row, columns: related.column..<(related.column + "Tanggul Jebol di Hilir Sungai Diperbaiki".count), url: "https://kabar.test/tanggul")),
                "\(links)")
        let source = try #require(app.cell(of: "Berita Dunia"))
        #expect(app.screenLines[source.row].contains("Sumber: Berita Dunia, Kabar Lain"))
        #expect(links.contains(ScreenLink(row: source.row, columns: source.column..<(source.column + 12), url: "https://dunia.test/hujan")))
        #expect(links.count == 2, "\(links)")
        // The link list has them too.
        app.press("L")
        #expect(app.screenText.contains("https://kabar.test/tanggul"))
        #expect(app.screenText.contains("https://dunia.test/hujan"))
    }
}

@Suite("OSC 8 hyperlinks over a drawn frame")
struct HyperlinkOverlayTests {
    @Test("a link's cells are written again, same text and style, between OSC 8 brackets; then plain attributes")
    func bytes() {
        var buffer = ScreenBuffer(size: TerminalSize(columns: 20, rows: 3))
        buffer.write("go https://a.test x", row: 1, column: 0, style: .text)
        buffer.addLink(row: 1, column: 3, width: 14, url: "https://a.test")
        let text = String(decoding: HyperlinkOverlay.bytes(for: buffer, visibleRows: 3, visibleColumns: 20) { _ in "1" }, as: UTF8.self)
        #expect(text == "\u{1B}[2;4H\u{1B}]8;;https://a.test\u{1B}\\\u{1B}[0;1mhttps://a.test\u{1B}]8;;\u{1B}\\\u{1B}[0m")
    }

    @Test("no link over wide characters, off screen, or to an address with controls or another scheme")
    func refused() {
        var buffer = ScreenBuffer(size: TerminalSize(columns: 20, rows: 3))
        buffer.write("東京 tautan", row: 0, column: 0, style: .text)
        buffer.addLink(row: 0, column: 0, width: 4, url: "https://a.test")
        buffer.addLink(row: 0, column: 5, width: 6, url: "https://a.test/\u{1B}]0;x")
        buffer.addLink(row: 0, column: 5, width: 6, url: "javascript:alert(1)")
        buffer.addLink(row: 2, column: 0, width: 4, url: "https://b.test")
        #expect(buffer.hitMap.links.count == 2)
        #expect(HyperlinkOverlay.bytes(for: buffer, visibleRows: 2, visibleColumns: 20) { _ in "0" }.isEmpty)
    }
}

@Suite("What the environment says the terminal can show")
struct TerminalCapabilityTests {
    @Test("OSC 8 hyperlinks where the terminal is known to show them; never in tmux before 3.4")
    func hyperlinks() {
        #expect(HyperlinkSupport.detect(environment: ["TERM": "xterm-kitty", "KITTY_WINDOW_ID": "1"]))
        #expect(HyperlinkSupport.detect(environment: ["TERM": "xterm-256color", "VTE_VERSION": "7200"]))
        #expect(HyperlinkSupport.detect(environment: ["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"]))
        #expect(HyperlinkSupport.detect(environment: ["TERM": "foot"]))
        #expect(HyperlinkSupport.detect(environment: ["TERM": "tmux-256color", "TERM_PROGRAM": "tmux", "TERM_PROGRAM_VERSION": "3.4"]))
        #expect(!HyperlinkSupport.detect(environment: ["TERM": "tmux-256color", "TERM_PROGRAM": "tmux", "TERM_PROGRAM_VERSION": "3.3a"]))
        #expect(!HyperlinkSupport.detect(environment: ["TERM": "screen-256color", "VTE_VERSION": "7200"]))
        #expect(!HyperlinkSupport.detect(environment: ["TERM": "xterm-256color"]))
        #expect(!HyperlinkSupport.detect(environment: ["TERM": "linux"]))
        #expect(!HyperlinkSupport.detect(environment: ["TERM": "xterm-256color", "VTE_VERSION": "4800"]))
    }

    @Test("24-bit colour through the family's -direct entry only when COLORTERM says so")
    func directColour() {
        #expect(DirectColor.candidates(term: "tmux-256color", environment: ["COLORTERM": "truecolor"]) == ["tmux-direct"])
        #expect(DirectColor.candidates(term: "screen", environment: ["COLORTERM": "24bit"]) == ["tmux-direct"])
        #expect(DirectColor.candidates(term: "xterm-256color", environment: ["COLORTERM": "truecolor"]) == ["xterm-direct"])
        #expect(DirectColor.candidates(term: "alacritty", environment: ["COLORTERM": "truecolor"]) == ["alacritty-direct"])
        #expect(DirectColor.candidates(term: "xterm-direct", environment: ["COLORTERM": "truecolor"]) == [])
        #expect(DirectColor.candidates(term: "xterm-256color", environment: [:]) == [])
        #expect(DirectColor.candidates(term: "xterm-256color", environment: ["COLORTERM": "yes"]) == [])
    }
}
