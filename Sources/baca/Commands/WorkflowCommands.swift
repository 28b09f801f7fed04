import ArgumentParser
import BacaCore
import BacaStore
import BacaTUI
import Foundation

// `baca searches`, `baca mark-read`, `baca undo`, `baca rules`, `baca prune`.

/// Reads a query for a command, failing with one line that points at the bad part.
enum QueryArgument {
    static func parse(_ text: String) throws -> LibraryQuery {
        do {
            return try LibraryQuery(text)
        } catch {
            throw CLIFailure(.invalidQuery(query: text, reason: CLILanguage.current.describe(error)))
        }
    }

    static func day(_ text: String, option: String) throws -> CalendarDate {
        guard let day = CalendarDate(iso: text) else {
            throw ValidationError(say(.invalidDate(option: option, value: text)))
        }
        return day
    }
}

struct SearchesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "searches",
        abstract: "List the saved searches with their unread counts, or delete one.",
        discussion: """
            Columns: unread, total, name, then the query. Save one with: baca search QUERY --save NAME

            Examples:
              baca searches
              baca searches --delete banjir
            """)

    @OptionGroup var repository: RepositoryOptions

    @Option(help: ArgumentHelp("Delete the saved search of this name.", valueName: "name"))
    var delete: String?

    @Flag(help: "JSON Lines instead of text.")
    var json = false

    struct Document: Encodable {
        var name: String
        var query: String
        var unread: Int
        var articles: Int
        var error: String?
    }

    func run() throws {
        let store = try repository.openStore()
        if let delete {
            guard try store.deleteSearch(name: delete) else {
                throw CLIFailure(.noSavedSearch(name: delete))
            }
            print(say(.searchDeleted(name: delete)))
            return
        }
        let searches = try store.savedSearches()
        if json {
            for search in searches {
                print(try JSONOutput.line(Document(
                    name: search.name, query: search.query, unread: search.unreadCount, articles: search.articleCount,
                    error: search.error)))
            }
            return
        }
        if searches.isEmpty {
            print(say(.noSavedSearches))
            return
        }
        let style = OutputStyle.standardOutput
        for search in searches {
            let counts = say(.unreadOfArticles(unread: search.unreadCount, articles: search.articleCount))
            print("\(style.bold(search.name))  \(counts)  \(style.dim(search.query))")
            if let error = search.error { print("      " + say(.invalidSavedSearch(reason: error))) }
        }
    }
}

struct MarkReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark-read",
        abstract: "Mark many articles read at once (undo with baca undo).",
        discussion: """
            Marks read every article that all the given filters select. On a terminal it asks \
            first (--yes does not); without a terminal it never asks. Each bulk change is kept \
            in the repository's journal: `baca undo` gives the articles back the read state \
            they had, even in a later session (the last 50 changes are kept).

            Examples:
              baca mark-read --feed 3
              baca mark-read --tag olahraga --before 2026-11-01 --yes
              baca mark-read --query "author:Budi unread"
              baca mark-read --all --yes
            """)

    @OptionGroup var repository: RepositoryOptions

    @Option(help: ArgumentHelp("A feed, by id or a part of its URL or title (repeat for more).", valueName: "feed"))
    var feed: [String] = []

    @Option(help: ArgumentHelp("A tag (repeat for more: every tag must match).", valueName: "tag"))
    var tag: [String] = []

    @Option(help: ArgumentHelp("A query, as `baca search` and saved searches read it.", valueName: "query"))
    var query: String?

    @Option(help: ArgumentHelp("Only articles published before this day.", valueName: "YYYY-MM-DD"))
    var before: String?

    @Option(help: ArgumentHelp("The articles of this saved search.", valueName: "name"))
    var search: String?

    @Flag(help: "Every article (when no filter is given).")
    var all = false

    @Flag(name: .shortAndLong, help: "Do not ask.")
    var yes = false

    func validate() throws {
        if feed.isEmpty && tag.isEmpty && query == nil && before == nil && search == nil && !all {
            throw ValidationError("say which articles: --feed, --tag, --query, --before, --search or --all")
        }
        if let before { _ = try QueryArgument.day(before, option: "--before") }
    }

    func run() throws {
        let store = try repository.openStore()
        var selection = LibraryQuery(feeds: feed, tags: tag, before: try before.map { try QueryArgument.day($0, option: "--before") })
        if let query { selection = selection.adding(try QueryArgument.parse(query)) }
        if let search {
            guard let saved = try store.savedSearch(name: search) else {
                throw CLIFailure(.noSavedSearch(name: search))
            }
            selection = selection.adding(try QueryArgument.parse(saved.query))
        }
        if !feed.isEmpty {
            let feeds = try store.feeds().map(\.feed)
            for name in feed where !feeds.contains(where: { RuleCandidate.FeedIdentity($0).matchesName(name) }) {
                throw CLIFailure(.noFeed(name: name))
            }
        }
        let unread = try store.count(matching: selection, unreadOnly: true)
        guard unread > 0 else {
            print(say(.nothingToMark))
            return
        }
        if !yes, Confirmation.canAsk, !Confirmation.ask(say(.markQuestion(count: unread))) {
            print(say(.nothingMarked))
            return
        }
        let change = try store.markRead(matching: selection, describing: description)
        print(say(.marked(count: change.count)))
    }

    /// What the journal calls this change: the command's own filters.
    var description: String {
        var parts = ["mark-read"]
        parts += feed.map { "--feed \($0)" }
        parts += tag.map { "--tag \($0)" }
        if let query { parts.append("--query \"\(query)\"") }
        if let before { parts.append("--before \(before)") }
        if let search { parts.append("--search \(search)") }
        if all { parts.append("--all") }
        return parts.joined(separator: " ")
    }
}

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Undo the last bulk change of read state.",
        discussion: """
            Gives every article the last bulk change touched (baca mark-read, or marking a whole \
            view read in the reader) the read state it had before. Run it again to undo the one \
            before. Only read state: article text is never touched.

            Examples:
              baca undo
              baca undo --list
            """)

    @OptionGroup var repository: RepositoryOptions

    @Flag(help: "List the journal instead, newest first.")
    var list = false

    func run() throws {
        let store = try repository.openStore()
        if list {
            let changes = try store.bulkChanges()
            if changes.isEmpty { print(say(.journalEmpty)) }
            for change in changes {
                print("\(FeedListCommand.shortTime(change.createdAt))  \(say(.articleCount(change.count)))  \(change.description)")
            }
            return
        }
        guard let change = try store.undoLastBulkChange() else {
            throw CLIFailure(.nothingToUndo)
        }
        print(say(.undone(change: change.description, count: change.count)))
    }
}

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "The ignore rules of config.toml.",
        discussion: """
            Rules ([[rule]] in config.toml) are applied to each article as it arrives from a \
            feed: `hide` keeps it out (it never arrives, not even later), `mark-read` stores it \
            read. The first rule that matches wins.

            Examples:
              baca rules
              baca rules test
            """,
        subcommands: [RulesListCommand.self, RulesTestCommand.self],
        defaultSubcommand: RulesListCommand.self)
}

