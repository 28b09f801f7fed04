#if canImport(Glibc)
import Glibc
#endif

/// Runs a program (the browser for `o`) with the terminal handed over, and waits for it.
enum ExternalProgram {
    /// Runs `arguments` (the first found through `PATH`) as an argument list, never through a
    /// shell; returns its exit status, or nil when it could not be started.
    static func run(_ arguments: [String]) -> Int32? {
        guard !arguments.isEmpty else { return nil }
        var cArguments = arguments.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, arguments[0], nil, nil, &cArguments, environ) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return nil }
        }
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
