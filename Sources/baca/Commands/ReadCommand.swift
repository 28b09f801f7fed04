import ArgumentParser
import BacaCore
import BacaFeeds
import BacaImages
import BacaStore
import BacaTUI
import BacaTerminal
import Foundation

/// `baca` with no subcommand: the interactive reader.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open the interactive reader (the default when no subcommand is given).",
        discussion: ManualText.readerWhenAsked)

    @OptionGroup var repository: RepositoryOptions

    @Flag(help: "Browse the bundled sample articles in a throwaway repository (yours is not touched).")
    var demo = false

    @Option(help: ArgumentHelp("A theme name or a theme file (see 'baca themes').", valueName: "name|path"))
    var theme: String?

    @Option(help: ArgumentHelp("The config file to use instead of the default one.", valueName: "path"))
    var config: String?

    func run() throws {
        try Self.runReader(databasePath: repository.databasePath, demo: demo, theme: theme, config: config)
    }

    /// The reader, from its options' values: `run()`, and `Baca.main` for the plain `baca` and
    /// `baca --db PATH`, which it starts without ArgumentParser (whose parse of even this one
    /// command was 11.5 M instructions, a sixth of a start).
    static func runReader(databasePath: String?, demo: Bool, theme: String?, config: String?) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CLIFailure(.readerNeedsTerminal, exitCode: 2)
        }
        let environment = ProcessInfo.processInfo.environment
        var messages: [String] = []

        if let config, !FileManager.default.fileExists(atPath: config) {
            throw CLIFailure(.noConfigFile(path: config))
        }
        let language = CLILanguage.current
        let loadedConfig = CLILanguage.config(path: config, environment: environment)
        messages += loadedConfig.warnings

        var themeLoader = ThemeLoader(builtInDirectory: ThemeLoader.locateBuiltInDirectory(), environment: environment)
        themeLoader.language = language
        let (activeTheme, themeWarning) = themeLoader.loadOrDefault(theme ?? loadedConfig.theme ?? "default")
        if let themeWarning { messages.append(themeWarning) }

        let store: ArticleStore
        if demo {
            store = try Self.demoStore()
        } else {
            store = try RepositoryOptions.openStore(databasePath: databasePath)
        }
        // The ignore rules apply to what the reader's own fetches bring too.
        store.setArrivalRules(loadedConfig.workflow.rules)

        var environmentForApp = AppEnvironment(
            store: store,
            keyMap: loadedConfig.keyMap,
            theme: activeTheme,
            loadTheme: { name in try themeLoader.load(name) },
            // The demo leaves nothing behind: no history, no preferences.
            historyDirectory: demo ? nil : Locations.stateDirectory,
            preferencesFile: demo ? nil : Locations.stateDirectory.appendingPathComponent("preferences.json"),
            startupMessages: messages,
            isDemo: demo,
            startFetch: demo ? nil : Self.fetchStarter(store: store, addressRule: FetchCommand.addressRule(config: loadedConfig)),
            browser: Self.browserCommand(environment: environment),
            findFeed: demo ? nil : Self.feedLookup(addressRule: FetchCommand.addressRule(config: loadedConfig)),
            language: language)
        if !demo {
            // The reload schedule (reload-interval, `baca feed set --reload`): due feeds are
            // fetched in the background while the reader runs.
            let minutes = loadedConfig.workflow.reloadMinutes
            environmentForApp.startDueFetch = Self.fetchStarter(
                store: store, addressRule: FetchCommand.addressRule(config: loadedConfig), dueMinutes: minutes,
                notify: loadedConfig.workflow.notifyCommand)
            environmentForApp.hasDueFeeds = { !((try? store.dueFeeds(defaultMinutes: minutes)) ?? []).isEmpty }
        }
        Self.setUpPictures(&environmentForApp, settings: loadedConfig.images, config: loadedConfig, environment: environment)
        if !demo { environmentForApp.importFiles = ImportCommand.readerImport(store: store) }
        let app = App(environment: environmentForApp)
        defer { store.checkpoint() }
        do {
            try ReaderLoop.run(app, options: TerminalOptions(mouse: loadedConfig.mouse, hyperlinks: loadedConfig.hyperlinks))
        } catch let error as TerminalError {
            throw CLIFailure(message: error.description, exitCode: 2)
        }
    }

    /// The articles' pictures: the protocol (forced by `[images] protocol`, else none under
    /// `NO_COLOR`, else what the terminal answers; asked before ncurses takes the terminal),
    /// and the library that fetches them under the pages' rules into the cache.
    static func setUpPictures(
        _ app: inout AppEnvironment, settings: ImageSettings, config: BacaConfig, environment: [String: String]
    ) {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let detected = settings.forcedProtocol == nil && !noColor ? TerminalGraphicsProbe.detect(environment: environment) : .none
        let mode = settings.resolve(detected: detected, noColor: noColor)
        guard mode != .none else { return }
        var limits = FetchLimits()
        limits.totalTimeout = 20
        let client = HTTPClient(limits: limits, userAgent: FetchCommand.userAgent, addressRule: FetchCommand.addressRule(config: config))
        let cache = ImageSettings.cacheDirectory(environment: environment).map {
            PictureCache(directory: $0, limitBytes: settings.cacheMegabytes * 1024 * 1024)
        }
        app.images = ImageLibrary(client: client, cache: cache)
        app.imageProtocol = mode
        app.imageMaxRows = settings.maxRows
        app.imageColors = !noColor
    }

    /// `r` in the reader: every feed fetched on a thread of its own, reporting as it goes.
    /// With `dueMinutes`, only the feeds that are due (the reader's schedule).
    /// `notify`: the notify-command, run (quietly) after a scheduled fetch that brought unread articles.
    static func fetchStarter(
        store: ArticleStore, addressRule: AddressRule = AddressRule(), dueMinutes: Int? = nil, notify: [String] = []
    ) -> FetchStarter {
        return { report in
            let selected: [Feed]?
            if let dueMinutes {
                selected = try? store.dueFeeds(defaultMinutes: dueMinutes)
            } else {
                selected = (try? store.feeds())?.map(\.feed)
            }
            guard let feeds = selected, !feeds.isEmpty else { return false }
            let lastBefore = (try? store.lastArticleId()) ?? 0
            let thread = Thread {
                let fetcher = FeedFetcher(store: store, userAgent: FetchCommand.userAgent, addressRule: addressRule)
                let summary = fetcher.fetchAndWait(feeds) { progress in
                    report(FetchStatus(
                        feedsDone: progress.feedsDone, feedsTotal: progress.feedsTotal,
                        newArticles: progress.newArticles, failures: progress.failures, isFinished: false))
                }
                report(FetchStatus(
                    feedsDone: summary.outcomes.count, feedsTotal: summary.outcomes.count,
                    newArticles: summary.newArticles, failures: summary.failed, isFinished: true,
                    summaryLine: summary.line))
                // The terminal is the reader's: a failing notify-command stays quiet here.
                if !notify.isEmpty, let fresh = try? store.summaries(after: lastBefore, limit: 1000).filter({ !$0.read }), !fresh.isEmpty {
                    Notifier.run(notify, titles: fresh.map(\.title), warn: { _ in })
                }
            }
            thread.start()
            return true
        }
    }

    /// `:feed add URL` in the reader: the same lookup as `baca feed add` (a site's page gives
    /// its feed), with a shorter time-out since the reader waits for it.
    static func feedLookup(addressRule: AddressRule) -> FeedLookupFunction {
        return { text in
            guard let url = URL(string: text) else { return .failure("bukan URL http/https: \(text)") }
            var limits = FetchLimits()
            limits.totalTimeout = 15
            let client = HTTPClient(limits: limits, userAgent: FetchCommand.userAgent, addressRule: addressRule)
            var finder = FeedFinder(client: client)
            finder.timeLimit = 20
            switch finder.findAndWait(url) {
            case .feed(let found): return .feed(url: FeedFetcher.normalised(found.url).absoluteString, note: nil)
            case .several(let feeds): return .several(feeds.map { FeedFetcher.normalised($0.url).absoluteString })
            case .noFeed(let reason): return .failure(Sanitizer.sanitizeLine(reason))
            case .notChecked(let reason): return .feed(url: text, note: Sanitizer.sanitizeLine(reason))
            }
        }
    }

    /// `$BROWSER` as a program and its arguments: the first of its `:`-separated choices, split
    /// on spaces (never handed to a shell).
    static func browserCommand(environment: [String: String]) -> [String]? {
        guard let value = environment["BROWSER"], !value.isEmpty else { return nil }
        let first = value.split(separator: ":").first.map(String.init) ?? value
        let words = first.split(separator: " ").map(String.init)
        return words.isEmpty ? nil : words
    }

    /// An in-memory repository holding the sample articles: the installed ones
    /// (`share/baca/samples`, `$BACA_SHARE_DIR/samples`, the checkout's), else those compiled
    /// into the program, so that a lone copy of it still has a demo.
    static func demoStore() throws -> ArticleStore {
        let store = try ArticleStore.inMemory()
        if let samples = ResourceLocator.directory(named: "samples") {
            let summary = FileImporter(store: store).importPaths([samples.path])
            if summary.imported == 0 {
                throw CLIFailure(.noSamplesImported(folder: samples.path))
            }
            return store
        }
        var imported = 0
        for sample in BundledSamples.files {
            guard let data = Data(base64Encoded: sample.base64),
                  let loaded = try? CaptureLoader.load(data),
                  (try? store.importArticle(loaded.article, sourcePath: nil)) != nil
            else { continue }
            imported += 1
        }
        if imported == 0 {
            throw CLIFailure(.samplesNotFound)
        }
        return store
    }
}

struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the colour themes and where each comes from.",
        discussion: """
            A theme name is looked up in your folder ($XDG_CONFIG_HOME/baca/themes/NAME.toml, \
            else ~/.config/baca/themes/), then in the installed one (PREFIX/share/baca/themes, \
            beside PREFIX/bin/baca, or $BACA_SHARE_DIR/themes), then among the themes compiled \
            into the program. Your own may start with 'inherits = "dark"' to change only some \
            styles. Each line says where the theme was found.

            Examples:
              baca themes
              baca --theme solarized-dark
            """)

    @Option(help: ArgumentHelp("Check that this theme (name or file) loads, and say why not.", valueName: "name|path"))
    var check: String?

    func run() throws {
        var loader = ThemeLoader(builtInDirectory: ThemeLoader.locateBuiltInDirectory())
        loader.language = CLILanguage.current
        if let check {
            do {
                let theme = try loader.load(check)
                print(Sanitizer.sanitizeLine(say(.themeOK(name: theme.name))))
                return
            } catch {
                throw CLIFailure(message: CLILanguage.current.describe(error))
            }
        }
        let themes = loader.availableThemes()
        let width = themes.map(\.name.count).max() ?? 0
        for theme in themes {
            // Theme names are file names: show them, never their control characters.
            let name = Sanitizer.sanitizeLine(theme.name)
            print(name.padding(toLength: max(width, name.count) + 2, withPad: " ", startingAt: 0)
                + Sanitizer.sanitizeLine(theme.origin.describe(in: CLILanguage.current)))
        }
    }
}
