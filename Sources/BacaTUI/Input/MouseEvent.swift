/// A mouse report from the terminal (SGR format, `ESC [ < b ; x ; y M/m`), at a cell of the
/// frame: `row` and `column` count from 0, as `ScreenBuffer` does.
public struct MouseEvent: Hashable, Sendable {
    public enum Button: Hashable, Sendable {
        case left, middle, right
        /// Buttons 8 and up (back, forward), by their number in the report.
        case other(Int)
    }

    public enum Action: Hashable, Sendable {
        case press(Button)
        case release(Button)
        /// The pointer moved with a button held (mode 1002).
        case drag(Button)
        case wheelUp, wheelDown, wheelLeft, wheelRight
    }

    public var action: Action
    public var row: Int
    public var column: Int
    public var shift: Bool
    public var alt: Bool
    public var control: Bool

    public init(_ action: Action, row: Int, column: Int, shift: Bool = false, alt: Bool = false, control: Bool = false) {
        self.action = action
        self.row = row
        self.column = column
        self.shift = shift
        self.alt = alt
        self.control = control
    }

    /// Reads an SGR report's parameters (`0;12;5` from `ESC [ < 0;12;5 M`); `released` for the
    /// final `m`. Nil when the numbers are not three, or the cell is not at 1,1 or beyond.
    public init?(sgrParameters text: Substring, released: Bool) {
        let numbers = text.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        guard numbers.count == 3, let code = numbers[0], let x = numbers[1], let y = numbers[2] else { return nil }
        self.init(code: code, x: x, y: y, released: released)
    }

    /// A report's button code and 1-based cell, as both SGR (`CSI < code;x;y M/m`) and X10
    /// (`CSI M` and three bytes) give them.
    init?(code: Int, x: Int, y: Int, released: Bool) {
        guard code >= 0, x >= 1, y >= 1, x <= 100_000, y <= 100_000 else { return nil }
        let base = code & 3
        let button: Button
        switch (code & 64 != 0, code & 128 != 0, base) {
        case (false, false, 0): button = .left
        case (false, false, 1): button = .middle
        case (false, false, 2): button = .right
        case (false, false, _): button = .other(3)
        case (true, false, _): button = .other(4 + base)  // wheel: 64 up, 65 down, 66 left, 67 right
        case (_, true, _): button = .other(8 + base)
        }
        let action: Action
        if code & 64 != 0, code & 128 == 0 {
            guard !released else { return nil }
            switch base {
            case 0: action = .wheelUp
            case 1: action = .wheelDown
            case 2: action = .wheelLeft
            default: action = .wheelRight
            }
        } else if released {
            action = .release(button)
        } else if code & 32 != 0 {
            action = .drag(button)
        } else {
            action = .press(button)
        }
        self.init(action, row: y - 1, column: x - 1, shift: code & 4 != 0, alt: code & 8 != 0, control: code & 16 != 0)
    }
}
