import Foundation

/// Runs `work` in a detached task and blocks the calling thread until it ends: how the
/// synchronous callers (the CLI, the reader's background threads) use the async fetcher.
/// Never call it from an async context (it would hold a cooperative thread while waiting).
/// Nil only if the task ended without a value, which a non-throwing `work` never does.
public func waitForAsync<Value: Sendable>(_ work: @escaping @Sendable () async -> Value) -> Value? {
    let box = AsyncResultBox<Value>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        box.set(await work())
        done.signal()
    }
    done.wait()
    return box.value
}

/// The task's value, handed from the task to the waiting thread under a lock.
private final class AsyncResultBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    func set(_ value: Value) {
        lock.lock(); stored = value; lock.unlock()
    }

    var value: Value? {
        lock.lock(); defer { lock.unlock() }
        return stored
    }
}
