import BacaCore

// CONTRACT (owned by the rendering work).

/// One terminal cell: a grapheme and its style. The cell after a wide grapheme holds `""`.
public struct Cell: Sendable, Equatable, Hashable {
    public var text: String
    public var style: StyleName
    public init(text: String = " ", style: StyleName = .text) {
        self.text = text
        self.style = style
    }
}

/// The size of a terminal or buffer, in cells.
public struct TerminalSize: Sendable, Equatable, Hashable {
    public var columns: Int
    public var rows: Int
    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }
}

/// A grid of cells that views draw into, and the in-memory screen tests assert on.
public struct ScreenBuffer: Sendable, Equatable {
    public private(set) var size: TerminalSize
    public private(set) var cells: [Cell]
    /// Where clicks mean something and which cells are links (`HitMap.swift`).
    public internal(set) var hitMap = HitMap()
    /// Pictures written beside the cells after the frame (sixel, kitty, iTerm2), over blank cells.
    public var graphics: [GraphicPlacement] = []

    public init(size: TerminalSize) {
        self.size = size
        self.cells = Array(repeating: Cell(), count: max(0, size.columns * size.rows))
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * size.columns + column]
    }

    // MARK: Writing

    /// Writes `text` at a position, clipped to the buffer and to `maxWidth` columns; returns the
    /// columns written. Wide graphemes take two cells; one that does not fit is not drawn.
    ///
    /// - A wide grapheme fills its cell and a continuation cell holding `""`. When only one
    ///   column is left for it (at the right edge, at `maxWidth`, or with its left half left of
    ///   column 0) that column gets a space instead.
    /// - Zero-width graphemes (control characters, a lone combining mark) are not drawn.
    /// - Rows outside the buffer write nothing; columns left of 0 are skipped but still count
    ///   for positioning. The result counts visible columns only.
    /// - Overwriting half of a wide grapheme already on screen blanks its other half.
    @discardableResult
    public mutating func write(_ text: String, row: Int, column: Int, style: StyleName, maxWidth: Int? = nil) -> Int {
        guard let limit = limit(row: row, column: column, maxWidth: maxWidth) else { return 0 }
        let end = draw(text, row: row, column: column, limit: limit, style: style)
        return max(0, end - max(column, 0))
    }

    /// Writes spans one after another; returns the columns written.
    @discardableResult
    public mutating func write(_ spans: [StyledSpan], row: Int, column: Int, maxWidth: Int? = nil) -> Int {
        guard let limit = limit(row: row, column: column, maxWidth: maxWidth) else { return 0 }
        var next = column
        for span in spans where next < limit {
            next = draw(span.text, row: row, column: next, limit: limit, style: span.style)
        }
        return max(0, next - max(column, 0))
    }

    /// Sets one ready-made cell of a one-column grapheme (a picture's symbol), clipped to the
    /// screen: no text layout, for the thousand cells of a picture every frame.
    public mutating func place(_ cell: Cell, row: Int, column: Int) {
        guard row >= 0, row < size.rows, column >= 0, column < size.columns else { return }
        put(cell, row: row, column: column)
    }

    /// Fills a rectangle with blanks of a style.
    public mutating func fill(row: Int, column: Int, width: Int, height: Int, style: StyleName) {
        hitMap.cover(row: row, column: column, width: width, height: height)
        let firstColumn = max(0, column)
        let endColumn = min(size.columns, column + max(0, width))
        guard firstColumn < endColumn else { return }
        for fillRow in max(0, row)..<max(max(0, row), min(size.rows, row + max(0, height))) {
            for fillColumn in firstColumn..<endColumn {
                put(Cell(text: " ", style: style), row: fillRow, column: fillColumn)
            }
        }
    }

    /// The exclusive column limit of a write, or nil when nothing can be written.
    private func limit(row: Int, column: Int, maxWidth: Int?) -> Int? {
        guard row >= 0, row < size.rows, column < size.columns else { return nil }
        var limit = size.columns
        if let maxWidth {
            guard maxWidth > 0 else { return nil }
            limit = min(limit, column + maxWidth)
        }
        return limit > max(column, 0) ? limit : nil
    }

    /// Draws `text` from `column` up to (not including) `limit`; returns the column after the
    /// last grapheme drawn (or `limit` when the text was cut).
    private mutating func draw(_ text: String, row: Int, column: Int, limit: Int, style: StyleName) -> Int {
        var next = column
        for character in text {
            let width = character.displayWidth
            if width == 0 { continue }
            if next + width > limit {
                if next < limit, next >= 0 { put(Cell(text: " ", style: style), row: row, column: next) }
                return limit
            }
            if next >= 0 {
                put(Cell(text: String(character), style: style), row: row, column: next)
                if width == 2 { put(Cell(text: "", style: style), row: row, column: next + 1) }
            } else if next + width > 0 {
                // The right half of a wide grapheme whose left half is off screen.
                put(Cell(text: " ", style: style), row: row, column: 0)
            }
            next += width
        }
        return next
    }

    /// Sets one cell, blanking the other half of a wide grapheme it breaks.
    private mutating func put(_ cell: Cell, row: Int, column: Int) {
        let index = row * size.columns + column
        let old = cells[index]
        if old.text.isEmpty, column > 0, !cell.text.isEmpty {
            // Overwriting a continuation: the wide grapheme on its left loses its right half.
            cells[index - 1].text = " "
        }
        if column + 1 < size.columns, !old.text.isEmpty, cells[index + 1].text.isEmpty {
            // Overwriting a wide grapheme: its continuation cell loses its left half.
            cells[index + 1].text = " "
        }
        cells[index] = cell
    }

    // MARK: Reading

    /// The text of each row, trailing blanks kept (tests trim as they need).
    public var lines: [String] {
        (0..<size.rows).map { text(row: $0) }
    }

    /// The text of one row (continuation cells add nothing); `""` outside the buffer.
    public func text(row: Int) -> String {
        guard row >= 0, row < size.rows else { return "" }
        let start = row * size.columns
        var text = ""
        for cell in cells[start..<start + size.columns] { text += cell.text }
        return text
    }

    /// The style of each cell of a row, continuation cells included; `[]` outside the buffer.
    public func styles(row: Int) -> [StyleName] {
        guard row >= 0, row < size.rows else { return [] }
        let start = row * size.columns
        return cells[start..<start + size.columns].map(\.style)
    }

    /// The first row whose text contains `text`, or nil.
    public func rowContaining(_ text: String) -> Int? {
        (0..<size.rows).first { self.text(row: $0).contains(text) }
    }
}

/// Where the cursor should be after a frame, or nil to hide it.
public struct CursorPosition: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}
