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

    public init(size: TerminalSize) {
        self.size = size
        self.cells = Array(repeating: Cell(), count: max(0, size.columns * size.rows))
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * size.columns + column]
    }

    /// Writes `text` at a position, clipped to the buffer and to `maxWidth` columns; returns the
    /// columns written. Wide graphemes take two cells; one that does not fit is not drawn.
    @discardableResult
    public mutating func write(_ text: String, row: Int, column: Int, style: StyleName, maxWidth: Int? = nil) -> Int {
        fatalError("unimplemented")
    }

    /// Writes spans one after another; returns the columns written.
    @discardableResult
    public mutating func write(_ spans: [StyledSpan], row: Int, column: Int, maxWidth: Int? = nil) -> Int {
        fatalError("unimplemented")
    }

    /// Fills a rectangle with blanks of a style.
    public mutating func fill(row: Int, column: Int, width: Int, height: Int, style: StyleName) {
        fatalError("unimplemented")
    }

    /// The text of each row, trailing blanks kept (tests trim as they need).
    public var lines: [String] { fatalError("unimplemented") }
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
