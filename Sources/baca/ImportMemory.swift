#if canImport(Glibc)
import Glibc
#endif

/// Keeps a long import's peak memory flat (issue 14: under 100 MB whatever the number of files).
///
/// glibc's `malloc` serves blocks of 128 KiB and more with `mmap`, and returns them to the system
/// on `free`, until a block that size is freed: then it raises that threshold to the block's size
/// (up to 32 MiB), and later blocks come from its heaps, which keep what is freed. An import
/// frees large blocks at every batch (a batch's files and records, the search index's pending
/// terms), so the threshold climbs and the heap keeps the largest batch's high-water mark on top
/// of the page cache. Fixing the threshold (`mallopt` turns the climbing off) keeps those blocks
/// out of the heaps: a 300,000-capture import peaked at 85.6 MB instead of 94.4 MB in the same
/// CPU time (1 MiB; 256 KiB saved as much but cost 11 % more CPU in `mmap` and page faults;
/// `docs/PERFORMANCE.md`, "Fourth round").
enum ImportMemory {
    static func bound() {
        #if canImport(Glibc)
        // `<malloc.h>` is not in the Glibc module: looked up by name (absent on another libc).
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
        _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, threshold)
        #endif
    }

    /// Blocks this size and larger are mapped and unmapped on their own.
    static let threshold: Int32 = 1024 * 1024
}
