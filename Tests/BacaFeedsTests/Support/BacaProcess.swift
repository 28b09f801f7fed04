import BacaTestSupport
import Foundation

/// Runs the `baca` executable that `swift build` made, with its own HOME and repository.
struct BacaProcess {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("baca-feeds-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    var databasePath: String { root.appendingPathComponent("baca.sqlite").path }

    static let executable: URL = {
        if let path = ProcessInfo.processInfo.environment["BACA_BINARY"] { return URL(fileURLWithPath: path) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent("baca")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/baca")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = root.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Result {
        var environment: [String: String] = ["HOME": root.path, "LANG": "C.UTF-8", "TERM": "dumb", "BACA_LANGUAGE": "en"]
            .merging(extra) { $1 }
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
        let output = try Spawn.run(
            [Self.executable.path] + arguments + ["--db", databasePath], environment: environment, directory: root)
        return Result(status: output.status, stdout: output.stdout, stderr: output.stderr)
    }
}
