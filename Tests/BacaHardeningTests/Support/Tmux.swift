import BacaTestSupport
import Foundation
import Glibc
import Testing

/// The real `baca` in a tmux window of its own server (its own `-L` socket), driven by
/// `send-keys` and read by `capture-pane`, as a person at a terminal would use it.
///
/// The same idea as the CLI tests' `TmuxSession`, but every tmux call goes through `Spawn`
/// (see there why), and it can also read the pane's title, modes and paste buffers, and find
/// the pid of baca inside the pane.
final class Tmux {
    /// The title every session gives its pane first; an OSC 0/2 that got through changes it.
    static let sentinelTitle = "baca-sentinel-title"

    let socket: String
    let sandbox: Sandbox

    /// Starts `command` (a shell command line), in the sandbox's folder, in a detached window of
    /// the given size, with a
    /// known pane title and `set-clipboard on`, so that an OSC 52 that reached the terminal
    /// would show up as a paste buffer. `environment` is added to the sandbox's.
    init(_ command: String, columns: Int = 80, rows: Int = 24, sandbox: Sandbox, environment: [String: String] = [:]) throws {
        self.sandbox = sandbox
        socket = "baca-harden-\(UUID().uuidString.prefix(8))"
        let exports = sandbox.environment.merging(environment) { $1 }
            .map { "\($0.key)=\(shellQuoted($0.value))" }.sorted().joined(separator: " ")
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

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let result = try Spawn.run(["tmux", "-L", socket] + arguments, timeout: 20)
        if result.timedOut { Issue.record("tmux \(arguments.prefix(2)) timed out") }
        return result.stdout
    }

    /// Sends keys in tmux's names (`Enter`, `Escape`, `C-d`, `]`).
    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "t"] + keys) }

    /// Sends text as typed (tmux's `-l`).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "t", "-l", text]) }

    /// The visible screen as text, one line per row.
    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "t"]) }

    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", "t", "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Waits until the screen satisfies `condition` (up to `timeout` seconds); returns the last
    /// screen either way, so a failing expectation shows what was there.
    @discardableResult
    func waitFor(timeout: TimeInterval = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        return last
    }

    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
        try waitFor(timeout: timeout) { $0.contains(text) }
    }

    /// Waits until the screen differs from `previous` and then stays the same for a moment
    /// (baca has handled the keys and drawn); returns it.
    @discardableResult
    func waitForChange(from previous: String, timeout: TimeInterval = 10) throws -> String {
        var current = try waitFor(timeout: timeout) { $0 != previous }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.06)
            let next = try screen()
            if next == current { return next }
            current = next
        }
        return current
    }

    /// Waits for baca's list header, recording an issue with the screen if it never comes.
    @discardableResult
    func waitForHeader(_ text: String = "baca ·", timeout: TimeInterval = 15,
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let screen = try waitFor(text, timeout: timeout)
        #expect(screen.contains(text), "never showed \(text):\n\(screen)", sourceLocation: sourceLocation)
        return screen
    }

    /// Waits for the `__EXIT__` line printed after baca ends; returns baca's exit status.
    func waitForExit(timeout: TimeInterval = 10) throws -> Int? {
        let screen = try waitFor(timeout: timeout) { $0.contains("__EXIT__") }
        guard let range = screen.range(of: "__EXIT__") else { return nil }
        return Int(screen[range.upperBound...].prefix { $0.isNumber })
    }

    // MARK: The pane

    /// A tmux format for the pane, such as `#{pane_title}` or `#{alternate_on}`.
    func paneFormat(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "t", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    var paneTitle: String { (try? paneFormat("#{pane_title}")) ?? "" }

    /// tmux's paste buffers: an OSC 52 clipboard write would add one.
    var pasteBuffers: String { (try? tmux(["list-buffers"])) ?? "" }

    /// Whether the pane is on the alternate screen (curses mode).
    var alternateScreen: Bool { (try? paneFormat("#{alternate_on}")) == "1" }

    /// Whether the cursor is visible and the keypad in normal mode: the terminal as a shell wants it.
    var terminalModesRestored: Bool {
        (try? paneFormat("#{alternate_on}#{cursor_flag}#{keypad_flag}#{keypad_cursor_flag}")) == "0100"
    }

    var paneSize: String { (try? paneFormat("#{pane_width}x#{pane_height}")) ?? "" }

    /// The header row: `baca · N artikel · M belum dibaca`.
    func header() throws -> String {
        String(try screen().split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }

    /// The pid of the `baca` process inside the pane, if it runs.
    func bacaPID() -> pid_t? {
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
    func killBaca(_ signal: Int32 = SIGKILL) -> Bool {
        guard let pid = bacaPID() else { return false }
        return kill(pid, signal) == 0
    }
}
