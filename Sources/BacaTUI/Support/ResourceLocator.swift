import Foundation

/// Finds the folders baca ships beside its program (`themes/`, `samples/`): in an installed
/// layout (`PREFIX/bin/baca` with `PREFIX/share/baca/NAME`, also an unpacked release tarball),
/// and for a development build (`.build/debug/baca`) in the checkout it sits in. Everything is
/// found from where the program runs, never from where it was built.
public enum ResourceLocator {
    /// The first existing folder named `name`: the installed one (`installedDirectory`), else the
    /// one in the source checkout that holds the running program (a development build).
    public static func directory(named name: String) -> URL? {
        firstDirectory(in: installedCandidates(named: name) + checkoutCandidates(named: name))
    }

    /// `$BACA_SHARE_DIR/NAME`, else `<program>/../share/baca/NAME`; nil when neither exists.
    public static func installedDirectory(named name: String) -> URL? {
        firstDirectory(in: installedCandidates(named: name))
    }

    /// The running program, symbolic links resolved: `/proc/self/exe` on Linux (argv[0] may be a
    /// bare name found on `PATH`, or a link), else Foundation's answer.
    public static var executableURL: URL? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return Bundle.main.executablePath.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath() }
    }

    static func installedCandidates(named name: String) -> [URL] {
        var result: [URL] = []
        if let share = getenv("BACA_SHARE_DIR").map({ String(cString: $0) }), !share.isEmpty {
            result.append(URL(fileURLWithPath: share).appendingPathComponent(name))
        }
        if let bin = executableURL?.deletingLastPathComponent() {
            result.append(bin.deletingLastPathComponent().appendingPathComponent("share/baca/\(name)"))
        }
        return result
    }

    /// Up from the program to the nearest folder holding `Package.swift` (`.build/debug/baca` →
    /// the checkout), then `NAME` there.
    static func checkoutCandidates(named name: String) -> [URL] {
        guard var folder = executableURL?.deletingLastPathComponent() else { return [] }
        for _ in 0..<6 {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return [folder.appendingPathComponent(name)]
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return []
    }

    private static func firstDirectory(in candidates: [URL]) -> URL? {
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate.standardizedFileURL
            }
        }
        return nil
    }
}
