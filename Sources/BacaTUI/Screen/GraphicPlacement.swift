/// A picture the terminal draws itself (sixel, kitty, iTerm2) at a cell position; the backend
/// writes `sequence` there after the frame's text, over cells the frame left blank.
public struct GraphicPlacement: Sendable, Equatable, Hashable {
    public var row: Int
    public var column: Int
    public var columns: Int
    public var rows: Int
    public var mode: ImageProtocol
    /// The escape sequence that draws the picture from its top-left cell.
    public var sequence: String

    public init(row: Int, column: Int, columns: Int, rows: Int, mode: ImageProtocol, sequence: String) {
        self.row = row
        self.column = column
        self.columns = columns
        self.rows = rows
        self.mode = mode
        self.sequence = sequence
    }
}
