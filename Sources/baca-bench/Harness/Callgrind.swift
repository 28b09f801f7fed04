import Foundation

/// Instruction counts with valgrind's callgrind: this very program run again with `arguments`,
/// counting only inside the functions `toggle` names (`--toggle-collect`).
///
/// Valgrind 3.19 (Debian 12) cannot read the DWARF 5 that Swift 6 writes (“unhandled dwarf2
/// abbrev form code 0x25”, then it gives up), so the program is copied and its debug
/// information stripped first (`strip --strip-debug`, binutils): the symbols that
/// `--toggle-collect` needs stay.
enum Callgrind {
    /// The instructions counted, or `nil` without valgrind.
    static func count(arguments: [String], toggle: String) throws -> Int? {
        guard let valgrind = Subprocess.which("valgrind") else { return nil }
        // This very program (`/proc/self/exe`), whatever path it was started by.
        let program = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var measured = program
        let copy = NSTemporaryDirectory() + "baca-bench-callgrind-\(getpid())"
        if let strip = Subprocess.which("strip"),
           (try? Subprocess.check([strip, "--strip-debug", "-o", copy, program])) != nil {
            measured = copy
        }
        defer { unlink(copy) }
        let result = try Subprocess.check([
            valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", "--toggle-collect=\(toggle)", measured,
        ] + arguments)
        // `==123== Collected : 29465063`
        guard let line = result.output.split(separator: "\n").first(where: { $0.contains("Collected :") }),
              let count = Int(line.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "")
        else { throw BenchError("callgrind printed no count:\n\(result.output.suffix(1000))") }
        return count
    }
}

extension Callgrind {
    /// The whole run's instruction count in a callgrind out file: its `totals:` line (or, in
    /// files of older valgrinds, `summary:`), the first event column (`Ir`).
    static func total(outFile text: String) -> Int? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).reversed()
        where line.hasPrefix("totals:") || line.hasPrefix("summary:") {
            let fields = line.split(separator: ":", maxSplits: 1).last?.split(separator: " ") ?? []
            if let first = fields.first, let count = Int(first) { return count }
        }
        return nil
    }

    /// The count valgrind prints on stderr when callgrind ends: `==123== Collected : 29465063`
    /// (else `==123== I   refs:      29,465,063`).
    static func collected(log: String) -> Int? {
        for line in log.split(separator: "\n") {
            if let range = line.range(of: "Collected :") ?? line.range(of: "I   refs:") ?? line.range(of: "I refs:") {
                let digits = line[range.upperBound...].filter { $0.isNumber }
                if let count = Int(digits) { return count }
            }
        }
        return nil
    }

    /// The first line of valgrind's own complaint in `log` (`valgrind: …`, `==123== Valgrind: …`),
    /// for a one-line error.
    static func complaint(log: String) -> String? {
        log.split(separator: "\n").first { $0.contains("Valgrind: ") || $0.hasPrefix("valgrind: ") }
            .map { String($0).trimmingCharacters(in: .whitespaces) }
    }
}
