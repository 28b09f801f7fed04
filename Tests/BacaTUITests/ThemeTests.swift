import BacaCore
import Foundation
import Testing

@testable import BacaTUI

@Suite("Theme")
struct ThemeTests {
    // MARK: Fallback

    @Test func styleFallsBackFromChildToParentToText() {
        let text = TextStyle(foreground: .ansi(7))
        let list = TextStyle(foreground: .ansi(2), bold: true)
        let focus = TextStyle(reverse: true)
        let theme = Theme(name: "t", styles: [.text: text, "list": list, .listFocus: focus])
        #expect(theme.style(for: .listFocus) == focus)
        #expect(theme.style(for: .listDate) == list)  // list.date → list
        #expect(theme.style(for: "list.focus.date") == focus)  // deeper names walk up too
        #expect(theme.style(for: .caption) == text)  // caption → text
        #expect(Theme(name: "empty", styles: [:]).style(for: .listFocus) == TextStyle())
    }

    // MARK: Colours

    @Test(arguments: [
        ("default", ThemeColor.terminalDefault), ("reset", .terminalDefault),
        ("black", .ansi(0)), ("red", .ansi(1)), ("green", .ansi(2)), ("yellow", .ansi(3)),
        ("blue", .ansi(4)), ("magenta", .ansi(5)), ("cyan", .ansi(6)), ("white", .ansi(7)),
        ("gray", .ansi(8)), ("grey", .ansi(8)), ("bright-black", .ansi(8)), ("bright-red", .ansi(9)),
        ("Bright_White", .ansi(15)), ("bright-cyan", .ansi(14)),
        ("0", .palette(0)), ("208", .palette(208)), ("255", .palette(255)),
        ("#ff8700", .rgb(red: 255, green: 135, blue: 0)), ("#FFD75F", .rgb(red: 255, green: 215, blue: 95)),
        ("#f80", .rgb(red: 255, green: 136, blue: 0)),
    ])
    func parsesColour(text: String, expected: ThemeColor) {
        #expect(ThemeColor(parsing: text) == expected)
    }

    @Test(arguments: ["purplish", "", "256", "-1", "#12345", "#gggggg", "#1234567", "bright", "light-red", "rgb(1,2,3)"])
    func rejectsColour(text: String) {
        #expect(ThemeColor(parsing: text) == nil)
    }

    @Test func colourTextRoundTrips() {
        for color in [ThemeColor.terminalDefault, .ansi(3), .ansi(12), .palette(42), .rgb(red: 1, green: 171, blue: 255)] {
            #expect(ThemeColor(parsing: color.themeText) == color)
        }
    }

    // MARK: Degrading

    @Test func pureRedIsNearestPaletteEntry() {
        let red = ThemeColor.rgb(red: 255, green: 0, blue: 0)
        #expect(red.paletteIndex(colorCount: 256) == 196)
        #expect(red.paletteIndex(colorCount: 16) == 9)
        #expect(red.paletteIndex(colorCount: 8) == 1)
    }

    @Test func nearestColourMapping() {
        // Exact cube and grey entries map to themselves.
        #expect(ThemeColor.rgb(red: 0, green: 95, blue: 135).paletteIndex(colorCount: 256) == 24)
        #expect(ThemeColor.rgb(red: 48, green: 48, blue: 48).paletteIndex(colorCount: 256) == 236)
        #expect(ThemeColor.rgb(red: 255, green: 255, blue: 255).paletteIndex(colorCount: 256) == 231)
        // Near misses go to the nearest, never to the user-defined first 16.
        #expect(ThemeColor.rgb(red: 40, green: 40, blue: 40).paletteIndex(colorCount: 256) == 235)
        #expect(ThemeColor.rgb(red: 250, green: 5, blue: 3).paletteIndex(colorCount: 256) == 196)
        // Dark greys become black, light ones white, on 8 colours.
        #expect(ThemeColor.rgb(red: 40, green: 40, blue: 40).paletteIndex(colorCount: 8) == 0)
        #expect(ThemeColor.rgb(red: 235, green: 219, blue: 178).paletteIndex(colorCount: 8) == 7)
        #expect(ThemeColor.palette(226).paletteIndex(colorCount: 16) == 11)  // yellow1 → bright yellow
        #expect(ThemeColor.palette(226).paletteIndex(colorCount: 8) == 3)
    }

