import BacaCore

/// Turns a theme and the themes it inherits from into the styles a backend draws with.
///
/// 1. Lay the inherited themes over each other, the farthest ancestor first: a style a theme
///    writes replaces the inherited one whole; palettes merge the same way.
/// 2. Fill the gaps from the compiled-in default: a style the themes left out, unless they wrote
///    one of its parents (a theme that styles `status` but not `status.key` means its keys to
///    look like its bar, not like the default's key).
/// 3. Read the colours: a palette name first, then a colour (so a palette may rename `red`).
/// 4. A style that names no foreground or background takes its parent's (`status.key` from
///    `status`), and in the end `text`'s: a theme with a background on `text` needs to give it
///    only once, and a key on the status bar stays on the bar.
/// 5. Monochrome (the theme says so, or `NO_COLOR`): see `Theme.monochrome()`.
enum ThemeResolution {
    /// What a chain of theme files says, before the default fills the gaps.
    struct Merged {
        var styles: [StyleName: ThemeDocument.StyleSpec] = [:]
        var palette: [String: ThemeColor] = [:]
        var monochrome = false
    }

    /// Step 1. `chain` is the theme first, then its parent, and so on.
    static func merge(_ chain: [ThemeDocument]) -> Merged {
        var merged = Merged()
        for document in chain.reversed() {
            merged.styles.merge(document.styles) { _, new in new }
            merged.palette.merge(document.palette) { _, new in new }
            if let flag = document.monochrome { merged.monochrome = flag }
        }
        return merged
    }

    static func resolve(_ chain: [ThemeDocument], name: String, noColor: Bool, language: Language = .id) throws(ThemeError) -> Theme {
        let merged = merge(chain)
        var specs = merged.styles
        for (styleName, spec) in DefaultTheme.document.styles where specs[styleName] == nil {
            if !hasWrittenParent(styleName, in: merged.styles) { specs[styleName] = spec }
        }

        var styles: [StyleName: TextStyle] = [:]
        for (styleName, spec) in specs {
            var style = spec.modifiers
            style.foreground = try color(spec.foreground, attribute: "fg", of: styleName, spec: spec, palette: merged.palette, language: language)
            style.background = try color(spec.background, attribute: "bg", of: styleName, spec: spec, palette: merged.palette, language: language)
            styles[styleName] = style
        }
        let theme = Theme(name: name, styles: inheritColors(styles))
        return merged.monochrome || noColor ? theme.monochrome() : theme
    }

    private static func hasWrittenParent(_ name: StyleName, in styles: [StyleName: ThemeDocument.StyleSpec]) -> Bool {
        var ancestor = name.parent
        while let current = ancestor {
            if styles[current] != nil { return true }
            ancestor = current.parent
        }
        return false
    }

    private static func color(
        _ text: String?, attribute: String, of styleName: StyleName, spec: ThemeDocument.StyleSpec,
        palette: [String: ThemeColor], language: Language
    ) throws(ThemeError) -> ThemeColor? {
        guard let text else { return nil }
        if let named = palette[text] { return named }
        guard let color = ThemeColor(parsing: text) else {
            throw ThemeError(file: spec.file, message: language.say(.themeAttributeNotColor(attribute: attribute, style: "\(styleName)", value: "'\(text)'")))
        }
        return color
    }

    /// Step 4: nil colours from the nearest defined parent, then from `text`.
    static func inheritColors(_ styles: [StyleName: TextStyle]) -> [StyleName: TextStyle] {
        func inherited(_ name: StyleName, _ color: KeyPath<TextStyle, ThemeColor?>) -> ThemeColor? {
            var ancestor = name.parent
            while let current = ancestor {
                if let value = styles[current]?[keyPath: color] { return value }
                ancestor = current.parent
            }
            return styles[.text]?[keyPath: color]
        }
        var result = styles
        for (name, style) in styles where name != .text {
            if style.foreground == nil { result[name]?.foreground = inherited(name, \.foreground) }
            if style.background == nil { result[name]?.background = inherited(name, \.background) }
        }
        return result
    }
}

// MARK: - Monochrome

extension Theme {
    /// The theme with attributes only.
    ///
    /// A style that stood out by a background of its own (a focus bar, the status bar, a search
    /// match) is shown in reverse video instead, so that dropping the colours loses no meaning.
    public func monochrome() -> Theme {
        let textBackground = styles[.text]?.background
        var plain: [StyleName: TextStyle] = [:]
        for (name, style) in styles {
            var attributes = style
            if let background = style.background, background != .terminalDefault, background != textBackground {
                attributes.reverse = true
            }
            attributes.foreground = nil
            attributes.background = nil
            plain[name] = attributes
        }
        return Theme(name: name, styles: plain, isMonochrome: true)
    }
}

// MARK: - Fitting a terminal

extension Theme {
    /// The theme as a terminal with `colorCount` colours can show it, for the backend to use
    /// as is: every colour already one of the terminal's (`.palette` with 256, `.ansi` with 8 or 16),
    /// and what the mapping would hide made visible again:
    ///
    /// - a style whose own background falls on the same entry as `text`'s (a pale focus bar on a
    ///   light page, with 8 colours) is shown in reverse video instead;
    /// - text that falls on the entry of its own background becomes black or white
    ///   (`TextStyle.paletteIndices(colorCount:)`).
    ///
    /// Fewer than 8 colours gives `monochrome()`.
    public func adapted(colorCount: Int) -> Theme {
        guard !isMonochrome else { return self }
        guard colorCount >= 8 else { return monochrome() }
        let textStyle = styles[.text] ?? TextStyle()
        let textBackground = textStyle.paletteIndices(colorCount: colorCount).background
        func color(_ index: Int) -> ThemeColor? {
            index < 0 ? nil : colorCount >= 256 ? .palette(index) : .ansi(index)
        }
        var fitted: [StyleName: TextStyle] = [:]
        for (name, style) in styles {
            var (foreground, background) = style.paletteIndices(colorCount: colorCount)
            var result = style
            if name != .text, background == textBackground, style.background != textStyle.background {
                // The bar vanished into the page: swap instead, and keep the text readable on it.
                result.reverse.toggle()
                if foreground == background { foreground = -1 }
                background = textBackground
            }
            result.foreground = color(foreground)
            result.background = color(background)
            fitted[name] = result
        }
        return Theme(name: name, styles: fitted)
    }
}
