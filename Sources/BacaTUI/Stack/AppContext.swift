import BacaCore
import BacaStore
import Foundation

/// What every component may use: the repository, the keys, the window size, the language and
/// the small state shared between screens (preferences, histories, positions saved this
/// session). One instance, owned by the `App`.
final class AppContext {
    let environment: AppEnvironment
    var keyMap: KeyMap
    var theme: Theme
    var language: Language
    /// The window; components lay themselves out in it.
    var size = TerminalSize(columns: 80, rows: 24)
    var preferences: Preferences
    let searchHistory: PromptHistory
    let commandHistory: PromptHistory
    /// The reader's own writes (read, starred, position), off the key press's path.
    let stateWriter: StateWriter
    /// Positions saved this session: an article reopened before its queued write landed still
    /// opens where the reader left it.
    var recentPositions: [Int64: ReadingPosition] = [:]
    /// Where a background fetch stands; nil when none runs.
    var fetchStatus: FetchStatus?
    /// Repository-wide counts for the list header, adjusted by this app's own writes.
    var counts = ArticleCounts(total: 0, unread: 0, starred: 0)
    /// The articles' pictures: requests, drawings, the toggle.
    let images: ImageShelf
    /// Today, for dates in the list (the year shows when it is not this one).
    let today: CalendarDate

    init(environment: AppEnvironment) {
        self.environment = environment
        self.keyMap = environment.keyMap
        self.theme = environment.theme
        self.language = environment.language
        self.preferences = Preferences.load(from: environment.preferencesFile)
        self.searchHistory = PromptHistory(file: environment.historyDirectory?.appendingPathComponent("search_history"))
        self.commandHistory = PromptHistory(file: environment.historyDirectory?.appendingPathComponent("command_history"))
        self.stateWriter = StateWriter(store: environment.store)
        self.images = ImageShelf(
            source: environment.images, mode: environment.imageProtocol, maxRows: environment.imageMaxRows,
            colors: environment.imageColors)
        self.today = ListDates.day(of: Date()) ?? CalendarDate(year: 2000, month: 1, day: 1)!
    }

    var store: ArticleStore { environment.store }

    /// Shorthand for `language.pick`.
    func tr(_ indonesian: String, _ english: String) -> String { language.pick(indonesian, english) }

    /// The first key bound to a command in a context, as the status bar shows it (`j`, `Enter`).
    func key(_ name: CommandName, _ context: KeyContext) -> String? { keyMap.hint(for: name, context: context) }

    /// `j/k` for a pair of commands, or the one that is bound.
    func keys(_ first: CommandName, _ second: CommandName, _ context: KeyContext) -> String? {
        switch (key(first, context), key(second, context)) {
        case let (a?, b?): return "\(a)/\(b)"
        case let (a?, nil): return a
        case let (nil, b?): return b
        default: return nil
        }
    }

    /// The key that goes back one level on a screen, as hints show it (`q`).
    func backKey(_ context: KeyContext) -> String? { key(.backOrQuit, context) ?? key(.back, context) }

    /// Rows between the header and the status bar.
    var bodyHeight: Int { max(1, size.rows - 2) }

    var isLargeEnough: Bool {
        size.columns >= App.minimumSize.columns && size.rows >= App.minimumSize.rows
    }

    /// Marks an article read or unread: the write is queued, the counts follow at once.
    func setRead(_ read: Bool, id: Int64) {
        stateWriter.enqueue { try $0.setRead(read, id: id) }
        counts.unread = max(0, min(counts.total, counts.unread + (read ? -1 : 1)))
    }

    func setStarred(_ starred: Bool, id: Int64) {
        stateWriter.enqueue { try $0.setStarred(starred, id: id) }
        counts.starred = max(0, min(counts.total, counts.starred + (starred ? 1 : -1)))
    }

    func savePosition(_ position: ReadingPosition, id: Int64) {
        recentPositions[id] = position
        stateWriter.enqueue { try $0.savePosition(position, id: id) }
    }

    /// `1.284` (Indonesian) or `1,284` (English): thousands grouped.
    func formatCount(_ value: Int) -> String {
        let separator: Character = language == .id ? "." : ","
        let digits = Array(String(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(separator) }
            result.append(digit)
        }
        return result
    }
}