    @Test func greysStayReadableOnEightColours() {
        #expect(ThemeColor.rgb(red: 108, green: 108, blue: 108).paletteIndex(colorCount: 8) == 7)  // muted text
        #expect(ThemeColor.rgb(red: 48, green: 48, blue: 48).paletteIndex(colorCount: 8) == 0)  // a dark bar
        #expect(ThemeColor.palette(244).paletteIndex(colorCount: 8) == 7)
        #expect(ThemeColor.rgb(red: 108, green: 108, blue: 108).paletteIndex(colorCount: 16) == 8)
    }

    @Test func styleColoursNeverCollapseIntoOne() {
        let greyOnPale = TextStyle(foreground: .rgb(red: 128, green: 128, blue: 128), background: .rgb(red: 238, green: 238, blue: 238))
        #expect(greyOnPale.paletteIndices(colorCount: 8) == (0, 7))
        #expect(greyOnPale.paletteIndices(colorCount: 256) == (244, 255))
        let dimOnDark = TextStyle(foreground: .rgb(red: 40, green: 40, blue: 40), background: .rgb(red: 20, green: 20, blue: 20))
        #expect(dimOnDark.paletteIndices(colorCount: 8) == (7, 0))
        #expect(TextStyle(foreground: .ansi(1)).paletteIndices(colorCount: 8) == (1, -1))
        #expect(TextStyle(foreground: .ansi(3), background: .ansi(3)).paletteIndices(colorCount: 8) == (3, 3))  // as written
    }

    @Test func adaptingTurnsVanishedBarsIntoReverse() {
        let paper = ThemeColor.rgb(red: 238, green: 238, blue: 238)
        let theme = Theme(name: "pale", styles: [
            .text: TextStyle(foreground: .rgb(red: 38, green: 38, blue: 38), background: paper),
            .listFocus: TextStyle(foreground: .ansi(0), background: .rgb(red: 175, green: 215, blue: 255)),
            .searchMatch: TextStyle(foreground: .ansi(0), background: .ansi(3)),
            .meta: TextStyle(foreground: .rgb(red: 128, green: 128, blue: 128), background: paper),
        ])
        let eight = theme.adapted(colorCount: 8)
        #expect(eight.style(for: .listFocus) == TextStyle(foreground: .ansi(0), background: .ansi(7), reverse: true))
        #expect(eight.style(for: .searchMatch) == TextStyle(foreground: .ansi(0), background: .ansi(3)))
        #expect(eight.style(for: .meta) == TextStyle(foreground: .ansi(0), background: .ansi(7)))  // not reversed: same page
        #expect(eight.style(for: .text) == TextStyle(foreground: .ansi(0), background: .ansi(7)))
        let full = theme.adapted(colorCount: 256)
        #expect(full.style(for: .listFocus) == TextStyle(foreground: .palette(0), background: .palette(153)))
        #expect(full.adapted(colorCount: 256) == full)
        #expect(theme.adapted(colorCount: 2).isMonochrome)
    }

    @Test func ansiAndDefaultMapping() {
        #expect(ThemeColor.terminalDefault.paletteIndex(colorCount: 256) == -1)
        #expect(ThemeColor.ansi(4).paletteIndex(colorCount: 8) == 4)
        #expect(ThemeColor.ansi(12).paletteIndex(colorCount: 256) == 12)
        #expect(ThemeColor.ansi(9).paletteIndex(colorCount: 8) == 1)  // bright red → red
        #expect(ThemeColor.ansi(8).paletteIndex(colorCount: 8) == 7)  // grey → white, not invisible black
        #expect(ThemeColor.palette(100).paletteIndex(colorCount: 256) == 100)
        #expect(ThemeColor.palette(3).paletteIndex(colorCount: 8) == 3)
        #expect(ThemeColor.ansi(1).paletteIndex(colorCount: 2) == -1)  // no colours at all
    }

    // MARK: Loading

