import Foundation

/// Runs the real `baca` executable that `swift build` made, as a user would.
public enum BacaBinary {
    /// The repository's root folder (where `Package.swift`, `samples/` and `themes/` are).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var samplesDirectory: URL { packageRoot.appendingPathComponent("samples") }

    /// The built executable: `$BACA_BINARY`, else beside the test bundle, else `.build/debug/baca`.
    public static let url: URL = {
        if let path = ProcessInfo.processInfo.environment["BACA_BINARY"] { return URL(fileURLWithPath: path) }
        var candidates: [URL] = []
        let testExecutable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testExecutable.deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(folder.appendingPathComponent("baca"))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("baca"))
        candidates.append(packageRoot.appendingPathComponent(".build/debug/baca"))
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/baca")
    }()

    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `baca arguments…` with its own HOME and XDG folders under `sandbox`, and waits.
    /// The command line speaks `language` (`BACA_LANGUAGE`, which comes before the sandbox's
    /// config): English unless a test asks otherwise, so what the machine's LANG is never
    /// changes what a test reads.
    public static func run(_ arguments: [String], sandbox: Sandbox, stdin: String? = nil, language: String = "en",
                           environment extra: [String: String] = [:]) throws -> Result {
        let output = try Spawn.run(
            [url.path] + arguments, environment: sandbox.environment.merging(["BACA_LANGUAGE": language]) { $1 }.merging(extra) { $1 },
            directory: sandbox.root, stdin: stdin)
        return Result(status: output.status, stdout: output.stdout, stderr: output.stderr)
    }
}

/// A throwaway home for one test: its own HOME, XDG folders and repository path.
public final class Sandbox {
    public let root: URL

    /// The reader's language, written to the sandbox's config so that what the tests read does
    /// not depend on the machine's LANG.
    public let language: String

    public init(language: String = "id") throws {
        self.language = language
        root = FileManager.default.temporaryDirectory.appendingPathComponent("baca-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("config/baca"), withIntermediateDirectories: true)
        try writeConfig("")
    }

    /// Writes `config.toml`: the sandbox's `language`, then `text`.
    public func writeConfig(_ text: String) throws {
        try Data("language = \"\(language)\"\n\(text)".utf8).write(to: configFile)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    public var databasePath: String { root.appendingPathComponent("data/baca/baca.sqlite").path }
    public var configFile: URL { root.appendingPathComponent("config/baca/config.toml") }

    public var environment: [String: String] {
        var environment: [String: String] = [:]
        for key in ["PATH", "LANG", "LC_ALL"] {
            if let value = ProcessInfo.processInfo.environment[key] { environment[key] = value }
        }
        environment["LANG"] = environment["LANG"] ?? "C.UTF-8"
        environment["HOME"] = root.path
        environment["XDG_DATA_HOME"] = root.appendingPathComponent("data").path
        environment["XDG_CONFIG_HOME"] = root.appendingPathComponent("config").path
        environment["XDG_STATE_HOME"] = root.appendingPathComponent("state").path
        environment["TERM"] = "xterm-256color"
        return environment
    }

    /// Writes a file under the sandbox and returns its path.
    @discardableResult
    public func write(_ name: String, _ contents: Data) throws -> String {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: url)
        return url.path
    }

    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }
}
