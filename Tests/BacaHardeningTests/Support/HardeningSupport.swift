import BacaTestSupport
import Foundation
import Testing

/// Every hardening suite nests in this one, so that they run one after another: they start real
/// processes, tmux servers and imports of thousands of files, and the CI machine has two cores.
@Suite("Hardening", .serialized)
struct Hardening {}

// MARK: - Generated captures

/// Small, varied captures made from code: thousands in a second, each with a unique marker word
/// (`kodeNx`) so a test can find its article by search and check its text.
enum GeneratedCaptures {
    static let words = [
        "banjir", "jalan", "warga", "kota", "pasar", "harga", "cabai", "jembatan", "sekolah", "desa",
        "petani", "panen", "hujan", "sungai", "kereta", "nelayan", "pantai", "bupati", "relawan", "gempa",
    ]

    /// The marker word of article `index`: found by search in exactly that article.
    static func marker(_ index: Int) -> String { "kode\(index)x" }

    /// Capture number `index`: title, key points, dateline, two numbered sections, a quote and
    /// the editorial team. Deterministic.
    static func capture(_ index: Int) -> String {
        var random = SeededGenerator(seed: UInt64(index) &* 7919 &+ 17)
        func phrase(_ count: Int) -> String {
            (0..<count).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
        }
        func heading(_ count: Int) -> String {
            phrase(count).split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        }
        return """
            Baca artikel IDN Times lainnya di IDN App
            For
            You

            Berita \(heading(4)) Nomor \(index)

            Intinya sih...
              • \(phrase(8).capitalized) pekan ini.
              • \(phrase(7).capitalized) di kota.

            Jakarta, IDN Times - \(phrase(18).capitalized) pada Senin (4/11/2024). Penanda \(marker(index)).

            1. \(heading(3))

            \(phrase(30).capitalized).

            2. \(heading(3))

            "\(phrase(10).capitalized)," kata warga.

            Editorial Team
            Rani Putri
            EditorBayu Pratama
            Follow Us
            """
    }

    /// Writes captures `0..<count` as `a00000.txt`… into `folder`; returns their paths.
    @discardableResult
    static func write(count: Int, into folder: URL, startingAt first: Int = 0) throws -> [URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try (first..<first + count).map { index in
            let url = folder.appendingPathComponent(String(format: "a%05d.txt", index))
            try Data(capture(index).utf8).write(to: url)
            return url
        }
    }
}

/// SplitMix64: a small seeded generator, so that every "random" test replays the same way.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

// MARK: - Processes

/// Runs the built `baca` (see `BacaBinary.url`) in a sandbox, through `Spawn`.
enum Baca {
    typealias Result = Spawn.Output

    /// The sandbox's environment with the command line in English (`BACA_LANGUAGE`; the reader
    /// in a tmux session speaks the sandbox's `language`), and `extra`.
    static func environment(_ sandbox: Sandbox, _ extra: [String: String] = [:]) -> [String: String] {
        sandbox.environment.merging(["BACA_LANGUAGE": "en"]) { $1 }.merging(extra) { $1 }
    }

    /// Runs `baca arguments…` with the sandbox's HOME and XDG folders, and waits (at most
    /// `timeout` seconds).
    @discardableResult
    static func run(_ arguments: [String], sandbox: Sandbox, stdin: String? = nil,
                    environment extra: [String: String] = [:], timeout: TimeInterval = 120) throws -> Result {
        try Spawn.run([BacaBinary.url.path] + arguments, environment: environment(sandbox, extra),
                      directory: sandbox.root, stdin: stdin, timeout: timeout)
    }

    /// Starts `baca arguments…` in the background.
    static func start(_ arguments: [String], sandbox: Sandbox, environment extra: [String: String] = [:]) throws -> Spawn.Child {
        try Spawn.start([BacaBinary.url.path] + arguments, environment: environment(sandbox, extra), directory: sandbox.root)
    }
}

/// Runs a program (not baca) and returns its exit status and output.
@discardableResult
func runTool(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
             currentDirectory: URL? = nil, timeout: TimeInterval = 120) throws -> Spawn.Output {
    try Spawn.run([executable] + arguments, environment: environment, directory: currentDirectory, timeout: timeout)
}

/// Runs `baca` in a pseudo-terminal (util-linux `script`), so that it sees a terminal on
/// standard output; returns every byte it wrote there.
func runInPseudoTerminal(_ arguments: [String], sandbox: Sandbox, columns: Int = 80) throws -> Data {
    let log = sandbox.root.appendingPathComponent("pty-\(UUID().uuidString).log")
    var environment = sandbox.environment
    environment["BACA_LANGUAGE"] = "en"
    environment["COLUMNS"] = "\(columns)"
    let command = "stty cols \(columns) rows 24 2>/dev/null; " + bacaCommand(arguments)
    let result = try runTool("script", ["-q", "-e", "-c", command, log.path],
                             environment: environment, currentDirectory: sandbox.root, timeout: 60)
    let data = (try? Data(contentsOf: log)) ?? Data()
    try? FileManager.default.removeItem(at: log)
    if result.timedOut { Issue.record("script timed out: \(arguments)") }
    return stripScriptHeader(data)
}

