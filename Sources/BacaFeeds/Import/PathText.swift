import Foundation

/// The path arithmetic an import does for every file, with a fast path for plain paths.
///
/// Foundation's `NSString` path methods and `URL.standardizedFileURL` cost 20–75 k
/// instructions a call on Linux (they bridge, normalise slashes and parse a URL): together
/// 0.14 M of the 3 M instructions an imported capture cost (`docs/PERFORMANCE.md`, fourth
/// round). A path made only of plain components (no empty, `.` or `..` component, no trailing
/// slash) is done here on its bytes; anything else goes to Foundation, and the tests check
/// that both give the same on plain paths.
enum PathText {
    /// `(folder as NSString).appendingPathComponent(name)`.
    static func joined(_ folder: String, _ name: String) -> String {
        guard isPlain(folder), isPlain(name), !name.utf8.contains(0x2F), name.utf8.first != 0x2F else {
            return (folder as NSString).appendingPathComponent(name)
        }
        return folder == "/" ? "/" + name : folder + "/" + name
    }

    /// `(path as NSString).pathExtension.lowercased()`.
    static func lowercasedExtension(of path: String) -> String {
        let bytes = path.utf8
        guard let last = bytes.last, last != 0x2F else { return (path as NSString).pathExtension.lowercased() }
        // The last component's last dot, with a letter or digit after it and not first in the
        // component; else Foundation decides (a hidden file, an odd extension).
        var index = bytes.endIndex
        while index > bytes.startIndex {
            let before = bytes.index(before: index)
            let byte = bytes[before]
            if byte == 0x2E {
                guard before != bytes.startIndex, bytes[bytes.index(before: before)] != 0x2F, index != bytes.endIndex else { break }
                return String(decoding: bytes[index...].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
            }
            if byte == 0x2F { return "" }
            let isAlphanumeric = (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            guard isAlphanumeric else { break }
            index = before
        }
        return (path as NSString).pathExtension.lowercased()
    }

    /// `URL(fileURLWithPath: path).standardizedFileURL.path`, for a relative path resolved in
    /// `currentDirectory` (the process's, absolute, as `getcwd` gives it).
    static func absolute(_ path: String, currentDirectory: String) -> String {
        guard isPlain(path) else { return URL(fileURLWithPath: path).standardizedFileURL.path }
        if path.utf8.first == 0x2F { return path }
        guard currentDirectory.utf8.first == 0x2F, isPlain(currentDirectory) else {
            return URL(fileURLWithPath: path).standardizedFileURL.path
        }
        return currentDirectory == "/" ? "/" + path : currentDirectory + "/" + path
    }

    /// The process's current folder, as `URL(fileURLWithPath:)` resolves a relative path in it.
    static var currentDirectory: String { FileManager.default.currentDirectoryPath }

    /// Not empty; no empty, `.` or `..` component (so no `//`), no slash at the end (a lone `/`
    /// is plain); only printable ASCII and UTF-8 beyond it (no control byte, no `%`, no `~`).
    static func isPlain(_ path: String) -> Bool {
        // Over the contiguous UTF-8 (a loop over `path.utf8` cost ~30 instructions a byte,
        // ~10 k a file over the four paths an import asks about).
        var path = path
        return path.withUTF8(isPlain)
    }

    /// `isPlain` over a path's UTF-8.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        if bytes.count == 1 && bytes[0] == 0x2F { return true }
        var componentLength = 0
        var dots = 0
        var first = true
        for byte in bytes {
            if byte == 0x2F {
                if !first && (componentLength == 0 || dots == componentLength && dots <= 2) { return false }
                componentLength = 0
                dots = 0
                first = false
                continue
            }
            if byte < 0x20 || byte == 0x7F || byte == 0x25 || byte == 0x7E { return false }
            first = false
            componentLength += 1
            if byte == 0x2E { dots += 1 }
        }
        return componentLength > 0 && !(dots == componentLength && dots <= 2)
    }
}
