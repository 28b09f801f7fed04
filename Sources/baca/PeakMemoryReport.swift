import Foundation

/// `BACA_PEAK_MEMORY_REPORT=1`: at exit, baca prints its peak resident memory (`VmHWM` from
/// `/proc/self/status`) to standard error, as `baca: peak memory 54120 kB`. A diagnostic for
/// the hostile-network tests (docs/RELIABILITY.md, promise 8): a parent cannot read it for the
/// child, since a child started with `posix_spawn` (vfork) inherits its parent's high-water mark
/// in the rusage that `wait4` reports.
enum PeakMemoryReport {
    static func installIfAsked() {
        guard Env.value("BACA_PEAK_MEMORY_REPORT") == "1" else { return }
        atexit {
            guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
                  let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
            else { return }
            let value = line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces)
            FileHandle.standardError.write(Data("baca: peak memory \(value)\n".utf8))
        }
    }
}
