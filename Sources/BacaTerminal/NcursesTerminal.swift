#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BacaCore
import BacaTUI
import CNcurses
import CLazyLoad

/// Starts the interactive session on the process's terminal.
public enum TerminalSession {
    /// Takes over the terminal: checks that stdin and stdout are terminals and that `TERM` can move
    /// the cursor, switches to the alternate screen, and installs the signal handlers that put the
    /// terminal back however the process ends. Call `stop()` on the result when done.
    public static func start(options: TerminalOptions = TerminalOptions()) throws -> NcursesTerminal {
        try NcursesTerminal.start(options: options)
    }
}

/// The ncurses terminal: shows frames (`TerminalBackend`), reads keys, and owns the terminal's
/// lifecycle. Use it from one thread (the app's run loop).
///
/// A run loop:
///
///     let terminal = try TerminalSession.start()
///     defer { terminal.stop() }
///     while !terminal.shouldQuit {
///         guard let event = terminal.nextEvent(timeout: 250) else { continue }
///         ...; terminal.draw(frame, cursor: nil)
///     }
///     terminal.stop()
///     terminal.exitIfSignalled()
public final class NcursesTerminal: TerminalBackend {
    private enum State { case running, suspended, stopped }

    private var state: State = .running
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let outputFile: UnsafeMutablePointer<FILE>
    private let inputFile: UnsafeMutablePointer<FILE>
    private let outputFD: Int32
    /// A `.resize` to report before reading input (after coming back from a suspension).
    private var pendingResize = false

    // Drawing.
    private let colorCount: Int
    private let canUseDefaultColors: Bool
    private var theme: Theme?
    private var styleCache: [StyleName: CursesStyle] = [:]
    private var pairs: [ColorPairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    private var lastFrameSize: TerminalSize?
    private var cursorShown: Bool?
    private var text: [wchar_t] = []
    /// Pictures written beside ncurses (TerminalGraphics.swift).
    private let graphics = GraphicsLayer()

    // Beside ncurses: mouse and paste modes, their decoder, OSC 8 links.
    private let options: TerminalOptions
    private let writesHyperlinks: Bool
    private var decoder = InputSequenceDecoder()
    /// Events the decoder completed and `nextEvent` has not returned yet.
    private var decoded: [InputEvent] = []
    /// When the last byte of a paste came: a paste whose end never comes is delivered after a pause.
    private var lastPasteInput = ContinuousClock.now

    private init(screen: OpaquePointer, input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>, outputFD: Int32,
                 options: TerminalOptions) {
        self.options = options
        self.writesHyperlinks = options.hyperlinks ?? HyperlinkSupport.detect()
        self.screen = screen
        self.window = baca_stdscr()
        self.inputFile = input
        self.outputFile = output
        self.outputFD = outputFD
        if has_colors() {
            start_color()
            canUseDefaultColors = use_default_colors() == baca_ok()
            colorCount = Int(baca_colors())
        } else {
            canUseDefaultColors = false
            colorCount = 0
        }
    }

    deinit { stop() }

    // MARK: Starting

    fileprivate static func start(options: TerminalOptions) throws -> NcursesTerminal {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError.notATerminal
        }
        let termType = try checkTerminalType()
        guard !SignalState.sessionExists.exchange(true, ordering: .sequentiallyConsistent) else {
            throw TerminalError.alreadyRunning
        }
        useUTF8Locale()

        var saved = termios()
        let hasSaved = tcgetattr(STDOUT_FILENO, &saved) == 0
        let outputFD = dup(STDOUT_FILENO)
        let inputFD = dup(STDIN_FILENO)
        guard outputFD >= 0, inputFD >= 0,
              let output = fdopen(outputFD, "w"), let input = fdopen(inputFD, "r")
        else {
            if outputFD >= 0 { close(outputFD) }
            if inputFD >= 0 { close(inputFD) }
            SignalState.sessionExists.store(false, ordering: .sequentiallyConsistent)
            throw TerminalError.notATerminal
        }

        // Handlers go in before newterm so that ncurses keeps its own hands off SIGINT, SIGTERM and
        // SIGTSTP (it only installs where it finds the default). It still handles SIGWINCH.
        SignalState.prepare()
        SignalState.quitSignal.store(0, ordering: .sequentiallyConsistent)
        SignalState.suspendRequested.store(false, ordering: .sequentiallyConsistent)
        SignalState.continued.store(false, ordering: .sequentiallyConsistent)
        SignalState.childRunning.store(false, ordering: .sequentiallyConsistent)
        SignalState.inputThread.store(UInt(pthread_self()), ordering: .sequentiallyConsistent)
        SignalState.prepareRestore(fd: outputFD, termios: hasSaved ? saved : nil, bytes: [])
        SignalInstaller.installAll()
        if !SignalState.atexitRegistered.exchange(true, ordering: .sequentiallyConsistent) {
            atexit(restoreAtExit)
            // A library that turns out broken mid-session (CLazyLoad's last-resort exit, from any
            // thread) gives the terminal back before its message is written.
            baca_lazy_set_fatal_hook(restoreBeforeFatalExit)
        }

        // With 24-bit colour, draw through the family's `-direct` entry when terminfo has it.
        let drawingType = DirectColor.candidates(term: termType).first { name in
            var hasCursorAddressing: Int32 = 0
            return baca_probe_terminal(name, STDOUT_FILENO, &hasCursorAddressing) == 2 && hasCursorAddressing != 0
        } ?? termType
        guard let screen = drawingType.withCString({ newterm($0, output, input) }) else {
            SignalInstaller.uninstallAll()
            SignalState.inputThread.store(0, ordering: .sequentiallyConsistent)
            fclose(output)
            fclose(input)
            SignalState.sessionExists.store(false, ordering: .sequentiallyConsistent)
            throw TerminalError.unsupportedTerminal(type: termType, reason: "ncurses could not set it up")
        }
        let terminal = NcursesTerminal(screen: screen, input: input, output: output, outputFD: outputFD, options: options)
        terminal.setUpModes()
        // After the sequence's CAN (which cancels a half-written escape sequence).
        var restore = restoreSequence()
        restore.insert(contentsOf: TerminalModes.disable, at: 1)
        SignalState.prepareRestore(fd: outputFD, termios: hasSaved ? saved : nil, bytes: restore)
        SignalState.screenActive.store(true, ordering: .sequentiallyConsistent)
        // Enter the alternate screen with a blank frame.
        werase(terminal.window)
        wnoutrefresh(terminal.window)
        doupdate()
        terminal.writeModes(on: true)
        return terminal
    }

