import BacaStore
import Foundation

/// Fetched picture files on disk (`$XDG_CACHE_HOME/baca/images`), one file a URL named by the
/// URL's SHA-256, under a size limit: after each write the oldest files (by last use) go until
/// the rest fit. Files are written whole to a temporary name and renamed, so a reader never
/// sees half of one; a file that cannot be written leaves the picture uncached, nothing else.
public final class PictureCache: @unchecked Sendable {
    public let directory: URL
    public let limitBytes: Int
    private let lock = NSLock()

    public init(directory: URL, limitBytes: Int) {
        self.directory = directory
        self.limitBytes = max(0, limitBytes)
    }

    /// The cached bytes of `url`, marked as just used; nil when not cached.
    public func read(_ url: String) -> Data? {
        guard let file = path(for: url) else { return nil }
        guard let data = try? Data(contentsOf: file) else { return nil }
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: file.path)
        return data
    }

    /// Stores `data` for `url`, then evicts the least recently used files past the limit. A
    /// file larger than the whole limit is not stored.
    public func write(_ data: Data, for url: String) {
        guard data.count <= limitBytes else { return }
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            guard let final = path(for: url) else { return }
            let temporary = directory.appendingPathComponent(".\(final.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
            try data.write(to: temporary)
            if rename(temporary.path, final.path) != 0 {
                try? manager.removeItem(at: temporary)
                return
            }
        } catch {
            return
        }
        evict()
    }

    /// The bytes the cached files take.
    public var totalBytes: Int { entries().reduce(0) { $0 + $1.size } }

    /// Removes the least recently used files until the rest fit in the limit.
    public func evict() {
        lock.lock()
        defer { lock.unlock() }
        var files = entries().sorted { $0.used < $1.used }
        var total = files.reduce(0) { $0 + $1.size }
        while total > limitBytes, !files.isEmpty {
            let oldest = files.removeFirst()
            try? FileManager.default.removeItem(at: oldest.url)
            total -= oldest.size
        }
    }

    private func entries() -> [(url: URL, size: Int, used: Date)] {
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: keys)) ?? []
        return files.compactMap { file in
            guard !file.lastPathComponent.hasPrefix("."),
                  let values = try? file.resourceValues(forKeys: Set(keys)), values.isRegularFile == true
            else { return nil }
            return (file, values.fileSize ?? 0, values.contentModificationDate ?? .distantPast)
        }
    }

    /// The file for `url`; nil without a working libcrypto (pictures are then not cached).
    func path(for url: String) -> URL? {
        guard SHA256.unavailable == nil else { return nil }
        return directory.appendingPathComponent(SHA256.hexDigest(of: url.utf8))
    }
}
