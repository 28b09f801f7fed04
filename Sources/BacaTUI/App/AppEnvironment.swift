import BacaCore
import BacaStore
import Foundation

/// What `:feed add URL` finds at the URL (the CLI's `FeedFinder`, given by the environment).
public enum FeedAddLookup: Sendable, Equatable {
    /// Subscribe to `url` (the URL itself, or the feed its page names); `note` says why it was
    /// not checked, when it was not.
    case feed(url: String, note: String?)
    /// A page naming several feeds: the user picks one.
    case several([String])
    /// No feed there; nothing is subscribed.
    case failure(String)
}

/// Looks a URL up for `:feed add`, on the calling thread.
public typealias FeedLookupFunction = @Sendable (String) -> FeedAddLookup

/// Imports files and folders for `:import` into the repository, on the calling thread (a
/// background one); the reader knows the counts only. The CLI gives BacaFeeds' `FileImporter`.
public typealias FileImportFunction = @Sendable ([String], Language) -> ImportResult

/// What the reader needs from outside: the repository, the key bindings, the themes and where
/// to keep its small files. Tests build one with an in-memory repository and no files.
public struct AppEnvironment {
    public var store: ArticleStore
    public var keyMap: KeyMap
    public var theme: Theme
    /// Loads a theme by name or path for `:theme`; throws a one-line error.
    public var loadTheme: (String) throws -> Theme
    /// Where search and command history are kept across runs; nil keeps them in memory.
    public var historyDirectory: URL?
    /// Where the reader remembers small preferences (the summary/full choice); nil: in memory.
    public var preferencesFile: URL?
    /// Messages to show at start-up (config warnings).
    public var startupMessages: [String]
    /// True for `--demo`: a throwaway repository of the sample articles.
    public var isDemo: Bool
    /// Starts a background fetch of every feed (`r`); nil where fetching is not available.
    public var startFetch: FetchStarter?
    /// The browser command for `o` (`$BROWSER`), run with the link as its last argument.
    public var browser: [String]?
    /// The language of the reader's words.
    public var language: Language
    /// Fetches only the feeds that are due (`baca fetch --due`), for the reader's own schedule;
    /// nil: no scheduled fetches.
    public var startDueFetch: FetchStarter?
    /// Whether any feed is due now (checked at most once a `scheduleCheckInterval` while idle).
    public var hasDueFeeds: (@Sendable () -> Bool)?
    /// Seconds between looks at the schedule.
    public var scheduleCheckInterval: TimeInterval = 60
    /// Finds the feed behind a URL for `:feed add`; nil subscribes to the URL as given.
    public var findFeed: FeedLookupFunction?
    /// Imports files for `:import`; nil where importing is not available.
    public var importFiles: FileImportFunction?
    /// Fetches and draws the articles' pictures; nil: captions only.
    public var images: (any ImageSource)?
    /// How pictures reach this terminal (detected, or forced by `[images] protocol`).
    public var imageProtocol: ImageProtocol = .none
    /// `[images] max_rows`.
    public var imageMaxRows = 12
    /// False under `NO_COLOR`: forced symbols are drawn without colour.
    public var imageColors = true

    public init(
        store: ArticleStore, keyMap: KeyMap, theme: Theme,
        loadTheme: @escaping (String) throws -> Theme,
        historyDirectory: URL? = nil, preferencesFile: URL? = nil,
        startupMessages: [String] = [], isDemo: Bool = false,
        startFetch: FetchStarter? = nil, browser: [String]? = nil, findFeed: FeedLookupFunction? = nil,
        language: Language = .id
    ) {
        self.language = language
        self.findFeed = findFeed
        self.startFetch = startFetch
        self.browser = browser
        self.store = store
        self.keyMap = keyMap
        self.theme = theme
        self.loadTheme = loadTheme
        self.historyDirectory = historyDirectory
        self.preferencesFile = preferencesFile
        self.startupMessages = startupMessages
        self.isDemo = isDemo
    }
}
