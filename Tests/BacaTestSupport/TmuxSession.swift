import Foundation
import Glibc
import Testing

/// The real `baca` in a tmux window of its own server (its own `-L` socket), driven by
/// `send-keys` and read by `capture-pane`, as a person at a terminal would use it. The one tmux
/// driver of the tests; every tmux call goes through `Spawn`.
///
/// The pane starts with a known title and `set-clipboard on`, so that an OSC 0/2 or an OSC 52
/// that reached the terminal would show (`paneTitle`, `pasteBuffers`).
public final class TmuxSession {
    /// The title every session gives its pane first; an OSC 0/2 that got through changes it.
    public static let sentinelTitle = "baca-sentinel-title"

    public let socket: String
    public let sandbox: Sandbox

    /// Starts `command` (a shell command line), in the sandbox's folder, in a detached window of
    /// the given size, with only the sandbox's environment (plus `environment`): nothing of the
    /// test process's (NO_COLOR, TERM, CI …) reaches tmux or baca. After the command ends the
    /// pane prints `__EXIT__<status>` and stays, so the test can read what it left.
    public init(_ command: String, columns: Int = 80, rows: Int = 24, sandbox: Sandbox, environment: [String: String] = [:]) throws {
        self.sandbox = sandbox
        socket = "baca-\(UUID().uuidString.prefix(8))"
        let exports = sandbox.environment.merging(environment) { $1 }
            .map { "\($0.key)=\(Self.shellQuoted($0.value))" }.sorted().joined(separator: " ")
        // Options first (a server started by `start-server` with them), then the session, so
        // that nothing the program prints can come before them.
        try tmux(["-f", "/dev/null", "start-server", ";",
                  "set-option", "-g", "set-clipboard", "on", ";",
                  "set-option", "-g", "allow-rename", "on", ";",
                  "set-option", "-g", "exit-empty", "off", ";",
                  "new-session", "-d", "-s", "t", "-x", "\(columns)", "-y", "\(rows)", "-c", sandbox.root.path,
                  "printf '\\033]2;\(Self.sentinelTitle)\\033\\\\'; env \(exports) \(command); echo __EXIT__$?; sleep 600"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        // tmux 3.3 leaves its socket file behind when the server is killed.
        let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        try? FileManager.default.removeItem(atPath: "\(folder)/tmux-\(getuid())/\(socket)")
    }

    /// `'…'` for a shell, with any `'` inside kept.
    public static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    @discardableResult
    public func tmux(_ arguments: [String]) throws -> String {
        let result = try Spawn.run(["tmux", "-L", socket] + arguments, environment: sandbox.environment, timeout: 20)
        if result.timedOut { Issue.record("tmux \(arguments.prefix(2)) timed out") }
        return result.stdout
    }

    /// Sends keys in tmux's names (`Enter`, `Escape`, `C-d`, `]`).
    public func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "t"] + keys) }

    /// Sends text as typed (tmux's `-l`).
    public func type(_ text: String) throws { try tmux(["send-keys", "-t", "t", "-l", text]) }

    /// The visible screen as text, one line per row; with `colors`, with its SGR sequences.
    public func screen(colors: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", "t"] + (colors ? ["-e"] : []))
    }

    public func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", "t", "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Polls until the screen satisfies `condition` (up to `timeout` seconds) and then still does
    /// a moment later (a capture can catch a frame half drawn); records an issue with the last
    /// screen when it never does, and returns the last screen either way.
    @discardableResult
    public func waitFor(
        timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation, _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = try screen()
            if condition(last) {
                Thread.sleep(forTimeInterval: 0.05)
                let settled = try screen()
                if condition(settled) { return settled }
                last = settled
            }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        Issue.record("the screen never showed what the test waited for; it showed:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitFor(timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// Waits until the screen differs from `previous` and then stays the same for a moment
    /// (baca has handled the keys and drawn); returns it.
    @discardableResult
    public func waitForChange(from previous: String, timeout: TimeInterval = 10,
                              sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        var current = try waitFor(timeout: timeout, sourceLocation: sourceLocation) { $0 != previous }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.06)
            let next = try screen()
            if next == current { return next }
            current = next
        }
        return current
    }

    /// Waits for baca's list header.
    @discardableResult
    public func waitForHeader(_ text: String = "baca ·", timeout: TimeInterval = 15,
                              sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitFor(text, timeout: timeout, sourceLocation: sourceLocation)
    }

    /// Waits for the `__EXIT__` line printed after baca ends; returns baca's exit status.
    /// The pane is read with wrapped rows joined (`capture-pane -J`): the shell's `Killed` line
    /// before the marker can leave the cursor near the right edge (its length follows the paths
    /// in the command), and `__EXIT__137` would then be cut in two rows.
    public func waitForExit(timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        var joined = ""
        repeat {
            joined = try tmux(["capture-pane", "-p", "-J", "-t", "t"])
            // The whole status: digits up to the end of the line.
            if let range = joined.range(of: "__EXIT__"),
               let end = joined[range.upperBound...].firstIndex(where: { !$0.isNumber }), end > range.upperBound {
                return Int(joined[range.upperBound..<end])
            }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        Issue.record("the program never ended; the pane showed:\n\(joined)", sourceLocation: sourceLocation)
        return nil
    }

    /// Waits until the program in the pane has read every key sent so far (the pane's terminal
    /// has no input waiting) and the screen has stopped changing; or until it has ended. What a
    /// negative check needs before it looks: proof that the keys were handled, not a sleep.
    public func waitUntilInputHandled(timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(timeout)
        let tty = try paneFormat("#{pane_tty}")
        let fd = open(tty, O_RDONLY | O_NOCTTY | O_NONBLOCK)
        defer { if fd >= 0 { close(fd) } }
        var previous = try screen()
        while Date() < deadline {
            var waiting: Int32 = 0
            let pending = fd >= 0 && ioctl(fd, UInt(FIONREAD), &waiting) == 0 ? Int(waiting) : 0
            Thread.sleep(forTimeInterval: 0.1)
            let current = try screen()
            if current.contains("__EXIT__") { return }
            if pending == 0, current == previous { return }
            previous = current
        }
        Issue.record("the pane never settled after its input; it showed:\n\(previous)", sourceLocation: sourceLocation)
    }

    // MARK: The pane

    /// A tmux format for the pane, such as `#{pane_title}` or `#{alternate_on}`.
    public func paneFormat(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "t", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public var paneTitle: String { (try? paneFormat("#{pane_title}")) ?? "" }

    /// tmux's paste buffers: an OSC 52 clipboard write would add one.
    public var pasteBuffers: String { (try? tmux(["list-buffers"])) ?? "" }

    /// Whether the pane is on the alternate screen (curses mode).
    public var alternateScreen: Bool { (try? paneFormat("#{alternate_on}")) == "1" }

    /// Whether the cursor is visible and the keypad in normal mode: the terminal as a shell wants it.
    public var terminalModesRestored: Bool {
        (try? paneFormat("#{alternate_on}#{cursor_flag}#{keypad_flag}#{keypad_cursor_flag}")) == "0100"
    }

    public var paneSize: String { (try? paneFormat("#{pane_width}x#{pane_height}")) ?? "" }

    /// The header row: `baca · N artikel · M belum dibaca`.
    public func header() throws -> String {
        String(try screen().split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }

    /// The pid of the `baca` process inside the pane, if it runs.
    public func bacaPID() -> pid_t? {
        guard let shell = pid_t((try? paneFormat("#{pane_pid}")) ?? "") else { return nil }
        return Self.descendants(of: shell).first { pid in
            let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")) ?? ""
            return exe.hasSuffix("/baca")
        }
    }

    private static func descendants(of pid: pid_t) -> [pid_t] {
        let children = ((try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? "")
            .split(separator: " ").compactMap { pid_t($0) }
        return children + children.flatMap(descendants(of:))
    }

    /// Kills baca inside the pane with `signal`; true when there was one to kill.
    @discardableResult
    public func killBaca(_ signal: Int32 = SIGKILL) -> Bool {
        guard let pid = bacaPID() else { return false }
        return kill(pid, signal) == 0
    }
}
