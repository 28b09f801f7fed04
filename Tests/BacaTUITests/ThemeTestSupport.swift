import BacaCore
import Foundation

@testable import BacaTUI

/// Paths in this checkout and throwaway theme folders, for the theme tests.
enum ThemeTestSupport {
    /// The checkout's root, from this file's path.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped `themes/` folder.
    static let themesDirectory = repository.appendingPathComponent("themes").path

    /// Every style name `StyleName.swift` declares, read from its source so that a name added
    /// there is checked here without anyone remembering to list it.
    static let declaredStyleNames: [StyleName] = {
        let path = repository.appendingPathComponent("Sources/BacaCore/Rendering/StyleName.swift").path
        let source = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let pattern = try! NSRegularExpression(pattern: #"static let \w+: StyleName = "([^"]+)""#)
        let range = NSRange(source.startIndex..., in: source)
        return pattern.matches(in: source, range: range).compactMap { match in
            Range(match.range(at: 1), in: source).map { StyleName(String(source[$0])) }
        }
    }()

    /// A new empty folder that holds the given files (name → text).
    static func folder(_ files: [String: String]) throws -> String {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("baca-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder.path
    }
}
