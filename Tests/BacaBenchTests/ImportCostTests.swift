import BacaTestSupport
import Foundation
import Testing

@testable import baca_bench

/// What `baca-bench import-cost` reads from callgrind and prints (issue 14's instructions an
/// article), and how it exits when something it needs is missing.
@Suite("baca-bench import-cost")
struct ImportCostTests {
    // A callgrind out file as valgrind 3.19 writes it, shortened (the numbers are made up).
    static let outFile = """
        # callgrind format
        version: 1
        creator: callgrind-3.19.0
        pid: 4242
        cmd:  /tmp/baca import /tmp/corpus/captures --db /tmp/home/baca.sqlite
        part: 1

        desc: I1 cache:
        positions: line
        events: Ir
        summary: 1180612345

        ob=(1) /tmp/baca
        fl=(1) ???
        fn=(1) main
        0 17
        cfn=(2) import
        calls=1 0
        0 1180612328

        totals: 1180612345
        """

    @Test("the total is read from the out file's totals: line, or its summary: line")
    func outFileTotal() {
        #expect(Callgrind.total(outFile: Self.outFile) == 1_180_612_345)
        let summaryOnly = Self.outFile.replacingOccurrences(of: "totals: 1180612345", with: "")
        #expect(Callgrind.total(outFile: summaryOnly) == 1_180_612_345)
        // Two events (--cache-sim): the first is the instructions.
        #expect(Callgrind.total(outFile: "events: Ir Dr\ntotals: 5000 1200\n") == 5000)
        #expect(Callgrind.total(outFile: "events: Ir\nfn=(1) main\n0 12\n") == nil)
        #expect(Callgrind.total(outFile: "") == nil)
    }

    @Test("valgrind's stderr gives the count when the out file does not")
    func stderrTotal() {
        let log = """
            ==4242== Callgrind, a call-graph generating cache profiler
            ==4242== Events    : Ir
            ==4242== Collected : 59312345
            ==4242==
            ==4242== I   refs:      59,312,345
            """
        #expect(Callgrind.collected(log: log) == 59_312_345)
        #expect(Callgrind.collected(log: "==1== I   refs:      59,312,345\n") == 59_312_345)
        #expect(Callgrind.collected(log: "imported  a.txt\n1 imported\n") == nil)
        #expect(Callgrind.complaint(log: "==7== Valgrind: debuginfo reader: unhandled dwarf2 abbrev form code 0x25\n")
            == "==7== Valgrind: debuginfo reader: unhandled dwarf2 abbrev form code 0x25")
    }

    @Test("the printed line: the total, the figure an article against the 1.2 M target, one capture's cost")
    func line() {
        #expect(ImportCostReport(captures: 1000, instructions: 1_180_612_345, oneCapture: 59_312_345).line
            == "import of 1,000 captures into a new repository: 1,180.6 M instructions, 1.18 M an article "
            + "(callgrind; target ≤ 1.2 M); one capture: 59.3 M (the fixed cost)")
        #expect(ImportCostReport(captures: 1000, instructions: 1_630_000_000, oneCapture: nil).line
            == "import of 1,000 captures into a new repository: 1,630.0 M instructions, 1.63 M an article "
            + "(callgrind; target ≤ 1.2 M, NOT MET)")
        // Exactly the target meets it; one instruction an article more does not.
        #expect(!ImportCostReport(captures: 1000, instructions: 1_200_000_000, oneCapture: nil).line.contains("NOT MET"))
        #expect(ImportCostReport(captures: 1000, instructions: 1_200_001_000, oneCapture: nil).line.contains("NOT MET"))
        #expect(ImportCostReport(captures: 1, instructions: 60_449_000, oneCapture: nil).line
            == "import of 1 capture into a new repository: 60.4 M instructions, 60.45 M an article "
            + "(callgrind; target ≤ 1.2 M, NOT MET)")
    }

    @Test("numbers are grouped by commas whatever the locale")
    func grouping() {
        #expect(ImportCostReport.grouped(0) == "0")
        #expect(ImportCostReport.grouped(999) == "999")
        #expect(ImportCostReport.grouped(1000) == "1,000")
        #expect(ImportCostReport.grouped(1_000_000) == "1,000,000")
        #expect(ImportCostReport.grouped(-12_345) == "-12,345")
        #expect(ImportCostReport.millions(12_345_678_900, places: 1) == "12,345.7")
        #expect(ImportCostReport.millions(999_960_000, places: 1) == "1,000.0")
    }

    // MARK: The command, run as the benchmark runs it

    /// The debug baca-bench `swift build` made beside baca.
    static var benchBinary: String {
        let beside = BacaBinary.url.deletingLastPathComponent().appendingPathComponent("baca-bench").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return BacaBinary.packageRoot.appendingPathComponent(".build/debug/baca-bench").path
    }

    static func installed(_ name: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    @Test("a missing baca binary: a one-line error naming the path, non-zero exit, nothing measured")
    func missingBaca() throws {
        let sandbox = try Sandbox()
        let missing = sandbox.root.appendingPathComponent("no-such-folder/baca").path
        let work = sandbox.root.appendingPathComponent("work").path
        let result = try Spawn.run([Self.benchBinary, "import-cost", "--baca", missing, "--work", work, "--captures", "5"],
                                   environment: sandbox.environment)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.stderr.contains(missing))
        #expect(!FileManager.default.fileExists(atPath: work))
    }

    @Test("without valgrind: one line saying so, exit 0 (the benchmark goes on)")
    func withoutValgrind() throws {
        let sandbox = try Sandbox()
        let emptyPath = sandbox.root.appendingPathComponent("bin").path
        try FileManager.default.createDirectory(atPath: emptyPath, withIntermediateDirectories: true)
        var environment = sandbox.environment
        environment["PATH"] = emptyPath
        let work = sandbox.root.appendingPathComponent("work").path
        let result = try Spawn.run([Self.benchBinary, "import-cost", "--baca", BacaBinary.url.path, "--work", work, "--captures", "5"],
                                   environment: environment)
        #expect(result.status == 0)
        #expect(result.stdout == "import cost: valgrind is not installed: no instruction count\n")
    }

    @Test("ten captures under callgrind: every one stored, the figure printed",
          .enabled(if: installed("valgrind") && installed("objcopy"), "valgrind and objcopy are needed"))
    func tenCaptures() throws {
        let sandbox = try Sandbox()
        let work = sandbox.root.appendingPathComponent("work").path
        let result = try Spawn.run([Self.benchBinary, "import-cost", "--baca", BacaBinary.url.path, "--work", work, "--captures", "10"],
                                   environment: sandbox.environment, timeout: 300)
        #expect(result.status == 0, "\(result.stderr)")
        let line = result.stdout.trimmingCharacters(in: .newlines)
        #expect(line.hasPrefix("import of 10 captures into a new repository: "), "\(line)")
        #expect(line.contains(" M an article (callgrind; target ≤ 1.2 M"), "\(line)")
        #expect(line.hasSuffix(" M (the fixed cost)"), "\(line)")
        // The corpus is where `run` keeps it, for the next run to reuse.
        let captures = try FileManager.default.contentsOfDirectory(atPath: work + "/corpus-10/captures")
        #expect(captures.filter { $0.hasSuffix(".txt") }.count == 10)
    }
}
