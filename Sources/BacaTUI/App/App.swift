import BacaCore
import BacaStore
import Foundation

/// Which component is on top of the stack.
public enum ScreenKind: Sendable, Equatable {
    case list
    case reader
    /// The help, over the screen it was opened from.
    case help
    /// The table of contents, over the reader.
    case tableOfContents
    /// The subscribed feeds with their unread counts.
    case feeds
    /// The `/` or `:` line.
    case prompt
}

/// The compositor: a stack of components (the list at the bottom, then whatever was opened
/// over it), the status line, and the app-wide commands.
///
/// `handle(_:)` takes one `AppEvent`: a key is resolved through the keymap in the top
/// component's context into a typed `Command`, which the top component handles (or, when it
/// ignores it, the app's global commands). The component answers with actions; the app applies
/// stack changes and messages itself and returns the `Effect`s the loop must perform (quit, a
/// program, a theme, background work), whose results come back as events. `render()` prepares
/// and draws the visible components and the status bar.
public final class App {
    let context: AppContext
    /// The screens and overlays, bottom first; never empty (the list is always at the bottom).
    private(set) var stack: [any Component]
    public internal(set) var message: StatusMessage?
    var pendingKeys: [Key] = []
    private var lastDataVersion: Int?
    private var importRunning = false
    /// When the schedule was last looked at (the start counts: the first look is one interval
    /// in, so a key pressed at once is never beaten by a scheduled fetch).
    private var lastScheduleCheck = Date()

    /// The smallest window the reader draws into; below it a notice asks for more room.
    public static let minimumSize = TerminalSize(columns: 40, rows: 10)

    public init(environment: AppEnvironment) {
        context = AppContext(environment: environment)
        let root = ListScreen(level: .all, store: environment.store)
        stack = [root]
        do {
            context.counts = try environment.store.counts()
            lastDataVersion = try environment.store.dataVersion()
        } catch {
            message = .error("\(error)")
        }
        if let first = environment.startupMessages.first {
            let more = environment.startupMessages.count > 1
                ? context.tr(" (+\(environment.startupMessages.count - 1) lagi)", " (+\(environment.startupMessages.count - 1) more)") : ""
            message = .warning(first + more)
        }
    }

    // MARK: What tests and the loop read

    /// The component on top.
    public var screen: ScreenKind { top.kind }
    /// How many levels are open: 1 at the plain list.
    public var depth: Int { stack.count }
    public var theme: Theme { context.theme }
    public var size: TerminalSize { context.size }
    public var language: Language { context.language }
    /// The prompt's state while `/` or `:` is open.
    public var prompt: PromptState? { (top as? PromptOverlay)?.state }
    /// A fetch or an import is running: the loop looks for its events more often.
    public var hasBackgroundWork: Bool { context.fetchStatus != nil || importRunning }

    var top: any Component { stack[stack.count - 1] }
    /// Where the last frame's clicks mean something (`HitMap`).
    var lastHitMap = HitMap()
    /// The last left press: where, at what stack depth (before it acted), and when.
    var lastClick: (row: Int, column: Int, depth: Int, time: Date)?

    // MARK: Events

    /// What the last frame's layout asked for and the loop must start: the pictures it found
    /// no drawing for, fetched in the background (`ImageShelf`). The driver asks after drawing.
    public func takeDeferredEffects() -> [Effect] {
        context.images.takeJob().map { [.background($0)] } ?? []
    }

    /// Handles one event and returns what the loop must do.
    public func handle(_ event: AppEvent) -> [Effect] {
        switch event {
        case .key(let key):
            return handle(key)
        case .mouse(let mouse):
            return handle(mouse)
        case .paste(let text):
            return handle(paste: text)
        case .resize(let size):
            context.size = size
            return []
        case .idle:
            return idle()
        case .fetchProgress(let status):
            return fetchProgressed(status)
        case .importFinished(let result):
            importRunning = false
            noticeDataChange()
            let line = context.tr("Impor: \(result.imported) baru, \(result.updated) diperbarui, \(result.unchanged) tetap, \(result.failed) gagal",
                                  "Import: \(result.imported) new, \(result.updated) updated, \(result.unchanged) unchanged, \(result.failed) failed")
            if let failure = result.firstFailure {
                message = .error(line + " — " + failure)
            } else {
                message = .info(line)
            }
            return []
        case .imageLoaded(let request, let outcome):
            context.images.store(outcome, for: request)
            return []
        case .programFinished(let name, let status):
            if status == nil {
                message = .error(context.tr("\(name) tidak bisa dijalankan", "\(name) could not be started"))
            } else if let status, status != 0 {
                message = .error(context.tr("\(name) berhenti dengan kode \(status)", "\(name) exited with status \(status)"))
            }
            return []
        }
    }

