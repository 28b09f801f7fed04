import ArgumentParser
import BacaStore
import Foundation

/// `--db PATH`, shared by every command.
struct RepositoryOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The repository file.",
            discussion: "Default: $BACA_DB, else $XDG_DATA_HOME/baca/baca.sqlite, else ~/.local/share/baca/baca.sqlite.",
            valueName: "path"))
    var databasePath: String?

    /// Where the repository lives: `--db`, then `$BACA_DB`, then the XDG data folder.
    var resolvedPath: String { Self.resolvedPath(databasePath) }

    static func resolvedPath(_ databasePath: String?) -> String {
        if let databasePath { return databasePath }
        if let path = Env.value("BACA_DB"), !path.isEmpty { return path }
        return Locations.dataDirectory.appendingPathComponent("baca.sqlite").path
    }

    /// Opens the repository. `mustExist`: for commands that only read, a path the user named
    /// (`--db`, `$BACA_DB`) that does not exist is a mistake to report, not a file to create.
    func openStore(mustExist: Bool = false) throws -> ArticleStore {
        try Self.openStore(databasePath: databasePath, mustExist: mustExist)
    }

    /// `openStore` for a `--db` value read without ArgumentParser (the plain reader's start).
    static func openStore(databasePath: String?, mustExist: Bool = false) throws -> ArticleStore {
        let path = resolvedPath(databasePath)
        let named = databasePath != nil || !(Env.value("BACA_DB") ?? "").isEmpty
        if mustExist, named, !FileManager.default.fileExists(atPath: path) {
            throw CLIFailure(.noRepository(path: path))
        }
        do {
            return try ArticleStore(path: path)
        } catch {
            throw CLIFailure(message: CLILanguage.current.describe(error))
        }
    }
}

/// One environment variable. `ProcessInfo.processInfo.environment` builds a dictionary of every
/// variable at each call (about 0.5 M instructions; a start made ten of them).
enum Env {
    static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}

/// The XDG folders baca uses.
enum Locations {
    static var home: URL {
        URL(fileURLWithPath: Env.value("HOME") ?? NSHomeDirectory())
    }

    private static func xdg(_ variable: String, default relative: String) -> URL {
        if let value = Env.value(variable), value.hasPrefix("/") {
            return URL(fileURLWithPath: value).appendingPathComponent("baca")
        }
        return home.appendingPathComponent(relative).appendingPathComponent("baca")
    }

    static var dataDirectory: URL { xdg("XDG_DATA_HOME", default: ".local/share") }
    static var configDirectory: URL { xdg("XDG_CONFIG_HOME", default: ".config") }
    static var stateDirectory: URL { xdg("XDG_STATE_HOME", default: ".local/state") }
}
