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
