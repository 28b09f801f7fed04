#if canImport(Glibc)
import Glibc
#endif
import BacaTUI

/// What this terminal can draw pictures with, found before ncurses starts: tmux (whose panes
/// pass no graphics on) and other multiplexers get symbols; kitty, iTerm2, WezTerm and a few
/// others are known by their variables; any other terminal is asked (DA1, `ESC [ c`): a `4` in
/// its answer means sixel. A terminal that does not answer within `timeout` gets symbols.
public enum TerminalGraphicsProbe {
    public static func detect(
        environment: [String: String], timeoutMilliseconds: Int = 250, ask: Bool = true
    ) -> ImageProtocol {
        let term = environment["TERM"] ?? ""
        let program = environment["TERM_PROGRAM"] ?? ""
        if environment["TMUX"] != nil || term.hasPrefix("tmux") || term.hasPrefix("screen") || environment["STY"] != nil {
            return .symbols
        }
        if term == "dumb" || term.isEmpty { return .none }
        if environment["KITTY_WINDOW_ID"] != nil || term == "xterm-kitty" || term == "xterm-ghostty" || program == "ghostty" {
            return .kitty
        }
        if program == "iTerm.app" || program == "WezTerm" { return .iterm }
        if term.hasPrefix("foot") || term.hasPrefix("mlterm") || term.hasPrefix("yaft") { return .sixel }
        if term == "linux" { return .symbols }
        guard ask, let attributes = primaryDeviceAttributes(timeoutMilliseconds: timeoutMilliseconds) else { return .symbols }
        return attributes.contains(4) ? .sixel : .symbols
    }

    /// Asks the terminal on stdin/stdout for its primary device attributes (`ESC [ ? 6 3 ; 4 c`)
    /// and returns the numbers; nil when it does not answer in time or stdin is no terminal.
    static func primaryDeviceAttributes(timeoutMilliseconds: Int) -> [Int]? {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return nil }
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0 else { return nil }
        defer {
            // What came after the answer (or a late answer so far) is not a key for the reader.
            tcflush(STDIN_FILENO, TCIFLUSH)
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
        }
        let query: [UInt8] = Array("\u{1B}[c".utf8)
        guard write(STDOUT_FILENO, query, query.count) == query.count else { return nil }

        var answer: [UInt8] = []
        var clock = timespec()
        clock_gettime(CLOCK_MONOTONIC, &clock)
        let deadline = Double(clock.tv_sec) * 1000 + Double(clock.tv_nsec) / 1_000_000 + Double(timeoutMilliseconds)
        while true {
            clock_gettime(CLOCK_MONOTONIC, &clock)
            let left = Int32(deadline - (Double(clock.tv_sec) * 1000 + Double(clock.tv_nsec) / 1_000_000))
            guard left > 0 else { break }
            var poller = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, left) > 0 else { break }
            var byte: UInt8 = 0
            guard read(STDIN_FILENO, &byte, 1) == 1 else { break }
            answer.append(byte)
            if byte == UInt8(ascii: "c"), let parsed = parse(answer) { return parsed }
            if answer.count > 256 { break }
        }
        return nil
    }

    /// The numbers of a DA1 answer somewhere in `bytes` (`ESC [ ? 62 ; 4 c`).
    static func parse(_ bytes: [UInt8]) -> [Int]? {
        guard let start = bytes.lastIndex(of: 0x1B), bytes.count > start + 3,
              bytes[start + 1] == UInt8(ascii: "["), bytes[start + 2] == UInt8(ascii: "?"), bytes.last == UInt8(ascii: "c")
        else { return nil }
        let body = String(decoding: bytes[(start + 3)..<(bytes.count - 1)], as: UTF8.self)
        return body.split(separator: ";").compactMap { Int($0) }
    }
}

/// The pictures the terminal draws itself (sixel, kitty, iTerm2), written beside ncurses after
/// each frame at their cells (`ScreenBuffer.graphics`). ncurses knows nothing of them, so when
/// they change, old ones are wiped (kitty: deleted; sixel and iTerm2: the lines repainted over
/// them) before the new ones are written; frames with the same pictures write nothing.
final class GraphicsLayer {
    private var shown: [GraphicPlacement] = []

    var isShowing: Bool { !shown.isEmpty }

    /// The screen was cleared or repainted: whatever was drawn is gone.
    func forget() { shown = [] }

    /// Shows `placements`; `repaint` makes ncurses rewrite every line, `write` sends bytes.
    func show(_ placements: [GraphicPlacement], repaint: () -> Void, write: (String) -> Void) {
        guard placements != shown else { return }
        if shown.contains(where: { $0.mode == .kitty }) { write("\u{1B}_Ga=d\u{1B}\\") }
        if shown.contains(where: { $0.mode != .kitty }) { repaint() }
        for placement in placements {
            write("\u{1B}7\u{1B}[\(placement.row + 1);\(placement.column + 1)H" + placement.sequence + "\u{1B}8")
        }
        shown = placements
    }
}
