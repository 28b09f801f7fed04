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

/// Whether the terminal shows OSC 8 hyperlinks. Terminals that do not know OSC 8 drop it,
/// but some old ones print it, so it is written only where the environment names a terminal
/// known to support it.
enum HyperlinkSupport {
    static func detect(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        let term = environment["TERM"] ?? ""
        let program = environment["TERM_PROGRAM"] ?? ""
        if ["iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper", "Tabby", "rio", "WarpTerminal", "contour"].contains(program) {
            return true
        }
        if program == "tmux" {
            // tmux passes hyperlinks on from 3.4 (to an outer terminal that shows them).
            let parts = version(environment["TERM_PROGRAM_VERSION"]) + [0, 0]
            return parts[0] > 3 || (parts[0] == 3 && parts[1] >= 4)
        }
        if term.hasPrefix("tmux") || term.hasPrefix("screen") { return false }
        if environment["KITTY_WINDOW_ID"] != nil || environment["WT_SESSION"] != nil { return true }
        if let vte = environment["VTE_VERSION"].flatMap(Int.init), vte >= 5000 { return true }
        if let konsole = environment["KONSOLE_VERSION"].flatMap(Int.init), konsole >= 201200 { return true }
        return ["xterm-kitty", "foot", "wezterm", "alacritty", "xterm-ghostty", "contour"].contains { term.hasPrefix($0) }
    }

    private static func version(_ text: String?) -> [Int] {
        (text ?? "").split(separator: ".").map { Int($0.prefix { $0.isNumber }) ?? 0 }
    }
}

/// The terminfo entry to draw with when the terminal shows 24-bit colour (`COLORTERM` is
/// `truecolor` or `24bit`): the `-direct` variant of its family (`xterm-direct`, `tmux-direct`,
/// from Debian's `ncurses-term`), whose colour numbers are RGB values. Nil keeps `TERM`.
enum DirectColor {
    static func candidates(term: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        guard colorTerm == "truecolor" || colorTerm == "24bit", !term.contains("direct") else { return [] }
        if term.hasPrefix("tmux") || term.hasPrefix("screen") { return ["tmux-direct"] }
        if term.hasPrefix("xterm") { return ["xterm-direct"] }
        guard let family = term.split(separator: "-").first, !family.isEmpty else { return [] }
        return ["\(family)-direct"]
    }
}
