import BacaCore
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
    mutating func read(_ key: String, _ value: TOMLValueConvertible, file: String, language: Language = .id, warnings: inout [String]) {
        switch key {
        case "reload-interval":
            if let minutes = Self.minutes(value) {
                reloadMinutes = minutes
            } else {
                warnings.append("\(file): " + language.say(.reloadIntervalNotDuration))
            }
        case "notify-command":
            if let parts = value.array?.compactMap({ $0.string }), parts.count == value.array?.count, !(parts.first ?? "").isEmpty {
                notifyCommand = parts
            } else {
                warnings.append("\(file): " + language.say(.notifyCommandNotList))
            }
        case "limits":
            guard let table = value.table else {
                warnings.append("\(file): " + language.say(.limitsNotTable))
                return
            }
            for name in table.keys {
                let number = table[name]?.int
                switch name {
                case "keep-articles" where (number ?? 0) > 0: limits.keepArticles = number
                case "keep-days" where (number ?? 0) > 0: limits.keepDays = number
                case "keep-articles", "keep-days":
                    warnings.append("\(file): " + language.say(.limitNotPositive(name: name)))
                default:
                    warnings.append("\(file): " + language.say(.unknownLimit(name: name)))
                }
            }
        case "rule":
            guard let array = value.array else {
                warnings.append("\(file): " + language.say(.ruleNotArrayOfTables))
                return
            }
            for (index, element) in array.enumerated() {
                guard let table = element.table else {
                    warnings.append("\(file): " + language.say(.ruleNotTable(number: index + 1)))
                    continue
                }
                switch Self.rule(table, number: index + 1, language: language) {
                case .success(let rule): rules.append(rule)
                case .failure(let problem): warnings.append("\(file): " + language.say(.ruleProblem(number: index + 1, problem: problem.message)))
                }
            }
        default:
            break
        }
    }

    struct Problem: Error { var message: String }

    static func rule(_ table: TOMLTable, number: Int, language: Language = .id) -> Result<ArrivalRule, Problem> {
        func strings(_ key: String) -> Result<[String], Problem> {
            guard let value = table[key] else { return .success([]) }
            if let text = value.string { return .success([text]) }
            if let array = value.array {
                let texts = array.compactMap { $0.string }
                if texts.count == array.count { return .success(texts) }
            }
            return .failure(Problem(message: language.say(.ruleValueNotText(key: key))))
        }
        let known: Set<String> = ["name", "feed", "tag", "title", "author", "words", "action"]
        if let unknown = table.keys.first(where: { !known.contains($0) }) {
            return .failure(Problem(message: language.say(.unknownRuleKey(key: unknown, known: known.sorted()))))
        }
        guard let actionName = table["action"]?.string else {
            return .failure(Problem(message: language.say(.ruleActionMissing)))
        }
        guard let action = ArrivalRule.Action(rawValue: actionName) else {
            return .failure(Problem(message: language.say(.unknownRuleAction(actionName))))
        }
        do {
            let rule = ArrivalRule(
                name: table["name"]?.string ?? "rule \(number)",
                feeds: try strings("feed").get(), tags: try strings("tag").get(), title: try strings("title").get(),
                authors: try strings("author").get(), words: try strings("words").get(), action: action)
            guard rule.hasCriteria else {
                return .failure(Problem(message: language.say(.ruleMatchesEverything)))
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
