import Foundation

extension TmuxSession {
    /// An SGR mouse report (`ESC [ < code ; x ; y M`, or `m` for a release) written to the pane
    /// as bytes, as a terminal sends it to a program that asked for mouse reports. `row` and
    /// `column` count from 0, as a capture's lines and characters do.
    public func sendMouse(_ code: Int, row: Int, column: Int, release: Bool = false) throws {
        let report = "\u{1B}[<\(code);\(column + 1);\(row + 1)\(release ? "m" : "M")"
        try tmux(["send-keys", "-t", "t", "-H"] + report.utf8.map { String(format: "%02x", $0) })
    }

    /// A left click: press and release on one cell.
    public func click(row: Int, column: Int) throws {
        try sendMouse(0, row: row, column: column)
        try sendMouse(0, row: row, column: column, release: true)
    }

    /// One notch of the wheel, down (towards the end) or up.
    public func wheel(down: Bool, row: Int = 5, column: Int = 5) throws {
        try sendMouse(down ? 65 : 64, row: row, column: column)
    }

    /// The row and column of the first place `text` shows on `screen` (a capture); columns
    /// count characters, so what precedes `text` on its row must be one column a character.
    public static func cell(of text: String, in screen: String) -> (row: Int, column: Int)? {
        for (row, line) in screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: text) { return (row, line[..<range.lowerBound].count) }
        }
        return nil
    }
}
