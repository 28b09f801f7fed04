import Foundation

/// The loop's half that is the same on a real terminal and in tests: it hands events to the
/// `App`, performs the effects the app returns, and delivers their results back as events.
///
/// `BacaTerminal.ReaderLoop` feeds it keys from ncurses; tests feed it keys and read the
/// `MemoryBackend`'s frames, so both run exactly this code.
public final class AppDriver {
    public let app: App
    public let backend: any TerminalBackend
    private let inbox = EventInbox()
    /// Set once an effect asked to quit.
    public private(set) var hasQuit = false
    /// Background jobs started and not yet finished.
    private let running = RunningJobs()

    public init(app: App, backend: any TerminalBackend) {
        self.app = app
        self.backend = backend
    }

    /// Shows the first frame at the backend's size, in the app's theme.
    public func start() {
        backend.setTheme(app.theme)
        perform(app.handle(.resize(backend.size)))
        draw()
    }

    /// Hands one event to the app and performs what it asks.
    public func send(_ event: AppEvent) {
        perform(app.handle(event))
    }

    /// Ctrl-C: cancels the prompt, or quits.
    public func interrupt() {
        perform(app.interrupt())
    }

    /// Delivers the events background work posted since the last call; true when there were some.
    @discardableResult
    public func deliverBackgroundEvents() -> Bool {
        let events = inbox.takeAll()
        for event in events { send(event) }
        return !events.isEmpty
    }

    /// True while a background job runs or its events wait to be delivered.
    public var hasBackgroundWork: Bool { running.count > 0 || !inbox.isEmpty || app.hasBackgroundWork }

    /// Waits until background work posts an event (at most `timeout` seconds); for tests,
    /// which poll instead of sleeping.
    @discardableResult
    public func waitForBackgroundEvent(timeout: TimeInterval) -> Bool {
        inbox.wait(until: Date().addingTimeInterval(timeout))
    }

    public func draw() {
        let frame = app.render()
        backend.draw(frame.buffer, cursor: frame.cursor)
        // Pictures the frame made room for are fetched after it is on screen.
        perform(app.takeDeferredEffects())
    }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .quit:
                hasQuit = true
            case .runProgram(let arguments):
                let status = backend.runProgram(arguments)
                perform(app.handle(.resize(backend.size)))
                send(.programFinished(name: arguments.first ?? "?", status: status))
            case .setTheme(let theme):
                backend.setTheme(theme)
            case .copyToClipboard(let text):
                backend.copyToClipboard(text)
            case .background(let job):
                let inbox = inbox
                let running = running
                running.change(by: 1)
                let thread = Thread {
                    job.work { event in inbox.post(event) }
                    running.change(by: -1)
                    inbox.post(nil)
                }
                thread.name = "baca.\(job.name)"
                thread.start()
            }
        }
    }
}

/// Events posted by background threads, taken by the loop's thread.
final class EventInbox: @unchecked Sendable {
    private let condition = NSCondition()
    private var events: [AppEvent] = []
    private var wakeups = 0

    /// Adds an event; nil only wakes a waiter (a job ended).
    func post(_ event: AppEvent?) {
        condition.lock()
        if let event { events.append(event) }
        wakeups += 1
        condition.broadcast()
        condition.unlock()
    }

    func takeAll() -> [AppEvent] {
        condition.lock()
        defer { condition.unlock() }
        let taken = events
        events.removeAll()
        return taken
    }

    var isEmpty: Bool {
        condition.lock()
        defer { condition.unlock() }
        return events.isEmpty
    }

    /// Waits for an event or a job's end; true when one came before `deadline`.
    func wait(until deadline: Date) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let start = wakeups
        while wakeups == start && events.isEmpty {
            if !condition.wait(until: deadline) { return !events.isEmpty }
        }
        return true
    }
}

/// A thread-safe count of running background jobs.
final class RunningJobs: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func change(by delta: Int) {
        lock.lock()
        value += delta
        lock.unlock()
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