/// Some versions of `script` write a "Script started/done" line to the log even with -q.
func stripScriptHeader(_ data: Data) -> Data {
    var text = data
    if let start = text.range(of: Data("Script started".utf8)), start.lowerBound == text.startIndex,
       let newline = text[start.upperBound...].firstIndex(of: 0x0A) {
        text = text[(newline + 1)...]
    }
    if let done = text.range(of: Data("\nScript done".utf8), options: .backwards) {
        text = text[..<(done.lowerBound + 1)]
    }
    return Data(text)
}

func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// A shell command line that runs baca with these arguments (for `TmuxSession`).
func bacaCommand(_ arguments: [String]) -> String {
    ([BacaBinary.url.path] + arguments).map(shellQuoted).joined(separator: " ")
}

/// The same, with every byte baca writes to the terminal also logged to `log` (through
/// util-linux `script`), so a test can look for escape sequences in the raw output.
func loggedBacaCommand(_ arguments: [String], log: URL) -> String {
    "script -q -f -e -c \(shellQuoted(bacaCommand(arguments))) \(shellQuoted(log.path))"
}

// MARK: - Running as another user

/// Permissions mean nothing to root. When the tests run as root (CI does), the steps that need a
/// file to be unreadable or read-only run baca as `nobody` through `setpriv`.
enum Unprivileged {
    static var isRoot: Bool { getuid() == 0 }
    static let nobody: uid_t = 65534

    /// The command prefix that drops root, or `[]` when not root.
    static var prefix: [String] {
        isRoot ? ["setpriv", "--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", "--"] : []
    }

    /// Gives `url` (recursively) to `nobody` when root, so that it can write there.
    static func handOver(_ url: URL) throws {
        guard isRoot else { return }
        _ = try runTool("chown", ["-R", "\(nobody):\(nobody)", url.path])
    }

    /// The baca binary `nobody` runs: the built one when `nobody` can reach it, else a copy in a
    /// world-readable temporary folder (a checkout under /root cannot be entered by `nobody`),
    /// removed when the tests end.
    static let binary: String = {
        let original = BacaBinary.url.path
        guard isRoot else { return original }
        if (try? Spawn.run(prefix + [original, "--version"], timeout: 30).status) == 0 { return original }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baca-nobody-\(UUID().uuidString)")
        let copy = folder.appendingPathComponent("baca")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: original, toPath: copy.path)
            _ = chmod(folder.path, 0o755)
            _ = chmod(copy.path, 0o755)
        } catch {
            return original
        }
        copiedBinaryFolder = strdup(folder.path)
        atexit {
            if let folder = copiedBinaryFolder { _ = try? FileManager.default.removeItem(atPath: String(cString: folder)) }
        }
        return copy.path
    }()

    /// Runs baca as an unprivileged user.
    static func run(_ arguments: [String], sandbox: Sandbox) throws -> Spawn.Output {
        try Spawn.run(prefix + [binary] + arguments, environment: Baca.environment(sandbox),
                      directory: sandbox.root, timeout: 60)
    }

    /// A shell command line that runs baca as an unprivileged user (for `TmuxSession`).
    static func command(_ arguments: [String]) -> String {
        (prefix + [binary] + arguments).map(shellQuoted).joined(separator: " ")
    }

    /// Whether the unprivileged user can run the binary at all.
    static func canRunBinary(sandbox: Sandbox) -> Bool {
        (try? run(["--version"], sandbox: sandbox).status) == 0
    }
}

/// The folder of the copy `Unprivileged.binary` made, for the clean-up at exit.
nonisolated(unsafe) private var copiedBinaryFolder: UnsafeMutablePointer<CChar>?

// MARK: - Bytes

extension Data {
    /// Whether these bytes contain `byte`.
    func contains(byte: UInt8) -> Bool { contains(byte) }

    var sha: String {
        // A cheap fingerprint is enough to tell "unchanged": FNV-1a over the bytes and the size.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in self {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return "\(count):\(String(hash, radix: 16))"
    }
}

/// The fingerprint of a file and of its `-wal`/`-shm` companions, to show nothing changed them.
func fingerprint(ofRepository path: String) -> [String: String] {
    var result: [String: String] = [:]
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let file = path + suffix
        if let data = FileManager.default.contents(atPath: file) {
            result[suffix.isEmpty ? "db" : suffix] = data.sha
        }
    }
    return result
}

/// A temporary folder removed at deinit.
final class TemporaryFolder {
    let url: URL
    init(_ name: String = "baca-hardening") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit {
        // Undo chmod games first so the removal cannot fail on a read-only folder.
        _ = try? runTool("chmod", ["-R", "u+rwX", url.path])
        try? FileManager.default.removeItem(at: url)
    }
}
