import ArgumentParser
import BacaCore
import BacaFeeds
import BacaStore
import BacaTUI
import Foundation

/// `baca feed …`: the subscriptions.
struct FeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Manage feed subscriptions (RSS, Atom, JSON Feed).",
        discussion: """
            Examples:
              baca feed add https://example.com/rss --tag berita
              baca feed list
              baca feed tag 3 olahraga daerah
              baca feed set 3 --reload 2h --keep 200
              baca feed import langganan.opml
              baca feed export > langganan.opml
              baca fetch
            """,
        subcommands: [
            FeedAddCommand.self, FeedListCommand.self, FeedRemoveCommand.self, FeedTagCommand.self, FeedTagsCommand.self, FeedSetCommand.self,
            FeedImportCommand.self, FeedExportCommand.self,
        ])
}

/// A feed named on the command line by its id or URL.
enum FeedLookup {
    static func find(_ name: String, in store: ArticleStore) throws -> Feed {
        let found: Feed?
        if let id = Int64(name) {
            found = try store.feed(id: id)
        } else {
            found = try store.feed(url: name) ?? (try? FeedURL.validated(name)).flatMap { try store.feed(url: $0) }
        }
        guard let found else { throw CLIFailure(.noFeed(name: name)) }
        return found
    }
}

struct FeedTagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag", abstract: "Add tags to a feed, or remove them with --untag.",
        discussion: """
            Tags group feeds: `baca mark-read --tag T`, `tag:T` in a query, folders in OPML.

            Examples:
              baca feed tag 3 olahraga daerah
              baca feed tag https://example.com/rss daerah --untag
            """)

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The feed's id (as `baca feed list` shows it) or URL.")
    var feed: String

    @Argument(help: "The tags.")
    var tags: [String]

    @Flag(help: "Remove the tags instead.")
    var untag = false

    func validate() throws {
        if tags.allSatisfy({ Sanitizer.sanitizeLine($0).isEmpty }) { throw ValidationError("give at least one tag") }
    }

    func run() throws {
        let store = try repository.openStore()
        let found = try FeedLookup.find(feed, in: store)
        let updated = try store.setTags(feedId: found.id, adding: untag ? [] : tags, removing: untag ? tags : [])
        print("\(updated.id)  \(updated.url)  [\(updated.tags.joined(separator: ", "))]")
    }
}

struct FeedTagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tags", abstract: "List the tags with their feeds and unread counts.",
        discussion: "Columns: unread, articles, feeds, tag.")

    @OptionGroup var repository: RepositoryOptions

    func run() throws {
        let store = try repository.openStore()
        let tags = try store.tagOverviews()
        if tags.isEmpty { print(say(.noTags)) }
        for tag in tags {
            print(say(.tagLine(unread: tag.unreadCount, articles: tag.articleCount, feeds: tag.feedCount, tag: tag.tag)))
        }
    }
}

struct FeedSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set a feed's reload interval and limits.",
        discussion: """
            Each setting overrides the global one of config.toml (reload-interval, [limits])             for this feed; `default` goes back to the global setting. Settings not given stay.

            Examples:
              baca feed set 3 --reload 15m
              baca feed set 3 --keep 100 --keep-days 30
              baca feed set 3 --reload default --keep default
            """)

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The feed's id or URL.")
    var feed: String

    @Option(help: ArgumentHelp("Fetch it this often with fetch --due: 30m, 2h, 1d, or default.", valueName: "interval"))
    var reload: String?

    @Option(help: ArgumentHelp("Keep its newest N articles (prune), or default.", valueName: "N"))
    var keep: String?

    @Option(name: .customLong("keep-days"), help: ArgumentHelp("Keep its articles of the last N days (prune), or default.", valueName: "N"))
    var keepDays: String?

    /// `default` is `.some(nil)`; no option is `nil`.
    static func setting(_ text: String?, option: String, parse: (String) -> Int?) throws -> Int?? {
        guard let text else { return nil }
        if text == "default" { return .some(nil) }
        guard let value = parse(text) else { throw ValidationError("\(option) does not read '\(text)'") }
        return .some(value)
    }

    func validate() throws {
        if reload == nil && keep == nil && keepDays == nil { throw ValidationError("give --reload, --keep or --keep-days") }
        _ = try Self.setting(reload, option: "--reload", parse: WorkflowSettings.parseDuration)
        _ = try Self.setting(keep, option: "--keep") { Int($0).flatMap { $0 > 0 ? $0 : nil } }
        _ = try Self.setting(keepDays, option: "--keep-days") { Int($0).flatMap { $0 > 0 ? $0 : nil } }
    }

    func run() throws {
        let store = try repository.openStore()
        let found = try FeedLookup.find(feed, in: store)
        var policy = try store.feedPolicies()[found.id] ?? FeedPolicy()
        if let value = try Self.setting(reload, option: "--reload", parse: WorkflowSettings.parseDuration) { policy.reloadMinutes = value }
        if let value = try Self.setting(keep, option: "--keep", parse: { Int($0) }) { policy.keepArticles = value }
        if let value = try Self.setting(keepDays, option: "--keep-days", parse: { Int($0) }) { policy.keepDays = value }
        try store.setFeedPolicy(policy, feedId: found.id)
        print("\(found.id)  \(found.url)  "
              + say(.feedPolicy(reloadMinutes: policy.reloadMinutes, keepArticles: policy.keepArticles, keepDays: policy.keepDays)))
    }
}

