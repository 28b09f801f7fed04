import BacaCore
import BacaStore

extension App {
    /// The left edge of the article text: centred in wide windows.
    var readerLeftMargin: Int { max(1, (size.columns - readerTextWidth) / 2) }

    func drawReader(into buffer: inout ScreenBuffer) {
        guard reader != nil, let height = readerHeight else { return }
        reader!.prepareLayout(width: readerTextWidth)
        guard let reader, let layout = reader.layout else { return }
        let left = readerLeftMargin
        for offset in 0..<height {
            let index = reader.top + offset
            guard index < layout.lines.count else { break }
            var spans = layout.lines[index].spans
            if let search = reader.search {
                let marks = search.matches(onLine: index)
                if !marks.isEmpty { spans = SpanHighlighter.highlight(spans, marks: marks) }
            }
            buffer.write(spans, row: offset, column: left, maxWidth: readerTextWidth)
        }
    }

    func drawTableOfContents(into buffer: inout ScreenBuffer) {
        guard let reader else { return }
        TableOfContentsView(sections: reader.article.sections, cursor: tocCursor, current: reader.currentSectionIndex())
            .draw(into: &buffer)
    }
}

/// Splits styled spans so that the given display columns take the search styles.
enum SpanHighlighter {
    static func highlight(_ spans: [StyledSpan], marks: [(columns: Range<Int>, isCurrent: Bool)]) -> [StyledSpan] {
        var result: [StyledSpan] = []
        var column = 0
        for span in spans {
            var pending = ""
            var pendingStyle = span.style
            for character in span.text {
                let width = character.displayWidth
                let mark = marks.first { $0.columns.contains(column) }
                let style: StyleName = mark.map { $0.isCurrent ? .searchCurrent : .searchMatch } ?? span.style
                if style != pendingStyle, !pending.isEmpty {
                    result.append(StyledSpan(pending, pendingStyle))
                    pending = ""
                }
                pendingStyle = style
                pending.append(character)
                column += width
            }
            if !pending.isEmpty { result.append(StyledSpan(pending, pendingStyle)) }
        }
        return result
    }
}

/// The overlay that lists the sections and jumps to the chosen one.
struct TableOfContentsView {
    var sections: [Section]
    var cursor: Int
    var current: Int?

    func draw(into buffer: inout ScreenBuffer) {
        let size = buffer.size
        let titles = sections.map { $0.title ?? "Pembuka" }
        let width = min(size.columns - 4, max(30, (titles.map(\.displayWidth).max() ?? 0) + 6))
        let visibleRows = min(titles.count, max(1, size.rows - 6))
        let height = visibleRows + 2
        let left = (size.columns - width) / 2
        let top = max(0, (size.rows - 1 - height) / 2)
        let inner = width - 2
        buffer.fill(row: top, column: left, width: width, height: height, style: .text)
        let title = " Daftar isi "
        buffer.write("╭─" + title + String(repeating: "─", count: max(0, inner - 1 - title.displayWidth)) + "╮",
                     row: top, column: left, style: .summaryBorder)
        let first = min(max(0, cursor - visibleRows / 2), max(0, titles.count - visibleRows))
        for offset in 0..<visibleRows {
            let index = first + offset
            let row = top + 1 + offset
            buffer.write("│", row: row, column: left, style: .summaryBorder)
            buffer.write("│", row: row, column: left + width - 1, style: .summaryBorder)
            guard index < titles.count else { continue }
            let style: StyleName = index == cursor ? .listFocus : .text
            buffer.fill(row: row, column: left + 1, width: inner, height: 1, style: style)
            let marker = index == current ? "▸ " : "  "
            buffer.write((marker + titles[index]).truncated(toWidth: inner - 1), row: row, column: left + 1, style: style)
        }
        buffer.write("╰" + String(repeating: "─", count: inner) + "╯", row: top + height - 1, column: left, style: .summaryBorder)
    }
}

/// The help screen, made from the live keymap.
struct HelpView {
    var sections: [HelpSection]
    var top: Int

    static func lines(sections: [HelpSection], width: Int) -> [[StyledSpan]] {
        var lines: [[StyledSpan]] = [[StyledSpan("Bantuan baca", .helpTitle)], []]
        for section in sections {
            lines.append([StyledSpan(section.title, .heading)])
            let keyWidth = min(26, (section.rows.map { $0.keys.displayWidth }.max() ?? 0) + 2)
            for row in section.rows {
                let keys = row.keys.truncated(toWidth: keyWidth - 1)
                let pad = String(repeating: " ", count: max(1, keyWidth - keys.displayWidth))
                lines.append([StyledSpan("  " + keys + pad, .helpKey), StyledSpan(row.text, .text)])
            }
            lines.append([])
        }
        return lines
    }

    static func maxTop(sections: [HelpSection], size: TerminalSize) -> Int {
        max(0, lines(sections: sections, width: size.columns).count - (size.rows - 1))
    }

    func draw(into buffer: inout ScreenBuffer) {
        let size = buffer.size
        let all = Self.lines(sections: sections, width: size.columns)
        let start = min(top, Self.maxTop(sections: sections, size: size))
        let left = size.columns > 90 ? (size.columns - 86) / 2 : 1
        for offset in 0..<(size.rows - 1) {
            let index = start + offset
            guard index < all.count else { break }
            buffer.write(all[index], row: offset, column: left, maxWidth: size.columns - left - 1)
        }
    }
}
