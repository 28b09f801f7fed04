import BacaCore

/// The help: every key from the live keymap, the screen it was opened from first, laid out in
/// as many columns as the width takes. `/` narrows it to the rows that mention a word.
final class HelpOverlay: Component {
    private let sections: [HelpSection]
    private var top = 0
    /// The help's own search; Esc clears it before closing the help.
    private(set) var filter: String?

    var kind: ScreenKind { .help }
    var keyContext: KeyContext { .help }

    init(sections: [HelpSection]) {
        self.sections = sections
    }

    /// Columns at least this wide, as many as fit.
    static let columnWidth = 38

    func columns(_ context: AppContext) -> Int { max(1, (context.size.columns - 2) / Self.columnWidth) }
    func rowsPerColumn(_ context: AppContext) -> Int { max(1, context.size.rows - 3) }

    /// One entry per line: a section title, a key row (or its wrapped rest), a blank.
    enum Line: Equatable {
        case title(String)
        case row(keys: String, text: String)
        case blank
    }

    /// The keys' column: long key lists go on a line of their own above their text.
    static let keyWidth = 12

    func textWidth(_ context: AppContext) -> Int {
        max(8, (context.size.columns - 2) / columns(context) - 3 - Self.keyWidth)
    }

    /// The help as lines for a text width: each description wrapped, never cut.
    func lines(textWidth: Int) -> [Line] {
        var result: [Line] = []
        let needle = filter.map(TextFolding.fold)
        for section in sections {
            let rows = section.rows.filter { row in
                guard let needle else { return true }
                return TextFolding.fold(row.keys + " " + row.text + " " + row.command.rawValue).contains(needle)
            }
            guard !rows.isEmpty else { continue }
            if !result.isEmpty { result.append(.blank) }
            result.append(.title(section.title))
            for row in rows {
                var keys = row.keys
                if keys.displayWidth > Self.keyWidth - 1 {
                    result.append(.row(keys: keys, text: ""))
                    keys = ""
                }
                for (index, line) in row.text.wrapped(toWidth: textWidth).enumerated() {
                    result.append(.row(keys: index == 0 ? keys : "", text: line))
                }
            }
        }
        return result
    }

    func lines(_ context: AppContext) -> [Line] { lines(textWidth: textWidth(context)) }

    /// The lines split into columns of the window's height: a section title never ends a
    /// column, and a column never starts with a blank.
    func columnsOfLines(_ context: AppContext) -> [[Line]] {
        let height = rowsPerColumn(context)
        var result: [[Line]] = [[]]
        for line in lines(context) {
            var column = result[result.count - 1]
            if line == .blank, column.isEmpty { continue }
            let isTitleAtBottom = { if case .title = line { return column.count >= height - 1 } else { return false } }()
            if column.count >= height || isTitleAtBottom {
                result.append([])
                column = []
                if line == .blank { continue }
            }
            column.append(line)
            result[result.count - 1] = column
        }
        return result
    }

    /// `top` counts columns: j/k move the help by one column, a page by a screenful.
    private func maxTop(_ context: AppContext) -> Int {
        max(0, columnsOfLines(context).count - columns(context))
    }

    func handle(_ command: Command, context: AppContext) -> EventResult {
        switch command {
        case .move(let movement):
            switch movement {
            case .lines(let count): top += count
            case .halfPages(let count): top += count * max(1, columns(context) / 2)
            case .pages(let count): top += count * columns(context)
            case .top: top = 0
            case .bottom: top = Int.max / 2
            }
            top = min(max(0, top), maxTop(context))
            return .done
        case .search(let text):
            guard let text else { return .perform(.push(PromptOverlay(kind: .search, context: context))) }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            filter = trimmed.isEmpty ? nil : trimmed
            top = 0
            if filter != nil, lines(context).isEmpty {
                return .perform(.message(.warning(context.tr("Tidak ada tombol untuk: \(trimmed)", "No key for: \(trimmed)"))))
            }
            return .done
        case .back, .backOrQuit, .clearSearch:
            if filter != nil {
                filter = nil
                top = 0
                return .done
            }
            return .perform(.pop)
        case .help, .open:
            return .perform(.pop)
        default:
            return .ignored
        }
    }

    func render(into buffer: inout ScreenBuffer, context: AppContext) {
        let size = context.size
        var title = context.tr("Bantuan baca", "baca help")
        if let filter { title += " · " + context.tr("cari", "search") + ": \"\(filter)\"" }
        buffer.write(title, row: 0, column: 1, style: .helpTitle, maxWidth: size.columns - 2)
        let all = columnsOfLines(context)
        let columns = columns(context)
        let columnWidth = (size.columns - 2) / columns
        let keyWidth = Self.keyWidth
        let start = min(top, maxTop(context))
        for (shown, lines) in all[start..<min(all.count, start + columns)].enumerated() {
            let left = 1 + shown * columnWidth
            // Three columns of space before the next column.
            let width = columnWidth - 3
            for (offset, line) in lines.enumerated() {
                let row = 2 + offset
                switch line {
                case .title(let text):
                    buffer.write(text, row: row, column: left, style: .heading, maxWidth: width)
                case .row(let keys, let text):
                    buffer.write(keys, row: row, column: left, style: .helpKey, maxWidth: width)
                    buffer.write(text, row: row, column: left + keyWidth, style: .text, maxWidth: max(1, width - keyWidth))
                case .blank:
                    break
                }
            }
        }
    }

    func status(context: AppContext) -> StatusContent {
        var hints: [Hint] = []
        func add(_ keys: String?, _ label: String) { if let keys { hints.append(Hint(keys: keys, label: label)) } }
        add(context.backKey(.help), filter != nil ? context.tr("hapus cari", "clear search") : context.tr("tutup", "close"))
        add(context.key(.search, .help), context.tr("cari", "search"))
        add(context.keys(.moveDown, .moveUp, .help), context.tr("gulir", "scroll"))
        let total = columnsOfLines(context).count
        let first = min(top, maxTop(context))
        let last = min(total, first + columns(context))
        let position = total <= columns(context) ? context.tr("semua", "all")
            : context.tr("kolom", "columns") + " \(first + 1)–\(last)/\(total)"
        return StatusContent(hints: hints, position: position)
    }
}
