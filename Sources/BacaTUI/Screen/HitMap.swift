/// What a click on part of the frame means, in the terms of the component that drew it.
enum HitTarget: Hashable, Sendable {
    /// A row of a list: its index in the list (articles, feeds).
    case row(Int)
    /// A section of the open article: its index in `article.sections`.
    case section(Int)
    /// A link of the link list: its index.
    case link(Int)
}

/// A link on screen, for terminals that show OSC 8 hyperlinks: the cells of one row that
/// show it, and where it goes. The cells' text stays what was drawn.
public struct ScreenLink: Sendable, Equatable, Hashable {
    public var row: Int
    public var columns: Range<Int>
    public var url: String

    public init(row: Int, columns: Range<Int>, url: String) {
        self.row = row
        self.columns = columns
        self.url = url
    }
}

/// What the pure render leaves beside the cells: where a click means something (kept by the
/// app for the next mouse event) and which cells are links (for the terminal backend). Drawn
/// into a `ScreenBuffer` with the cells, so it always matches the frame on screen.
public struct HitMap: Sendable, Equatable {
    struct Region: Sendable, Equatable {
        var row: Int
        var columns: Range<Int>
        var target: HitTarget
        /// The stack index of the component that drew it.
        var owner: Int
    }

    private(set) var regions: [Region] = []
    public private(set) var links: [ScreenLink] = []
    /// The component drawing now (`App.render` sets it before each one draws).
    var owner = 0

    public init() {}

    mutating func add(row: Int, columns: Range<Int>, target: HitTarget) {
        guard !columns.isEmpty else { return }
        regions.append(Region(row: row, columns: columns, target: target, owner: owner))
    }

    /// Only addresses a terminal can carry safely: printable ASCII, http(s).
    mutating func addLink(row: Int, columns: Range<Int>, url: String) {
        guard !columns.isEmpty, url.utf8.count <= 2048,
              url.hasPrefix("http://") || url.hasPrefix("https://"),
              url.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return }
        links.append(ScreenLink(row: row, columns: columns, url: url))
    }

    /// What the cell means to the component `owner`; the region drawn last wins.
    func target(row: Int, column: Int, owner: Int) -> HitTarget? {
        regions.last { $0.owner == owner && $0.row == row && $0.columns.contains(column) }?.target
    }

    /// Forgets what lies under a rectangle an overlay covers.
    mutating func cover(row: Int, column: Int, width: Int, height: Int) {
        let rows = row..<(row + max(0, height)), columns = column..<(column + max(0, width))
        regions.removeAll { rows.contains($0.row) && $0.columns.overlaps(columns) }
        links.removeAll { rows.contains($0.row) && $0.columns.overlaps(columns) }
    }
}

extension ScreenBuffer {
    /// Marks cells of a row as meaning `target` when clicked.
    mutating func addHit(row: Int, column: Int, width: Int, _ target: HitTarget) {
        let start = max(0, column), end = min(size.columns, column + width)
        guard row >= 0, row < size.rows, start < end else { return }
        hitMap.add(row: row, columns: start..<end, target: target)
    }

    /// Marks cells of a row as a link to `url` (OSC 8 where the terminal shows them).
    mutating func addLink(row: Int, column: Int, width: Int, url: String) {
        let start = max(0, column), end = min(size.columns, column + width)
        guard row >= 0, row < size.rows, start < end else { return }
        hitMap.addLink(row: row, columns: start..<end, url: url)
    }
}
