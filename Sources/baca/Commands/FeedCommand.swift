import ArgumentParser
import BacaCore
import BacaFeeds
import BacaStore
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
              baca feed import langganan.opml
              baca feed export > langganan.opml
              baca fetch
            """,
        subcommands: [
            FeedAddCommand.self, FeedListCommand.self, FeedRemoveCommand.self, FeedImportCommand.self,
            FeedExportCommand.self,
        ])
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
        commandName: "add", abstract: "Subscribe to a feed.",
        discussion: "The feed is read by the next `baca fetch`.")

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The feed's URL (http or https).")
    var url: String

    @Option(help: "A title of your own for the feed.")
    var title: String?

    @Option(name: .customLong("tag"), help: "A tag (repeat for more).")
    var tags: [String] = []

    func run() throws {
        let url = try FeedURL.validated(url)
        let store = try repository.openStore()
        let outcome = try store.addFeed(url: url, title: title.map(Sanitizer.sanitizeLine), tags: tags)
        switch outcome {
        case .added(let feed): print("added  \(feed.id)  \(feed.url)")
        case .existing(let feed): print("already subscribed  \(feed.id)  \(feed.url)")
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
            print("no feeds; add one with: baca feed add URL")
            return
        }
        let style = OutputStyle.standardOutput
        for overview in feeds {
            let feed = overview.feed
            let id = String(feed.id)
            let fetched = feed.lastFetchedAt.map(Self.shortTime) ?? "never"
            let status = feed.lastStatus?.rawValue ?? "new"
            print("\(String(repeating: " ", count: max(0, 4 - id.count)))\(id)  \(overview.articleCount) articles, "
                  + "\(overview.unreadCount) unread  \(fetched) \(status)  \(style.bold(feed.displayTitle))")
            var detail = feed.displayTitle == feed.url ? "     " : "      \(feed.url)"
            if !feed.tags.isEmpty { detail += "  [\(feed.tags.joined(separator: ", "))]" }
            if !detail.trimmingCharacters(in: .whitespaces).isEmpty { print(style.dim(detail)) }
            if feed.lastStatus == .failed, let reason = feed.lastError { print("      failed: \(reason)") }
            if feed.lastStatus == .repaired, let reason = feed.lastError { print("      repaired: \(reason)") }
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
        let found: Feed?
        if let id = Int64(feed) {
            found = try store.feed(id: id)
        } else {
            found = try store.feed(url: feed) ?? (try? FeedURL.validated(feed)).flatMap { try store.feed(url: $0) }
        }
        guard let found else { throw CLIFailure(message: "no feed \(feed); see baca feed list") }
        let deleted = try store.removeFeed(id: found.id, purge: purge)
        print("removed  \(found.id)  \(found.url)" + (purge ? "  (\(deleted) articles deleted)" : ""))
    }
}

struct FeedImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Subscribe to the feeds of an OPML file.",
        discussion: "Folders become tags. Feeds already subscribed are left as they are.")

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The OPML file.")
    var file: String

    func run() throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CLIFailure(message: "cannot read \(file) (\(error.localizedDescription))")
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
                print("skipped: not an http or https URL  \(entry.url)")
                invalid += 1
                continue
            }
            switch try store.addFeed(url: url, title: entry.title, tags: entry.tags) {
            case .added: added += 1
            case .existing: existing += 1
            }
        }
        print("\(entries.count) feeds: \(added) added, \(existing) already subscribed, \(invalid) skipped")
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
