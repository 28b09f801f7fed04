import BacaCore
import BacaTUI
import Foundation

/// The language of everything the command line says, chosen once at start: `--language`
/// (anywhere on the line, before `--`), then `$BACA_LANGUAGE`, then `language` in config.toml
/// (`--config PATH` or the default file), then `LC_ALL`/`LC_MESSAGES`/`LANG` (Indonesian when
/// they start with `id`, English otherwise). The reader uses the same choice.
enum CLILanguage {
    /// Set by `Baca.main` before any command runs; read-only afterwards.
    nonisolated(unsafe) static var current: Language = .en

    /// The config file `resolve` read for its `language` (nil when the language came from the
    /// line or the environment), with the `--config` path it stands for (nil: the default file).
    /// Its warnings are already in `current` (a file's own `language` chooses both), so the
    /// reader and the commands take it rather than read and parse the file a second time.
    /// Set by `Baca.main` with `current`.
    nonisolated(unsafe) static var readConfig: (path: String?, config: BacaConfig)?

    /// The config at `path` (nil: the default file), its warnings in `current`: the one
    /// `resolve` read when it is that file, else read now.
    static func config(path: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> BacaConfig {
        if let readConfig, readConfig.path == path { return readConfig.config }
        return BacaConfig.load(path: path, environment: environment, messagesIn: current)
    }

    /// `--language X` / `--language=X` taken out of `arguments` (ArgumentParser never sees
    /// it, so every command has it), and the language they, the environment and the config choose.
    static func resolve(
        _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> (arguments: [String], language: Language, readConfig: (path: String?, config: BacaConfig)?) {
        var rest: [String] = []
        var given: String?
        var configPath: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                rest += arguments[index...]
                break
            }
            if argument == "--language", index + 1 < arguments.count {
                given = arguments[index + 1]
                index += 2
                continue
            }
            if argument.hasPrefix("--language=") {
                given = String(argument.dropFirst("--language=".count))
                index += 1
                continue
            }
            if argument == "--config", index + 1 < arguments.count { configPath = arguments[index + 1] }
            if argument.hasPrefix("--config=") { configPath = String(argument.dropFirst("--config=".count)) }
            rest.append(argument)
            index += 1
        }
        let fallback = Language.detect(environment: environment)
        if let given {
            guard let language = Language(word: given) else {
                throw CLIFailure(message: fallback.say(.invalidLanguage(value: given)), exitCode: 64)
            }
            return (rest, language, nil)
        }
        if let word = environment["BACA_LANGUAGE"], !word.isEmpty {
            guard let language = Language(word: word) else {
                throw CLIFailure(message: "BACA_LANGUAGE: " + fallback.say(.invalidLanguage(value: word)), exitCode: 64)
            }
            return (rest, language, nil)
        }
        // A `--config` file that is not there is the command's error to give; the language is
        // then the environment's.
        if let configPath, !FileManager.default.fileExists(atPath: configPath) { return (rest, fallback, nil) }
        // Read with its warnings in its own `language`, else the environment's: the language
        // chosen here either way.
        let config = BacaConfig.load(path: configPath, environment: environment)
        return (rest, config.language ?? fallback, (configPath, config))
    }
}

/// `say(.noFeeds)`: a catalogue message in the command line's language.
func say(_ message: Message) -> String { CLILanguage.current.say(message) }

extension CLIFailure {
    /// A failure whose text is a catalogue message.
    init(_ message: Message, exitCode: Int32 = 1) {
        self.init(message: say(message), exitCode: exitCode)
    }
}
