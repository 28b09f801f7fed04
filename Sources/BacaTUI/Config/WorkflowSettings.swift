import BacaStore
import Foundation
import TOMLKit

/// The daily-workflow part of `config.toml`: the reload schedule, the notify command, the
/// limits and the ignore rules.
///
/// ```toml
/// reload-interval = "30m"               # also "2h", "1d", or minutes as a number; default 60
/// notify-command = ["notify-send", "baca"]   # run with the count and the titles appended
///
/// [limits]                              # for every feed without limits of its own
/// keep-articles = 500
/// keep-days = 90
///
/// [[rule]]
/// name = "tanpa gosip"                  # optional; shown by `baca rules test`
/// feed = "hiburan"                      # feed id, or part of its URL or title; a list for several
/// tag = "hiburan"
/// title = ["gosip", "viral"]            # words or phrases of the title
/// author = "Redaksi"
/// words = "zodiak"                      # words or phrases anywhere in the article
/// action = "hide"                       # or "mark-read"
/// ```
public struct WorkflowSettings: Sendable, Equatable {
    public static let defaultReloadMinutes = 60

    public var reloadMinutes: Int = WorkflowSettings.defaultReloadMinutes
    /// The program and its first arguments; empty: no notification.
    public var notifyCommand: [String] = []
    public var limits = RetentionLimits()
    public var rules: [ArrivalRule] = []
    /// What could not be read in these settings, one line each naming the file (also among
    /// `BacaConfig.warnings`). The CLI refuses to fetch or prune with any.
    public var problems: [String] = []

    public init() {}

    /// The top-level keys this part reads.
    static let keys: Set<String> = ["reload-interval", "notify-command", "limits", "rule"]

    /// Reads one top-level `key`; problems are appended to `warnings`, naming `file`.
    mutating func read(_ key: String, _ value: TOMLValueConvertible, file: String, warnings: inout [String]) {
        switch key {
        case "reload-interval":
            if let minutes = Self.minutes(value) {
                reloadMinutes = minutes
            } else {
                warnings.append("\(file): 'reload-interval' harus berupa lama waktu seperti \"30m\", \"2h\" atau \"1d\"")
            }
        case "notify-command":
            if let parts = value.array?.compactMap({ $0.string }), parts.count == value.array?.count, !(parts.first ?? "").isEmpty {
                notifyCommand = parts
            } else {
                warnings.append("\(file): 'notify-command' harus berupa daftar argumen, misalnya [\"notify-send\", \"baca\"]")
            }
        case "limits":
            guard let table = value.table else {
                warnings.append("\(file): 'limits' harus berupa tabel [limits]")
                return
            }
            for name in table.keys {
                let number = table[name]?.int
                switch name {
                case "keep-articles" where (number ?? 0) > 0: limits.keepArticles = number
                case "keep-days" where (number ?? 0) > 0: limits.keepDays = number
                case "keep-articles", "keep-days":
                    warnings.append("\(file): [limits] '\(name)' harus berupa bilangan bulat positif")
                default:
                    warnings.append("\(file): [limits] kunci tidak dikenal '\(name)' (ada: keep-articles, keep-days)")
                }
            }
        case "rule":
            guard let array = value.array else {
                warnings.append("\(file): aturan ditulis sebagai [[rule]]")
                return
            }
            for (index, element) in array.enumerated() {
                guard let table = element.table else {
                    warnings.append("\(file): [[rule]] ke-\(index + 1) harus berupa tabel")
                    continue
                }
                switch Self.rule(table, number: index + 1) {
                case .success(let rule): rules.append(rule)
                case .failure(let problem): warnings.append("\(file): [[rule]] ke-\(index + 1): \(problem.message)")
                }
            }
        default:
            break
        }
    }

    struct Problem: Error { var message: String }

    static func rule(_ table: TOMLTable, number: Int) -> Result<ArrivalRule, Problem> {
        func strings(_ key: String) -> Result<[String], Problem> {
            guard let value = table[key] else { return .success([]) }
            if let text = value.string { return .success([text]) }
            if let array = value.array {
                let texts = array.compactMap { $0.string }
                if texts.count == array.count { return .success(texts) }
            }
            return .failure(Problem(message: "'\(key)' harus berupa teks atau daftar teks"))
        }
        let known: Set<String> = ["name", "feed", "tag", "title", "author", "words", "action"]
        if let unknown = table.keys.first(where: { !known.contains($0) }) {
            return .failure(Problem(message: "kunci tidak dikenal '\(unknown)' (ada: \(known.sorted().joined(separator: ", ")))"))
        }
        guard let actionName = table["action"]?.string else {
            return .failure(Problem(message: "'action' harus \"hide\" atau \"mark-read\""))
        }
        guard let action = ArrivalRule.Action(rawValue: actionName) else {
            return .failure(Problem(message: "action '\(actionName)' tidak dikenal (pilih hide atau mark-read)"))
        }
        do {
            let rule = ArrivalRule(
                name: table["name"]?.string ?? "rule \(number)",
                feeds: try strings("feed").get(), tags: try strings("tag").get(), title: try strings("title").get(),
                authors: try strings("author").get(), words: try strings("words").get(), action: action)
            guard rule.hasCriteria else {
                return .failure(Problem(message: "aturan tanpa feed, tag, title, author atau words akan mengenai semua artikel"))
            }
            return .success(rule)
        } catch let problem as Problem {
            return .failure(problem)
        } catch {
            return .failure(Problem(message: "\(error)"))
        }
    }

    /// `"30m"`, `"2h"`, `"1d"`, `"45"` or 45: minutes, at least 1.
    static func minutes(_ value: TOMLValueConvertible) -> Int? {
        if let number = value.int { return number > 0 ? number : nil }
        guard let text = value.string?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty else { return nil }
        return parseDuration(text)
    }

    /// `30m`, `2h`, `1d`, `45` (minutes) as minutes; nil when not a positive duration.
    public static func parseDuration(_ text: String) -> Int? {
        let units: [Character: Int] = ["m": 1, "h": 60, "d": 1440]
        var digits = text
        var unit = 1
        if let last = text.last, let factor = units[last] {
            digits = String(text.dropLast())
            unit = factor
        }
        guard let number = Int(digits), number > 0, number <= 525_600 / unit else { return nil }
        return number * unit
    }
}