    private func handle(_ key: Key) -> [Effect] {
        if top.keyContext == .prompt {
            switch context.keyMap.resolve(keys: [key], contexts: [.prompt]) {
            case .command(let invocation):
                return run(Command(invocation))
            case .pending, .none:
                if case .character(let character) = key {
                    return apply(top.handle(character: character, context: context))
                }
                return []
            }
        }
        message = nil
        pendingKeys.append(key)
        switch context.keyMap.resolve(keys: pendingKeys, contexts: [top.keyContext, .global]) {
        case .command(let invocation):
            pendingKeys = []
            // While the window is too small the reader cannot see what a key would do: only
            // quitting works until it grows.
            let command = Command(invocation)
            guard context.isLargeEnough || command == .quit else { return [] }
            return run(command)
        case .pending:
            return []
        case .none:
            pendingKeys = []
            return []
        }
    }

    /// A command for the top component, then, if it ignores it, for the app.
    func run(_ command: Command) -> [Effect] {
        switch top.handle(command, context: context) {
        case .consumed(let actions): return perform(actions)
        case .ignored: return apply(global(command))
        }
    }

    func apply(_ result: EventResult) -> [Effect] {
        if case .consumed(let actions) = result { return perform(actions) }
        return []
    }

    /// Applies stack changes and messages; collects what goes out to the loop.
    private func perform(_ actions: [Action]) -> [Effect] {
        var effects: [Effect] = []
        for action in actions {
            switch action {
            case .push(let component):
                stack.append(component)
            case .pop:
                if stack.count > 1 {
                    stack.removeLast()
                    top.didBecomeTop(context: context)
                }
            case .dispatch(let command):
                effects += run(command)
            case .message(let text):
                message = text
            case .dataChanged:
                noticeDataChange()
            case .effect(let effect):
                if case .quit = effect { saveState() }
                effects.append(effect)
            }
        }
        return effects
    }

    // MARK: Global commands

    /// What works on every screen: help, the `:` line, themes, import, fetch, quit.
    private func global(_ command: Command) -> EventResult {
        switch command {
        case .quit:
            return .perform(.effect(.quit))
        case .back, .clearSearch:
            // Nothing to go back to at the top level.
            return .done
        case .backOrQuit:
            return stack.count == 1 ? .perform(.effect(.quit)) : .perform(.pop)
        case .help:
            return .perform(.push(HelpOverlay(sections: helpSections())))
        case .commandLine(let prefill):
            return .perform(.push(PromptOverlay(kind: .command, text: prefill, context: context)))
        case .search(nil):
            return .perform(.push(PromptOverlay(kind: .search, context: context)))
        case .theme(let name):
            guard let name else { return .perform(.message(.info(context.tr("Tema: ", "Theme: ") + context.theme.name))) }
            do {
                let theme = try context.environment.loadTheme(name)
                context.theme = theme
                return .perform(.effect(.setTheme(theme)), .message(.info(context.tr("Tema: ", "Theme: ") + theme.name)))
            } catch {
                return .perform(.message(.error(context.language.describe(error))))
            }
        case .importFiles(let paths):
            return importFiles(paths)
        case .fetch:
            return startFetch()
        case .addFeed(let url):
            return addFeed(url)
        case .redraw:
            return .done
        case .undo:
            return BulkRead.undo(context: context)
        case .tag(let name?):
            return TagLists.open(name, context: context)
        case .tag(nil):
            return .perform(.push(FeedsScreen(context: context, current: nil)), .dispatch(.tag(nil)))
        case .filter, .sort, .refresh, .feeds:
            // List commands from another screen: they apply to the list at the bottom.
            return .done
        default:
            return .done
        }
    }

    /// The help, made from the live keymap, with the keys of the screen below it first.
    private func helpSections() -> [HelpSection] {
        let first: KeyContext
        switch top.kind {
        case .reader, .tableOfContents: first = .reader
        case .feeds: first = .feeds
        default: first = .list
        }
        let order = [first] + HelpContent.defaultContexts.filter { $0 != first }
        return HelpContent.make(keyMap: context.keyMap, contexts: order, language: context.language)
    }

