import BacaCore
import Foundation

/// Small choices the reader remembers between runs.
struct Preferences: Codable, Equatable {
    var readerMode: ArticleViewMode = .full

    static func load(from file: URL?) -> Preferences {
        guard let file, let data = try? Data(contentsOf: file),
              let preferences = try? JSONDecoder().decode(Preferences.self, from: data)
        else { return Preferences() }
        return preferences
    }

    func save(to file: URL?) {
        guard let file, let data = try? JSONEncoder().encode(self) else { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: file, options: .atomic)
    }
}
