import Foundation

/// Why a theme could not be loaded, as one line that names the file and the key or line:
/// `themes/broken.toml: baris 3: …`, `gelap.toml: atribut gaya tidak dikenal 'blnk' di 'list.focus'`.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as shown to the reader (home shortened to `~`, the working directory left out);
    /// empty when no file is to blame (a theme name that matches no file).
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { file.isEmpty ? message : "\(file): \(message)" }
}

// MARK: - Paths as shown

enum DisplayPath {
    /// `path` relative to the working directory when it lies inside it, else with the home
    /// directory written `~`.
    static func shorten(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath
        if !current.isEmpty, current != "/", path.hasPrefix(current + "/") {
            return String(path.dropFirst(current.count + 1))
        }
        let home = NSHomeDirectory()
        if !home.isEmpty, home != "/", path.hasPrefix(home + "/") {
            return "~" + path.dropFirst(home.count)
        }
        return path
    }
}
