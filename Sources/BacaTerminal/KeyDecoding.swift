import BacaTUI
import CNcurses

/// Turns what `wget_wch` returns into the reader's keys.
enum KeyDecoding {
    /// A key code (`wget_wch` returned `KEY_CODE_YES`): arrows, pages, function keys, resize.
    /// Nil for codes the reader does not use (mouse, shifted keys, unknown).
    static func decode(keyCode code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE: return .resize
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        // Home and End come under several names: xterm's khome/kend, the VT220 editing keypad's
        // Find/Select (ESC [1~ / ESC [4~), and the numeric keypad's corners.
        case KEY_HOME, KEY_FIND, KEY_A1: return .key(.home)
        case KEY_END, KEY_SELECT, KEY_C1, KEY_LL: return .key(.end)
        case KEY_PPAGE, KEY_A3: return .key(.pageUp)
        case KEY_NPAGE, KEY_C3: return .key(.pageDown)
        case KEY_DC: return .key(.delete)
        case KEY_IC: return .key(.insert)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case KEY_F0 + 1...KEY_F0 + 12: return .key(.function(Int(code - KEY_F0)))
        default: return nil
        }
    }

    /// A character (`wget_wch` returned `OK`). Nil for codes that are not keys (NUL, C1 controls,
    /// Ctrl with a non-letter).
    static func decode(character code: UInt32) -> InputEvent? {
        switch code {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 27: return .key(.escape)
        case 1...26:
            let letter = Character(Unicode.Scalar(UInt8(96 + code)))
            return .key(.control(letter))
        case 0..<32, 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    /// Sequences terminals send for Home and End that a terminfo entry may not list (xterm's
    /// normal and application modes, VT220, rxvt). Bound only where terminfo binds nothing.
    static let extraSequences: [(String, Int32)] = [
        ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END),
        ("\u{1B}OH", KEY_HOME), ("\u{1B}OF", KEY_END),
        ("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END),
        ("\u{1B}[7~", KEY_HOME), ("\u{1B}[8~", KEY_END),
    ]
}
