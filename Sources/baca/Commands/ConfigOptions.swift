import ArgumentParser
import BacaTUI
import Foundation

/// `--config PATH`, for commands that read the daily-workflow settings of `config.toml`.
struct ConfigOptions: ParsableArguments {
    @Option(
        name: .customLong("config"),
        help: ArgumentHelp("The config file to use instead of $XDG_CONFIG_HOME/baca/config.toml.", valueName: "path"))
    var path: String?

    /// The config, with its warnings. A `--config` that does not exist is an error.
    func load() throws -> BacaConfig {
        if let path, !FileManager.default.fileExists(atPath: path) {
            throw CLIFailure(.noConfigFile(path: path))
        }
        return CLILanguage.config(path: path)
    }

    /// The workflow settings. A problem in them (a bad rule, limit or interval) fails the
    /// command with its one line: a fetch must not go ahead without a rule the user wrote.
    /// Other warnings of the file (key bindings, theme) are the reader's to show.
    func workflow() throws -> WorkflowSettings {
        let settings = try load().workflow
        if let first = settings.problems.first {
            throw CLIFailure(.firstOfProblems(first: first, more: settings.problems.count - 1))
        }
        return settings
    }
}

/// Asking before a change, only where someone can answer.
enum Confirmation {
    /// Whether standard input and error are a terminal.
    static var canAsk: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1 }

    /// Asks `question [y/N]` on the terminal; true for y, yes or ya (Indonesian).
    static func ask(_ question: String) -> Bool {
        FileHandle.standardError.write(Data("\(question) [y/N] ".utf8))
        guard let answer = readLine() else { return false }
        return ["y", "yes", "ya"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
