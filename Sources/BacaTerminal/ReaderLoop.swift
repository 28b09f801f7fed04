import BacaTUI
#if canImport(Glibc)
import Glibc
#endif

/// Runs the reader on a real terminal: events in, frames out, until the reader quits or a
/// signal asks it to.
public enum ReaderLoop {
    /// How long the loop waits for a key before it lets the app do its idle work (noticing other
    /// processes' imports, saving the reading position).
    static let idleMilliseconds = 1000

    /// Starts the terminal, runs `app`, and always restores the terminal. Throws
    /// `TerminalError` when there is no usable terminal; the terminal is untouched then.
    public static func run(_ app: App) throws {
        unblockTerminalSignals()
        let terminal = try TerminalSession.start()
        defer {
            terminal.stop()
            terminal.exitIfSignalled()
        }
        terminal.setTheme(app.theme)
        var themeGeneration = app.themeGeneration
        app.resize(to: terminal.size)
        draw(app, on: terminal)
        // A burst of resizes (a window dragged, a tiling manager) lays the article out once, at
        // the last size: a resize is applied only before the next key or the next frame.
        var resizePending = false
        func applyResize() {
            guard resizePending else { return }
            resizePending = false
            app.resize(to: terminal.size)
            app.handle(.resize)
        }
        func handle(_ event: InputEvent) {
            if event == .resize {
                resizePending = true
            } else {
                applyResize()
                app.handle(event)
            }
        }
        while !app.shouldQuit {
            // Ctrl-C at the prompt cancels the prompt; anywhere else it quits.
            if terminal.shouldQuit {
                guard app.prompt != nil, terminal.withdrawInterrupt() else { break }
                applyResize()
                app.perform(CommandInvocation(.promptCancel))
                draw(app, on: terminal)
                continue
            }
            if let command = app.pendingExternalCommand {
                let status = terminal.withTerminalSuspended { ExternalProgram.run(command) }
                app.externalCommandFinished(status: status)
                app.resize(to: terminal.size)
                draw(app, on: terminal)
                continue
            }
            // While a fetch runs in the background, look at its progress more often.
            guard let event = terminal.nextEvent(timeout: app.isFetching ? 200 : idleMilliseconds) else {
                if terminal.shouldQuit { continue }
                applyResize()
                app.tick()
                draw(app, on: terminal)
                continue
            }
            handle(event)
            if app.themeGeneration != themeGeneration {
                themeGeneration = app.themeGeneration
                terminal.setTheme(app.theme)
            }
            // Draw once for a burst of keys: handle what is already waiting first.
            var pending = 0
            while pending < 64, !app.shouldQuit, let next = terminal.nextEvent(timeout: 0) {
                handle(next)
                pending += 1
            }
            if app.themeGeneration != themeGeneration {
                themeGeneration = app.themeGeneration
                terminal.setTheme(app.theme)
            }
            applyResize()
            draw(app, on: terminal)
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

    static func draw(_ app: App, on terminal: NcursesTerminal) {
        let frame = app.render()
        terminal.draw(frame.buffer, cursor: frame.cursor)
    }
}
