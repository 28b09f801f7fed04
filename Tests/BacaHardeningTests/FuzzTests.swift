import BacaCore
import BacaStore
import BacaTestSupport
import Foundation
import GRDB
import Testing

/// Issue 5.7: the capture parser and the search-query translator under generated input.
///
/// Three layers, all on the invariants of `FuzzInvariants.swift`:
/// - seeded property tests (deterministic, a few seconds);
/// - every input a fuzzer ever broke, kept in `Fixtures/fuzz-regressions/` and replayed;
/// - the libFuzzer targets in `Fuzz/` (`swiftc -sanitize=fuzzer`), built and run for
///   `BACA_FUZZ_SECONDS` each (10 by default; set it higher for a long run, 0 to skip).
extension Hardening {
    @Suite("7. Fuzzing")
    struct Fuzzing {
        static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        static let regressions = folder.appendingPathComponent("Fixtures/fuzz-regressions")
        static let script = folder.appendingPathComponent("Fuzz/fuzz.sh")

        /// An FTS5 table with baca's tokenizer, through GRDB, for the query invariants.
        final class FTSMatcher {
            let queue: DatabaseQueue
            init() throws {
                queue = try DatabaseQueue(configuration: StoreConnection.configuration())
                try queue.write { db in
                    try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'baca_stem')")
                }
            }
            func count(_ expression: String, _ document: String) throws -> Int {
                try queue.write { db in
                    try db.execute(sql: "DELETE FROM t")
                    try db.execute(sql: "INSERT INTO t (body) VALUES (?)", arguments: [document])
                    return try Int.fetchOne(db, sql: "SELECT count(*) FROM t WHERE t MATCH ?", arguments: [expression]) ?? 0
                }
            }
        }

