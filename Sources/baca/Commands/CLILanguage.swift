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

    /// `--language X` / `--language=X` taken out of `arguments` (ArgumentParser never sees
    /// it, so every command has it), and the language they, the environment and the config choose.
    static func resolve(
        _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> (arguments: [String], language: Language) {
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
            return (rest, language)
        }
        if let word = environment["BACA_LANGUAGE"], !word.isEmpty {
            guard let language = Language(word: word) else {
                throw CLIFailure(message: "BACA_LANGUAGE: " + fallback.say(.invalidLanguage(value: word)), exitCode: 64)
            }
            return (rest, language)
        }
        let configured = configPath.map { FileManager.default.fileExists(atPath: $0) ? BacaConfig.load(path: $0).language : nil }
            ?? BacaConfig.load().language
        return (rest, configured ?? fallback)
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
