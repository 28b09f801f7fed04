import BacaCore
import Foundation

/// The fixtures beside the tests (`Fixtures/`), written for this project.
enum Fixture {
    static let folder: URL = {
        if let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) { return url }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
    }()

    static func data(_ name: String) -> Data {
        (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data()
    }

    static func text(_ name: String) -> String {
        String(decoding: data(name), as: UTF8.self)
    }

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
}

/// Sorted-key JSON, to compare articles as `baca show --json` would show them.
func canonicalJSON(_ article: Article) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(article)) ?? Data(), as: UTF8.self)
}
