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
            throw CLIFailure(message: "no config file at \(path)")
        }
        return BacaConfig.load(path: path)
    }

    /// The workflow settings; warnings go to standard error, or fail the command when `strict`.
    func workflow(strict: Bool = false) throws -> WorkflowSettings {
        let config = try load()
        let relevant = config.warnings
        if strict, let first = relevant.first(where: { $0.contains("[[rule]]") || $0.contains("rule") }) {
            throw CLIFailure(message: first)
        }
        for warning in relevant {
            FileHandle.standardError.write(Data("baca: \(warning)\n".utf8))
        }
        return config.workflow
    }
}

/// Asking before a change, only where someone can answer.
enum Confirmation {
    /// Whether standard input and error are a terminal.
    static var canAsk: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1 }

    /// Asks `question [y/N]` on the terminal; true for y or yes.
    static func ask(_ question: String) -> Bool {
        FileHandle.standardError.write(Data("\(question) [y/N] ".utf8))
        guard let answer = readLine() else { return false }
        return ["y", "yes", "ya"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
