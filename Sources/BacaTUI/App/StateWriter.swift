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

    init(store: ArticleStore) { self.store = store }

    func enqueue(_ write: @escaping @Sendable (ArticleStore) throws -> Void) {
        queue.async { [store] in
            do {
                try write(store)
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

    /// Waits for every queued write (before quitting).
    func finish() { queue.sync {} }
}
