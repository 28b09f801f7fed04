import ArgumentParser
import BacaStore
import Foundation

/// `baca-bench import-cost`: the instructions `baca import` of N generated captures into a new
/// repository takes, as valgrind's callgrind counts them, and that total over N: issue 14's
/// “≤ 1.2 M instructions an article (callgrind, 1,000 captures)”. Also the import of one
/// capture alone (what every import pays: the process, the schema, the first transaction).
/// Instruction counts are what a shared, loaded machine does not blur (docs/PERFORMANCE.md,
/// “Profiling on this machine”, is the same measurement by hand).
struct ImportCost: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-cost",
        abstract: "Count the instructions of `baca import` of N generated captures into a new repository (callgrind).")

    @Option(help: "How many generated captures are imported.")
    var captures: Int = 1000

    @Option(help: "The baca binary to measure (default: the baca beside this baca-bench).")
    var baca: String?

    @Option(help: "Where corpora go (shared with `run`: DIR/corpus-N/captures; a corpus is reused when its seed and size match).")
    var work: String = ".build/baca-bench"

    @Option(help: "The corpus seed.")
    var seed: UInt64 = 42

    func validate() throws {
        guard (1...1_000_000).contains(captures) else {
            throw ValidationError("--captures must be between 1 and 1000000, not \(captures)")
        }
    }

    func run() throws {
        let bacaPath = URL(fileURLWithPath: baca ?? Self.bacaBesideThisProgram()).standardizedFileURL.path
        guard access(bacaPath, X_OK) == 0 else {
            throw BenchError("no baca binary at \(bacaPath); build it first (bench/run.sh does)")
        }
        guard let valgrind = Subprocess.which("valgrind") else {
            print("import cost: valgrind is not installed: no instruction count")
            return
        }
        guard let objcopy = Subprocess.which("objcopy") else {
            print("import cost: objcopy (binutils) is not installed: no instruction count")
            return
        }

        let log: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        let work = URL(fileURLWithPath: self.work).standardizedFileURL.path
        let writer = CorpusWriter(directory: "\(work)/corpus-\(captures)", count: captures, seed: seed, writeFeed: false)
        if writer.existing() == nil {
            log("import cost: writing \(captures) captures to \(writer.capturesDirectory)")
            // With the feed where `run` would want it (newsboat's side, up to its default
            // --newsboat-max), so that the run after this one reuses the corpus.
            var withFeed = writer
            withFeed.writeFeed = captures <= Run.defaultNewsboatMax
            _ = try withFeed.write { log("    \($0)/\(captures) written") }
        }

        let scratch = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        // Valgrind 3.19 (Debian 12) cannot read the DWARF 5 that Swift 6.3 writes (“unhandled
        // dwarf2 abbrev form code 0x25”) and gives up: a copy without the debug sections is
        // measured. The code and its symbols are the same bytes, so the count is baca's.
        let measured = scratch + "/baca"
        try Subprocess.check([objcopy, "--strip-debug", bacaPath, measured])

        let run = ImportUnderCallgrind(valgrind: valgrind, baca: measured, scratch: scratch)
        log("import cost: baca import of \(ImportCostReport.grouped(captures)) captures under callgrind (\(bacaPath))")
        let total = try run.count(importing: [writer.capturesDirectory], expecting: captures, name: "all")
        var oneCapture: Int? = nil
        if captures > 1 {
            let first = try FileManager.default.contentsOfDirectory(atPath: writer.capturesDirectory)
                .filter { $0.hasSuffix(".txt") }.sorted().first
            guard let first else { throw BenchError("no capture in \(writer.capturesDirectory)") }
            oneCapture = try run.count(importing: [writer.capturesDirectory + "/" + first], expecting: 1, name: "one")
        }
        print(ImportCostReport(captures: captures, instructions: total, oneCapture: oneCapture).line)
    }

    /// The `baca` in this program's own folder: the release build when this is the release
    /// baca-bench (`run`'s binaries sit side by side the same way).
    static func bacaBesideThisProgram() -> String {
        let program = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: program).deletingLastPathComponent().appendingPathComponent("baca").path
    }

    static func temporaryDirectory() throws -> String {
        var template = Array((NSTemporaryDirectory() + "baca-bench-import-cost.XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw BenchError("cannot make a temporary folder in \(NSTemporaryDirectory())")
        }
        return String(cString: made)
    }
}

