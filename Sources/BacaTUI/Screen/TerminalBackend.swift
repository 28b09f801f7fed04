/// Something that shows frames: the ncurses terminal, or memory in tests.
public protocol TerminalBackend: AnyObject {
    var size: TerminalSize { get }
    /// Makes the screen show `buffer`, mapping style names to the theme's colours.
    func draw(_ buffer: ScreenBuffer, cursor: CursorPosition?)
    /// Uses a new theme for the frames that follow.
    func setTheme(_ theme: Theme)
    /// Runs a program with the terminal handed over to it, and waits; its exit status, or nil
    /// when it could not start.
    func runProgram(_ arguments: [String]) -> Int32?
    /// Puts text on the clipboard of the terminal (OSC 52, `OSC52.copy`).
    func copyToClipboard(_ text: String)
}

/// A backend that keeps the last frame, for tests (as ratatui's `TestBackend`).
public final class MemoryBackend: TerminalBackend {
    public var size: TerminalSize
    public private(set) var lastFrame: ScreenBuffer?
    public private(set) var lastCursor: CursorPosition?
    public private(set) var theme: Theme?
    public private(set) var frameCount = 0
    /// The programs `runProgram` was asked to run, in order.
    public private(set) var programsRun: [[String]] = []
    /// What `runProgram` answers.
    public var programStatus: Int32? = 0

    public init(size: TerminalSize) { self.size = size }

    public func draw(_ buffer: ScreenBuffer, cursor: CursorPosition?) {
        lastFrame = buffer
        lastCursor = cursor
        frameCount += 1
    }

    public func setTheme(_ theme: Theme) { self.theme = theme }

    public func runProgram(_ arguments: [String]) -> Int32? {
        programsRun.append(arguments)
        return programStatus
    }

    /// What `copyToClipboard` was given, in order.
    public private(set) var copied: [String] = []

    public func copyToClipboard(_ text: String) { copied.append(text) }
}
