import Foundation

/// How the CLI writes to standard output: plain for pipes, with a little emphasis on a terminal
/// (never when `NO_COLOR` is set).
struct OutputStyle {
    var isTerminal: Bool
    var colors: Bool

    static var standardOutput: OutputStyle {
        let tty = isatty(STDOUT_FILENO) == 1
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        return OutputStyle(isTerminal: tty, colors: tty && !noColor)
    }

    /// The terminal's width, else 80.
    static var terminalColumns: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return columns
        }
        return 80
    }

    func bold(_ text: String) -> String { colors ? "\u{1B}[1m\(text)\u{1B}[22m" : text }
    func dim(_ text: String) -> String { colors ? "\u{1B}[2m\(text)\u{1B}[22m" : text }
    /// A search match: reversed on a terminal, `[word]` in a pipe.
    func match(_ text: String) -> String { colors ? "\u{1B}[7m\(text)\u{1B}[27m" : "[\(text)]" }
}