/// The one check every feed URL passes: absolute `http` or `https`.
enum FeedURL {
    static func validated(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", !(url.host ?? "").isEmpty
        else { throw ValidationError("'\(text)' is not an http or https URL") }
        return FeedFetcher.normalised(url).absoluteString
    }
}

struct FeedAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Subscribe to a feed, or to the feed a site's page names.",
        discussion: """
            The URL is read once: a feed is subscribed to as it is; on an HTML page (a site's \
            home page) the feeds its <link rel="alternate"> name are read, then the usual paths \
            (/feed, /rss, /atom.xml …). One feed found is subscribed to; several are listed \
            (exit 1) for you to add the one you want. When the URL cannot be read now, it is \
            subscribed to as given, with a note. Articles come with the next `baca fetch`.
            """)

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The feed's URL (http or https).")
    var url: String

    @Option(help: "A title of your own for the feed.")
    var title: String?

    @Option(name: .customLong("tag"), help: "A tag (repeat for more).")
    var tags: [String] = []

    func run() throws {
        let given = try FeedURL.validated(url)
        let store = try repository.openStore()
        guard let address = URL(string: given) else { throw ValidationError("'\(url)' is not an http or https URL") }
        let client = HTTPClient(userAgent: FetchCommand.userAgent, addressRule: FetchCommand.addressRule())
        var subscribed = given
        var note: String?
        switch FeedFinder(client: client).findAndWait(address) {
        case .feed(let found):
            subscribed = FeedFetcher.normalised(found.url).absoluteString
            if subscribed != given { note = say(.feedOfPage(page: given)) }
        case .several(let feeds):
            print(say(.severalFeeds(page: given, count: feeds.count)))
            for feed in feeds {
                let title = feed.title.map { "  \(Sanitizer.sanitizeLine($0))" } ?? ""
                print("  baca feed add \(FeedFetcher.normalised(feed.url).absoluteString)\(title)")
            }
            throw ExitCode(1)
        case .noFeed(let reason):
            throw CLIFailure(message: reason)
        case .notChecked(let reason):
            note = say(.feedNotCheckedNow(reason: Sanitizer.sanitizeLine(FetchReasonText.describe(reason, in: CLILanguage.current))))
        }
        let outcome = try store.addFeed(url: subscribed, title: title.map(Sanitizer.sanitizeLine), tags: tags)
        let suffix = note.map { "  (\($0))" } ?? ""
        switch outcome {
        case .added(let feed): print(say(.feedAdded(id: feed.id, url: feed.url)) + suffix)
        case .existing(let feed): print(say(.feedAlreadySubscribed(id: feed.id, url: feed.url)) + suffix)
        }
    }
}

