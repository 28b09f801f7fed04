import ArgumentParser
import BacaCore
import BacaFeeds
import BacaStore
import BacaTUI
import Foundation

struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch subscribed feeds and the pages of their new articles.",
        discussion: """
            Fetches every feed (or those named, by id or URL), 4 at once and at most 2 to one \
            host. An unchanged feed costs one request (304). Each new item's page is fetched \
            and its article extracted; when that fails the article keeps the feed's text \
            ("summary only") and a later fetch tries the page again.

            On a terminal a progress bar; otherwise one line per feed as it finishes. Then the \
            reasons of failures and a summary line. A failing feed never stops the others, but \
            the exit code is 1, as it is when a page is refused by a safety rule (a body past its limit, \
            a page a public feed names on a private address), each named on a line of its own.

            With --due, only the feeds whose reload interval has passed since their last fetch \
            (reload-interval in config.toml, default 60 minutes; `baca feed set ID --reload 2h` \
            for one feed): run it often from cron or a systemd timer (see the README) and each \
            feed is fetched on its own schedule.

            Ignore rules ([[rule]] in config.toml) apply to the new articles. With \
            notify-command = ["program", "arg"] in config.toml, the program runs after a fetch \
            that brought unread articles, with the count and each title as further arguments \
            (never through a shell).

            Examples:
              baca fetch
              baca fetch 3 https://example.com/rss
              baca fetch --due
            """)

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var config: ConfigOptions

    @Flag(help: "Only the feeds that are due (their reload interval has passed).")
    var due = false

    @Argument(help: ArgumentHelp("Feeds to fetch, by id or URL (default: all).", valueName: "feed"))
    var feeds: [String] = []

    @Flag(name: .customLong("no-pages"), help: "Do not fetch article pages; store the feeds' own text.")
    var noPages = false

    @Option(help: ArgumentHelp("Give up on one request after this many seconds.", valueName: "seconds"))
    var timeout: Double?

    func validate() throws {
        if let timeout, !(1...600).contains(timeout) {
            throw ValidationError("--timeout must be between 1 and 600 seconds, not \(timeout)")
        }
    }

    func run() throws {
        let settings = try config.workflow()
        let store = try repository.openStore()
        defer { store.checkpoint() }
        var selected = try select(in: store)
        if selected.isEmpty {
            print(say(.noFeeds))
            return
        }
        if due {
            let dueIds = Set(try store.dueFeeds(defaultMinutes: settings.reloadMinutes).map(\.id))
            selected = selected.filter { dueIds.contains($0.id) }
            if selected.isEmpty {
                print(say(.noFeedDue))
                return
            }
        }
        store.setArrivalRules(settings.rules)
        let lastBefore = try store.lastArticleId()
        var limits = FetchLimits()
        if let timeout {
            limits.totalTimeout = timeout
            limits.connectTimeout = min(limits.connectTimeout, timeout)
        }
        let fetcher = FeedFetcher(
            store: store, limits: limits, userAgent: Self.userAgent, addressRule: Self.addressRule(), fetchesPages: !noPages)
        let output = FetchOutput(isTerminal: OutputStyle.standardOutput.isTerminal, width: OutputStyle.terminalColumns)
        output.start(total: selected.count)
        let summary = fetcher.fetchAndWait(selected) { progress in output.report(progress) }
        output.finish(summary)
        if !settings.notifyCommand.isEmpty {
            let fresh = try store.summaries(after: lastBefore, limit: 1000).filter { !$0.read }
            if !fresh.isEmpty { Notifier.run(settings.notifyCommand, titles: fresh.map(\.title)) }
        }
        if summary.failed > 0 || summary.refusedPages > 0 { throw ExitCode(1) }
    }

    /// The address rule, lifted by `[network] allow_private_addresses = true` in config.toml.
    static func addressRule(config: BacaConfig = BacaConfig.load()) -> AddressRule {
        AddressRule(allowsPrivateAddresses: config.allowsPrivateAddresses)
    }

    /// `baca/0.1.0 (+terminal news reader)`.
    static var userAgent: String { "baca/\(Baca.version) (terminal news reader)" }

    private func select(in store: ArticleStore) throws -> [Feed] {
        let all = try store.feeds().map(\.feed)
        guard !feeds.isEmpty else { return all }
        return try feeds.map { name in
            if let id = Int64(name), let feed = all.first(where: { $0.id == id }) { return feed }
            let url = (try? FeedURL.validated(name)) ?? name
            guard let feed = all.first(where: { $0.url == url || $0.url == name }) else {
                throw CLIFailure(.noFeed(name: name))
            }
            return feed
        }
    }
}

