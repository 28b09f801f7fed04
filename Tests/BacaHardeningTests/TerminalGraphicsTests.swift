import Testing
import BacaTUI
@testable import BacaTerminal

@Suite("What the terminal draws pictures with")
struct TerminalGraphicsTests {
    @Test("tmux and screen get symbols; kitty, iTerm2 and foot are known by their variables")
    func byEnvironment() {
        func detect(_ environment: [String: String]) -> ImageProtocol {
            TerminalGraphicsProbe.detect(environment: environment, ask: false)
        }
        #expect(detect(["TERM": "xterm-256color", "TMUX": "/tmp/tmux-0/default,1,0"]) == .symbols)
        #expect(detect(["TERM": "tmux-256color"]) == .symbols)
        #expect(detect(["TERM": "screen-256color"]) == .symbols)
        #expect(detect(["TERM": "xterm-kitty", "KITTY_WINDOW_ID": "1"]) == .kitty)
        #expect(detect(["TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"]) == .iterm)
        #expect(detect(["TERM": "foot"]) == .sixel)
        #expect(detect(["TERM": "dumb"]) == .none)
        // Not asked: symbols, the safe default.
        #expect(detect(["TERM": "xterm-256color"]) == .symbols)
    }

    @Test("a DA1 answer is read for its numbers; 4 means sixel")
    func deviceAttributes() {
        #expect(TerminalGraphicsProbe.parse(Array("\u{1B}[?63;1;2;4;6;9;15;22c".utf8)) == [63, 1, 2, 4, 6, 9, 15, 22])
        #expect(TerminalGraphicsProbe.parse(Array("junk\u{1B}[?1;2c".utf8)) == [1, 2])
        #expect(TerminalGraphicsProbe.parse(Array("\u{1B}[?1;2".utf8)) == nil)
    }

    @Test("the graphics layer writes a picture once, wipes it when it goes, and repaints sixel")
    func layer() {
        let layer = GraphicsLayer()
        var written: [String] = []
        var repaints = 0
        let sixel = GraphicPlacement(row: 2, column: 5, columns: 10, rows: 4, mode: .sixel, sequence: "SIXEL")
        layer.show([sixel], repaint: { repaints += 1 }, write: { written.append($0) })
        #expect(written == ["\u{1B}7\u{1B}[3;6HSIXEL\u{1B}8"] && repaints == 0)
        layer.show([sixel], repaint: { repaints += 1 }, write: { written.append($0) })
        #expect(written.count == 1)
        layer.show([], repaint: { repaints += 1 }, write: { written.append($0) })
        #expect(repaints == 1 && written.count == 1)
        let kitty = GraphicPlacement(row: 0, column: 0, columns: 10, rows: 4, mode: .kitty, sequence: "KITTY")
        layer.show([kitty], repaint: { repaints += 1 }, write: { written.append($0) })
        layer.show([], repaint: { repaints += 1 }, write: { written.append($0) })
        #expect(written.last == "\u{1B}_Ga=d\u{1B}\\")
    }
}
