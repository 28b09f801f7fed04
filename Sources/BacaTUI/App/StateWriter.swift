import BacaStore
import Foundation

/// Writes the reader's own state (read, starred, reading position) on a queue of its own, in
/// order, so that a key press never waits while another process's import holds the
/// repository's write lock. The screen changes at once; the row follows when SQLite lets it.
final class StateWriter: @unchecked Sendable {
    private let store: ArticleStore
    private let queue = DispatchQueue(label: "baca.state-writes")
    private let lock = NSLock()
    private var failure: String?
    private var ownVersion: Int?

    init(store: ArticleStore) { self.store = store }

    func enqueue(_ write: @escaping @Sendable (ArticleStore) throws -> Void) {
        queue.async { [store] in
            do {
                try write(store)
                let version = try? store.dataVersion()
                self.lock.lock()
                self.ownVersion = version
                self.lock.unlock()
            } catch {
                self.lock.lock()
                self.failure = "\(error)"
                self.lock.unlock()
            }
        }
    }

    /// The last write that failed, once.
    func takeFailure() -> String? {
        lock.lock()
        defer { lock.unlock() }
        let taken = failure
        failure = nil
        return taken
    }

    /// Whether `version` (the repository's data version) is the one this queue's last write
    /// left: the change the store-change detection sees is the reader's own state write, not
    /// another process's articles. (A commit by another process in the same instant is noticed
    /// at its next one.)
    func isOwnWrite(_ version: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return ownVersion == version
    }

    /// Waits for every queued write (before quitting).
    func finish() { queue.sync {} }
}
