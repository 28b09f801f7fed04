import BacaCore
import BacaStore
import Foundation

/// What the app asks of the loop that runs it; the loop performs it and delivers the result,
/// if any, back as an `AppEvent`. No flags to poll: an effect happens once.
public enum Effect {
    /// Leave baca (after saving what must be saved: the loop calls `App.willQuit`).
    case quit
    /// Run a program with the terminal handed over (the browser for `o`); the loop answers
    /// with `.programFinished`.
    case runProgram([String])
    /// Draw with this theme from now on.
    case setTheme(Theme)
    /// Put text on the terminal's clipboard (OSC 52).
    case copyToClipboard(String)
    /// Work for another thread (an import, a fetch). It may post events as it goes (fetch
    /// progress) and posts its result last.
    case background(BackgroundJob)
}

/// Work the loop runs off the UI thread; `post` hands events back to the loop, from any thread.
public struct BackgroundJob: Sendable {
    public var name: String
    public var work: @Sendable (_ post: @escaping @Sendable (AppEvent) -> Void) -> Void

    public init(name: String, work: @escaping @Sendable (_ post: @escaping @Sendable (AppEvent) -> Void) -> Void) {
        self.name = name
        self.work = work
    }
}

/// Everything that reaches the app: keys and resizes from the terminal, the idle tick, and the
/// results of effects.
public enum AppEvent: Sendable {
    case key(Key)
    /// A click or the wheel, at a cell of the last frame.
    case mouse(MouseEvent)
    /// Pasted text: the prompt inserts it, every other screen ignores it.
    case paste(String)
    /// The window changed size.
    case resize(TerminalSize)
    /// No key for a while: save what is pending, notice other processes' writes.
    case idle
    /// A background fetch moved on (or finished: `isFinished`).
    case fetchProgress(FetchStatus)
    /// A background import finished.
    case importFinished(ImportResult)
    /// A picture the reader asked for was fetched and drawn, or failed (`ImageShelf`).
    case imageLoaded(ImageRequest, ImageOutcome)
    /// A program started by `.runProgram` ended; status nil when it could not start.
    case programFinished(name: String, status: Int32?)
}

/// The outcome of `:import`, as the status bar reports it.
public struct ImportResult: Sendable, Equatable {
    public var imported: Int
    public var updated: Int
    public var unchanged: Int
    public var failed: Int
    /// The first failure: the file and why.
    public var firstFailure: String?

    public init(imported: Int, updated: Int, unchanged: Int, failed: Int, firstFailure: String? = nil) {
        self.imported = imported
        self.updated = updated
        self.unchanged = unchanged
        self.failed = failed
        self.firstFailure = firstFailure
    }
}

/// A line for the status bar that lasts until the next key. It sits beside the position,
/// never over it.
public struct StatusMessage: Sendable, Equatable {
    public enum Level: Sendable, Equatable {
        case info, warning, error

        /// The theme style (`status.info`, `status.warning`, `status.error`).
        var style: StyleName {
            switch self {
            case .info: return .statusInfo
            case .warning: return .statusWarning
            case .error: return .statusError
            }
        }
    }

    public var text: String
    public var level: Level

    public init(_ text: String, level: Level = .info) {
        self.text = text
        self.level = level
    }

    public var isError: Bool { level == .error }

    static func info(_ text: String) -> StatusMessage { StatusMessage(text, level: .info) }
    static func warning(_ text: String) -> StatusMessage { StatusMessage(text, level: .warning) }
    static func error(_ text: String) -> StatusMessage { StatusMessage(text, level: .error) }
}

extension StyleName {
    /// A message in the status bar, by level; each falls back to `status`.
    public static let statusInfo: StyleName = "status.info"
    public static let statusWarning: StyleName = "status.warning"
    public static let statusError: StyleName = "status.error"
}