/// What `baca fetch` prints: a progress bar on a terminal, one line per feed elsewhere.
final class FetchOutput: @unchecked Sendable {
    private let lock = NSLock()
    let isTerminal: Bool
    let width: Int

    init(isTerminal: Bool, width: Int) {
        self.isTerminal = isTerminal
        self.width = width
    }

    func start(total: Int) {
        if isTerminal { draw(FetchProgress(feedsDone: 0, feedsTotal: total, newArticles: 0, failures: 0, elapsed: 0)) }
    }

    func report(_ progress: FetchProgress) {
        lock.lock(); defer { lock.unlock() }
        if isTerminal {
            draw(progress)
        } else if let outcome = progress.latest {
            write("\(outcome.statusText(in: CLILanguage.current))  \(outcome.feed.url)\n")
            writeRefusals(outcome)
        }
    }

    /// `page refused: body expanded past the limit of 10 MB (gzip)  https://…`, one a page.
    private func writeRefusals(_ outcome: FeedFetchOutcome) {
        for page in outcome.refusedPages { write("\(say(.pageRefused(reason: FetchReasonText.describe(page.reason, in: CLILanguage.current))))  \(page.url)\n") }
    }

    func finish(_ summary: FetchSummary) {
        lock.lock(); defer { lock.unlock() }
        if isTerminal {
            write("\r\u{1B}[2K")
            for outcome in summary.outcomes where outcome.failed {
                write("\(outcome.statusText(in: CLILanguage.current))  \(outcome.feed.url)\n")
            }
            for outcome in summary.outcomes { writeRefusals(outcome) }
        }
        write(summary.line(in: CLILanguage.current) + "\n")
    }

    /// `[#######-------------] 37/100 feeds · 120 new · 2 failed · 12 s`
    private func draw(_ progress: FetchProgress) {
        let counts = say(.fetchProgress(
            done: progress.feedsDone, total: progress.feedsTotal, new: progress.newArticles, failures: progress.failures,
            seconds: Int(progress.elapsed)))
        let barWidth = max(10, min(40, width - counts.count - 3))
        let filled = progress.feedsTotal == 0 ? barWidth : barWidth * progress.feedsDone / progress.feedsTotal
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled) + "]"
        write("\r\u{1B}[2K" + bar + counts)
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Runs the user's `notify-command` after a fetch that brought unread articles.
enum Notifier {
    /// `command` with `"N new articles"` and each title appended, as an argument list (through
    /// `/usr/bin/env`, which finds the program on `PATH`; never a shell). Waits at most 10 s;
    /// a failure is a warning, never a failed fetch.
    static func run(
        _ command: [String], titles: [String],
        warn: (String) -> Void = { FileHandle.standardError.write(Data("baca: \($0)\n".utf8)) }
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let count = titles.count
        process.arguments = ["--"] + command + ["\(count) new \(count == 1 ? "article" : "articles")"] + titles
        process.standardInput = FileHandle.nullDevice
        // Its own output would land in the middle of baca's (or the reader's screen).
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            warn(say(.notifyDidNotStart(program: command[0], reason: error.localizedDescription)))
            return
        }
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            warn(say(.notifyTookTooLong(program: command[0])))
        } else if process.terminationStatus != 0 {
            warn(say(.notifyExited(program: command[0], status: process.terminationStatus)))
        }
    }
}