struct FeedListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the subscriptions.",
        discussion: """
            Columns: id, articles, unread, last fetch (time and status), title, then the URL and \
            tags on the next line; a failed fetch gives its reason. With --json, one object per line.
            """)

    @OptionGroup var repository: RepositoryOptions

    @Flag(help: "JSON Lines instead of text.")
    var json = false

    func run() throws {
        let store = try repository.openStore()
        let feeds = try store.feeds()
        if json {
            for overview in feeds { print(try JSONOutput.line(FeedDocument(overview))) }
            return
        }
        if feeds.isEmpty {
            print(say(.noFeeds))
            return
        }
        let style = OutputStyle.standardOutput
        for overview in feeds {
            let feed = overview.feed
            let id = String(feed.id)
            let fetched = feed.lastFetchedAt.map(Self.shortTime) ?? say(.feedNeverFetched)
            let status = say(.feedStatusWord(feed.lastStatus?.rawValue ?? "new"))
            print("\(String(repeating: " ", count: max(0, 4 - id.count)))\(id)  "
                  + say(.feedCounts(articles: overview.articleCount, unread: overview.unreadCount))
                  + "  \(fetched) \(status)  \(style.bold(feed.displayTitle))")
            var detail = feed.displayTitle == feed.url ? "     " : "      \(feed.url)"
            if !feed.tags.isEmpty { detail += "  [\(feed.tags.joined(separator: ", "))]" }
            if !detail.trimmingCharacters(in: .whitespaces).isEmpty { print(style.dim(detail)) }
            if feed.lastStatus == .failed, let reason = feed.lastError {
                print("      " + say(.failedFeed(reason: FetchReasonText.describe(reason, in: CLILanguage.current))))
            }
            if feed.lastStatus == .repaired, let reason = feed.lastError { print("      " + say(.repairedFeed(reason: reason))) }
        }
    }

    static func shortTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}

/// A feed in `baca feed list --json`.
struct FeedDocument: Encodable {
    var id: Int64
    var url: String
    var title: String
    var tags: [String]
    var articles: Int
    var unread: Int
    var lastFetchedAt: String?
    var lastStatus: String?
    var lastError: String?

    init(_ overview: FeedOverview) {
        let feed = overview.feed
        id = feed.id
        url = feed.url
        title = feed.displayTitle
        tags = feed.tags
        articles = overview.articleCount
        unread = overview.unreadCount
        lastFetchedAt = feed.lastFetchedAt.map { ISO8601DateFormatter().string(from: $0) }
        lastStatus = feed.lastStatus?.rawValue
        lastError = feed.lastError
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(url, forKey: .url)
        try container.encode(title, forKey: .title)
        try container.encode(tags, forKey: .tags)
        try container.encode(articles, forKey: .articles)
        try container.encode(unread, forKey: .unread)
        try container.encode(lastFetchedAt, forKey: .lastFetchedAt)
        try container.encode(lastStatus, forKey: .lastStatus)
        try container.encode(lastError, forKey: .lastError)
    }

    enum CodingKeys: String, CodingKey {
        case id, url, title, tags, articles, unread, lastFetchedAt, lastStatus, lastError
    }
}

struct FeedRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Unsubscribe from a feed.",
        discussion: "Its articles stay in the repository unless --purge.")

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The feed's id (as `baca feed list` shows it) or URL.")
    var feed: String

    @Flag(help: "Delete the feed's articles too (those no other feed brought).")
    var purge = false

    func run() throws {
        let store = try repository.openStore()
        let found = try FeedLookup.find(feed, in: store)
        let deleted = try store.removeFeed(id: found.id, purge: purge)
        print(say(.feedRemoved(id: found.id, url: found.url, deletedArticles: purge ? deleted : nil)))
    }
}

struct FeedImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Subscribe to the feeds of an OPML file.",
        discussion: "Folders become tags. Feeds already subscribed keep their title and gain the file's tags.")

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The OPML file.")
    var file: String

    func run() throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CLIFailure(.cannotReadFile(path: file, reason: error.localizedDescription))
        }
        let entries: [OPMLFeed]
        do {
            entries = try OPML.parse(data)
        } catch {
            throw CLIFailure(message: "\(file): \(error)")
        }
        let store = try repository.openStore()
        var added = 0, existing = 0, invalid = 0
        for entry in entries {
            guard let url = try? FeedURL.validated(entry.url) else {
                print(say(.opmlSkipped(url: entry.url)))
                invalid += 1
                continue
            }
            switch try store.addFeed(url: url, title: entry.title, tags: entry.tags) {
            case .added: added += 1
            case .existing(let feed):
                existing += 1
                if !entry.tags.isEmpty { try store.setTags(feedId: feed.id, adding: entry.tags, removing: []) }
            }
        }
        print(say(.opmlSummary(feeds: entries.count, added: added, existing: existing, skipped: invalid)))
        if invalid > 0 { throw ExitCode(1) }
    }
}

struct FeedExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Print the subscriptions as OPML 2.0.",
        discussion: "Tags become outline folders.")

    @OptionGroup var repository: RepositoryOptions

    func run() throws {
        let store = try repository.openStore()
        let feeds = try store.feeds().map { OPMLFeed(url: $0.feed.url, title: $0.feed.title ?? $0.feed.feedTitle, tags: $0.feed.tags) }
        print(OPML.document(title: "baca subscriptions", feeds: feeds), terminator: "")
    }
}
