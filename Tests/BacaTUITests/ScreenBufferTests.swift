import Testing
import BacaCore
@testable import BacaTUI

@Suite("Screen buffer")
struct ScreenBufferTests {
    static func buffer(_ columns: Int = 10, _ rows: Int = 3) -> ScreenBuffer {
        ScreenBuffer(size: TerminalSize(columns: columns, rows: rows))
    }

    @Test("A new buffer is blank")
    func blank() {
        let buffer = Self.buffer(4, 2)
        #expect(buffer.lines == ["    ", "    "])
        #expect(buffer.styles(row: 0) == [.text, .text, .text, .text])
    }

    @Test("Narrow text takes one cell a grapheme")
    func narrow() {
        var buffer = Self.buffer()
        #expect(buffer.write("Kafe\u{301}", row: 1, column: 2, style: .heading) == 4)
        #expect(buffer.text(row: 1) == "  Kafe\u{301}    ")
        #expect(buffer[1, 5].text == "e\u{301}")
        #expect(buffer.styles(row: 1)[2...5].allSatisfy { $0 == .heading })
        #expect(buffer.styles(row: 1)[6] == .text)
    }

    @Test("A wide grapheme takes its cell and a continuation cell")
    func wide() {
        var buffer = Self.buffer()
        #expect(buffer.write("東京👍", row: 0, column: 0, style: .title) == 6)
        #expect(buffer[0, 0] == Cell(text: "東", style: .title))
        #expect(buffer[0, 1] == Cell(text: "", style: .title))
        #expect(buffer[0, 2].text == "京")
        #expect(buffer[0, 3].text == "")
        #expect(buffer[0, 4].text == "👍")
        #expect(buffer[0, 5].text == "")
        #expect(buffer.text(row: 0) == "東京👍    ")
        #expect(buffer.text(row: 0).displayWidth == 10)
    }

    @Test("Text is clipped at the right edge; a wide grapheme that does not fit becomes a space")
    func rightEdge() {
        var buffer = Self.buffer(5, 1)
        #expect(buffer.write("Jakarta", row: 0, column: 2, style: .text) == 3)
        #expect(buffer.text(row: 0) == "  Jak")
        #expect(buffer.write("東京", row: 0, column: 2, style: .title) == 3)
        #expect(buffer.text(row: 0) == "  東 ")
        #expect(buffer[0, 4] == Cell(text: " ", style: .title))
    }

    @Test("maxWidth clips like the edge does")
    func maxWidth() {
        var buffer = Self.buffer()
        #expect(buffer.write("Jakarta", row: 0, column: 1, style: .text, maxWidth: 3) == 3)
        #expect(buffer.text(row: 0) == " Jak      ")
        #expect(buffer.write("東京", row: 1, column: 0, style: .text, maxWidth: 3) == 3)
        #expect(buffer.text(row: 1) == "東        ")
        #expect(buffer.write("x", row: 2, column: 0, style: .text, maxWidth: 0) == 0)
        #expect(buffer.text(row: 2) == "          ")
    }

    @Test("Rows and columns outside the buffer are ignored")
    func outside() {
        var buffer = Self.buffer(5, 2)
        let before = buffer
        #expect(buffer.write("x", row: -1, column: 0, style: .text) == 0)
        #expect(buffer.write("x", row: 2, column: 0, style: .text) == 0)
        #expect(buffer.write("x", row: 0, column: 5, style: .text) == 0)
        #expect(buffer == before)
        #expect(buffer.write("Jakarta", row: 0, column: -3, style: .text) == 4)
        #expect(buffer.text(row: 0) == "arta ")
        #expect(buffer.write("東京", row: 1, column: -1, style: .text) == 3)
        #expect(buffer.text(row: 1) == " 京  ")
        #expect(buffer.text(row: 5) == "")
        #expect(buffer.styles(row: -1).isEmpty)
    }

    @Test("Zero-width graphemes and controls are not drawn")
    func zeroWidth() {
        var buffer = Self.buffer(5, 1)
        #expect(buffer.write("a\u{1B}b\u{200B}c", row: 0, column: 0, style: .text) == 3)
        #expect(buffer.text(row: 0) == "abc  ")
    }

    @Test("Overwriting half of a wide grapheme blanks its other half")
    func overwriteHalf() {
        var buffer = Self.buffer(6, 1)
        buffer.write("東京", row: 0, column: 0, style: .title)
        buffer.write("x", row: 0, column: 1, style: .text)
        #expect(buffer.text(row: 0) == " x京  ")
        buffer.write("y", row: 0, column: 2, style: .text)
        #expect(buffer.text(row: 0) == " xy   ")
        #expect(buffer.cells.allSatisfy { !$0.text.isEmpty })
    }

    @Test("Spans are written one after another")
    func spans() {
        var buffer = Self.buffer(12, 1)
        let written = buffer.write(
            [StyledSpan("▣ ", .captionMarker), StyledSpan("東京", .caption), StyledSpan(" — Foto", .captionCredit)],
            row: 0, column: 1, maxWidth: 10)
        #expect(written == 10)
        #expect(buffer.text(row: 0) == " ▣ 東京 — F ")
        let styles = buffer.styles(row: 0)
        #expect(styles[1] == .captionMarker)
        #expect(styles[3...6].allSatisfy { $0 == .caption })
        #expect(styles[7] == .captionCredit)
        #expect(styles[11] == .text)
    }

    @Test("Fill paints a clipped rectangle of blanks")
    func fill() {
        var buffer = Self.buffer(4, 3)
        buffer.write("abcd", row: 0, column: 0, style: .text)
        buffer.write("東京", row: 1, column: 0, style: .text)
        buffer.fill(row: 0, column: 1, width: 10, height: 2, style: .status)
        #expect(buffer.lines == ["a   ", "    ", "    "])
        #expect(buffer.styles(row: 0) == [.text, .status, .status, .status])
        #expect(buffer[1, 0].text == " ")  // the wide grapheme lost its right half
        #expect(buffer.styles(row: 2) == [.text, .text, .text, .text])
        buffer.fill(row: -5, column: -5, width: 100, height: 100, style: .error)
        #expect(buffer.cells.allSatisfy { $0 == Cell(text: " ", style: .error) })
    }

    @Test("rowContaining finds the first row with a text")
    func rowContaining() {
        var buffer = Self.buffer(12, 3)
        buffer.write("baca · 東京", row: 1, column: 0, style: .listHeader)
        buffer.write("東京", row: 2, column: 0, style: .text)
        #expect(buffer.rowContaining("東京") == 1)
        #expect(buffer.rowContaining("Jakarta") == nil)
    }
}
