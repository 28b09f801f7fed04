import BacaCore
import BacaStore
import Foundation

/// Which screen has the keyboard.
public enum ScreenKind: Sendable, Equatable {
    case list
    case reader
    /// The help, over the screen it was opened from.
    case help
    /// The table of contents, over the reader.
    case tableOfContents
    /// The subscribed feeds with their unread counts.
    case feeds
}

/// A line for the status bar that lasts until the next key.
public struct StatusMessage: Sendable, Equatable {
    public var text: String
    public var isError: Bool
}

/// The interactive reader without a terminal: it takes input events, runs commands against the
/// repository and draws frames into a `ScreenBuffer`.
///
/// The terminal loop (`BacaTerminal`) feeds it keys and shows its frames; tests do the same with
/// a `MemoryBackend`.
public final class App {
    // MARK: State

    public internal(set) var screen: ScreenKind = .list
    /// The screen under the help overlay.
    var screenUnderHelp: ScreenKind = .list
    public internal(set) var theme: Theme
    /// Bumped when the theme changes, so the terminal loop knows to hand it to the backend.
    public internal(set) var themeGeneration = 0
    public internal(set) var message: StatusMessage?
    public internal(set) var prompt: PromptState?
    public internal(set) var shouldQuit = false
    public internal(set) var size = TerminalSize(columns: 80, rows: 24)

    let environment: AppEnvironment
    let list: ArticleListModel
    var keyMap: KeyMap
    var listCursor = 0
    var listTop = 0
    var reader: ReaderModel?
    var preferences: Preferences
    var helpTop = 0
    var tocCursor = 0
    var pendingKeys: [Key] = []
    var lastDataVersion: Int?
    var positionDirty = false
    let searchHistory: PromptHistory
    let commandHistory: PromptHistory
    var feedRows: [FeedOverview] = []
    var feedCursor = 0
    let fetchMonitor = FetchMonitor()
    lazy var stateWriter = StateWriter(store: environment.store)
    /// Positions saved this session, newest first in effect: an article reopened before its
    /// queued write landed still opens where the reader left it.
    var recentPositions: [Int64: ReadingPosition] = [:]
    /// A fetch is running in the background.
    public internal(set) var isFetching = false
    /// A program to run with the terminal handed over (the browser for `o`); the terminal loop
    /// runs it and clears it.
    public internal(set) var pendingExternalCommand: [String]?
    /// Tab completion: the candidates and which one is shown.
    var completion: (candidates: [String], index: Int)?

    /// The smallest window the reader draws into; below it a notice asks for more room.
    public static let minimumSize = TerminalSize(columns: 40, rows: 10)

    public init(environment: AppEnvironment) {
        self.environment = environment
        self.theme = environment.theme
        self.keyMap = environment.keyMap
        self.list = ArticleListModel(store: environment.store)
        self.preferences = Preferences.load(from: environment.preferencesFile)
        self.searchHistory = PromptHistory(file: environment.historyDirectory?.appendingPathComponent("search_history"))
        self.commandHistory = PromptHistory(file: environment.historyDirectory?.appendingPathComponent("command_history"))
        do {
            try list.reload()
            lastDataVersion = try environment.store.dataVersion()
        } catch {
            show(error: "\(error)")
        }
        if let first = environment.startupMessages.first {
            let more = environment.startupMessages.count > 1 ? " (+\(environment.startupMessages.count - 1) lagi)" : ""
            show(error: first + more)
        }
    }

    // MARK: Input

    /// Handles one event from the terminal.
    public func handle(_ event: InputEvent) {
        switch event {
        case .resize:
            break
        case .key(let key):
            handle(key)
        }
    }

    /// Sets the size that frames and page movements use.
    public func resize(to size: TerminalSize) {
        self.size = size
        clampListScroll()
        if let height = readerHeight, reader != nil {
            reader!.prepareLayout(width: readerTextWidth)
            reader!.scroll(to: reader!.top, viewHeight: height)
        }
    }

    func handle(_ key: Key) {
        if prompt != nil {
            handlePromptKey(key)
            return
        }
        message = nil
        pendingKeys.append(key)
        let contexts = keyContexts
        switch keyMap.resolve(keys: pendingKeys, contexts: contexts) {
        case .command(let invocation):
            pendingKeys = []
            // While the window is too small the reader cannot see what a key would do: only
            // quitting works until it grows.
            guard isLargeEnough || invocation.name == .quit else { return }
            perform(invocation)
        case .pending:
            break
        case .none:
            pendingKeys = []
        }
    }

    /// The key-binding contexts that apply now, most specific first.
    var keyContexts: [KeyContext] {
        switch screen {
        case .list: return [.list, .global]
        case .reader: return [.reader, .global]
        case .help: return [.help, .global]
        case .tableOfContents: return [.toc, .global]
        case .feeds: return [.feeds, .global]
        }
    }

    func handlePromptKey(_ key: Key) {
        switch keyMap.resolve(keys: [key], contexts: [.prompt]) {
        case .command(let invocation):
            perform(invocation)
        case .pending, .none:
            if case .character(let character) = key {
                prompt?.insert(character)
                completion = nil
                promptDidChange()
            }
        }
    }

    // MARK: Messages

    func show(error text: String) { message = StatusMessage(text: text, isError: true) }
    func show(info text: String) { message = StatusMessage(text: text, isError: false) }

    // MARK: Periodic work

    /// Called by the terminal loop when no key came for a while: notices articles that another
    /// process imported, and saves the reading position.
    public func tick() {
        if positionDirty { saveReadingPosition() }
        if let failure = stateWriter.takeFailure() { show(error: failure) }
        pollFetch()
        searchHistory.saveIfNeeded()
        commandHistory.saveIfNeeded()
        guard let version = try? environment.store.dataVersion() else { return }
        if let last = lastDataVersion, version != last {
            self.lastDataVersion = version
            // The reader's own read/star/position write: the rows and counts were changed in
            // place, and in an unfiltered list no row can have come or gone, so there is
            // nothing to reload (at 100,000 articles a reload after every open cost ~10 ms).
            if !(stateWriter.isOwnWrite(from: last, to: version) && list.scope == .all) {
                reloadList(keepingFocus: true)
            }
        }
        lastDataVersion = version
    }

    /// Saves where the reader is; called on leaving an article, on quit and when idle.
    func saveReadingPosition() {
        positionDirty = false
        guard let reader, reader.mode == .full, let position = reader.position else { return }
        let id = reader.stored.id
        recentPositions[id] = position
        stateWriter.enqueue { try $0.savePosition(position, id: id) }
    }

    /// Called by the terminal loop before it stops.
    public func willQuit() {
        saveReadingPosition()
        stateWriter.finish()
        searchHistory.saveIfNeeded()
        commandHistory.saveIfNeeded()
        preferences.save(to: environment.preferencesFile)
    }
}