    /// `TERM`, if terminfo knows it and it can address the cursor.
    private static func checkTerminalType() throws -> String {
        guard let raw = getenv("TERM"), raw.pointee != 0 else {
            throw TerminalError.unsupportedTerminal(type: "", reason: "TERM is not set")
        }
        let name = String(cString: raw)
        if name == "dumb" {
            throw TerminalError.unsupportedTerminal(type: name, reason: "it cannot move the cursor; set TERM to your terminal's type, such as xterm-256color")
        }
        var hasCursorAddressing: Int32 = 0
        let result = baca_probe_terminal(raw, STDOUT_FILENO, &hasCursorAddressing)
        switch result {
        case 2 where hasCursorAddressing != 0:
            return name
        case 2:
            throw TerminalError.unsupportedTerminal(type: name, reason: "it cannot move the cursor; set TERM to your terminal's type, such as xterm-256color")
        case 1:
            throw TerminalError.unsupportedTerminal(type: name, reason: "it is a hard-copy terminal")
        case -1:
            throw TerminalError.unsupportedTerminal(type: name, reason: "no terminfo database was found (install ncurses-base or ncurses-term)")
        default:
            throw TerminalError.unsupportedTerminal(type: name, reason: "terminfo does not know it; try TERM=xterm-256color")
        }
    }

    /// The character type comes from the environment; when that is not UTF-8, C.UTF-8 is tried.
    /// Only LC_CTYPE is set: numbers and dates elsewhere in the process keep the C locale.
    private static func useUTF8Locale() {
        setlocale(LC_CTYPE, "")
        if !localeIsUTF8() {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil {
                setlocale(LC_CTYPE, "en_US.UTF-8")
            }
        }
    }