    /// `:import PATH…` on a background thread; the list follows when it is done.
    private func importFiles(_ paths: [String]) -> EventResult {
        guard !paths.isEmpty else {
            return .perform(.message(.error(context.tr("import perlu PATH berkas atau folder", "import needs a file or folder PATH"))))
        }
        guard !importRunning else {
            return .perform(.message(.info(context.tr("Impor masih berjalan…", "An import is still running…"))))
        }
        guard let importer = context.environment.importFiles else {
            return .perform(.message(.error(context.tr("Impor tidak tersedia di sini", "Importing is not available here"))))
        }
        importRunning = true
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        let expanded = paths.map { path in
            path == "~" ? home : path.hasPrefix("~/") ? home + path.dropFirst() : path
        }
        let language = context.language
        let job = BackgroundJob(name: "import") { post in
            post(.importFinished(importer(expanded, language)))
        }
        return .perform(.effect(.background(job)), .message(.info(context.tr("Mengimpor…", "Importing…"))))
    }

    /// `r`: fetches every feed on another thread while the reader goes on.
    private func startFetch() -> EventResult {
        guard context.fetchStatus == nil else {
            return .perform(.message(.info(context.tr("Pengambilan masih berjalan…", "A fetch is still running…"))))
        }
        guard let start = context.environment.startFetch else {
            return .perform(.message(.error(context.tr("Pengambilan feed tidak tersedia di sini", "Fetching is not available here"))))
        }
        let hasFeeds = ((try? context.store.feeds()) ?? []).isEmpty == false
        guard hasFeeds else {
            return .perform(.message(.info(context.tr("Belum ada langganan; tambahkan dengan :feed add URL",
                                                      "No subscriptions yet; add one with :feed add URL"))))
        }
        context.fetchStatus = FetchStatus(feedsDone: 0, feedsTotal: 0, newArticles: 0, failures: 0, isFinished: false)
        let job = BackgroundJob(name: "fetch") { post in
            let started = start { status in post(.fetchProgress(status)) }
            if !started {
                post(.fetchProgress(FetchStatus(feedsDone: 0, feedsTotal: 0, newArticles: 0, failures: 0, isFinished: true)))
            }
        }
        return .perform(.effect(.background(job)), .message(.info(context.tr("Mengambil feed…", "Fetching feeds…"))))
    }

    private func fetchProgressed(_ status: FetchStatus) -> [Effect] {
        if status.isFinished {
            context.fetchStatus = nil
            noticeDataChange()
            let line = context.tr("Selesai: \(status.newArticles) artikel baru, \(status.failures) feed gagal",
                                  "Done: \(status.newArticles) new articles, \(status.failures) feeds failed")
            message = status.failures > 0 ? .warning(line) : .info(line)
        } else {
            let previous = context.fetchStatus?.newArticles ?? 0
            context.fetchStatus = status
            if status.newArticles > previous { noticeDataChange() }
            message = .info(context.tr("Mengambil feed \(status.feedsDone)/\(status.feedsTotal) · \(status.newArticles) baru",
                                       "Fetching feeds \(status.feedsDone)/\(status.feedsTotal) · \(status.newArticles) new")
                + (status.failures > 0 ? context.tr(" · \(status.failures) gagal", " · \(status.failures) failed") : ""))
        }
        return []
    }

    /// `:feed add URL`.
    private func addFeed(_ url: String) -> EventResult {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
              scheme == "http" || scheme == "https", parsed.host != nil
        else {
            return .perform(.message(.error(context.tr("bukan URL http/https: \(url)", "not an http/https URL: \(url)"))))
        }
        var subscribed = url
        switch context.environment.findFeed?(url) ?? .feed(url: url, note: nil) {
        case .feed(let found, _): subscribed = found
        case .several(let feeds):
            return .perform(.message(.info(context.tr("Ada \(feeds.count) feed di halaman itu; pilih satu dengan :feed add ",
                                                      "That page names \(feeds.count) feeds; pick one with :feed add ")
                + feeds.joined(separator: "  ·  "))))
        case .failure(let reason):
            return .perform(.message(.error(reason)))
        }
        do {
            switch try context.store.addFeed(url: subscribed) {
            case .added(let feed):
                return .perform(.message(.info(context.tr("Langganan ditambahkan: \(feed.displayTitle) · tekan r untuk mengambil",
                                                          "Subscribed: \(feed.displayTitle) · press r to fetch"))))
            case .existing(let feed):
                return .perform(.message(.info(context.tr("Sudah berlangganan: \(feed.displayTitle)", "Already subscribed: \(feed.displayTitle)"))))
            }
        } catch {
            return .perform(.message(.error(context.language.describe(error))))
        }
    }

    // MARK: Idle work

