import BacaCore

// CONTRACT (owned by the theme work).

/// A colour as a theme names it.
public enum ThemeColor: Sendable, Equatable, Hashable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the 16 ANSI colours, 0 … 15 (`black` … `bright-white`).
    case ansi(Int)
    /// One of the 256 palette colours.
    case palette(Int)
    case rgb(red: Int, green: Int, blue: Int)
}

/// Colours and attributes of one style.
public struct TextStyle: Sendable, Equatable, Hashable {
    public var foreground: ThemeColor?
    public var background: ThemeColor?
    public var bold = false
    public var dim = false
    public var italic = false
    public var underline = false
    public var reverse = false
    public init(
        foreground: ThemeColor? = nil, background: ThemeColor? = nil, bold: Bool = false,
        dim: Bool = false, italic: Bool = false, underline: Bool = false, reverse: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
    }
}

/// A named mapping from style names to styles.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [StyleName: TextStyle]
    /// True for `mono` and under `NO_COLOR`: attributes only, no colour at all.
    public var isMonochrome: Bool

    public init(name: String, styles: [StyleName: TextStyle], isMonochrome: Bool = false) {
        self.name = name
        self.styles = styles
        self.isMonochrome = isMonochrome
    }

    /// The style for a name, falling back from `list.focus` to `list` to `text`, then to the
    /// terminal's plain style.
    public func style(for name: StyleName) -> TextStyle {
        // A picture's cell carries its own colours (`image:FG:BG`); monochrome shows none.
        if let image = ImageColors.textStyle(name) { return isMonochrome ? TextStyle() : image }
        var current: StyleName? = name
        while let candidate = current {
            if let style = styles[candidate] { return style }
            current = candidate.parent
        }
        return styles[.text] ?? TextStyle()
    }
}