struct RulesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the rules.")

    @OptionGroup var config: ConfigOptions

    func run() throws {
        let rules = try config.workflow().rules
        if rules.isEmpty { print(say(.noRules)) }
        for rule in rules { print(RulesTestCommand.describe(rule)) }
    }
}

struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Show which stored articles each rule would match.",
        discussion: "Nothing is changed. An article counts for the first rule that matches it, as on arrival.")

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var config: ConfigOptions

    @Flag(help: "JSON Lines: one object per matched article.")
    var json = false

    struct Document: Encodable {
        var rule: String
        var action: String
        var id: Int64
        var title: String
    }

    static func describe(_ rule: ArrivalRule) -> String {
        var criteria: [String] = []
        if !rule.feeds.isEmpty { criteria.append("feed \(rule.feeds.joined(separator: " | "))") }
        if !rule.tags.isEmpty { criteria.append("tag \(rule.tags.joined(separator: " | "))") }
        if !rule.title.isEmpty { criteria.append("title \(rule.title.joined(separator: " | "))") }
        if !rule.authors.isEmpty { criteria.append("author \(rule.authors.joined(separator: " | "))") }
        if !rule.words.isEmpty { criteria.append("words \(rule.words.joined(separator: " | "))") }
        return "\(rule.name)  [\(rule.action.rawValue)]  \(criteria.joined(separator: ", "))"
    }

    func run() throws {
        let rules = try config.workflow().rules
        guard !rules.isEmpty else {
            print(say(.noRules))
            return
        }
        let store = try repository.openStore(mustExist: true)
        let matches = try store.ruleMatches(rules)
        if json {
            for match in matches {
                print(try JSONOutput.line(Document(rule: match.rule.name, action: match.rule.action.rawValue, id: match.id, title: match.title)))
            }
            return
        }
        for rule in rules {
            let mine = matches.filter { $0.rule == rule }
            print("\(Self.describe(rule))  →  \(say(.articleCount(mine.count)))")
            for match in mine { print("  \(String(repeating: " ", count: max(0, 5 - String(match.id).count)))\(match.id)  \(match.title)") }
        }
    }
}

struct PruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Remove feed articles beyond the limits, never starred ones.",
        discussion: """
            Limits: [limits] keep-articles / keep-days in config.toml for every feed, and \
            `baca feed set ID --keep N --keep-days N` for one feed. Articles of no feed \
            (imported files) and starred articles are never removed. A removed article does \
            not come back on the next fetch: its URL and item are remembered.

            Examples:
              baca prune --dry-run
              baca prune
            """)

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var config: ConfigOptions

    @Flag(help: "Only report what would be removed.")
    var dryRun = false

    func run() throws {
        let limits = try config.workflow().limits
        let store = try repository.openStore()
        let pruned = try store.prune(global: limits, dryRun: dryRun)
        for article in pruned {
            let id = String(article.id)
            print("\(say(.pruneAction(dryRun: dryRun)))  \(String(repeating: " ", count: max(0, 4 - id.count)))\(id)  "
                  + "feed \(article.feedId)  \(say(.pruneReason(tooOld: article.reason == .age)))  \(article.title)")
        }
        let count = pruned.count
        print(say(.pruned(count: count, dryRun: dryRun)))
        if !dryRun, count > 0 { store.checkpoint() }
    }
}
