/// Puts back together the terminal reports that arrive as plain keys: SGR mouse reports
/// (`ESC [ < b ; x ; y M`/`m`) and bracketed paste (`ESC [ 200 ~ … ESC [ 201 ~`).
///
/// Hand-written because ncurses decodes neither everywhere: its own mouse support needs the
/// terminfo entry to name the SGR format (`tmux-256color` names only the old X10 one), and it
/// knows nothing of bracketed paste. The terminal backend turns off ncurses' `kmous` key, so
/// these reports reach it byte by byte, as an `escape` key followed by characters; it feeds every
/// event here and takes what comes out.
///
/// - A control sequence that is neither (a focus report, an unknown key) is dropped whole instead
///   of running its characters as keys.
/// - Inside a paste nothing is a key: text is collected, escape sequences and control characters
///   are dropped, new lines and tabs become spaces; only `ESC [ 201 ~` ends it.
///
/// Pure: time-outs are the caller's, through `waiting` and `timeOut()`.
public struct InputSequenceDecoder: Sendable {
    /// What the decoder holds, so the caller knows how long to wait for the rest.
    public enum Waiting: Sendable, Equatable {
        /// Nothing held.
        case nothing
        /// An `ESC` that may start a sequence: the rest comes at once or never.
        case escape
        /// Part of a control sequence.
        case sequence
        /// Inside a paste, which may arrive over a while.
        case paste
    }

    /// The most text one paste keeps; the rest is read and dropped.
    public static let pasteLimit = 65_536
    /// The longest control sequence read before it is dropped as noise.
    static let sequenceLimit = 64

    fileprivate enum State: Sendable {
        case idle
        case escape
        case controlSequence(String)
        /// An old-style (X10) mouse report, `ESC [ M` and three bytes, from a terminal that
        /// ignored the request for the SGR format: its bytes are read, so they never act as keys.
        case x10Mouse([UInt32])
        case paste(Paste)
    }

    /// A paste being read, and the escape sequence inside it being skipped, if any.
    fileprivate struct Paste: Sendable {
        enum Skipping: Sendable { case none, escape, controlSequence(String), osc(sawEscape: Bool) }
        var text = ""
        var skipping = Skipping.none
        /// The last thing kept was a line break (CR LF, or a blank line, is one space).
        var afterLineBreak = false
    }

    private var state = State.idle

    public init() {}

    public var waiting: Waiting {
        switch state {
        case .idle: return .nothing
        case .escape: return .escape
        case .controlSequence, .x10Mouse: return .sequence
        case .paste: return .paste
        }
    }

    /// Takes one event from the terminal; returns the events it completes, in order.
    public mutating func feed(_ event: InputEvent) -> [InputEvent] {
        switch state {
        case .idle:
            if event == .key(.escape) {
                state = .escape
                return []
            }
            return [event]
        case .escape:
            if event == .key(.character("[")) {
                state = .controlSequence("")
                return []
            }
            state = .idle
            return [.key(.escape)] + feed(event)
        case .controlSequence(let body):
            guard case .key(.character(let character)) = event, let scalar = character.unicodeScalars.first,
                  character.unicodeScalars.count == 1, scalar.value >= 0x20, scalar.value <= 0x7E
            else {
                // Broken off by something that cannot be part of it: drop what was read.
                state = .idle
                return feed(event)
            }
            if scalar.value >= 0x40 {
                state = .idle
                return finish(body, final: character)
            }
            guard body.count < Self.sequenceLimit else {
                state = .idle
                return []
            }
            state = .controlSequence(body + String(character))
            return []
        case .x10Mouse(var bytes):
            guard case .key(.character(let character)) = event, let scalar = character.unicodeScalars.first else {
                // What the terminal sent did not read as characters (a byte above 127 in a UTF-8
                // locale): the report is lost, and so is this piece of it.
                state = bytes.count == 2 ? .idle : .x10Mouse(bytes + [0])
                return []
            }
            bytes.append(scalar.value)
            guard bytes.count == 3 else {
                state = .x10Mouse(bytes)
                return []
            }
            state = .idle
            guard bytes.allSatisfy({ $0 >= 32 && $0 < 32 + 256 }), bytes[1] > 32, bytes[2] > 32 else { return [] }
            let code = Int(bytes[0]) - 32
            // X10 reports a release as button 3, without saying which.
            let released = code & 3 == 3 && code & 64 == 0
            guard let mouse = MouseEvent(code: released ? code & ~3 : code, x: Int(bytes[1]) - 32, y: Int(bytes[2]) - 32, released: released)
            else { return [] }
            return [.mouse(mouse)]
        case .paste(var paste):
            // Out of `state` first, so the text is not shared and appending does not copy it.
            state = .idle
            let done = paste.take(event)
            if done {
                state = .idle
                return [.paste(paste.text)]
            }
            state = .paste(paste)
            return []
        }
    }

