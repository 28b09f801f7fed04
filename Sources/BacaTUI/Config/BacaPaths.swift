import Foundation

/// Where baca keeps the user's files.
enum BacaPaths {
    /// `$XDG_CONFIG_HOME/baca`, else `~/.config/baca` (`HOME` from `environment`, else the
    /// account's home); nil when neither is known.
    static func configDirectory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return xdg + "/baca"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home.isEmpty ? nil : home + "/.config/baca"
    }
}