    private static func localeIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    private func setUpModes() {
        cbreak()  // keeps ISIG: Ctrl-C, Ctrl-Z and Ctrl-\ arrive as signals (see SignalHandling.swift)
        noecho()
        keypad(window, true)
        intrflush(window, false)
        set_escdelay(25)
        curs_set(0)
        cursorShown = false
        leaveok(window, true)
        scrollok(window, false)
        // Ctrl-S, Ctrl-Q and Ctrl-V are keys, not flow control or "literal next".
        var modes = termios()
        if tcgetattr(outputFD, &modes) == 0 {
            modes.c_iflag &= ~tcflag_t(IXON)
            modes.c_lflag &= ~tcflag_t(IEXTEN)
            _ = tcsetattr(outputFD, TCSANOW, &modes)
        }
        def_prog_mode()
        for (sequence, code) in KeyDecoding.extraSequences where key_defined(sequence) == 0 {
            _ = define_key(sequence, code)
        }
        // Mouse reports are read by `InputSequenceDecoder`, in every terminal alike: ncurses'
        // own `kmous` (the X10 `ESC [ M` in tmux-256color) must not swallow their start.
        _ = keyok(KEY_MOUSE, false)
    }

    /// Turns bracketed paste and (when asked for) the mouse on or off, beside ncurses.
    private func writeModes(on: Bool) {
        fflush(outputFile)
        writeAll(on ? TerminalModes.enable(mouse: options.mouse) : TerminalModes.disable)
    }

