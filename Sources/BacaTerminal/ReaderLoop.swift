import BacaTUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the reader on a real terminal: keys, mouse reports, pastes and resizes from ncurses go to an `AppDriver`,
/// which hands them to the app and performs its effects; frames come back out.
public enum ReaderLoop {
    /// How long the loop waits for a key before the app does its idle work (noticing other
    /// processes' imports, saving the reading position).
    static let idleMilliseconds = 1000
    /// How often the loop looks for background events while a fetch or an import runs.
    static let backgroundMilliseconds = 100

    /// Starts the terminal, runs `app`, and always restores the terminal. Throws
    /// `TerminalError` when there is no usable terminal; the terminal is untouched then.
    public static func run(_ app: App, options: TerminalOptions = TerminalOptions()) throws {
        unblockTerminalSignals()
        let terminal = try TerminalSession.start(options: options)
        defer {
            terminal.stop()
            terminal.exitIfSignalled()
        }
        let driver = AppDriver(app: app, backend: terminal)
        driver.start()
        // A burst of resizes (a window dragged, a tiling manager) lays the article out once, at
        // the last size: a resize is applied only before the next key or the next frame.
        var resizePending = false
        func applyResize() {
            guard resizePending else { return }
            resizePending = false
            driver.send(.resize(terminal.size))
        }
        func handle(_ event: InputEvent) {
            switch event {
            case .resize:
                resizePending = true
            case .key(let key):
                applyResize()
                driver.send(.key(key))
            case .mouse(let mouse):
                // A click means what the last frame showed: draw the pending size first.
                if resizePending {
                    applyResize()
                    driver.draw()
                }
                driver.send(.mouse(mouse))
            case .paste(let text):
                applyResize()
                driver.send(.paste(text))
            }
        }
        var lastActivity = ContinuousClock.now
        while !driver.hasQuit {
            // Ctrl-C at the prompt cancels the prompt; anywhere else it quits.
            if terminal.shouldQuit {
                guard app.prompt != nil, terminal.withdrawInterrupt() else { break }
                applyResize()
                driver.interrupt()
                driver.draw()
                continue
            }
            let timeout = driver.hasBackgroundWork ? backgroundMilliseconds : idleMilliseconds
            guard let event = terminal.nextEvent(timeout: timeout) else {
                if terminal.shouldQuit { continue }
                applyResize()
                driver.deliverBackgroundEvents()
                if ContinuousClock.now - lastActivity >= .milliseconds(idleMilliseconds) {
                    driver.send(.idle)
                    lastActivity = ContinuousClock.now
                }
                driver.draw()
                continue
            }
            lastActivity = ContinuousClock.now
            handle(event)
            // Draw once for a burst of keys: handle what is already waiting first.
            var pending = 0
            while pending < 64, !driver.hasQuit, let next = terminal.nextEvent(timeout: 0) {
                handle(next)
                pending += 1
            }
            driver.deliverBackgroundEvents()
            applyResize()
            driver.draw()
        }
        app.willQuit()
    }

    /// A program may be started with signals blocked (a parent's threads pass their mask on);
    /// the reader needs resize, stop and quit signals to arrive.
    static func unblockTerminalSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGQUIT] {
            sigaddset(&signals, signal)
        }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }
}