/// One `baca import` into a new repository under callgrind, counting the whole process.
struct ImportUnderCallgrind {
    var valgrind: String
    var baca: String
    /// A private folder: the repository, the out file, HOME and the XDG folders (no user's
    /// config or repository is read or changed).
    var scratch: String

    /// The instructions of importing `paths`, after checking that baca exited 0 and stored
    /// exactly `expected` articles (a broken import never gives a figure).
    func count(importing paths: [String], expecting expected: Int, name: String) throws -> Int {
        let home = scratch + "/home-" + name
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let database = home + "/baca.sqlite"
        let outFile = scratch + "/callgrind-" + name + ".out"
        let environment = Subprocess.environment([
            "HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_DATA_HOME": home + "/data",
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "BACA_LANGUAGE": "en",
        ]).filter { variable in
            // The caller's own BACA_* settings (BACA_INDEX_ROOTS=0 would measure an index
            // without roots) stay out; only the language above goes in.
            !variable.hasPrefix("BACA_") || variable.hasPrefix("BACA_LANGUAGE=")
        }
        let result = try Subprocess.run(
            [valgrind, "--tool=callgrind", "--callgrind-out-file=" + outFile, baca, "import"] + paths + ["--db", database],
            environment: environment)
        guard result.status == 0 else {
            let reason = Callgrind.complaint(log: result.output)
                ?? result.output.split(separator: "\n").last(where: { !$0.hasPrefix("==") }).map(String.init)
                ?? "no output"
            throw BenchError("baca import of \(expected) captures under callgrind exited \(result.status): \(reason)")
        }
        let stored = access(database, F_OK) == 0 ? try ArticleStore(path: database, readOnly: true).counts().total : 0
        guard stored == expected else {
            throw BenchError("baca import stored \(stored) articles of \(expected) (\(database)): no figure")
        }
        let text = (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? ""
        guard let total = Callgrind.total(outFile: text) ?? Callgrind.collected(log: result.output) else {
            throw BenchError("callgrind wrote no total to \(outFile) and printed none")
        }
        return total
    }
}

/// The line `import-cost` prints.
struct ImportCostReport {
    /// Issue 14: at most 1.2 M instructions an article, importing 1,000 captures.
    static let targetPerArticle = 1_200_000

    var captures: Int
    /// The whole import's instructions.
    var instructions: Int
    /// The import of one capture alone, when measured.
    var oneCapture: Int?

    var perArticle: Double { Double(instructions) / Double(captures) }

    var line: String {
        let target = "target ≤ " + Self.millions(Double(Self.targetPerArticle), places: 1) + " M"
        var line = "import of \(Self.grouped(captures)) \(captures == 1 ? "capture" : "captures") into a new repository: "
        line += Self.millions(Double(instructions), places: 1) + " M instructions, "
        line += Self.millions(perArticle, places: 2) + " M an article (callgrind; " + target
        line += perArticle <= Double(Self.targetPerArticle) ? ")" : ", NOT MET)"
        if let oneCapture { line += "; one capture: " + Self.millions(Double(oneCapture), places: 1) + " M (the fixed cost)" }
        return line
    }

    /// `value` in millions with `places` decimals and thousands grouped by commas: 1,180.2.
    static func millions(_ value: Double, places: Int) -> String {
        let text = String(format: "%.\(places)f", value / 1e6)
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = grouped(Int(parts[0]) ?? 0)
        return parts.count == 2 ? whole + "." + parts[1] : whole
    }

    /// 1000 → “1,000” (whatever the locale: the figures are compared with the docs').
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }
}
