// MARK: - Degrading to the terminal's palette

extension ThemeColor {
    /// The colour number to give the terminal (`init_pair`), or -1 for the terminal's default.
    ///
    /// A colour the terminal cannot show becomes the nearest one it can: with 256 colours, an
    /// RGB colour becomes the nearest of the 6×6×6 cube and the grey ramp (16 … 255; the first 16
    /// are left out because users redefine them); with 16 or 8, the nearest ANSI colour by xterm's
    /// default values. Fewer than 8 colours means no colour at all (-1).
    public func paletteIndex(colorCount: Int) -> Int {
        guard colorCount >= 8 else { return -1 }
        let ansiCount = colorCount >= 16 ? 16 : 8
        switch self {
        case .terminalDefault:
            return -1
        case .ansi(let index):
            return Self.ansiIndex(min(max(index, 0), 15), ansiCount: ansiCount)
        case .palette(let index) where index < 16:
            return Self.ansiIndex(max(index, 0), ansiCount: ansiCount)
        case .palette(let index):
            let index = min(index, 255)
            return colorCount >= 256 ? index : Self.nearestANSI(to: Self.rgb(ofPalette: index), count: ansiCount)
        case .rgb(let red, let green, let blue):
            let rgb = RGB(red, green, blue)
            return colorCount >= 256 ? Self.nearest(to: rgb, in: 16..<256) : Self.nearestANSI(to: rgb, count: ansiCount)
        }
    }

    /// The nearest ANSI colour; but on 8 colours a grey is white unless it is nearly black: there
    /// the choice is only black or white, and muted grey text must stay readable on the dark
    /// background such terminals (the Linux console) have.
    private static func nearestANSI(to rgb: RGB, count: Int) -> Int {
        if count == 8, isGrey(rgb) { return rgb.green >= 88 ? 7 : 0 }
        return nearest(to: rgb, in: 0..<count)
    }

    private static func isGrey(_ rgb: RGB) -> Bool {
        max(rgb.red, rgb.green, rgb.blue) - min(rgb.red, rgb.green, rgb.blue) <= 16
    }

    /// An ANSI colour as is, or (a bright one on an 8-colour terminal) the nearest plain one.
    private static func ansiIndex(_ index: Int, ansiCount: Int) -> Int {
        index < ansiCount ? index : nearestANSI(to: rgb(ofPalette: index), count: ansiCount)
    }

    // MARK: The xterm palette

    struct RGB: Equatable {
        var red, green, blue: Int
        init(_ red: Int, _ green: Int, _ blue: Int) {
            self.red = min(max(red, 0), 255)
            self.green = min(max(green, 0), 255)
            self.blue = min(max(blue, 0), 255)
        }
    }

    /// xterm's default values for the 16 ANSI colours.
    private static let ansiRGB = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]

    /// The six levels of each channel in the 6×6×6 cube (16 … 231).
    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The RGB value of a palette entry as xterm shows it by default.
    static func rgb(ofPalette index: Int) -> RGB {
        switch index {
        case ..<16:
            return ansiRGB[max(index, 0)]
        case 16..<232:
            let cube = index - 16
            return RGB(cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
        default:
            let level = 8 + 10 * (min(index, 255) - 232)
            return RGB(level, level, level)
        }
    }

    /// The palette entry in `candidates` closest to `target`; ties go to the lower number.
    ///
    /// A grey (or nearly grey) colour only looks among the greys, black and white: on 8 colours,
    /// plain distance would turn a mid grey cyan.
    private static func nearest(to target: RGB, in candidates: Range<Int>) -> Int {
        var best = candidates.lowerBound
        var bestDistance = Int.max
        let wantsGrey = isGrey(target)
        for index in candidates {
            let candidate = rgb(ofPalette: index)
            if wantsGrey, !(candidate.red == candidate.green && candidate.green == candidate.blue) { continue }
            let distance = perceivedDistance(target, candidate)
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return best
    }

    /// A cheap weighted distance ("redmean") that tracks how different two colours look better
    /// than plain RGB distance does.
    private static func perceivedDistance(_ a: RGB, _ b: RGB) -> Int {
        let redMean = (a.red + b.red) / 2
        let red = a.red - b.red
        let green = a.green - b.green
        let blue = a.blue - b.blue
        // (In Swift `>>` binds tighter than `*`, hence the brackets.)
        return (((512 + redMean) * red * red) >> 8) + 4 * green * green + (((767 - redMean) * blue * blue) >> 8)
    }
}

// MARK: - A style's colour pair

extension TextStyle {
    /// The foreground and background numbers for the terminal (-1: its default), as
    /// `ThemeColor.paletteIndex(colorCount:)` gives them, except that two different colours
    /// that fall on the same entry (grey text on a pale bar, with 8 colours) do not make the text
    /// vanish: the foreground becomes black or white, whichever stands out.
    public func paletteIndices(colorCount: Int) -> (foreground: Int, background: Int) {
        let foregroundIndex = foreground?.paletteIndex(colorCount: colorCount) ?? -1
        let backgroundIndex = background?.paletteIndex(colorCount: colorCount) ?? -1
        guard foregroundIndex >= 0, foregroundIndex == backgroundIndex, foreground != background else {
            return (foregroundIndex, backgroundIndex)
        }
        let level = ThemeColor.rgb(ofPalette: backgroundIndex)
        let light = level.red * 299 + level.green * 587 + level.blue * 114 >= 128_000
        let contrast = light ? 0 : (colorCount >= 16 ? 15 : 7)
        return (contrast, backgroundIndex)
    }
}
