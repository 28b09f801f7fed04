import BacaCore
import Foundation
import TOMLKit

/// The user's `config.toml`: the theme, and key bindings laid over the defaults.
///
/// ```toml
/// theme = "dark"
/// language = "en"            # or "id"; default: from LANG/LC_MESSAGES
///
/// [keys.list]
/// "ctrl-n" = "move-down"
/// "j" = "none"               # unbind
///
/// [keys.reader]
/// "x" = "goto-section 3"
///
/// [network]
/// allow_private_addresses = true   # pages a public feed names may be on private addresses
///
/// [mouse]
/// enabled = false            # default true: clicks and the wheel
///
/// [terminal]
/// hyperlinks = "auto"        # "on" or "off": links as OSC 8 hyperlinks
/// [images]
/// protocol = "auto"                 # see ImageSettings
/// ```
///
/// Nothing in the file can stop the reader from starting: a problem (bad TOML, an unknown
/// command, key or context) becomes a one-line warning naming the file, and the defaults stand.
public struct BacaConfig: Sendable {
    /// The theme the file asks for; nil when it names none.
    public var theme: String?
    /// `language = "id"` or `"en"`; nil when the file does not say (the environment decides).
    public var language: Language?
    /// The default bindings with the user's laid over them.
    ///
    /// The defaults are read when the keymap is first asked for (the reader; `[keys.*]` in the
    /// file), not when the config is: every command loads the config for its language, and
    /// reading the default keymap cost `baca import` 6.4 M instructions (`docs/PERFORMANCE.md`,
    /// sixth round).
    public var keyMap: KeyMap {
        get { ownKeyMap ?? .default }
        set { ownKeyMap = newValue }
    }
    /// The keymap when it is not the defaults as they are.
    private var ownKeyMap: KeyMap?
    /// One line each: `~/.config/baca/config.toml: [keys.list] "j": perintah tidak dikenal: mvoe`.
    public var warnings: [String]
    /// `[network] allow_private_addresses`: lifts the fetcher's address rule (BacaFeeds'
    /// `AddressRule`), so what a public feed names may be fetched from private addresses.
    public var allowsPrivateAddresses = false
    /// `[images]`: the protocol, the height limit and the cache's size (`ImageSettings`).
    public var images = ImageSettings()
    /// Reload schedule, notify command, limits and ignore rules (`WorkflowSettings`).
    public var workflow = WorkflowSettings()
    /// `[mouse] enabled`: whether the reader asks the terminal for clicks and the wheel.
    public var mouse = true
    /// `[terminal] hyperlinks`: `on` true, `off` false, `auto` (the default) nil: decided
    /// from the terminal's environment.
    public var hyperlinks: Bool?

    /// `keyMap` nil: the defaults.
    public init(theme: String? = nil, keyMap: KeyMap? = nil, warnings: [String] = []) {
        self.theme = theme
        self.ownKeyMap = keyMap
        self.warnings = warnings
    }

    // MARK: Where