        static func randomBytes(_ random: inout SeededGenerator, count: ClosedRange<Int>) -> [UInt8] {
            (0..<Int.random(in: count, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        }

        @Test("structured captures: no line of the article is lost, no control character is kept")
        func structuredCaptures() {
            var random = SeededGenerator(seed: 1_104_2024)
            var failures = 0
            for round in 0..<1500 where failures < 5 {
                let problems = ParserInvariants.checkStructured(Self.randomBytes(&random, count: 16...400))
                if !problems.isEmpty {
                    failures += 1
                    Issue.record("round \(round): \(problems.joined(separator: "\n"))")
                }
            }
        }

        @Test("raw bytes and mutated samples: refused or clean, never a crash")
        func rawCaptures() throws {
            var random = SeededGenerator(seed: 77)
            let samples = try FileManager.default.contentsOfDirectory(at: BacaBinary.samplesDirectory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
                .map { Array(try Data(contentsOf: $0)) }
            try #require(!samples.isEmpty)
            let pieces: [[UInt8]] = [[0x1B], [0x1B, 0x5B], [0x1B, 0x5D], [0x07], [0x0D], [0x0A, 0x0A], [0x9B], [0xC2, 0x9B],
                                     [0xE2, 0x80, 0xAE], [0xE2, 0x80, 0x8B], [0xEF, 0xBB, 0xBF], [0x00], [0xFF, 0xFE],
                                     Array("\nEditorial Team\n".utf8), Array("\n1. ".utf8), Array("Intinya sih...\n  • ".utf8)]
            for round in 0..<400 {
                var bytes = samples[round % samples.count]
                for _ in 0..<Int.random(in: 1...10, using: &random) {
                    let at = Int.random(in: 0...bytes.count, using: &random)
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: bytes.insert(contentsOf: pieces.randomElement(using: &random)!, at: at)
                    case 1: bytes.insert(contentsOf: Self.randomBytes(&random, count: 1...16), at: at)
                    default: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...300, using: &random)))
                    }
                }
                let problems = ParserInvariants.checkRaw(bytes) + ParserInvariants.checkRaw(Self.randomBytes(&random, count: 0...600))
                #expect(problems.isEmpty, "round \(round): \(problems.prefix(3))")
            }
        }

        @Test("search queries: always valid FTS5, and plain words find what holds them")
        func searchQueries() throws {
            let matcher = try FTSMatcher()
            var random = SeededGenerator(seed: 31)
            var failures = 0
            for round in 0..<3000 where failures < 5 {
                let bytes = Self.randomBytes(&random, count: 0...80)
                let text = round % 3 == 0 ? String(decoding: bytes, as: UTF8.self) : QueryInvariants.query(bytes)
                let problems = QueryInvariants.check(text, match: matcher.count)
                if !problems.isEmpty {
                    failures += 1
                    Issue.record("round \(round): \(problems.joined(separator: "\n"))")
                }
            }
        }

        @Test("every input a fuzzer broke stays fixed")
        func regressions() throws {
            let files = (try? FileManager.default.contentsOfDirectory(at: Self.regressions, includingPropertiesForKeys: nil)) ?? []
            let matcher = try FTSMatcher()
            for file in files where !file.lastPathComponent.hasPrefix(".") {
                let bytes = Array(try Data(contentsOf: file))
                let name = file.lastPathComponent
                guard let mode = bytes.first else { continue }
                let rest = Array(bytes.dropFirst())
                let problems: [String]
                if name.hasPrefix("parser-") {
                    problems = mode & 1 == 0 ? ParserInvariants.checkRaw(rest) : ParserInvariants.checkStructured(rest)
                } else if name.hasPrefix("query-") {
                    let text = mode & 1 == 0 ? String(decoding: rest, as: UTF8.self) : QueryInvariants.query(rest)
                    problems = QueryInvariants.check(text, match: matcher.count)
                } else {
                    Issue.record("\(name): a regression file's name starts with parser- or query-")
                    continue
                }
                #expect(problems.isEmpty, "\(name): \(problems)")
            }
        }

        @Test("found by the parser fuzzer: a line that opens with a long run of digits")
        func longDigitRun() throws {
            // 25 digits overflowed the item number of an in-text list and crashed the import.
            let digits = String(repeating: "7", count: 25)
            let capture = """
                Festival Layang-Layang di Pantai

                Pangandaran, IDN Times - Peserta datang dari banyak kota pada Minggu (7/7/2024).

                \(digits)Peserta menerbangkan layang-layang.

                \(digits). Nomor panjang sekali
                """
            let article = try CaptureLoader.load(Data(capture.utf8)).article
            let text = ParserInvariants.strings(in: article).joined(separator: "\n")
            #expect(text.contains("\(digits)Peserta") && text.contains("\(digits). Nomor"), "\(text)")
        }

        /// Seconds each libFuzzer target runs: `BACA_FUZZ_SECONDS`, else 10.
        static var fuzzSeconds: Int {
            ProcessInfo.processInfo.environment["BACA_FUZZ_SECONDS"].flatMap(Int.init) ?? 10
        }

        /// Whether this toolchain builds libFuzzer targets (Swift on Linux does; Xcode's does not).
        static let fuzzerAvailable: Bool = {
            guard let folder = try? TemporaryFolder("baca-fuzz-probe") else { return false }
            let source = folder.url.appendingPathComponent("probe.swift")
            let code = "@_cdecl(\"LLVMFuzzerTestOneInput\") public func f(_ d: UnsafePointer<UInt8>?, _ n: Int) -> Int32 { 0 }\n"
            guard (try? Data(code.utf8).write(to: source)) != nil,
                  let result = try? Spawn.run(["swiftc", "-sanitize=fuzzer", "-parse-as-library", source.path,
                                               "-o", folder.url.appendingPathComponent("probe").path], timeout: 120)
            else { return false }
            return result.status == 0
        }()

        @Test("libFuzzer: the parser and query targets run clean for BACA_FUZZ_SECONDS each",
              .enabled(if: fuzzSeconds > 0 && fuzzerAvailable), arguments: ["parser", "query"])
        func libFuzzer(target: String) throws {
            let seconds = Self.fuzzSeconds
            let result = try Spawn.run(["bash", Self.script.path, target, "\(seconds)"], directory: BacaBinary.packageRoot,
                                       timeout: TimeInterval(seconds) + 300)
            let log = result.stderr.split(separator: "\n").filter { !$0.contains("ld.gold") }
            #expect(!result.timedOut, "\(target): the fuzzer did not stop")
            #expect(result.status == 0, """
                \(target) fuzzer exit \(result.status): a crash input is in .build/baca-fuzz/\(target)-artifacts/ \
                (copy it to Fixtures/fuzz-regressions/\(target)-NAME):
                \(log.suffix(40).joined(separator: "\n"))
                """)
            #expect(log.contains { $0.hasPrefix("Done ") }, "\(target): \(log.suffix(10).joined(separator: "\n"))")
        }
    }
}
