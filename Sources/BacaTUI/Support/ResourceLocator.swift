import Foundation

/// Finds the folders baca ships beside its code (`themes/`, `samples/`), both from a source
/// checkout (`swift run`, `.build/debug/baca`) and from an installed layout
/// (`PREFIX/bin/baca` with `PREFIX/share/baca/themes`).
public enum ResourceLocator {
    /// The first existing folder named `name`, looked for in `$BACA_SHARE_DIR`, then
    /// `<exe>/../share/baca`, then beside the executable, then up from the executable and from
    /// the working directory to the nearest folder that holds `Package.swift`.
    public static func directory(named name: String) -> URL? {
        for candidate in candidates(named: name) {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate.standardizedFileURL
            }
        }
        return nil
    }

    static func candidates(named name: String) -> [URL] {
        var result: [URL] = []
        let environment = ProcessInfo.processInfo.environment
        if let share = environment["BACA_SHARE_DIR"], !share.isEmpty {
            result.append(URL(fileURLWithPath: share).appendingPathComponent(name))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "baca").resolvingSymlinksInPath()
        let executableDirectory: URL
        if let path = Bundle.main.executablePath {
            executableDirectory = URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent()
        } else {
            executableDirectory = executable.deletingLastPathComponent()
        }
        result.append(executableDirectory.deletingLastPathComponent().appendingPathComponent("share/baca/\(name)"))
        result.append(executableDirectory.appendingPathComponent(name))
        for start in [executableDirectory, URL(fileURLWithPath: FileManager.default.currentDirectoryPath)] {
            var folder = start
            for _ in 0..<8 {
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                    result.append(folder.appendingPathComponent(name))
                    break
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return result
    }
}
