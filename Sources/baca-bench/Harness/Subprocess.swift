import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Child processes through `posix_spawnp` and `wait4`: the wall time, CPU time and peak resident
/// memory of a command, without Foundation's `Process` and its threads.
///
/// The peak memory is NOT `wait4`'s `ru_maxrss`: a child started with `posix_spawn` runs on
/// its parent's memory until it execs (vfork), and Linux carries that memory's high-water mark
/// into the child's `ru_maxrss`, so every child looked as large as the benchmark itself (the
/// first two rounds' import figures, `docs/PERFORMANCE.md`). It is the child's own `VmHWM`,
/// read from `/proc/<pid>/status` while it runs (every 10 ms; the mark only grows) and, for
/// baca, the figure it prints at exit under `BACA_PEAK_MEMORY_REPORT=1`.
enum Subprocess {
    struct Result {
        var status: Int32
        var seconds: Double
        /// Peak resident set of the child (its own `VmHWM`), in KiB.
        var maxRSSKiB: Int
        /// CPU time of the child, user and system, in seconds.
        var cpuSeconds: Double = 0
        /// stdout and stderr together, when captured.
        var output: String
    }

    struct Spawned {
        var pid: pid_t
        /// The child's stdin (write end) and stdout (read end) when piped.
        var input: Int32 = -1
        var output: Int32 = -1
    }

    /// The environment of this process with `overrides` applied.
    static func environment(_ overrides: [String: String]) -> [String] {
        var env = ProcessInfo.processInfo.environment
        for (key, value) in overrides { env[key] = value }
        return env.map { "\($0.key)=\($0.value)" }
    }

    /// Starts `argv`. With `pipes`, the child's stdin and stdout are pipes to us; else stdout and
    /// stderr go to `outputPath` (or /dev/null) and stdin is /dev/null.
    static func spawn(_ argv: [String], environment: [String]? = nil, pipes: Bool = false,
                      outputPath: String? = nil) throws -> Spawned {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var spawned = Spawned(pid: 0)
        var childEnds: [Int32] = []
        if pipes {
            var input: [Int32] = [0, 0]
            var output: [Int32] = [0, 0]
            guard pipe(&input) == 0, pipe(&output) == 0 else { throw BenchError("pipe failed") }
            posix_spawn_file_actions_adddup2(&actions, input[0], 0)
            posix_spawn_file_actions_adddup2(&actions, output[1], 1)
            posix_spawn_file_actions_addclose(&actions, input[1])
            posix_spawn_file_actions_addclose(&actions, output[0])
            spawned.input = input[1]
            spawned.output = output[0]
            childEnds = [input[0], output[1]]
            _ = fcntl(input[1], F_SETFD, FD_CLOEXEC)
            _ = fcntl(output[0], F_SETFD, FD_CLOEXEC)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, outputPath ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }

        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = (environment ?? self.environment([:])).map { strdup($0) } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, argv[0], &actions, nil, cArgs, cEnv)
        childEnds.forEach { close($0) }
        guard rc == 0 else { throw BenchError("cannot start \(argv[0]): \(String(cString: strerror(rc)))") }
        spawned.pid = pid
        return spawned
    }

    /// Waits for `pid`; its exit status (or 128 + signal) and peak RSS (`VmHWM`, polled) in KiB.
    static func wait(_ pid: pid_t) -> (status: Int32, maxRSSKiB: Int) {
        let (status, rss, _) = waitWithCPU(pid)
        return (status, rss)
    }

    /// Waits for `pid`, reading its `VmHWM` every 10 ms meanwhile; its exit status, that peak
    /// in KiB and its CPU seconds (user + system).
    static func waitWithCPU(_ pid: pid_t) -> (status: Int32, maxRSSKiB: Int, cpuSeconds: Double) {
        var status: Int32 = 0
        var usage = rusage()
        var peak = 0
        while true {
            let reaped = wait4(pid, &status, WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { break }
            if let hwm = SystemInfo.peakRSSKiB(pid: pid) { peak = max(peak, hwm) }
            usleep(10_000)
        }
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return (code, peak, cpu)
    }

    /// The peak memory baca printed at exit under `BACA_PEAK_MEMORY_REPORT=1`
    /// (`baca: peak memory 54120 kB`), in KiB.
    static func reportedPeakKiB(_ output: String) -> Int? {
        guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("baca: peak memory ") }) else { return nil }
        return Int(line.dropFirst("baca: peak memory ".count).split(separator: " ").first ?? "")
    }

    /// Runs `argv` to the end; output kept in a temporary file and returned.
    @discardableResult
    static func run(_ argv: [String], environment: [String]? = nil, keepOutput: Bool = true) throws -> Result {
        let log = keepOutput ? NSTemporaryDirectory() + "baca-bench-\(getpid())-\(Clock.now()).log" : nil
        defer { if let log { unlink(log) } }
        let start = Clock.now()
        let child = try spawn(argv, environment: environment, outputPath: log)
        let (status, rss, cpu) = waitWithCPU(child.pid)
        let seconds = Clock.seconds(since: start)
        let output = log.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? ""
        return Result(status: status, seconds: seconds, maxRSSKiB: rss, cpuSeconds: cpu, output: output)
    }

    /// Runs and throws unless it exits 0.
    @discardableResult
    static func check(_ argv: [String], environment: [String]? = nil) throws -> Result {
        let result = try run(argv, environment: environment)
        guard result.status == 0 else {
            throw BenchError("`\(argv.joined(separator: " "))` exited \(result.status):\n\(result.output.suffix(2000))")
        }
        return result
    }

    /// Whether an executable named `name` is on the PATH.
    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if access(path, X_OK) == 0 { return path }
        }
        return nil
    }
}

/// Reads lines from a file descriptor, with a timeout.
struct LineReader {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    init(fd: Int32) { self.fd = fd }

    /// The next line without its newline, or `nil` at end of file or after `timeout` seconds.
    mutating func readLine(timeout: Double) -> String? {
        let deadline = Clock.now() + UInt64(timeout * 1e9)
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[start..<newline], as: UTF8.self)
                start = newline + 1
                if start > 65536 {
                    buffer.removeFirst(start)
                    start = 0
                }
                return line
            }
            let now = Clock.now()
            guard now < deadline else { return nil }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(max(1, (deadline - now) / 1_000_000)))
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }
}

/// Sizes and memory read from /proc and the file system.
enum SystemInfo {
    /// `VmHWM` (peak resident set) of a process, in KiB.
    static func peakRSSKiB(pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "")
        }
        return nil
    }

    /// The one-minute load average: how busy the machine was (other work skews every figure).
    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").first.map(String.init) ?? "?"
    }

    static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// One line about the machine: CPU model, cores, memory, kernel.
    static func machine() -> String {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? "unknown CPU"
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let memKiB = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") }
            .flatMap { Int($0.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") } ?? 0
        var name = utsname()
        uname(&name)
        let release = withUnsafePointer(to: &name.release) {
            $0.withMemoryRebound(to: CChar.self, capacity: 65) { String(cString: $0) }
        }
        let cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return "\(model), \(cores) cores, \(memKiB / 1024 / 1024) GiB RAM, Linux \(release)"
    }
}
