#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

// The part of the terminal's lifecycle that runs inside signal handlers.
//
// A handler may only do async-signal-safe work: it reads memory prepared before the handlers were
// installed, flips atomics, and calls `write`, `tcsetattr`, `sigaction`, `raise`, `alarm` and
// `_exit`. It never calls ncurses, allocates, or takes a lock. Everything else (endwin, leaving
// for Ctrl-Z, redrawing) happens on the app's thread when `NcursesTerminal.nextEvent` sees a flag.
//
// - SIGINT, SIGTERM, SIGHUP: the first one sets `quitSignal` (the app's loop sees `shouldQuit`,
//   stops the terminal cleanly and may then die by the same signal) and arms a watchdog alarm.
//   A second one, or the watchdog firing, restores the terminal from the handler and dies.
// - SIGTSTP: sets `suspendRequested`; `nextEvent` leaves curses mode, stops, and on return
//   re-enters and reports `.resize`. SIGCONT after an outside SIGSTOP sets `continued`.
// - SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT: restore the terminal, put back the
//   handler that was there before (Swift's backtracer, or the default) and let the signal run it.

enum SignalState {
    /// The first quit signal received (0: none).
    static let quitSignal = Atomic<Int32>(0)
    /// Ctrl-Z was pressed; `nextEvent` acts on it.
    static let suspendRequested = Atomic<Bool>(false)
    /// The process was continued after a stop.
    static let continued = Atomic<Bool>(false)
    /// Curses owns the screen: a crash must restore it.
    static let screenActive = Atomic<Bool>(false)
    /// Another program runs in the foreground (see `NcursesTerminal.suspend`): Ctrl-C is theirs.
    static let childRunning = Atomic<Bool>(false)
    /// A session exists in this process.
    static let sessionExists = Atomic<Bool>(false)
    static let atexitRegistered = Atomic<Bool>(false)
    /// The thread that reads input (`pthread_t`; 0: none). A signal the kernel hands to another
    /// thread is passed on to it, so that it interrupts the wait for a key.
    static let inputThread = Atomic<UInt>(0)

    /// What the emergency restore writes: the terminal's descriptor, its settings from before the
    /// session, and the bytes that leave the alternate screen and show the cursor.
    nonisolated(unsafe) static let restoreFD = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    nonisolated(unsafe) static let savedTermios = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) static let hasSavedTermios = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
    nonisolated(unsafe) static let restoreBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: restoreCapacity)
    nonisolated(unsafe) static let restoreCount = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    static let restoreCapacity = 512

    /// The actions that were installed before ours, indexed by signal number.
    nonisolated(unsafe) static let previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    nonisolated(unsafe) static let installed = UnsafeMutablePointer<Bool>.allocate(capacity: 65)

    /// Seconds the app gets, after a quit signal, to call `stop()` before the handler restores the
    /// terminal itself and exits.
    static let watchdogSeconds: UInt32 = 3

    static let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT]

    /// Touches every static so that none is lazily initialised inside a handler.
    static func prepare() {
        _ = quitSignal.load(ordering: .relaxed)
        _ = suspendRequested.load(ordering: .relaxed)
        _ = continued.load(ordering: .relaxed)
        _ = screenActive.load(ordering: .relaxed)
        _ = childRunning.load(ordering: .relaxed)
        _ = inputThread.load(ordering: .relaxed)
        _ = watchdogSeconds
        restoreFD.pointee = -1
        hasSavedTermios.pointee = false
        restoreCount.pointee = 0
        _ = restoreBytes
        for index in 0..<65 {
            installed[index] = false
        }
        previousActions.initialize(repeating: sigaction(), count: 65)
    }

    /// Stores what the emergency restore needs. Called before curses takes the screen.
    static func prepareRestore(fd: Int32, termios saved: termios?, bytes: [UInt8]) {
        restoreFD.pointee = fd
        if let saved {
            savedTermios.pointee = saved
            hasSavedTermios.pointee = true
        } else {
            hasSavedTermios.pointee = false
        }
        let count = min(bytes.count, restoreCapacity)
        for index in 0..<count {
            restoreBytes[index] = bytes[index]
        }
        restoreCount.pointee = count
    }
}

// MARK: - Async-signal-safe helpers

/// Leaves the alternate screen, shows the cursor and puts the terminal's settings back, using only
/// `write` and `tcsetattr`. Does nothing unless curses owns the screen; runs at most once.
func emergencyRestore() {
    guard SignalState.screenActive.exchange(false, ordering: .sequentiallyConsistent) else { return }
    let fd = SignalState.restoreFD.pointee
    guard fd >= 0 else { return }
    var offset = 0
    let count = SignalState.restoreCount.pointee
    while offset < count {
        let written = write(fd, SignalState.restoreBytes + offset, count - offset)
        if written > 0 {
            offset += written
        } else if written < 0 && errno == EINTR {
            continue
        } else {
            break
        }
    }
    if SignalState.hasSavedTermios.pointee {
        _ = tcsetattr(fd, TCSANOW, SignalState.savedTermios)
    }
}

/// Sets a signal's action to the default.
func setDefaultAction(_ signal: Int32) {
    var action = sigaction()
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    _ = sigaction(signal, &action, nil)
}

/// Dies by `signal` with its default action (the shell then sees 128 + signal).
func dieBySignal(_ signal: Int32) -> Never {
    setDefaultAction(signal)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, signal)
    _ = raise(signal)
    _ = sigprocmask(SIG_UNBLOCK, &set, nil)
    _exit(128 + signal)
}

