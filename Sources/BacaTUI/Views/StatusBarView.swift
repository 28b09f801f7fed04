import BacaCore

/// The bottom row: a message or the screen's key hints on the left, the position on the right.
///
/// The position is always shown. Hints are dropped whole, from the least important, when the
/// row is short; a message takes the hints' place (styled by its level), never the position's.
struct StatusBarView {
    var content: StatusContent
    var message: StatusMessage?
    var language: Language

    func draw(into buffer: inout ScreenBuffer, row: Int) {
        let width = buffer.size.columns
        buffer.fill(row: row, column: 0, width: width, height: 1, style: .status)
        let position = content.position.truncated(toWidth: max(0, width / 2))
        let positionWidth = position.displayWidth
        if positionWidth > 0 {
            buffer.write(position, row: row, column: width - positionWidth - 1, style: .status)
        }
        // One space at each edge and two between the left part and the position.
        let available = max(0, width - positionWidth - (positionWidth > 0 ? 3 : 1) - 1)
        if let message {
            let text = " " + message.text.truncated(toWidth: max(0, available))
            buffer.fill(row: row, column: 0, width: text.displayWidth + 1, height: 1, style: message.level.style)
            buffer.write(text, row: row, column: 0, style: message.level.style)
            return
        }
        var column = 1
        for (index, hint) in Self.fitting(content.hints, width: available).enumerated() {
            if index > 0 { column += buffer.write(" · ", row: row, column: column, style: .status) }
            column += buffer.write(hint.keys, row: row, column: column, style: .statusKey)
            column += buffer.write(" " + hint.label, row: row, column: column, style: .status)
        }
    }

    /// The longest prefix of `hints` that fits in `width` columns, each hint whole.
    static func fitting(_ hints: [Hint], width: Int) -> [Hint] {
        var used = 0
        var result: [Hint] = []
        for hint in hints {
            let cost = (result.isEmpty ? 0 : 3) + hint.keys.displayWidth + 1 + hint.label.displayWidth
            if used + cost > width { break }
            used += cost
            result.append(hint)
        }
        return result
    }
}

/// The notice shown while the window is below the minimum size.
struct TooSmallView {
    var size: TerminalSize
    var minimum: TerminalSize
    var language: Language

    func draw(into buffer: inout ScreenBuffer) {
        let lines = [
            language.pick("Terminal terlalu kecil", "Terminal too small"),
            language.pick("\(size.columns)×\(size.rows), perlu \(minimum.columns)×\(minimum.rows)",
                          "\(size.columns)×\(size.rows), needs \(minimum.columns)×\(minimum.rows)"),
        ]
        let top = max(0, (size.rows - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let text = line.truncated(toWidth: size.columns)
            let column = max(0, (size.columns - text.displayWidth) / 2)
            buffer.write(text, row: top + offset, column: column, style: offset == 0 ? .error : .dim)
        }
    }
}
