import Foundation
import Testing
@testable import BacaCore

/// Helpers shared by the capture tests.
enum CaptureTestSupport {
    struct MissingFixture: Error { var name: String }

    static func fixtureData(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Fixtures") else {
            throw MissingFixture(name: name)
        }
        return try Data(contentsOf: url)
    }

    static func fixtureText(_ name: String) throws -> String {
        String(decoding: try fixtureData(name), as: UTF8.self)
    }

    /// Loads text saved as UTF-8.
    static func load(_ text: String) throws -> LoadedCapture {
        try CaptureLoader.load(Data(text.utf8))
    }

    static func article(_ text: String) throws -> Article {
        try load(text).article
    }

    /// A small capture around a body, so a test can focus on one element.
    static func capture(title: String = "Pemkot Bogor Uji Coba Bus Listrik di Tiga Koridor", body: String) -> String {
        """
        Baca artikel IDN Times lainnya di IDN App
        For
        You

        \(title)

        \(body)

        Share
        Editorial Team
        Nadia Putri
        EditorYoga Pratama
        Follow Us
        """
    }

    /// Every string in a value, found by reflection, so that a field added to the model later
    /// is walked too.
    static func strings(in value: Any) -> [String] {
        if let string = value as? String { return [string] }
        var result: [String] = []
        let mirror = Mirror(reflecting: value)
        for child in mirror.children { result += strings(in: child.value) }
        return result
    }

    /// Scalars that must never reach the terminal from a capture, independent of `Sanitizer`.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.generalCategory == .control { return true }   // C0, DEL, C1, and \n
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidi
        case 0x200B, 0x2060, 0xFEFF: return true                                      // zero width
        default: return false
        }
    }

    /// The forbidden scalars in any string of the article, for a readable failure.
    static func forbiddenScalars(in article: Article) -> [String] {
        strings(in: article).flatMap { string in
            string.unicodeScalars.filter(isForbidden).map { "U+\(String($0.value, radix: 16, uppercase: true)) in \(string.debugDescription)" }
        }
    }

    static func json(_ article: Article) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(article), as: UTF8.self)
    }

    static let chromePhrases = [
        "IDN App", "Baca artikel", "Share", "Follow Us", "Editorial Team", "Editor’s Picks", "Editor's Picks",
        "Topics", "Intinya sih", "Baca Juga",
    ]
}

extension Article {
    /// The blocks of every section, in order.
    var allBlocks: [Block] { sections.flatMap(\.blocks) }
}
