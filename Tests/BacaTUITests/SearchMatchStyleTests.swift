import BacaCore
import Testing

@testable import BacaTUI

/// The current search match must stand out from the other matches however the theme is shown:
/// in its own colours, fitted to 256, 16 or 8 colours, and without colour (`NO_COLOR`, `mono`),
/// and never by bold alone (many terminal fonts barely show it).
@Suite("The current search match stands out in every theme")
struct SearchMatchStyleTests {
    /// What the eye sees of a style besides bold: the terminal's colour numbers and the other attributes.
    struct Look: Equatable {
        var foreground: Int
        var background: Int
        var dim, italic, underline, reverse: Bool

        init(_ style: TextStyle, colorCount: Int?) {
            let indices = colorCount.map { style.paletteIndices(colorCount: $0) } ?? (-1, -1)
            foreground = indices.0
            background = indices.1
            dim = style.dim
            italic = style.italic
            underline = style.underline
            reverse = style.reverse
        }
    }

    @Test(arguments: ThemeFilesTests.builtInNames)
    func currentMatchStandsOut(name: String) throws {
        let colour = try ThemeLoader(userDirectory: nil, builtInDirectory: ThemeTestSupport.themesDirectory).load(name)
        let noColour = try ThemeLoader(userDirectory: nil, builtInDirectory: ThemeTestSupport.themesDirectory, noColor: true).load(name)
        #expect(noColour.isMonochrome)
        var shown: [(String, Theme, Int?)] = [("NO_COLOR", noColour, nil)]
        if !colour.isMonochrome {
            shown += [8, 16, 256].map { ("\($0) colours", colour.adapted(colorCount: $0), $0) }
        } else {
            shown.append(("mono", colour, nil))
        }
        for (label, theme, colorCount) in shown {
            let current = Look(theme.style(for: .searchCurrent), colorCount: colorCount)
            let other = Look(theme.style(for: .searchMatch), colorCount: colorCount)
            let text = Look(theme.style(for: .text), colorCount: colorCount)
            #expect(current != other, "\(name), \(label): the current match differs from the others by bold alone")
            #expect(other != text, "\(name), \(label): a match looks like the text around it")
        }
    }
}
