import BacaCore
import BacaStore

extension App {
    /// Width of the article text in the reader: the window less a margin, at most 100 columns
    /// so lines stay readable on wide terminals.
    var readerTextWidth: Int { max(10, min(size.columns - 2, 100)) }

    /// Rows of article text on screen (all but the status bar); nil when the window is too small.
    var readerHeight: Int? {
        guard isLargeEnough else { return nil }
        return max(1, size.rows - 1)
    }

    var isLargeEnough: Bool {
        size.columns >= Self.minimumSize.columns && size.rows >= Self.minimumSize.rows
    }

    /// Draws the current state into a new frame.
    public func render() -> (buffer: ScreenBuffer, cursor: CursorPosition?) {
        var buffer = ScreenBuffer(size: size)
        guard isLargeEnough else {
            TooSmallView(size: size, minimum: Self.minimumSize).draw(into: &buffer)
            return (buffer, nil)
        }
        switch screen {
        case .list:
            drawList(into: &buffer)
        case .feeds:
            drawFeeds(into: &buffer)
        case .reader:
            drawReader(into: &buffer)
        case .tableOfContents:
            drawReader(into: &buffer)
            drawTableOfContents(into: &buffer)
        case .help:
            let sections = helpSections
            helpTop = min(helpTop, HelpView.maxTop(sections: sections, size: size))
            HelpView(sections: sections, top: helpTop).draw(into: &buffer)
        }
        let cursor = drawBottomLine(into: &buffer)
        return (buffer, cursor)
    }

    /// The help, made from the live keymap, with the keys of the screen it was opened from first.
    var helpSections: [HelpSection] {
        let first: KeyContext
        switch screenUnderHelp {
        case .reader, .tableOfContents: first = .reader
        case .feeds: first = .feeds
        default: first = .list
        }
        let order = [first] + HelpContent.defaultContexts.filter { $0 != first }
        return HelpContent.make(keyMap: keyMap, contexts: order)
    }

    /// The status bar, a message, or the prompt; returns where the cursor goes.
    func drawBottomLine(into buffer: inout ScreenBuffer) -> CursorPosition? {
        let row = size.rows - 1
        if let prompt {
            buffer.fill(row: row, column: 0, width: size.columns, height: 1, style: .prompt)
            let symbol = prompt.kind.symbol
            let available = size.columns - 1 - symbol.displayWidth
            let beforeCursor = String(prompt.characters[..<prompt.cursor])
            // Scroll the text horizontally so the cursor stays visible.
            var visible = prompt.text
            var cursorColumn = beforeCursor.displayWidth
            if cursorColumn > available {
                var dropped = 0
                var characters = Array(visible)
                while cursorColumn - dropped > available, !characters.isEmpty {
                    dropped += characters.removeFirst().displayWidth
                }
                visible = String(characters)
                cursorColumn -= dropped
            }
            buffer.write(symbol, row: row, column: 0, style: .prompt)
            buffer.write(visible, row: row, column: symbol.displayWidth, style: .prompt, maxWidth: available)
            return CursorPosition(row: row, column: symbol.displayWidth + cursorColumn)
        }
        if let message {
            buffer.fill(row: row, column: 0, width: size.columns, height: 1, style: message.isError ? .error : .status)
            buffer.write(" " + message.text, row: row, column: 0, style: message.isError ? .error : .status, maxWidth: size.columns)
            return nil
        }
        let (left, right) = statusText()
        StatusBar(left: left, right: right).draw(into: &buffer, row: row)
        return nil
    }

    /// The status bar's two halves for the current screen.
    func statusText() -> (left: String, right: String) {
        switch screen {
        case .feeds:
            let hints = hintLine([(.moveDown, "pindah"), (.open, "buka"), (.fetch, "ambil"), (.back, "kembali")], context: .feeds)
            return (hints, feedRows.isEmpty ? "0/0" : "\(feedCursor + 1)/\(feedRows.count)")
        case .list, .help:
            let hints = hintLine([
                (.moveDown, "pindah"), (.open, "baca"), (.search, "cari"), (.help, "bantuan"), (.quit, "keluar"),
            ], context: screen == .help ? .help : .list)
            if screen == .help { return ("Bantuan · j/k gulir · q tutup", "") }
            let position = list.count == 0 ? "0/0" : "\(listCursor + 1)/\(list.count)"
            return (hints, position)
        case .reader, .tableOfContents:
            guard let reader, let layout = reader.layout else { return ("", "") }
            var parts: [String] = []
            let numbered = reader.article.sections.filter { $0.number != nil }.count
            let index = reader.currentSectionIndex() ?? 0
            if index < reader.article.sections.count, let number = reader.article.sections[index].number {
                parts.append("bagian \(number)/\(numbered) · \(reader.article.sections[index].heading ?? "")")
            } else {
                parts.append(numbered > 0 ? "pembuka · \(numbered) bagian" : "pembuka")
            }
            if reader.mode == .summary { parts.insert("ringkas", at: 0) }
            // The match counter goes first: a long section heading is what gets cut.
            if let search = reader.search {
                if let current = search.current {
                    parts.insert("cocok \(current + 1)/\(search.matches.count)", at: 0)
                } else {
                    parts.insert("tidak ditemukan: \(search.query)", at: 0)
                }
            }
            let height = readerHeight ?? 1
            let percent: Int
            if layout.lines.count <= height {
                percent = 100
            } else {
                percent = min(100, (reader.top + height) * 100 / layout.lines.count)
            }
            let hints = hintLine([
                (.nextSection, "bagian"), (.toggleSummary, reader.mode == .full ? "ringkas" : "lengkap"),
                (.back, "kembali"),
            ], context: .reader)
            return (parts.joined(separator: " · "), "\(hints)  \(percent)%")
        }
    }

    /// `j pindah · Enter baca …` from the live keymap.
    func hintLine(_ items: [(CommandName, String)], context: KeyContext) -> String {
        items.compactMap { command, label in
            guard let key = keyMap.hint(for: command, context: context) else { return nil }
            if command == .nextSection, let back = keyMap.hint(for: .previousSection, context: context) {
                return "\(key)/\(back) \(label)"
            }
            if command == .moveDown, let up = keyMap.hint(for: .moveUp, context: context) {
                return "\(key)/\(up) \(label)"
            }
            return "\(key) \(label)"
        }.joined(separator: " · ")
    }
}

/// The notice shown while the window is below the minimum size.
struct TooSmallView {
    var size: TerminalSize
    var minimum: TerminalSize

    func draw(into buffer: inout ScreenBuffer) {
        let lines = [
            "Terminal terlalu kecil",
            "\(size.columns)×\(size.rows), perlu \(minimum.columns)×\(minimum.rows)",
        ]
        let top = max(0, (size.rows - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let text = line.truncated(toWidth: size.columns)
            let column = max(0, (size.columns - text.displayWidth) / 2)
            buffer.write(text, row: top + offset, column: column, style: offset == 0 ? .error : .dim)
        }
    }
}

/// A full-width bar with text on the left and right.
struct StatusBar {
    var left: String
    var right: String

    func draw(into buffer: inout ScreenBuffer, row: Int) {
        let width = buffer.size.columns
        buffer.fill(row: row, column: 0, width: width, height: 1, style: .status)
        let rightText = right.truncated(toWidth: max(0, width / 2))
        let rightWidth = rightText.displayWidth
        buffer.write((" " + left).truncated(toWidth: max(0, width - rightWidth - 2)), row: row, column: 0, style: .status)
        buffer.write(rightText, row: row, column: max(0, width - rightWidth - 1), style: .status)
    }
}
