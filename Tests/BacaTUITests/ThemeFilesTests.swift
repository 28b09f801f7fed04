import BacaCore
import Foundation
import Testing

@testable import BacaTUI

/// The themes shipped in `themes/`.
@Suite("Theme files")
struct ThemeFilesTests {
    static let builtInNames = ["default", "dark", "light", "solarized-dark", "gruvbox", "high-contrast", "mono"]

    var loader: ThemeLoader { ThemeLoader(userDirectory: nil, builtInDirectory: ThemeTestSupport.themesDirectory) }

    @Test func styleNamesAreFoundInSource() {
        #expect(ThemeTestSupport.declaredStyleNames.count >= 30)
        #expect(ThemeTestSupport.declaredStyleNames.contains(.searchCurrent))
    }

    @Test func everyShippedFileIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: ThemeTestSupport.themesDirectory)
            .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }
        #expect(Set(files) == Set(Self.builtInNames))
    }

    @Test(arguments: builtInNames)
    func loadsAndDefinesEveryStyleName(name: String) throws {
        let theme = try loader.load(name)
        #expect(theme.name == name)
        // Written by the file or the built-in themes it inherits, not filled in by the fallback.
        let path = ThemeTestSupport.themesDirectory + "/\(name).toml"
        let document = try ThemeDocument.parse(String(contentsOfFile: path, encoding: .utf8), name: name, file: path, path: path)
        var chain = [document]
        while let parent = chain.last?.inherits {
            let parentPath = ThemeTestSupport.themesDirectory + "/\(parent).toml"
            chain.append(try ThemeDocument.parse(String(contentsOfFile: parentPath, encoding: .utf8), name: parent, file: parentPath, path: parentPath))
        }
        let written = ThemeResolution.merge(chain).styles
        for styleName in ThemeTestSupport.declaredStyleNames {
            #expect(written[styleName] != nil, "\(name).toml does not style \(styleName)")
        }
    }

    @Test(arguments: builtInNames)
    func focusAndBarsStandOut(name: String) throws {
        let theme = try loader.load(name)
        let text = theme.style(for: .text)
        for styleName: StyleName in [.listFocus, .status, .searchMatch, .searchCurrent, .listHeader] {
            let style = theme.style(for: styleName)
            #expect(style.reverse || (style.background != nil && style.background != text.background), "\(name): \(styleName)")
        }
        #expect(theme.style(for: .searchCurrent) != theme.style(for: .searchMatch))
        #expect(theme.style(for: .heading).bold)
        #expect(theme.style(for: .caption).italic)
    }

    @Test(arguments: builtInNames, [8, 16, 256])
    func barsSurviveFewerColours(name: String, colors: Int) throws {
        let theme = try loader.load(name).adapted(colorCount: colors)
        let text = theme.style(for: .text)
        for styleName: StyleName in [.listFocus, .status, .searchMatch, .searchCurrent] {
            let style = theme.style(for: styleName)
            #expect(style.reverse || style.background != text.background, "\(name) at \(colors): \(styleName)")
            #expect(style.foreground == nil || style.foreground != style.background, "\(name) at \(colors): \(styleName)")
        }
    }

    @Test func monoHasNoColour() throws {
        let mono = try loader.load("mono")
        #expect(mono.isMonochrome)
        for (styleName, style) in mono.styles {
            #expect(style.foreground == nil && style.background == nil, "mono colours \(styleName)")
        }
        #expect(try loader.load("dark").isMonochrome == false)
    }

    @Test func defaultFileIsTheCompiledInDefault() throws {
        let file = try String(contentsOfFile: ThemeTestSupport.themesDirectory + "/default.toml", encoding: .utf8)
        #expect(file == DefaultTheme.source)
        #expect(try loader.load("default") == Theme.default)
    }

    @Test func everyShippedThemeIsCompiledIn() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: ThemeTestSupport.themesDirectory)
            .filter { $0.hasSuffix(".toml") }
        #expect(Set(BundledThemes.sources.keys) == Set(files.map { String($0.dropLast(5)) }))
        for file in files {
            let text = try String(contentsOfFile: ThemeTestSupport.themesDirectory + "/" + file, encoding: .utf8)
            #expect(BundledThemes.sources[String(file.dropLast(5))] == text, "\(file) differs from its compiled-in copy")
        }
    }

    @Test func compiledInThemesLoadWithNoFolders() throws {
        let noFiles = ThemeLoader(userDirectory: nil, builtInDirectory: nil)
        for name in BundledThemes.sources.keys {
            #expect(try noFiles.load(name) == loader.load(name), "\(name)")
        }
        #expect(noFiles.availableThemes().allSatisfy { $0.origin == .compiledIn })
    }
}
