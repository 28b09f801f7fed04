import BacaCore

/// How pictures reach the terminal.
public enum ImageProtocol: String, Sendable, Equatable, Hashable, CaseIterable {
    /// The kitty graphics protocol (kitty, Ghostty, WezTerm).
    case kitty
    /// DEC sixel graphics (xterm started with `-ti vt340`, foot, mlterm, WezTerm).
    case sixel
    /// iTerm2's inline images (iTerm2, WezTerm).
    case iterm
    /// chafa's Unicode block symbols in colour, drawn into the screen's cells: every terminal,
    /// tmux too.
    case symbols
    /// No pictures.
    case none

    /// Whether the picture is written beside ncurses (escape sequences) rather than into cells.
    public var isGraphics: Bool { self == .kitty || self == .sixel || self == .iterm }
}

/// One picture at one size, as the reader asks for it.
public struct ImageRequest: Sendable, Equatable, Hashable {
    /// The picture's address (`ImageCaption.url`).
    public var url: String
    /// The address of the article's page, whose server named the picture (nil: an imported
    /// file); the address rule follows it as it does for pages.
    public var page: String?
    /// The widest the picture may be, in cells.
    public var columns: Int
    /// The tallest, in cells (`[images] max_rows`).
    public var maxRows: Int
    public var mode: ImageProtocol
    /// False under `NO_COLOR` with a forced protocol: symbols without colour.
    public var colors: Bool

    public init(url: String, page: String?, columns: Int, maxRows: Int, mode: ImageProtocol, colors: Bool = true) {
        self.url = url
        self.page = page
        self.columns = columns
        self.maxRows = maxRows
        self.mode = mode
        self.colors = colors
    }
}

/// A picture ready to draw.
public enum ImageDrawing: Sendable, Equatable {
    /// Rows of cells (symbols with colour styles, `ImageColors.style`).
    case cells([[Cell]])
    /// An escape sequence (sixel, kitty, iTerm2) covering `columns` × `rows` cells, written at the
    /// picture's top-left cell.
    case sequence(String, columns: Int, rows: Int)

    public var columns: Int {
        switch self {
        case .cells(let rows): return rows.first?.count ?? 0
        case .sequence(_, let columns, _): return columns
        }
    }

    public var rows: Int {
        switch self {
        case .cells(let rows): return rows.count
        case .sequence(_, _, let rows): return rows
        }
    }
}

/// What came of a request: the drawing, or why there is none (one line).
public enum ImageOutcome: Sendable, Equatable {
    case drawn(ImageDrawing)
    case failed(String)
}

/// Fetches, caches, decodes and draws pictures; blocking, called on a background thread.
/// The program gives one (BacaImages' `ImageLibrary`); tests give their own.
public protocol ImageSource: Sendable {
    func load(_ request: ImageRequest) -> ImageOutcome
}

/// The colours of a picture's cells, carried in the cell's style name (`image:FG:BG`, palette
/// numbers), so a symbol picture passes through the screen buffer, the theme and the ncurses
/// backend like any text.
public enum ImageColors {
    static let prefix = "image:"

    public static func style(foreground: Int, background: Int) -> StyleName {
        StyleName(prefix + String(foreground) + ":" + String(background))
    }

    /// The style an `image:FG:BG` name stands for; nil for other names.
    static func textStyle(_ name: StyleName) -> TextStyle? {
        let raw = name.rawValue
        guard raw.hasPrefix(prefix) else { return nil }
        let parts = raw.dropFirst(prefix.count).split(separator: ":")
        guard parts.count == 2, let foreground = Int(parts[0]), let background = Int(parts[1]) else { return nil }
        return TextStyle(foreground: color(foreground), background: color(background))
    }

    private static func color(_ number: Int) -> ThemeColor {
        number < 0 ? .terminalDefault : .palette(min(number, 255))
    }
}