    /// No more input came while `waiting`: a lone `ESC` is the Escape key, a broken sequence
    /// is dropped, and a paste whose end never came is delivered as it is.
    public mutating func timeOut() -> [InputEvent] {
        switch state {
        case .idle: return []
        case .escape:
            state = .idle
            return [.key(.escape)]
        case .controlSequence, .x10Mouse:
            state = .idle
            return []
        case .paste(let paste):
            state = .idle
            return paste.text.isEmpty ? [] : [.paste(paste.text)]
        }
    }

    private mutating func finish(_ body: String, final: Character) -> [InputEvent] {
        if body.hasPrefix("<"), final == "M" || final == "m" {
            guard let mouse = MouseEvent(sgrParameters: body.dropFirst(), released: final == "m") else { return [] }
            return [.mouse(mouse)]
        }
        if body == "200", final == "~" {
            state = .paste(Paste())
        }
        if body.isEmpty, final == "M" {
            state = .x10Mouse([])
        }
        return []
    }
}

extension InputSequenceDecoder.Paste {
    /// Takes one event of the paste; true when it was the paste's end.
    mutating func take(_ event: InputEvent) -> Bool {
        switch skipping {
        case .none:
            break
        case .escape:
            switch event {
            case .key(.character("[")): skipping = .controlSequence("")
            case .key(.character("]")): skipping = .osc(sawEscape: false)
            case .key(.escape): skipping = .escape
            default:
                skipping = .none
                append(event)
            }
            return false
        case .controlSequence(let body):
            guard case .key(.character(let character)) = event, let scalar = character.unicodeScalars.first,
                  character.unicodeScalars.count == 1, scalar.value >= 0x20, scalar.value <= 0x7E
            else {
                skipping = .none
                return take(event)
            }
            if scalar.value >= 0x40 {
                skipping = .none
                return body == "201" && character == "~"
            }
            skipping = body.count < InputSequenceDecoder.sequenceLimit ? .controlSequence(body + String(character)) : .none
            return false
        case .osc(let sawEscape):
            // An operating system command ends with BEL or ESC \; its text is never kept.
            switch event {
            case .key(.control("g")): skipping = .none
            case .key(.escape): skipping = .osc(sawEscape: true)
            case .key(.character("\\")) where sawEscape: skipping = .none
            default: skipping = .osc(sawEscape: false)
            }
            return false
        }
        if event == .key(.escape) {
            skipping = .escape
            return false
        }
        append(event)
        return false
    }

    /// Pasted text as a prompt takes it: new lines (a run of them one) and tabs become spaces, control characters
    /// and keys the terminal decoded from escape sequences in the paste (arrows…) are dropped.
    private mutating func append(_ event: InputEvent) {
        guard text.utf8.count < InputSequenceDecoder.pasteLimit else { return }
        switch event {
        case .key(.enter):
            if !afterLineBreak { text.append(" ") }
            afterLineBreak = true
        case .key(.tab):
            text.append(" ")
            afterLineBreak = false
        case .key(.character(let character)):
            let kept = character.unicodeScalars.filter { !Self.isControl($0) }
            if !kept.isEmpty {
                text.unicodeScalars.append(contentsOf: kept)
                afterLineBreak = false
            }
        default:
            break
        }
    }

    /// C0 and C1 controls, and the bidirectional overrides that could make the line read
    /// differently from what it holds.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