    @Test func loadsStringAndTableStylesWithPalette() throws {
        let folder = try ThemeTestSupport.folder([
            "t.toml": """
                "text" = { fg = "ink", bg = "#101010" }
                "reader.meta" = "gray"
                "list.focus" = { fg = "black", bg = 214, modifiers = ["bold", "reverse"] }
                "status" = { bg = "#303030" }
                [palette]
                ink = "#d0d0d0"
                """
        ])
        let theme = try ThemeLoader(userDirectory: nil, builtInDirectory: folder).load("t")
        #expect(theme.name == "t")
        #expect(theme.isMonochrome == false)
        #expect(theme.style(for: .text) == TextStyle(foreground: .rgb(red: 208, green: 208, blue: 208), background: .rgb(red: 16, green: 16, blue: 16)))
        #expect(theme.style(for: .listFocus) == TextStyle(foreground: .ansi(0), background: .palette(214), bold: true, reverse: true))
        // A style with no background takes text's.
        #expect(theme.style(for: .meta).foreground == .ansi(8))
        #expect(theme.style(for: .meta).background == .rgb(red: 16, green: 16, blue: 16))
        // status.key comes from the default only when no parent is written: here status is, so the
        // key looks like the bar.
        #expect(theme.style(for: .statusKey).background == .rgb(red: 48, green: 48, blue: 48))
        // Styles the theme leaves out come from the default theme.
        #expect(theme.style(for: .quote).italic)
    }

    @Test func inheritsAndOverrides() throws {
        let folder = try ThemeTestSupport.folder([
            "base.toml": """
                "reader.heading" = { fg = "red", modifiers = ["bold"] }
                "quote" = "green"
                """,
            "child.toml": """
                inherits = "base"
                "quote" = "blue"
                """,
        ])
        let theme = try ThemeLoader(userDirectory: nil, builtInDirectory: folder).load("child")
        #expect(theme.style(for: .heading) == TextStyle(foreground: .ansi(1), bold: true))
        #expect(theme.style(for: .quote).foreground == .ansi(4))
    }

    @Test func userThemeMayInheritTheBuiltInOfTheSameName() throws {
        let builtIn = try ThemeTestSupport.folder(["dark.toml": "\"quote\" = \"green\"\n\"error\" = \"red\""])
        let user = try ThemeTestSupport.folder(["dark.toml": "inherits = \"dark\"\n\"quote\" = \"cyan\""])
        let theme = try ThemeLoader(userDirectory: user, builtInDirectory: builtIn).load("dark")
        #expect(theme.style(for: .quote).foreground == .ansi(6))
        #expect(theme.style(for: .error).foreground == .ansi(1))
    }

    @Test func inheritanceCycleIsAnError() throws {
        let folder = try ThemeTestSupport.folder([
            "a.toml": "inherits = \"b\"",
            "b.toml": "inherits = \"c\"",
            "c.toml": "inherits = \"a\"",
        ])
        let loader = ThemeLoader(userDirectory: nil, builtInDirectory: folder)
        let error = #expect(throws: ThemeError.self) { try loader.load("a") }
        #expect(error?.file.hasSuffix("c.toml") == true)
        #expect(error?.message.contains("a → b → c → a") == true)
        #expect(error?.description.split(separator: "\n").count == 1)
    }

    @Test(arguments: [
        ("\"list.focus\" = { fg = \"red\", modifiers = [\"blnk\"] }", "atribut gaya tidak dikenal 'blnk' di 'list.focus'"),
        ("\"list.focus\" = { fg = \"purplish\" }", "'fg' di 'list.focus' bukan warna: 'purplish'"),
        ("\"quote\" = \"purplish\"", "'fg' di 'quote' bukan warna: 'purplish'"),
        ("\"quote\" = { bold = true }", "atribut gaya tidak dikenal 'bold' di 'quote'"),
        ("[list]\nfocus = \"red\"", "atribut gaya tidak dikenal 'focus' di 'list'"),
        ("\"quote\" = true", "gaya 'quote'"),
        ("inherits = 3", "'inherits'"),
        ("[palette]\ngold = \"shiny\"", "warna palet 'gold' bukan warna: 'shiny'"),
        ("\"text\" = \"red\"\n\n\"quote\" = {", "baris 3"),
        ("\"text\" = \"red\"\ninherits = \"nowhere\"", "tema tidak ditemukan: 'nowhere'"),
    ])
    func brokenThemeErrorNamesFileAndKey(source: String, expected: String) throws {
        let folder = try ThemeTestSupport.folder(["broken.toml": source])
        let loader = ThemeLoader(userDirectory: nil, builtInDirectory: folder)
        let error = #expect(throws: ThemeError.self) { try loader.load("broken") }
        let line = error?.description ?? ""
        #expect(line.contains("broken.toml: "), "\(line)")
        #expect(line.contains(expected), "\(line)")
        #expect(!line.contains("\n"))
    }

