import ArgumentParser
import Foundation

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure baca and newsboat side by side and print the table.",
        discussion: "bench/run.sh builds the release binaries, installs newsboat and calls this.")

    @Option(help: "Corpus sizes, comma-separated.")
    var sizes: String = "1000,10000,100000"

    @Flag(help: "Add N = 1,000,000 (about 4.7 GB of captures).")
    var million = false

    @Option(help: "Samples of each timed figure (cold starts, opens, searches …); cursor moves take three times as many.")
    var runs: Int = 5

    @Option(help: "Imports of each corpus (each into a fresh repository).")
    var importRuns: Int = 3

    @Option(help: "The baca binary to measure.")
    var baca: String = ".build/release/baca"

    @Option(help: "newsboat: `auto` (if installed), `skip`, or the path of the binary.")
    var newsboat: String = "auto"

    @Option(help: "The largest N newsboat is run at (its reload holds the whole feed in memory).")
    var newsboatMax: Int = Run.defaultNewsboatMax

    /// newsboat's reload holds the whole feed in memory: no feed is written beyond this N.
    static let defaultNewsboatMax = 100_000

    @Option(help: "Where corpora and repositories go (kept between runs; a corpus is reused when its seed and size match).")
    var work: String = ".build/baca-bench"

    @Option(help: "The corpus seed.")
    var seed: UInt64 = 42

    @Option(help: "Page through the whole list for N up to this (the memory figure after scrolling).")
    var fullPassMax: Int = 100_000

    @Option(help: "Also write the tables (Markdown) to this file.")
    var out: String?

    @Flag(help: "Reuse the repositories of an earlier run (no import figures; for work on the reader).")
    var reuseRepositories = false

    @Flag(help: "Measure newsboat only (while baca is broken or absent).")
    var skipBaca = false

    @Option(help: "Terminal size for both programs, COLSxROWS.")
    var geometry: String = "80x24"

    func run() throws {
        var counts = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        if million && !counts.contains(1_000_000) { counts.append(1_000_000) }
        guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }) else { throw ValidationError("no sizes") }

        let work = URL(fileURLWithPath: self.work).standardizedFileURL.path
        let bacaPath = URL(fileURLWithPath: baca).standardizedFileURL.path
        guard skipBaca || access(bacaPath, X_OK) == 0 else { throw BenchError("no baca binary at \(bacaPath); build it first (bench/run.sh does)") }
        let newsboatPath: String? = switch newsboat {
        case "skip": nil
        case "auto": Subprocess.which("newsboat")
        default: newsboat
        }
        try FileManager.default.createDirectory(atPath: work + "/xdg/config", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: work + "/xdg/data", withIntermediateDirectories: true)
        // The screens are read in Indonesian (BacaScreen), whatever LANG says.
        try FileManager.default.createDirectory(atPath: work + "/xdg/config/baca", withIntermediateDirectories: true)
        try "language = \"id\"\n".write(toFile: work + "/xdg/config/baca/config.toml", atomically: true, encoding: .utf8)
        let dims = geometry.split(separator: "x").compactMap { Int($0) }
        guard dims.count == 2 else { throw ValidationError("geometry is COLSxROWS") }

        let log: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        let bacaEnvironment = [
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
            "XDG_CONFIG_HOME": work + "/xdg/config", "XDG_DATA_HOME": work + "/xdg/data",
        ]
        let tmux = try Tmux(width: dims[0], height: dims[1], environment: bacaEnvironment)
        defer { tmux.shutdown() }

        let bacaRunner = BacaRunner(binary: bacaPath, runs: runs, importRuns: importRuns,
                                    environment: bacaEnvironment, log: log)
        var newsboatVersion: String? = nil
        var header = "## baca-bench\n\n"
        header += "Machine: \(SystemInfo.machine()). Terminal: tmux \(dims[0])×\(dims[1]).\n"
        header += "baca: `\(bacaPath)`. "
        if let newsboatPath {
            let runner = NewsboatRunner(binary: newsboatPath, directory: work, feedPath: "", runs: runs, importRuns: importRuns, log: log)
            newsboatVersion = runner.version()
            header += "newsboat: \(newsboatVersion!) (`\(newsboatPath)`).\n"
        } else {
            header += "newsboat: not measured (\(newsboat == "skip" ? "skipped" : "not installed")).\n"
        }
        header += "Seed \(seed); \(runs) samples a figure (cursor: \(3 * max(runs, 3))), \(importRuns) imports.\n"
        say(header)

        var results: [SizeResult] = []
        var failures: [String] = []
        var tables: [String] = []
        for count in counts {
            let runNewsboat = newsboatPath != nil && count <= newsboatMax
            log("N = \(count): corpus")
            let writer = CorpusWriter(directory: "\(work)/corpus-\(count)", count: count, seed: seed, writeFeed: runNewsboat)
            let manifest = try writer.existing() ?? writer.write { log("    \($0)/\(count) written") }
            var result = SizeResult(count: count, captureBytes: manifest.captureBytes, probes: manifest.probes)
            let loadBefore = SystemInfo.loadAverage()

            let runDirectory = "\(work)/run-\(count)"
            try FileManager.default.createDirectory(atPath: runDirectory, withIntermediateDirectories: true)
            let database = runDirectory + "/baca.sqlite"
            if !skipBaca {
                do {
                    if reuseRepositories && access(database, R_OK) == 0 {
                        result.notes.append("baca's repository reused from an earlier run: no import figures.")
                    } else {
                        log("N = \(count): baca import")
                        try bacaRunner.importCorpus(captures: writer.capturesDirectory, database: database, result: &result)
                    }
                    log("N = \(count): baca queries")
                    try bacaRunner.measureQueries(database: database, result: &result)
                    log("N = \(count): baca TUI")
                    try bacaRunner.measureTUI(tmux: tmux, database: database, result: &result, fullPass: count <= fullPassMax)
                } catch {
                    failures.append("baca at N = \(count): \(error)")
                    result.notes.append("baca's measurement broke off: \(String(describing: error).split(separator: "\n").first ?? "")")
                    log("ERROR: \(error)")
                }
            }

            if let newsboatPath, runNewsboat {
                let nbDirectory = runDirectory + "/newsboat"
                try FileManager.default.createDirectory(atPath: nbDirectory, withIntermediateDirectories: true)
                let runner = NewsboatRunner(binary: newsboatPath, directory: nbDirectory, feedPath: writer.feedPath,
                                            runs: runs, importRuns: importRuns, log: log)
                do {
                    if reuseRepositories && access(runner.cachePath, R_OK) == 0 {
                        try runner.prepare()
                    } else {
                        log("N = \(count): newsboat reload")
                        try runner.importFeed(result: &result)
                    }
                    log("N = \(count): newsboat TUI")
                    try runner.measureTUI(tmux: tmux, result: &result)
                } catch {
                    failures.append("newsboat at N = \(count): \(error)")
                    result.notes.append("newsboat's measurement broke off: \(String(describing: error).split(separator: "\n").first ?? "")")
                    log("ERROR: \(error)")
                }
            } else if newsboatPath != nil {
                result.notes.append("newsboat not run at this size (--newsboat-max \(newsboatMax)).")
            }
            result.notes.append("Load average (1 min) on this \(ProcessInfo.processInfo.activeProcessorCount)-core machine: "
                + "\(loadBefore) when this size started, \(SystemInfo.loadAverage()) when it ended.")
            let table = Report.table(result, newsboatVersion: newsboatVersion)
            say(table)
            tables.append(table)
            results.append(result)
        }
        let summary = Report.summary(results)
        if !summary.isEmpty { say(summary) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(results).write(to: URL(fileURLWithPath: work + "/results.json"))
        if let out {
            try ([header] + tables + [summary]).joined(separator: "\n").write(toFile: out, atomically: true, encoding: .utf8)
        }
        if !failures.isEmpty {
            throw BenchError("the benchmark broke:\n" + failures.joined(separator: "\n"))
        }
    }
}

/// A line on stdout, now (not when a pipe's buffer fills).
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
