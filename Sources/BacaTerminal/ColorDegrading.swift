import BacaTUI

// A stand-in for the theme layer's `ThemeColor.paletteIndex(colorCount:)`: swap the one call in
// `NcursesTerminal.colorNumber(_:)` when that lands. Kept separate so it can be deleted whole.

enum ColorDegrading {
    /// The colour number to give `init_pair` on a terminal with `colorCount` colours; −1 is the
    /// terminal's default. On a direct-colour terminal (2^24 colours) numbers are 0xRRGGBB.
    static func colorNumber(_ color: ThemeColor, colorCount: Int) -> Int {
        if colorCount > 256 {
            return directColor(color)
        }
        switch color {
        case .terminalDefault:
            return -1
        case .ansi(let index):
            let index = clamp(index, 0, 15)
            if colorCount >= 16 { return index }
            return index % 8
        case .palette(let index):
            let index = clamp(index, 0, 255)
            if index < 16 { return colorNumber(.ansi(index), colorCount: colorCount) }
            if colorCount >= 256 { return index }
            return nearestANSI(rgb(ofPalette: index), count: colorCount >= 16 ? 16 : 8)
        case .rgb(let red, let green, let blue):
            let value = (clamp(red, 0, 255), clamp(green, 0, 255), clamp(blue, 0, 255))
            if colorCount >= 256 { return nearest256(value) }
            return nearestANSI(value, count: colorCount >= 16 ? 16 : 8)
        }
    }

    typealias RGB = (Int, Int, Int)

    private static func directColor(_ color: ThemeColor) -> Int {
        func pack(_ value: RGB) -> Int { value.0 << 16 | value.1 << 8 | value.2 }
        switch color {
        case .terminalDefault: return -1
        // Direct-colour terminfo keeps 0 … 7 as the ANSI colours.
        case .ansi(let index) where (0..<8).contains(index): return index
        case .ansi(let index): return pack(ansiRGB[clamp(index, 0, 15)])
        case .palette(let index) where (0..<8).contains(index): return index
        case .palette(let index): return pack(rgb(ofPalette: clamp(index, 0, 255)))
        case .rgb(let red, let green, let blue):
            let value = pack((clamp(red, 0, 255), clamp(green, 0, 255), clamp(blue, 0, 255)))
            // 0 … 7 would be read as ANSI colours; nudge to a neighbour that is not.
            return value < 8 ? 8 : value
        }
    }

    /// xterm's default 16 colours.
    static let ansiRGB: [RGB] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    static func rgb(ofPalette index: Int) -> RGB {
        switch index {
        case 0..<16: return ansiRGB[index]
        case 16..<232:
            let cube = index - 16
            return (cubeLevels[cube / 36], cubeLevels[(cube / 6) % 6], cubeLevels[cube % 6])
        default:
            let level = 8 + 10 * (index - 232)
            return (level, level, level)
        }
    }

    /// The nearest of the 6×6×6 cube and the grey ramp (16 … 255); 0 … 15 are left out because
    /// users often redefine them.
    static func nearest256(_ value: RGB) -> Int {
        func nearestLevel(_ component: Int) -> Int {
            var best = 0
            for (index, level) in cubeLevels.enumerated() where abs(level - component) < abs(cubeLevels[best] - component) {
                best = index
            }
            return best
        }
        let cube = (nearestLevel(value.0), nearestLevel(value.1), nearestLevel(value.2))
        let cubeIndex = 16 + 36 * cube.0 + 6 * cube.1 + cube.2
        let average = (value.0 + value.1 + value.2) / 3
        let greyStep = clamp((average - 8 + 5) / 10, 0, 23)
        let greyIndex = 232 + greyStep
        return distance(value, rgb(ofPalette: greyIndex)) < distance(value, rgb(ofPalette: cubeIndex)) ? greyIndex : cubeIndex
    }

    static func nearestANSI(_ value: RGB, count: Int) -> Int {
        var best = 0
        var bestDistance = Int.max
        for index in 0..<min(count, 16) {
            let candidate = distance(value, ansiRGB[index])
            if candidate < bestDistance {
                best = index
                bestDistance = candidate
            }
        }
        return best
    }

    /// Squared distance weighted roughly by how the eye sees red, green and blue.
    private static func distance(_ a: RGB, _ b: RGB) -> Int {
        let red = a.0 - b.0, green = a.1 - b.1, blue = a.2 - b.2
        return 3 * red * red + 4 * green * green + 2 * blue * blue
    }

    private static func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { min(max(value, low), high) }
}