    @Test func brokenThemeFallsBackToDefaultWithWarning() throws {
        let folder = try ThemeTestSupport.folder(["broken.toml": "\"quote\" = \"purplish\""])
        let (theme, warning) = ThemeLoader(userDirectory: nil, builtInDirectory: folder, compiledIn: [:]).loadOrDefault("broken")
        #expect(theme == Theme.default)
        #expect(warning?.contains("broken.toml") == true)
        let missing = ThemeLoader(userDirectory: nil, builtInDirectory: folder, compiledIn: [:]).loadOrDefault("nothing").warning
        #expect(missing == "tema tidak ditemukan: 'nothing' (ada: broken, default) — memakai tema default")
    }

    @Test func loadsByPath() throws {
        let folder = try ThemeTestSupport.folder(["mine.toml": "\"quote\" = \"#00ff00\""])
        let theme = try ThemeLoader(userDirectory: nil, builtInDirectory: nil).load(folder + "/mine.toml")
        #expect(theme.name == "mine")
        #expect(theme.style(for: .quote).foreground == .rgb(red: 0, green: 255, blue: 0))
    }

    @Test func defaultNeedsNoFiles() throws {
        let theme = try ThemeLoader(userDirectory: nil, builtInDirectory: nil).load("default")
        #expect(theme == Theme.default)
        #expect(theme.style(for: .listFocus).reverse)
        for name in ThemeTestSupport.declaredStyleNames {
            #expect(Theme.default.styles[name] != nil, "compiled-in default lacks \(name)")
        }
    }

    // MARK: Monochrome

    @Test func noColorGivesMonochrome() throws {
        let folder = try ThemeTestSupport.folder([
            "t.toml": """
                "text" = { fg = "#d0d0d0", bg = "#101010" }
                "list.focus" = { fg = "white", bg = "blue" }
                "status" = { fg = "white", bg = "#303030" }
                "reader.heading" = { fg = "cyan", modifiers = ["bold"] }
                """
        ])
        let loader = ThemeLoader(builtInDirectory: folder, environment: ["NO_COLOR": "1", "HOME": "/nonexistent"])
        #expect(loader.noColor)
        let theme = try loader.load("t")
        #expect(theme.isMonochrome)
        for style in theme.styles.values {
            #expect(style.foreground == nil && style.background == nil)
        }
        // Attributes stay, and what stood out by its background is shown in reverse.
        #expect(theme.style(for: .heading).bold)
        #expect(theme.style(for: .listFocus).reverse)
        #expect(theme.style(for: .status).reverse)
        #expect(theme.style(for: .statusKey).reverse)
        #expect(!theme.style(for: .text).reverse)
        #expect(!theme.style(for: .heading).reverse)
    }

    @Test func emptyNoColorIsIgnored() {
        #expect(ThemeLoader.noColorRequested(environment: ["NO_COLOR": ""]) == false)
        #expect(ThemeLoader.noColorRequested(environment: [:]) == false)
        #expect(ThemeLoader.noColorRequested(environment: ["NO_COLOR": "0"]) == true)
    }

    @Test func monochromeDefaultStillShowsMatchesAndBars() {
        let mono = Theme.default.monochrome()
        #expect(mono.isMonochrome)
        #expect(mono.style(for: .searchMatch).reverse)
        #expect(mono.style(for: .searchCurrent).reverse && mono.style(for: .searchCurrent).bold)
        #expect(mono.style(for: .listFocus).reverse)
    }

    // MARK: Listing

    @Test func availableThemesSaysWhereEachComesFrom() throws {
        let builtIn = try ThemeTestSupport.folder(["dark.toml": "", "light.toml": ""])
        let user = try ThemeTestSupport.folder(["dark.toml": "", "mine.toml": "", "notes.txt": ""])
        let themes = ThemeLoader(userDirectory: user, builtInDirectory: builtIn, compiledIn: [:]).availableThemes()
        #expect(themes.map(\.name) == ["dark", "default", "light", "mine"])
        #expect(themes[0].origin == .user(path: user + "/dark.toml"))
        #expect(themes[1].origin == .compiledIn)
        #expect(themes[2].origin == .builtIn(path: builtIn + "/light.toml"))
    }

    @Test func userThemesDirectoryFollowsXDG() {
        #expect(ThemeLoader.userThemesDirectory(environment: ["XDG_CONFIG_HOME": "/x/conf", "HOME": "/h"]) == "/x/conf/baca/themes")
        #expect(ThemeLoader.userThemesDirectory(environment: ["HOME": "/h"]) == "/h/.config/baca/themes")
        #expect(ThemeLoader.userThemesDirectory(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/baca/themes")
    }
}
