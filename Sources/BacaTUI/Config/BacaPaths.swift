import Foundation

/// Where baca keeps the user's files.
enum BacaPaths {
    /// `$XDG_CONFIG_HOME/baca`, else `~/.config/baca` (`HOME` from `environment`, else the
    /// account's home); nil when neither is known.
    static func configDirectory(environment: [String: String]) -> String? {
        directory(xdg: "XDG_CONFIG_HOME", underHome: ".config", environment: environment)
    }

    /// `$XDG_CACHE_HOME/baca`, else `~/.cache/baca`; nil when neither is known.
    static func cacheDirectory(environment: [String: String]) -> String? {
        directory(xdg: "XDG_CACHE_HOME", underHome: ".cache", environment: environment)
    }

    /// `$<xdg>/baca` when that variable is an absolute path, else `~/<underHome>/baca`.
    private static func directory(xdg variable: String, underHome folder: String, environment: [String: String]) -> String? {
        if let xdg = environment[variable], xdg.hasPrefix("/") {
            return xdg + "/baca"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home.isEmpty ? nil : home + "/" + folder + "/baca"
    }
}
