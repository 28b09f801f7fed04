import Foundation
import Testing

/// The real `baca` running in a tmux window of its own server, driven by `send-keys` and read by
/// `capture-pane`, as a person at a terminal would use it.
public final class TmuxSession {
    public let socket: String
    public let sandbox: Sandbox

    /// Starts `command` (a shell command line) in a new detached window of the given size.
    public init(_ command: String, columns: Int = 80, rows: Int = 24, sandbox: Sandbox) throws {
        self.sandbox = sandbox
        socket = "baca-\(UUID().uuidString.prefix(8))"
        let exports = sandbox.environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        // `remain-on-exit` keeps the pane after baca quits, so the test can read what it left.
        // The server that `new-session` forks keeps whatever it inherits open, so it must not
        // inherit a pipe this process reads to the end.
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "\(columns)", "-y", "\(rows)",
                  "env \(exports) \(command); echo __EXIT__$?; sleep 600"], captureOutput: false)
    }

    deinit { _ = try? tmux(["kill-server"]) }

    @discardableResult
    public func tmux(_ arguments: [String], captureOutput: Bool = true) throws -> String {
        // Only the sandbox's variables: nothing of the test process's environment (NO_COLOR,
        // TERM, CI …) reaches tmux or baca.
        let output = try ChildProcess.run(
            ["tmux", "-L", socket] + arguments, environment: sandbox.environment, collectOutput: captureOutput)
        return String(decoding: output.stdout, as: UTF8.self)
    }

    /// Sends keys in tmux's names (`Enter`, `Escape`, `C-d`, `]`); `literal` sends text as typed.
    public func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", "t"] + (literal ? ["-l"] : []) + keys)
    }

    public func type(_ text: String) throws { try tmux(["send-keys", "-t", "t", "-l", text]) }

    /// The visible screen as text, one string per row.
    public func screen(colors: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", "t"] + (colors ? ["-e"] : []))
    }

    public func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", "t", "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Waits until the screen satisfies `condition` (up to `timeout` seconds); returns the last
    /// screen either way so a failing test shows what was there.
    @discardableResult
    public func waitFor(
        timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation, _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) {
                // A capture can catch a frame half drawn: look again once the terminal settled.
                Thread.sleep(forTimeInterval: 0.1)
                let settled = try screen()
                if condition(settled) { return settled }
                last = settled
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("the screen never showed what the test waited for; it showed:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitFor(timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }
}