/// A process-directed signal may land on any thread (GRDB's, Dispatch's). Passes it on to the
/// thread that waits for keys, where it interrupts `wget_wch`; true when it did.
func forwardedToInputThread(_ signal: Int32) -> Bool {
    let target = SignalState.inputThread.load(ordering: .sequentiallyConsistent)
    guard target != 0, UInt(pthread_self()) != target else { return false }
    return pthread_kill(pthread_t(target), signal) == 0
}

// MARK: - Handlers

private func quitSignalHandler(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    if forwardedToInputThread(signal) { return }
    if signal == SIGINT && SignalState.childRunning.load(ordering: .sequentiallyConsistent) {
        return  // The program in the foreground gets Ctrl-C; the reader stays.
    }
    let (first, _) = SignalState.quitSignal.compareExchange(
        expected: 0, desired: signal, ordering: .sequentiallyConsistent)
    if first {
        _ = alarm(SignalState.watchdogSeconds)
        return
    }
    // Asked again: the app did not get to it. Restore the screen here and go.
    emergencyRestore()
    dieBySignal(signal)
}

private func watchdogHandler(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    let quit = SignalState.quitSignal.load(ordering: .sequentiallyConsistent)
    guard quit != 0 else { return }
    emergencyRestore()
    dieBySignal(quit)
}

private func suspendHandler(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    if forwardedToInputThread(signal) { return }
    SignalState.suspendRequested.store(true, ordering: .sequentiallyConsistent)
}

private func continueHandler(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    if forwardedToInputThread(signal) { return }
    SignalState.continued.store(true, ordering: .sequentiallyConsistent)
}

private func fatalSignalHandler(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    emergencyRestore()
    // Put back what was there (Swift's backtracer, or the default) and let the signal reach it:
    // a fault happens again when the handler returns; a sent signal (kill, raise, abort) is sent
    // again and stays pending until then.
    let index = Int(signal)
    if index > 0 && index < 65 && SignalState.installed[index] {
        _ = sigaction(signal, SignalState.previousActions + index, nil)
    } else {
        setDefaultAction(signal)
    }
    let sentByProcess = info.map { $0.pointee.si_code <= 0 } ?? true
    if sentByProcess {
        _ = raise(signal)
    }
}

// MARK: - Installing

enum SignalInstaller {
    private typealias Handler = @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void

    /// Installs the session's handlers, remembering what they replace. Signals the process
    /// inherited as ignored (`nohup`, background jobs) are left alone.
    static func installAll() {
        ensureAlternateStack()
        for signal in SignalState.quitSignals {
            install(signal, quitSignalHandler, flags: 0, skipIfIgnored: true)
        }
        install(SIGALRM, watchdogHandler, flags: 0, skipIfIgnored: false)
        install(SIGTSTP, suspendHandler, flags: 0, skipIfIgnored: true)
        install(SIGCONT, continueHandler, flags: 0, skipIfIgnored: false)
        for signal in SignalState.fatalSignals {
            install(signal, fatalSignalHandler, flags: SA_ONSTACK, skipIfIgnored: signal == SIGQUIT)
        }
    }

    /// Puts back every action `installAll` replaced.
    static func uninstallAll() {
        for index in 1..<65 where SignalState.installed[index] {
            _ = sigaction(Int32(index), SignalState.previousActions + index, nil)
            SignalState.installed[index] = false
        }
    }

    /// Ctrl-Z's default action, for while another program (or the shell) has the terminal.
    static func useDefaultSuspend() {
        guard SignalState.installed[Int(SIGTSTP)] else { return }
        setDefaultAction(SIGTSTP)
    }

    /// The session's Ctrl-Z handler again.
    static func useSessionSuspend() {
        guard SignalState.installed[Int(SIGTSTP)] else { return }
        var action = sigaction()
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_SIGINFO
        action.__sigaction_handler.sa_sigaction = suspendHandler
        _ = sigaction(SIGTSTP, &action, nil)
    }

    private static func install(_ signal: Int32, _ handler: Handler, flags: Int32, skipIfIgnored: Bool) {
        let index = Int(signal)
        guard !SignalState.installed[index] else { return }
        var current = sigaction()
        guard sigaction(signal, nil, &current) == 0 else { return }
        if skipIfIgnored && isIgnored(current) { return }
        var action = sigaction()
        sigemptyset(&action.sa_mask)
        // No SA_RESTART: a signal interrupts ncurses' wait for input, so `nextEvent` sees it at once.
        action.sa_flags = SA_SIGINFO | flags
        action.__sigaction_handler.sa_sigaction = handler
        SignalState.previousActions[index] = current
        SignalState.installed[index] = true
        _ = sigaction(signal, &action, nil)
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        guard action.sa_flags & SA_SIGINFO == 0 else { return false }
        guard let handler = action.__sigaction_handler.sa_handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == 1  // SIG_IGN
    }

    /// A stack for the crash handler, so that a stack overflow still restores the terminal.
    private static func ensureAlternateStack() {
        var current = stack_t()
        guard sigaltstack(nil, &current) == 0 else { return }
        guard current.ss_flags & Int32(SS_DISABLE) != 0 else { return }
        let size = 64 * 1024
        guard let memory = malloc(size) else { return }
        var stack = stack_t()
        stack.ss_sp = memory
        stack.ss_size = size
        stack.ss_flags = 0
        _ = sigaltstack(&stack, nil)
    }
}
