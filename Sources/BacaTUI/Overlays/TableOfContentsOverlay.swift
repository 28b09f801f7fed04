import BacaCore

/// The sections of the open article in a framed panel over it; Enter jumps to one.
final class TableOfContentsOverlay: Component {
    private unowned let reader: ReaderScreen
    private var cursor: Int
    private let current: Int

    var kind: ScreenKind { .tableOfContents }
    var keyContext: KeyContext { .toc }
    var isOverlay: Bool { true }

    init(reader: ReaderScreen, current: Int) {
        self.reader = reader
        self.cursor = current
        self.current = current
    }

    private var sections: [Section] { reader.model.article.sections }

    func handle(_ command: Command, context: AppContext) -> EventResult {
        let last = max(0, sections.count - 1)
        switch command {
        case .move(let movement):
            switch movement {
            case .lines(let count), .halfPages(let count), .pages(let count):
                let step: Int
                if case .lines = movement { step = 1 } else { step = max(1, context.size.rows / 2) }
                cursor = min(max(0, cursor + count * step), last)
            case .top: cursor = 0
            case .bottom: cursor = last
            }
            return .done
        case .open:
            reader.jump(toSection: cursor, context)
            return .perform(.pop)
        case .back, .backOrQuit, .tableOfContents:
            return .perform(.pop)
        default:
            return .ignored
        }
    }

    /// A click on a section jumps there, as Enter on it does.
    func handle(click target: HitTarget, context: AppContext) -> EventResult {
        guard case .section(let index) = target, index >= 0, index < sections.count else { return .ignored }
        cursor = index
        reader.jump(toSection: index, context)
        return .perform(.pop)
    }

    func render(into buffer: inout ScreenBuffer, context: AppContext) {
        let size = context.size
        let titles = sections.map { section -> String in
            if let number = section.number { return "\(number). \(section.heading ?? "")" }
            return context.tr("Pembuka", "Opening")
        }
        let keys = footer(context)
        let widest = max(titles.map(\.displayWidth).max() ?? 0, keys.displayWidth)
        let width = min(size.columns - 4, max(30, widest + 6))
        let visibleRows = min(titles.count, max(1, size.rows - 6))
        let height = visibleRows + 2
        let left = (size.columns - width) / 2
        let top = max(0, (size.rows - 1 - height) / 2)
        let inner = width - 2
        // A clear margin around the frame, so nothing of the article shows at its edges.
        buffer.fill(row: top - 1, column: left - 2, width: width + 4, height: height + 2, style: .text)
        let title = " " + context.tr("Daftar isi", "Contents") + " "
        buffer.write("╭─" + title + String(repeating: "─", count: max(0, inner - 1 - title.displayWidth)) + "╮",
                     row: top, column: left, style: .summaryBorder)
        let first = min(max(0, cursor - visibleRows / 2), max(0, titles.count - visibleRows))
        for offset in 0..<visibleRows {
            let index = first + offset
            let row = top + 1 + offset
            buffer.write("│", row: row, column: left, style: .summaryBorder)
            buffer.write("│", row: row, column: left + width - 1, style: .summaryBorder)
            guard index < titles.count else { continue }
            let isFocused = index == cursor
            let style: StyleName = isFocused ? .listFocus : .text
            buffer.fill(row: row, column: left + 1, width: inner, height: 1, style: style)
            let marker = isFocused ? ">" : " "
            let here = index == current ? "▸ " : "  "
            buffer.write((marker + here + titles[index]).truncated(toWidth: inner - 1), row: row, column: left + 1, style: style)
            buffer.addHit(row: row, column: left + 1, width: inner, .section(index))
        }
        let bottom = "─ " + keys + " "
        buffer.write("╰" + bottom.truncated(toWidth: inner) + String(repeating: "─", count: max(0, inner - bottom.displayWidth)) + "╯",
                     row: top + height - 1, column: left, style: .summaryBorder)
    }

    /// The panel's own keys, in its bottom border.
    private func footer(_ context: AppContext) -> String {
        var parts: [String] = []
        if let key = context.key(.open, .toc) { parts.append("\(key) " + context.tr("lompat", "jump")) }
        if let keys = context.keys(.moveDown, .moveUp, .toc) { parts.append("\(keys) " + context.tr("pilih", "choose")) }
        if let key = context.backKey(.toc) { parts.append("\(key) " + context.tr("tutup", "close")) }
        return parts.joined(separator: " · ")
    }

    func status(context: AppContext) -> StatusContent {
        var hints: [Hint] = []
        if let key = context.key(.open, .toc) { hints.append(Hint(keys: key, label: context.tr("lompat", "jump"))) }
        if let key = context.backKey(.toc) { hints.append(Hint(keys: key, label: context.tr("tutup", "close"))) }
        return StatusContent(hints: hints, position: "\(cursor + 1)/\(sections.count)")
    }
}
