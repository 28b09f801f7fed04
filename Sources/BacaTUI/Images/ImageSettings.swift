import BacaCore
import Foundation
import TOMLKit

/// `[images]` in config.toml:
///
/// ```toml
/// [images]
/// protocol = "auto"     # or "kitty", "sixel", "iterm", "symbols", "none"
/// max_rows = 12         # the tallest a picture is drawn, in rows
/// cache_mb = 100        # the picture cache's size limit ($XDG_CACHE_HOME/baca/images)
/// ```
public struct ImageSettings: Sendable, Equatable {
    /// nil: `auto` (detected from the terminal); otherwise forced, even under `NO_COLOR`.
    public var forcedProtocol: ImageProtocol?
    public var maxRows = 12
    public var cacheMegabytes = 100

    public init(forcedProtocol: ImageProtocol? = nil, maxRows: Int = 12, cacheMegabytes: Int = 100) {
        self.forcedProtocol = forcedProtocol
        self.maxRows = maxRows
        self.cacheMegabytes = cacheMegabytes
    }

    /// The protocol to use: the forced one, else none under `NO_COLOR`, else what the
    /// terminal was found to support.
    public func resolve(detected: ImageProtocol, noColor: Bool) -> ImageProtocol {
        if let forcedProtocol { return forcedProtocol }
        return noColor ? .none : detected
    }

    /// `$XDG_CACHE_HOME/baca/images`, else `~/.cache/baca/images`.
    public static func cacheDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        BacaPaths.cacheDirectory(environment: environment).map { URL(fileURLWithPath: $0 + "/images") }
    }

    /// Reads the `[images]` table; a bad value is a one-line warning and the default stands.
    mutating func read(_ value: any TOMLValueConvertible, file: String, language: Language, warnings: inout [String]) {
        let tr = language.pick
        guard let table = value.table else { return warnings.append("\(file): [images] " + tr("harus berupa tabel", "must be a table")) }
        for key in table.keys {
            switch key {
            case "protocol":
                let word = table[key]?.string?.lowercased() ?? ""
                if word == "auto" {
                    forcedProtocol = nil
                } else if let chosen = ImageProtocol(rawValue: word) {
                    forcedProtocol = chosen
                } else {
                    warnings.append("\(file): [images] protocol " + tr("harus", "must be") + " \"auto\", \"kitty\", \"sixel\", \"iterm\", \"symbols\" "
                        + tr("atau", "or") + " \"none\"")
                }
            case "max_rows":
                if let rows = table[key]?.int, (1...200).contains(rows) {
                    maxRows = rows
                } else {
                    warnings.append("\(file): [images] max_rows " + tr("harus bilangan 1 … 200", "must be a number 1 … 200"))
                }
            case "cache_mb":
                if let megabytes = table[key]?.int, (1...100_000).contains(megabytes) {
                    cacheMegabytes = megabytes
                } else {
                    warnings.append("\(file): [images] cache_mb " + tr("harus bilangan 1 … 100000", "must be a number 1 … 100000"))
                }
            default:
                warnings.append("\(file): [images] " + tr("kunci tidak dikenal", "unknown key") + " '\(key)' ("
                    + tr("ada", "known") + ": protocol, max_rows, cache_mb)")
            }
        }
    }
}
