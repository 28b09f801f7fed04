import Foundation

// What the environment says the terminal can show; pure, for the terminal backend (BacaTerminal).

/// Whether the terminal shows OSC 8 hyperlinks. Terminals that do not know OSC 8 drop it,
/// but some old ones print it, so it is written only where the environment names a terminal
/// known to support it.
public enum HyperlinkSupport {
    public static func detect(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
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
public enum DirectColor {
    public static func candidates(term: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        guard colorTerm == "truecolor" || colorTerm == "24bit", !term.contains("direct") else { return [] }
        if term.hasPrefix("tmux") || term.hasPrefix("screen") { return ["tmux-direct"] }
        if term.hasPrefix("xterm") { return ["xterm-direct"] }
        guard let family = term.split(separator: "-").first, !family.isEmpty else { return [] }
        return ["\(family)-direct"]
    }
}