    /// No key for a while: saves the reading position, reports a failed write, saves the
    /// histories, and notices articles another process imported.
    private func idle() -> [Effect] {
        for case let reader as ReaderScreen in stack { reader.savePosition(context) }
        if let failure = context.stateWriter.takeFailure() { message = .error(failure) }
        context.searchHistory.saveIfNeeded()
        context.commandHistory.saveIfNeeded()
        let scheduled = scheduledFetch()
        // A write of our own still under way (the position just saved above): decided at the
        // next tick, once its versions are noted, or it would look like another process's.
        guard !context.stateWriter.hasWritesInFlight,
              let version = try? context.store.dataVersion() else { return scheduled }
        if let last = lastDataVersion, version != last {
            self.lastDataVersion = version
            // An own write that waited for another process's commit (an import holds the lock
            // for about `FileImporter.transactionSeconds`) spans that commit too. When that
            // commit added or removed articles, the kept total tells (one row; own writes never
            // change it); one that only changed rows in place is seen at the next change.
            if context.stateWriter.isOwnWrite(from: last, to: version),
               (try? context.store.counts().total) == context.counts.total {
                // The reader's own read/star/position write: rows and counts were changed in
                // place, and in an unfiltered list no row can have come or gone, so there is
                // nothing to reload (at 100,000 articles a reload after every open cost ~10 ms).
                // A filtered list (unread, starred) may have lost or gained the row.
                for case let list as ListScreen in stack where list.model.scope != .all { list.reload(context) }
            } else {
                noticeDataChange()
            }
        }
        lastDataVersion = version
        return scheduled
    }

    /// The reload schedule: when a feed is due and no fetch runs, the due feeds are fetched in
    /// the background. The lists keep their cursor on the same article as new ones arrive.
    private func scheduledFetch() -> [Effect] {
        let now = Date()
        if now.timeIntervalSince(lastScheduleCheck) < context.environment.scheduleCheckInterval { return [] }
        lastScheduleCheck = now
        guard context.fetchStatus == nil, let start = context.environment.startDueFetch,
              context.environment.hasDueFeeds?() == true else { return [] }
        context.fetchStatus = FetchStatus(feedsDone: 0, feedsTotal: 0, newArticles: 0, failures: 0, isFinished: false)
        let job = BackgroundJob(name: "scheduled-fetch") { post in
            if !start({ status in post(.fetchProgress(status)) }) {
                post(.fetchProgress(FetchStatus(feedsDone: 0, feedsTotal: 0, newArticles: 0, failures: 0, isFinished: true)))
            }
        }
        message = .info(context.tr("Mengambil feed terjadwal…", "Fetching due feeds…"))
        return [.background(job)]
    }

    /// The repository changed: counts and every component read again.
    private func noticeDataChange() {
        if let counts = try? context.store.counts() { context.counts = counts }
        lastDataVersion = try? context.store.dataVersion()
        for component in stack { component.dataDidChange(context: context) }
    }

    /// Saves what must outlive the session (positions, histories, preferences).
    private func saveState() {
        for case let reader as ReaderScreen in stack { reader.savePosition(context) }
    }

    /// Called by the loop before it stops.
    public func willQuit() {
        saveState()
        context.stateWriter.finish()
        context.searchHistory.saveIfNeeded()
        context.commandHistory.saveIfNeeded()
        context.preferences.save(to: context.environment.preferencesFile)
    }

    /// Ctrl-C from the terminal: cancels the prompt when one is open; otherwise quits.
    public func interrupt() -> [Effect] {
        if top.keyContext == .prompt { return perform([.pop]) }
        saveState()
        return [.quit]
    }

    // MARK: Drawing

    /// Prepares the visible components and draws them and the status bar into a new frame.
    public func render() -> (buffer: ScreenBuffer, cursor: CursorPosition?) {
        var buffer = ScreenBuffer(size: context.size)
        guard context.isLargeEnough else {
            TooSmallView(size: context.size, minimum: Self.minimumSize, language: context.language).draw(into: &buffer)
            lastHitMap = HitMap()
            return (buffer, nil)
        }
        // The top component and the ones it lets show through, bottom first.
        var first = stack.count - 1
        while first > 0, stack[first].isOverlay { first -= 1 }
        let visible = stack[first...]
        for component in visible { component.prepare(context: context) }
        for (index, component) in zip(visible.indices, visible) {
            buffer.hitMap.owner = index
            component.render(into: &buffer, context: context)
        }
        // A picture written beside the text would cover an overlay: only the top screen's stay.
        if visible.count > 1 { buffer.graphics.removeAll() }
        // The status bar: the top component's, or the one under the prompt (which covers it).
        if top.kind != .prompt {
            StatusBarView(content: top.status(context: context), message: message, language: context.language)
                .draw(into: &buffer, row: context.size.rows - 1)
        }
        lastHitMap = buffer.hitMap
        return (buffer, top.cursor(context: context))
    }
}