    /// `$XDG_CONFIG_HOME/baca/config.toml`, else `~/.config/baca/config.toml`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        BacaPaths.configDirectory(environment: environment).map { $0 + "/config.toml" }
    }

    // MARK: Loading

    /// Reads the config at `path` (nil: the default path). A missing file gives the defaults and
    /// no warning.
    /// `messagesIn`: the language of its warnings when the user chose one elsewhere
    /// (`--language`, `BACA_LANGUAGE`); else the file's own `language`, else the environment's.
    public static func load(
        path: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        messagesIn chosen: Language? = nil
    ) -> BacaConfig {
        let language = chosen ?? Language.detect(environment: environment)
        guard let path = path ?? defaultPath(environment: environment) else { return BacaConfig() }
        let file = DisplayPath.shorten(path)
        guard FileManager.default.fileExists(atPath: path) else { return BacaConfig() }
        guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
            return BacaConfig(warnings: ["\(file): " + language.pick("tidak bisa dibaca (bukan UTF-8?); memakai pengaturan bawaan",
                                                                   "cannot be read (not UTF-8?); using the defaults")])
        }
        return parse(source, file: file, language: language, messagesIn: chosen)
    }

    /// Reads config text; `file` names it in warnings.
    /// Reads config text; `file` names it in warnings, which are in the file's own `language`,
    /// else in `language`.
    public static func parse(_ source: String, file: String, language: Language = .id, messagesIn chosen: Language? = nil) -> BacaConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: source)
        } catch {
            let line = TOMLErrorText.describe(error, file: file, language: language)
            var config = BacaConfig(warnings: [line + language.pick("; memakai pengaturan bawaan", "; using the defaults")])
            // A file that cannot be read may hold rules and limits: the commands that act on
            // them (fetch, prune, rules) stop on it instead of going ahead without them.
            config.workflow.problems = [line]
            return config
        }
        let language = chosen ?? table["language"]?.string.flatMap { Language(rawValue: $0.lowercased()) } ?? language
        let tr = language.pick

        var config = BacaConfig()
        for key in table.keys {
            guard let value = table[key] else { continue }
            switch key {
            case "theme":
                if let name = value.string, !name.isEmpty {
                    config.theme = name
                } else {
                    config.warnings.append("\(file): " + tr("'theme' harus berupa nama tema, misalnya theme = \"dark\"",
                                                              "'theme' must be a theme name, such as theme = \"dark\""))
                }
            case "language":
                if let word = value.string, let language = Language(rawValue: word.lowercased()) {
                    config.language = language
                } else {
                    config.warnings.append("\(file): " + tr("'language' harus \"id\" atau \"en\"", "'language' must be \"id\" or \"en\""))
                }
            case "keys":
                let bindings = KeyBindingsParser.parse(value, order: TOMLKeyOrder.scan(source), file: file, language: language)
                config.keyMap.apply(bindings.changes, first: true)
                config.warnings += bindings.warnings
            case "network":
                config.readNetwork(value, file: file, language: language)
            case "mouse", "terminal":
                config.readTerminal(key, value, file: file, language: language)
            case "images":
                config.images.read(value, file: file, language: language, warnings: &config.warnings)
            case _ where WorkflowSettings.keys.contains(key):
                var problems: [String] = []
                config.workflow.read(key, value, file: file, language: language, warnings: &problems)
                config.workflow.problems += problems
                config.warnings += problems
            default:
                config.warnings.append("\(file): " + tr("kunci tidak dikenal", "unknown key") + " '\(key)' (" + tr("ada", "known")
                    + ": theme, language, reload-interval, notify-command, [keys.*], [limits], [[rule]], [network], [mouse], [terminal], [images])")
            }
        }
        return config
    }

    /// `[mouse]`: `enabled = true|false`; `[terminal]`: `hyperlinks = "auto"|"on"|"off"`.
    private mutating func readTerminal(_ name: String, _ value: any TOMLValueConvertible, file: String, language: Language) {
        let tr = language.pick
        guard let table = value.table else {
            return warnings.append("\(file): [\(name)] " + tr("harus berupa tabel", "must be a table"))
        }
        for key in table.keys {
            switch (name, key) {
            case ("mouse", "enabled"):
                if let flag = table[key]?.bool {
                    mouse = flag
                } else {
                    warnings.append("\(file): [mouse] enabled " + tr("harus true atau false", "must be true or false"))
                }
            case ("terminal", "hyperlinks"):
                switch table[key]?.string?.lowercased() {
                case "auto": hyperlinks = nil
                case "on": hyperlinks = true
                case "off": hyperlinks = false
                default:
                    warnings.append("\(file): [terminal] hyperlinks " + tr("harus \"auto\", \"on\" atau \"off\"", "must be \"auto\", \"on\" or \"off\""))
                }
            default:
                let known = name == "mouse" ? "enabled" : "hyperlinks"
                warnings.append("\(file): [\(name)] " + tr("kunci tidak dikenal", "unknown key") + " '\(key)' (" + tr("ada", "known") + ": \(known))")
            }
        }
    }

    /// `[network]`: `allow_private_addresses = true|false`.
    private mutating func readNetwork(_ value: any TOMLValueConvertible, file: String, language: Language) {
        guard let table = value.table else {
            return warnings.append("\(file): " + language.say(.networkNotTable))
        }
        for key in table.keys {
            switch key {
            case "allow_private_addresses":
                if let flag = table[key]?.bool {
                    allowsPrivateAddresses = flag
                } else {
                    warnings.append("\(file): " + language.say(.networkAllowPrivateNotBool))
                }
            default:
                warnings.append("\(file): " + language.say(.unknownNetworkKey(name: key)))
            }
        }
    }
}
