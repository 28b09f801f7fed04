import Foundation

/// What the reader asks of the terminal beyond ncurses (config `[mouse]` and `[terminal]`).
public struct TerminalOptions: Sendable, Equatable {
    /// Report clicks and the wheel (modes 1000, 1002 and 1006). Shift still lets the terminal
    /// select text in most terminals.
    public var mouse: Bool
    /// Write links as OSC 8 hyperlinks: nil decides from the environment (`HyperlinkSupport`).
    public var hyperlinks: Bool?

    public init(mouse: Bool = true, hyperlinks: Bool? = nil) {
        self.mouse = mouse
        self.hyperlinks = hyperlinks
    }
}

/// The private modes baca turns on beside ncurses, and off again whenever it gives the
/// terminal back (stop, suspend, a program run, a crash).
enum TerminalModes {
    /// Bracketed paste, and with `mouse` button reports (1000), drags (1002) in the SGR format (1006).
    static func enable(mouse: Bool) -> [UInt8] {
        Array(((mouse ? "\u{1B}[?1000h\u{1B}[?1002h\u{1B}[?1006h" : "") + "\u{1B}[?2004h").utf8)
    }

    /// Everything `enable` turned on, off; harmless when it was not on.
    static let disable: [UInt8] = Array("\u{1B}[?2004l\u{1B}[?1006l\u{1B}[?1002l\u{1B}[?1000l".utf8)
}
