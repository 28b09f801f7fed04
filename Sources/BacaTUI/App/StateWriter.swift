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
    /// The data-version changes this queue's writes made: the version just before a write →
    /// the version just after it. Kept short; see `isOwnWrite(from:to:)`.
    private var ownTransitions: [Int: Int] = [:]

    init(store: ArticleStore) { self.store = store }

    /// Writes queued and not yet noted (see `hasWritesInFlight`).
    private var inFlight = 0

    func enqueue(_ write: @escaping @Sendable (ArticleStore) throws -> Void) {
        lock.lock()
        inFlight += 1
        lock.unlock()
        queue.async { [store] in
            defer {
                self.lock.lock()
                self.inFlight -= 1
                self.lock.unlock()
            }
            do {
                let before = try? store.dataVersion()
                try Self.retryingWhileBusy { try write(store) }
                let after = try? store.dataVersion()
                guard let before, let after, before != after else { return }
                self.lock.lock()
                if self.ownTransitions.count > 64 { self.ownTransitions.removeAll() }
                self.ownTransitions[before] = after
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

    /// Whether the change from `last` to `version` (the repository's data version, as the
    /// store-change detection saw it) is made of this queue's own writes alone. Each write notes
    /// the version before and after it; a commit by another process in between breaks the chain,
    /// so another process's articles are never mistaken for the reader's own write. (Only one
    /// committed in the instant between reading the version and writing could be: it is noticed
    /// at the next change.)
    func isOwnWrite(from last: Int, to version: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        var current = last
        for _ in 0...ownTransitions.count {
            if current == version { return true }
            guard let next = ownTransitions[current] else { return false }
            current = next
        }
        return false
    }

    /// Runs `write`, again while another process holds the repository past the busy time-out
    /// (5 s each; an import of a million files commits for minutes, and lets another writer in
    /// between its transactions only now and then). On this queue: the screen never waits.
    static func retryingWhileBusy(attempts: Int = 12, _ write: () throws -> Void) throws {
        for attempt in 1...attempts {
            do {
                return try write()
            } catch let error as StoreError where error.isBusy && attempt < attempts {
                continue
            }
        }
    }

    /// Whether a write is queued or under way whose versions are not noted yet: a change seen
    /// now may be that write's, committed a moment before `isOwnWrite` could know it.
    var hasWritesInFlight: Bool {
        lock.lock()
        defer { lock.unlock() }
        return inFlight > 0
    }

    /// Waits for every queued write (before quitting).
    func finish() { queue.sync {} }
}
