import Foundation
import Glibc

/// The one way the tests run a program: `posix_spawn`, and `waitpid` on its own pid.
///
/// Why not `Foundation.Process`: on Linux its `waitUntilExit` relies on a SIGCHLD handler, and
/// in a busy test process it was seen to miss a child (a `tmux` client left as a zombie) and
/// wait forever. Here a child's output goes to files (never a pipe that could fill up and
/// block it), and the wait polls `waitpid(pid, WNOHANG)` with a deadline, so no test can hang.
public enum Spawn {
    public struct Output: Sendable {
        /// The exit status, or 128 + the signal that ended it.
        public var status: Int32
        /// The signal that ended the child, if one did.
        public var signal: Int32?
        public var stdout: String
        public var stderr: String
        public var timedOut = false
    }

    public final class Child: @unchecked Sendable {
        public let pid: pid_t
        private let folder: URL
        private let lock = NSLock()
        private var finished: Output?

        fileprivate init(pid: pid_t, folder: URL) {
            self.pid = pid
            self.folder = folder
        }

        deinit {
            if lock.withLock({ finished == nil }) {
                _ = Glibc.kill(pid, SIGKILL)
                var status: Int32 = 0
                _ = waitpid(pid, &status, 0)
            }
            try? FileManager.default.removeItem(at: folder)
        }

        public func kill(_ signal: Int32 = SIGKILL) {
            if lock.withLock({ finished == nil }) { _ = Glibc.kill(pid, signal) }
        }

        /// Whether it is still running (reaps it when it has ended).
        public var isRunning: Bool { poll() == nil }

        /// What it printed so far.
        public var stdoutSoFar: String {
            String(decoding: (try? Data(contentsOf: folder.appendingPathComponent("out"))) ?? Data(), as: UTF8.self)
        }

        private func poll() -> Output? {
            lock.lock()
            defer { lock.unlock() }
            if let finished { return finished }
            var status: Int32 = 0
            // (No peak memory from `wait4`'s rusage: a child started by posix_spawn, a vfork,
            // carries its parent's high-water mark in it. baca reports its own VmHWM at exit
            // with BACA_PEAK_MEMORY_REPORT=1.)
            let result = waitpid(pid, &status, WNOHANG)
            guard result == pid else { return nil }
            finished = collect(status: status)
            return finished
        }

        private func collect(status: Int32) -> Output {
            let exited = status & 0x7F == 0
            let signal: Int32? = exited ? nil : status & 0x7F
            let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            func read(_ name: String) -> String {
                String(decoding: (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data(), as: UTF8.self)
            }
            return Output(status: code, signal: signal, stdout: read("out"), stderr: read("err"))
        }

        /// Waits for the end, at most `timeout` seconds; then kills it (SIGKILL) and says so.
        @discardableResult
        public func wait(timeout: TimeInterval = 120) -> Output {
            let deadline = Date().addingTimeInterval(timeout)
            var delay: TimeInterval = 0.001
            while Date() < deadline {
                if let output = poll() { return output }
                Thread.sleep(forTimeInterval: delay)
                delay = min(delay * 2, 0.02)
            }
            kill()
            var output: Output
            repeat {
                Thread.sleep(forTimeInterval: 0.01)
                output = poll() ?? Output(status: -1, stdout: "", stderr: "")
            } while output.status == -1
            output.timedOut = true
            return output
        }
    }

    /// Starts `arguments[0]` (looked up in PATH) with `environment` (default: this process's),
    /// in `directory`, with `stdin` as its standard input (default: /dev/null).
    public static func start(
        _ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil, stdin: String? = nil
    ) throws -> Child {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baca-spawn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let input = folder.appendingPathComponent("in")
        try Data((stdin ?? "").utf8).write(to: input)

        var argv = ["/usr/bin/env"]
        if let directory { argv += ["-C", directory.path] }
        argv += arguments
        let environment = environment ?? ProcessInfo.processInfo.environment
        let envp = environment.map { "\($0.key)=\($0.value)" }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin == nil ? "/dev/null" : input.path, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, folder.appendingPathComponent("out").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, folder.appendingPathComponent("err").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A fresh signal mask and default handlers: the test process's own must not leak in.
        var emptySet = sigset_t()
        sigemptyset(&emptySet)
        posix_spawnattr_setsigmask(&attributes, &emptySet)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid: pid_t = 0
        let status = withCStrings(argv) { argvPointer in
            withCStrings(envp) { envPointer in
                posix_spawn(&pid, argv[0], &actions, &attributes, argvPointer, envPointer)
            }
        }
        guard status == 0 else {
            try? FileManager.default.removeItem(at: folder)
            throw SpawnError(message: "cannot start \(arguments.first ?? "?"): \(String(cString: strerror(status)))")
        }
        return Child(pid: pid, folder: folder)
    }

    /// Runs a program to its end (at most `timeout` seconds).
    @discardableResult
    public static func run(
        _ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil, stdin: String? = nil,
        timeout: TimeInterval = 120
    ) throws -> Output {
        try start(arguments, environment: environment, directory: directory, stdin: stdin).wait(timeout: timeout)
    }

    public struct SpawnError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