    private func writeAll(_ bytes: [UInt8]) {
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBufferPointer { write(outputFD, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            written += count
        }
    }

    /// The bytes the crash path writes: cancel a half-written escape sequence, reset colours and
    /// attributes, show the cursor, leave keypad mode and the alternate screen.
    private static func restoreSequence() -> [UInt8] {
        var bytes: [UInt8] = [0x18]
        for capability in ["op", "sgr0", "cnorm", "rmkx"] {
            bytes += capabilityBytes(capability)
        }
        let leave = capabilityBytes("rmcup")
        bytes += leave.isEmpty ? Array("\r\n".utf8) : leave
        return bytes
    }

    /// A string capability without its `$<…>` padding.
    private static func capabilityBytes(_ name: String) -> [UInt8] {
        guard let value = baca_tigetstr(name) else { return [] }
        var bytes: [UInt8] = []
        var inPadding = false
        var previous: UInt8 = 0
        for byte in String(cString: value).utf8 {
            if inPadding {
                if byte == UInt8(ascii: ">") { inPadding = false }
            } else if byte == UInt8(ascii: "<") && previous == UInt8(ascii: "$") {
                bytes.removeLast()
                inPadding = true
            } else {
                bytes.append(byte)
            }
            previous = byte
        }
        return bytes
    }

    // MARK: Lifecycle

    /// True once a SIGINT, SIGTERM or SIGHUP asked the reader to quit. The run loop should then
    /// stop the terminal, and may call `exitIfSignalled()`. `nextEvent` returns nil at once
    /// while this is true.
    public var shouldQuit: Bool { quitSignal != nil }

    /// The signal that asked the reader to quit, if any.
    public var quitSignal: Int32? {
        let signal = SignalState.quitSignal.load(ordering: .sequentiallyConsistent)
        return signal == 0 ? nil : signal
    }

    /// Puts the terminal back as it was (main screen, cursor, modes) and removes the signal
    /// handlers. Safe to call more than once; the terminal cannot be used afterwards.
    public func stop() {
        guard state != .stopped else { return }
        _ = alarm(0)
        SignalState.screenActive.store(false, ordering: .sequentiallyConsistent)
        if state == .running {
            writeModes(on: false)
            curs_set(1)
            endwin()
        }
        SignalState.childRunning.store(false, ordering: .sequentiallyConsistent)
        delscreen(screen)
        fclose(outputFile)
        fclose(inputFile)
        SignalInstaller.uninstallAll()
        SignalState.inputThread.store(0, ordering: .sequentiallyConsistent)
        state = .stopped
        SignalState.sessionExists.store(false, ordering: .sequentiallyConsistent)
    }

    /// After `stop()`: when a signal asked the reader to quit, dies by that signal, so the shell
    /// sees the usual status (130 for Ctrl-C). Otherwise returns.
    public func exitIfSignalled() {
        guard let signal = quitSignal else { return }
        stop()
        dieBySignal(signal)
    }

    /// Gives the terminal back temporarily (to run `$BROWSER`, or for Ctrl-Z): main screen, shell
    /// modes, Ctrl-Z stops the process, and Ctrl-C belongs to the program in the foreground (the
    /// reader ignores it until `resume()`). Frames drawn meanwhile are dropped.
    public func suspend() {
        guard state == .running else { return }
        SignalState.screenActive.store(false, ordering: .sequentiallyConsistent)
        SignalState.childRunning.store(true, ordering: .sequentiallyConsistent)
        SignalInstaller.useDefaultSuspend()
        writeModes(on: false)
        curs_set(1)
        endwin()
        fflush(outputFile)
        state = .suspended
    }

    /// Takes the terminal again after `suspend()`: alternate screen, the last frame repainted,
    /// the new size picked up. The next `nextEvent` reports `.resize` so the app redraws.
    public func resume() {
        guard state == .suspended else { return }
        SignalInstaller.useSessionSuspend()
        SignalState.childRunning.store(false, ordering: .sequentiallyConsistent)
        state = .running
        reenter()
    }

    /// Runs `body` with the terminal given back (see `suspend()`), then takes it again.
    public func withTerminalSuspended<T>(_ body: () throws -> T) rethrows -> T {
        suspend()
        defer { resume() }
        return try body()
    }

    /// Back to curses mode after endwin or an outside stop: repaint everything, learn the size.
    private func reenter() {
        reset_prog_mode()
        clearok(baca_curscr(), true)
        cursorShown = nil
        lastFrameSize = nil
        updateSizeFromTerminal()
        wnoutrefresh(window)
        doupdate()
        writeModes(on: true)
        SignalState.screenActive.store(true, ordering: .sequentiallyConsistent)
        pendingResize = true
    }

    /// The terminal may have been resized while the reader was stopped (no SIGWINCH reaches a
    /// stopped process), so ask it.
    private func updateSizeFromTerminal() {
        var size = winsize()
        guard ioctl(outputFD, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 else { return }
        let rows = Int32(size.ws_row), columns = Int32(size.ws_col)
        if rows != getmaxy(window) || columns != getmaxx(window) {
            resizeterm(rows, columns)
        }
    }

    // MARK: Input

    /// The next key, mouse report, paste or resize, waiting at most `milliseconds` (negative:
    /// without limit). Nil on timeout, when a signal interrupted the wait (check `shouldQuit`),
    /// or once stopped. Handles Ctrl-Z here: leaves the screen, stops, and on `fg` returns
    /// `.resize`. Signals are steered to the thread that last called this, so call it from one
    /// thread. Mouse reports and pastes arrive from ncurses as keys and are put back together
    /// by `InputSequenceDecoder`.
    public func nextEvent(timeout milliseconds: Int) -> InputEvent? {
        let start = ContinuousClock.now
        if state == .running {
            SignalState.inputThread.store(UInt(pthread_self()), ordering: .sequentiallyConsistent)
        }
        while true {
            guard state == .running else { return nil }
            if let event = handleSignals() { return event }
            if shouldQuit { return nil }
            if !decoded.isEmpty { return decoded.removeFirst() }
            var wait = -1
            if milliseconds >= 0 {
                let elapsed = ContinuousClock.now - start
                let elapsedMilliseconds = Int(elapsed.components.seconds) * 1000
                    + Int(elapsed.components.attoseconds / 1_000_000_000_000_000)
                wait = max(0, milliseconds - elapsedMilliseconds)
            }
            // The rest of a sequence comes at once (ncurses has already waited ESCDELAY after
            // an ESC); a paste may take longer, and the loop goes on drawing meanwhile.
            switch decoder.waiting {
            case .escape: wait = 30
            case .sequence: wait = 200
            case .paste: wait = wait < 0 ? 500 : min(wait, 500)
            case .nothing: break
            }
            wtimeout(window, Int32(clamping: wait))
            var character: wint_t = 0
            let result = wget_wch(window, &character)
            if result == baca_err() {
                // Timed out, or a signal interrupted the wait.
                if let event = handleSignals() { return event }
                switch decoder.waiting {
                case .escape, .sequence:
                    decoded += decoder.timeOut()
                    continue
                case .paste where ContinuousClock.now - lastPasteInput > .seconds(3):
                    decoded += decoder.timeOut()
                    continue
                case .paste where wait > 0 && milliseconds != 0:
                    if milliseconds < 0 || ContinuousClock.now - start < .milliseconds(milliseconds) { continue }
                    return nil
                default:
                    return nil
                }
            }
            let event: InputEvent?
            if result == baca_key_code_yes() {
                event = KeyDecoding.decode(keyCode: Int32(bitPattern: UInt32(character)))
            } else {
                event = KeyDecoding.decode(character: UInt32(character))
            }
            if decoder.waiting == .paste { lastPasteInput = ContinuousClock.now }
            if event == .resize {
                // Never held back by a half-read sequence.
                lastFrameSize = nil
                return .resize
            }
            if let event {
                decoded += decoder.feed(event)
                if decoder.waiting == .paste { lastPasteInput = ContinuousClock.now }
                continue
            }
            if wait == 0 && decoder.waiting == .nothing { return nil }
            // Something the reader does not use: read on within the time left.
        }
    }

    /// Acts on Ctrl-Z and on being continued; returns `.resize` when the app must redraw.
    private func handleSignals() -> InputEvent? {
        if SignalState.suspendRequested.exchange(false, ordering: .sequentiallyConsistent) {
            suspend()
            _ = raise(SIGTSTP)  // default action now: the process stops here until `fg`
            SignalState.continued.store(false, ordering: .sequentiallyConsistent)
            resume()
        }
        if SignalState.continued.exchange(false, ordering: .sequentiallyConsistent), state == .running {
            // Stopped and continued from outside (SIGSTOP): the shell may have changed modes.
            reenter()
        }
        if pendingResize {
            pendingResize = false
            return .resize
        }
        return nil
    }

    // MARK: TerminalBackend

    public var size: TerminalSize {
        guard state != .stopped else { return TerminalSize(columns: 80, rows: 24) }
        return TerminalSize(columns: Int(getmaxx(window)), rows: Int(getmaxy(window)))
    }

    public func runProgram(_ arguments: [String]) -> Int32? {
        withTerminalSuspended { ExternalProgram.run(arguments) }
    }

    /// OSC 52 straight to the terminal, after ncurses' own output.
    public func copyToClipboard(_ text: String) {
        writeAll(Array(OSC52.copy(text).utf8))
    }

    public func setTheme(_ theme: Theme) {
        self.theme = theme
        styleCache.removeAll(keepingCapacity: true)
        pairs.removeAll(keepingCapacity: true)
        nextPair = 1
    }

    public func draw(_ buffer: ScreenBuffer, cursor: CursorPosition?) {
        guard state == .running else { return }
        let screenRows = Int(getmaxy(window)), screenColumns = Int(getmaxx(window))
        if lastFrameSize != buffer.size {
            werase(window)
            lastFrameSize = buffer.size
            graphics.forget()
        }
        let rows = min(buffer.size.rows, screenRows)
        let columns = min(buffer.size.columns, screenColumns)
        let bufferColumns = buffer.size.columns
        buffer.cells.withUnsafeBufferPointer { cells in
            for row in 0..<rows {
                drawRow(cells, from: row * bufferColumns, row: row, columns: columns, bufferColumns: bufferColumns)
            }
        }
        if let cursor, cursor.row >= 0, cursor.row < screenRows, cursor.column >= 0, cursor.column < screenColumns {
            if cursorShown != true {
                curs_set(1)
                leaveok(window, false)
                cursorShown = true
            }
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        } else if cursorShown != false {
            curs_set(0)
            leaveok(window, true)
            cursorShown = false
        }
        wnoutrefresh(window)
        doupdate()
        if !buffer.graphics.isEmpty || graphics.isShowing { showGraphics(buffer.graphics, rows: rows) }
        if writesHyperlinks { writeHyperlinks(buffer, rows: rows, columns: columns) }
    }

    private func showGraphics(_ placements: [GraphicPlacement], rows: Int) {
        graphics.show(placements, repaint: {
            wredrawln(window, 0, Int32(rows))
            wrefresh(window)
        }, write: { sequence in
            self.writeAll(Array(sequence.utf8))
        })
    }

    /// The frame's links as OSC 8 hyperlinks, over the cells ncurses has just drawn
    /// (`HyperlinkOverlay`). ncurses does not know the cursor moved: `mvcur` from an unknown
    /// place (−1) puts it back with an absolute move and tells ncurses where it is (with
    /// `leaveok` ncurses' own idea of the cursor is not readable, so it must be told).
    private func writeHyperlinks(_ buffer: ScreenBuffer, rows: Int, columns: Int) {
        guard !buffer.hitMap.links.isEmpty else { return }
        let bytes = HyperlinkOverlay.bytes(for: buffer, visibleRows: rows, visibleColumns: columns) { sgrParameters(for: $0) }
        guard !bytes.isEmpty else { return }
        fflush(outputFile)
        writeAll(bytes)
        let row = min(max(0, Int(getcury(baca_curscr()))), max(0, rows - 1))
        let column = min(max(0, Int(getcurx(baca_curscr()))), max(0, columns - 1))
        _ = mvcur(-1, -1, Int32(row), Int32(column))
        fflush(outputFile)
    }

    /// One row, in runs of one style; each run is one `mvwaddnwstr`.
    private func drawRow(_ cells: UnsafeBufferPointer<Cell>, from base: Int, row: Int, columns: Int, bufferColumns: Int) {
        var runStart = 0
        var runStyle: StyleName? = nil
        text.removeAll(keepingCapacity: true)
        var column = 0
        var coveredUntil = 0  // columns before this are taken by a wide grapheme already written
        while column < columns {
            let cell = cells[base + column]
            if cell.text.isEmpty && column < coveredUntil {
                column += 1
                continue
            }
            if cell.style != runStyle {
                flushRun(row: row, column: runStart, style: runStyle)
                runStart = column
                runStyle = cell.style
            }
            var width = 1
            if column + 1 < bufferColumns && cells[base + column + 1].text.isEmpty {
                width = 2
            }
            if column + width > columns {
                width = 1
                TextGuard.appendBlank(to: &text)
            } else if cell.text.isEmpty {
                TextGuard.appendBlank(to: &text)  // an orphan continuation cell
                width = 1
            } else {
                TextGuard.append(cell.text, width: width, to: &text)
            }
            coveredUntil = column + width
            column += 1
        }
        flushRun(row: row, column: runStart, style: runStyle)
    }

    private func flushRun(row: Int, column: Int, style: StyleName?) {
        guard let style, !text.isEmpty else {
            text.removeAll(keepingCapacity: true)
            return
        }
        let curses = cursesStyle(for: style)
        wattr_set(window, curses.attributes, Int16(truncatingIfNeeded: curses.pair), nil)
        // Writing the bottom-right cell "fails" (the cursor cannot move past it); the cell is
        // written all the same, so the result is ignored.
        _ = text.withUnsafeBufferPointer { pointer in
            mvwaddnwstr(window, Int32(row), Int32(column), pointer.baseAddress, Int32(pointer.count))
        }
        text.removeAll(keepingCapacity: true)
    }

    // MARK: Styles and colours

    private struct CursesStyle {
        var attributes: attr_t
        var pair: Int32
    }

    private struct ColorPairKey: Hashable {
        var foreground: Int
        var background: Int
    }

    private var usesColor: Bool {
        colorCount >= 8 && !(theme?.isMonochrome ?? true)
    }

    private func cursesStyle(for name: StyleName) -> CursesStyle {
        if let cached = styleCache[name] { return cached }
        let style = theme?.style(for: name) ?? TextStyle()
        var attributes = attr_t(baca_a_normal())
        if style.bold { attributes |= attr_t(baca_a_bold()) }
        if style.dim { attributes |= attr_t(baca_a_dim()) }
        if style.italic { attributes |= attr_t(baca_a_italic()) }
        if style.underline { attributes |= attr_t(baca_a_underline()) }
        if style.reverse { attributes |= attr_t(baca_a_reverse()) }
        var pair: Int32 = 0
        if usesColor {
            let foreground = colorNumber(style.foreground ?? .terminalDefault)
            let background = colorNumber(style.background ?? .terminalDefault)
            pair = colorPair(foreground: foreground, background: background)
        }
        let result = CursesStyle(attributes: attributes, pair: pair)
        styleCache[name] = result
        return result
    }

    /// A style as SGR parameters, the way ncurses draws it: attributes, then the colour pair's
    /// colours (ANSI, 256-colour or direct RGB numbers; 39/49 for the default).
    private func sgrParameters(for name: StyleName) -> String {
        let style = theme?.style(for: name) ?? TextStyle()
        var parts: [String] = []
        if style.bold { parts.append("1") }
        if style.dim { parts.append("2") }
        if style.italic { parts.append("3") }
        if style.underline { parts.append("4") }
        if style.reverse { parts.append("7") }
        if usesColor {
            var foreground = colorNumber(style.foreground ?? .terminalDefault)
            var background = colorNumber(style.background ?? .terminalDefault)
            if !canUseDefaultColors {
                if foreground < 0 { foreground = 7 }
                if background < 0 { background = 0 }
            }
            parts.append(Self.sgrColor(foreground, base: 30, colorCount: colorCount))
            parts.append(Self.sgrColor(background, base: 40, colorCount: colorCount))
        }
        return parts.isEmpty ? "0" : parts.joined(separator: ";")
    }

    private static func sgrColor(_ number: Int, base: Int, colorCount: Int) -> String {
        if number < 0 { return "\(base + 9)" }
        if number < 8 { return "\(base + number)" }
        if colorCount > 256 {
            return "\(base + 8);2;\((number >> 16) & 255);\((number >> 8) & 255);\(number & 255)"
        }
        if number < 16 { return "\(base + 60 + number - 8)" }
        return "\(base + 8);5;\(number)"
    }

    /// The one place a theme colour becomes a terminal colour number (−1: the default).
    private func colorNumber(_ color: ThemeColor) -> Int {
        ColorDegrading.colorNumber(color, colorCount: colorCount)
    }

    private func colorPair(foreground: Int, background: Int) -> Int32 {
        var foreground = foreground, background = background
        if !canUseDefaultColors {
            if foreground < 0 { foreground = 7 }
            if background < 0 { background = 0 }
        }
        if foreground < 0 && background < 0 { return 0 }
        let key = ColorPairKey(foreground: foreground, background: background)
        if let pair = pairs[key] { return pair }
        guard nextPair < min(baca_color_pairs(), Int32(Int16.max)) else { return 0 }
        let pair = nextPair
        guard init_extended_pair(pair, Int32(clamping: foreground), Int32(clamping: background)) == baca_ok() else {
            pairs[key] = 0
            return 0
        }
        nextPair += 1
        pairs[key] = pair
        return pair
    }
}

/// The other name the design notes use for the drawing side.
public typealias NcursesBackend = NcursesTerminal

/// Runs just before CLazyLoad's `_exit` (a library missing a function): the signal handlers'
/// async-signal-safe restore, since it may run on any thread while the main one draws.
private func restoreBeforeFatalExit() {
    emergencyRestore()
}

/// Runs at exit() if the app never stopped the terminal.
private func restoreAtExit() {
    if SignalState.screenActive.exchange(false, ordering: .sequentiallyConsistent) {
        endwin()
    }
}
