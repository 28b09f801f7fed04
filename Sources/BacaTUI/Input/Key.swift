/// A key the reader pressed, decoded from the terminal.
public enum Key: Hashable, Sendable {
    /// A printable character, space included.
    case character(Character)
    /// Ctrl with a letter, lowercase: Ctrl-D is `.control("d")`.
    case control(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case insert, delete, backspace
    case enter, tab, backTab, escape
    /// F1 … F12.
    case function(Int)
}

/// What the terminal reports.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// The window changed size.
    case resize
    /// A mouse report (`InputSequenceDecoder`).
    case mouse(MouseEvent)
    /// Text pasted while bracketed paste was on, cleaned for a prompt (`InputSequenceDecoder`).
    case paste(String)
}
