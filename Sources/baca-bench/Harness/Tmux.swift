import Foundation

/// A private tmux server with one 80×24 (by default) pane, driven through one control-mode
/// client (`tmux -C`): every command and every `capture-pane` is a line on a pipe, not a new
/// process, so polling the screen costs a fraction of a millisecond and key→frame latencies
/// are measured with sub-millisecond resolution.
final class Tmux {
    let socket: String
    let width: Int
    let height: Int
    let target = "bench:0.0"
    private var client: Subprocess.Spawned
    private var reader: LineReader

    /// The screen of the pane, as text.
    struct Screen: CustomStringConvertible {
        var lines: [String]
        var header: String { lines.first ?? "" }
        /// The last line with text: the status bar of both programs.
        var status: String { lines.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "" }
        var text: String { lines.joined(separator: "\n") }
        var description: String { lines.enumerated().map { String(format: "%2d│", $0.offset) + $0.element }.joined(separator: "\n") }
        func contains(_ needle: String) -> Bool { lines.contains { $0.contains(needle) } }
    }

    init(width: Int = 80, height: Int = 24, environment: [String: String]) throws {
        self.width = width
        self.height = height
        socket = "baca-bench-\(getpid())"
        let env = Subprocess.environment(environment)
        try Subprocess.check(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "bench",
                              "-x", "\(width)", "-y", "\(height)", "sleep 1000000"], environment: env)
        for option in [["status", "off"], ["remain-on-exit", "on"], ["window-size", "manual"],
                       ["default-terminal", Tmux.terminal], ["escape-time", "0"], ["history-limit", "0"]] {
            try Subprocess.check(["tmux", "-L", socket, "set-option", "-g"] + option, environment: env)
        }
        try Subprocess.check(["tmux", "-L", socket, "resize-window", "-t", "bench", "-x", "\(width)", "-y", "\(height)"], environment: env)
        // A watchdog ends the server (and what runs in it) when this process ends in any way,
        // Ctrl-C and kill -9 included.
        _ = try Subprocess.spawn(["sh", "-c", "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; "
                                  + "tmux -L \(socket) kill-server 2>/dev/null"], environment: env)
        client = try Subprocess.spawn(["tmux", "-L", socket, "-C", "attach-session", "-t", "bench"],
                                      environment: env, pipes: true)
        reader = LineReader(fd: client.output)
        // The client's first block answers the attach itself; every later block answers one of
        // our commands, in order.
        while let line = reader.readLine(timeout: 10) {
            if line.hasPrefix("%end ") || line.hasPrefix("%error ") { break }
        }
        _ = try command("refresh-client -f no-output")
    }

    /// The terminal type panes get: tmux's own when its terminfo entry exists.
    static var terminal: String {
        for dir in ["/usr/share/terminfo", "/lib/terminfo", "/etc/terminfo"] {
            if access("\(dir)/t/tmux-256color", R_OK) == 0 { return "tmux-256color" }
        }
        return "screen-256color"
    }

    deinit { shutdown() }

    func shutdown() {
        if client.input >= 0 {
            close(client.input)
            client.input = -1
            _ = try? Subprocess.run(["tmux", "-L", socket, "kill-server"], keepOutput: false)
            _ = Subprocess.wait(client.pid)
            close(client.output)
        }
    }

    /// Runs one tmux command; its output lines.
    @discardableResult
    func command(_ line: String, timeout: Double = 30) throws -> [String] {
        let bytes = Array((line + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(client.input, $0.baseAddress, $0.count) }
            guard n > 0 else { throw BenchError("tmux control client closed") }
            written += n
        }
        // Skip notifications up to our block, then collect it.
        var output: [String] = []
        var inBlock = false
        while let next = reader.readLine(timeout: timeout) {
            if !inBlock {
                if next.hasPrefix("%begin ") { inBlock = true }
                else if next.hasPrefix("%exit") { throw BenchError("tmux control client exited") }
                continue
            }
            if next.hasPrefix("%end ") { return output }
            if next.hasPrefix("%error ") { throw BenchError("tmux: \(line): \(output.joined(separator: " "))") }
            output.append(next)
        }
        throw BenchError("tmux did not answer `\(line)` in \(timeout) s")
    }

    func capture() throws -> Screen {
        var lines = try command("capture-pane -p -t \(target)")
        while lines.count < height { lines.append("") }
        return Screen(lines: lines)
    }

    /// Key names as tmux knows them (`Enter`, `NPage`, `j`, `C-u`).
    func send(_ keys: String...) throws {
        try command("send-keys -t \(target) " + keys.map(Tmux.quote).joined(separator: " "))
    }

    /// Text typed as is.
    func type(_ text: String) throws {
        try command("send-keys -l -t \(target) " + Tmux.quote(text))
    }

    /// Replaces whatever runs in the pane with `shellCommand` (run by `sh -c`).
    func respawn(_ shellCommand: String) throws {
        try command("respawn-pane -k -t \(target) " + Tmux.quote(shellCommand))
    }

    var panePID: pid_t {
        get throws { pid_t(try command("display-message -p -t \(target) '#{pane_pid}'").first ?? "") ?? 0 }
    }

    var paneIsDead: Bool {
        get throws { try command("display-message -p -t \(target) '#{pane_dead}'").first == "1" }
    }

    /// Polls the screen until `predicate` holds; the milliseconds from `start` to the capture
    /// that showed it, and that screen.
    func wait(since start: UInt64, timeout: Double, what: String,
              until predicate: (Screen) -> Bool) throws -> (ms: Double, screen: Screen) {
        let deadline = start + UInt64(timeout * 1e9)
        var checks = 0
        while true {
            let screen = try capture()
            if predicate(screen) { return (Clock.milliseconds(since: start), screen) }
            checks += 1
            if Clock.now() > deadline {
                let dead = (try? paneIsDead) == true ? " (the program has exited)" : ""
                throw BenchError("timed out after \(Int(timeout)) s waiting for \(what)\(dead); the screen:\n\(screen)")
            }
            // Keep polling hard for the first 200 ms, then let the program have the CPU.
            if Clock.now() - start > 200_000_000 { usleep(checks % 2 == 0 ? 1000 : 0) }
        }
    }

    /// Waits until the screen stops changing (two captures 10 ms apart are the same), so that a
    /// measurement starts from a finished frame.
    @discardableResult
    func settle(timeout: Double = 30) throws -> Screen {
        let start = Clock.now()
        var previous = try capture()
        while true {
            usleep(10_000)
            let screen = try capture()
            if screen.lines == previous.lines { return screen }
            if Clock.seconds(since: start) > timeout { return screen }
            previous = screen
        }
    }

    /// Sends keys and measures until the frame that `predicate` recognises.
    func measure(_ keys: [String], literal: Bool = false, timeout: Double = 60, what: String,
                 until predicate: (Screen) -> Bool) throws -> (ms: Double, screen: Screen) {
        try settle()
        let start = Clock.now()
        if literal { try type(keys.joined()) } else { try command("send-keys -t \(target) " + keys.map(Tmux.quote).joined(separator: " ")) }
        return try wait(since: start, timeout: timeout, what: what, until: predicate)
    }

    /// A string as one tmux argument.
    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "$", with: "\\$").replacingOccurrences(of: "~", with: "\\~")
            .replacingOccurrences(of: ";", with: "\\;") + "\""
    }
}
