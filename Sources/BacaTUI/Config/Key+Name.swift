// MARK: - Key names, as the config writes them

extension Key {
    /// Reads a key name from a config file or the keymap:
    ///
    /// - one printable character: `j`, `G`, `?`, `/`, `]`, `1` (case matters);
    /// - `space`, `enter` (`ret`, `return`), `esc` (`escape`), `tab`, `backtab` (`shift-tab`),
    ///   `backspace` (`bs`), `del` (`delete`), `ins` (`insert`);
    /// - `up`, `down`, `left`, `right`, `home`, `end`, `pageup` (`pgup`), `pagedown` (`pgdn`);
    /// - `ctrl-d` (`C-d`, `ctrl-D`): Ctrl with a letter;
    /// - `f1` … `f12`.
    ///
    /// Names other than single characters ignore case. Returns nil for anything else.
    public init?(name: String) {
        if name.count == 1, let character = name.first {
            guard !character.isWhitespace, !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            else { return nil }
            self = .character(character)
            return
        }
        let lowered = name.lowercased()
        if let named = Self.namedKeys[lowered] {
            self = named
            return
        }
        for prefix in ["ctrl-", "c-"] where lowered.hasPrefix(prefix) {
            let rest = lowered.dropFirst(prefix.count)
            guard rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter else { return nil }
            self = .control(letter)
            return
        }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...12).contains(number) {
            self = .function(number)
            return
        }
        return nil
    }

    private static let namedKeys: [String: Key] = [
        "space": .character(" "), "spc": .character(" "),
        "enter": .enter, "ret": .enter, "return": .enter,
        "esc": .escape, "escape": .escape,
        "tab": .tab, "backtab": .backTab, "shift-tab": .backTab, "s-tab": .backTab,
        "backspace": .backspace, "bs": .backspace,
        "del": .delete, "delete": .delete, "ins": .insert, "insert": .insert,
        "up": .up, "down": .down, "left": .left, "right": .right,
        "home": .home, "end": .end,
        "pageup": .pageUp, "pgup": .pageUp, "pagedown": .pageDown, "pgdn": .pageDown,
    ]

    /// The canonical name, which `init(name:)` reads back: `j`, `space`, `ctrl-d`, `pagedown`.
    public var name: String {
        switch self {
        case .character(" "): return "space"
        case .character(let character): return String(character)
        case .control(let letter): return "ctrl-\(letter)"
        case .up: return "up"
        case .down: return "down"
        case .left: return "left"
        case .right: return "right"
        case .home: return "home"
        case .end: return "end"
        case .pageUp: return "pageup"
        case .pageDown: return "pagedown"
        case .insert: return "insert"
        case .delete: return "delete"
        case .backspace: return "backspace"
        case .enter: return "enter"
        case .tab: return "tab"
        case .backTab: return "backtab"
        case .escape: return "esc"
        case .function(let number): return "f\(number)"
        }
    }

    /// The key as the help and the status bar show it: `j`, `↓`, `Enter`, `Ctrl-d`, `Space` (key names as keyboards print them, in either language).
    public var label: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .control(let letter): return "Ctrl-\(letter)"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .insert: return "Ins"
        case .delete: return "Del"
        case .backspace: return "Backspace"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .function(let number): return "F\(number)"
        }
    }
}

// MARK: - Key sequences

/// Reading and showing key sequences such as `g g`.
public enum KeySequence {
    /// Names separated by spaces: `g g`, `ctrl-x ctrl-s`; nil when a name is unknown or the text
    /// is empty. A lone `" "` is the space key.
    public static func parse(_ text: String) -> [Key]? {
        if text == " " { return [.character(" ")] }
        let names = text.split(whereSeparator: \.isWhitespace)
        guard !names.isEmpty else { return nil }
        var keys: [Key] = []
        for name in names {
            guard let key = Key(name: String(name)) else { return nil }
            keys.append(key)
        }
        return keys
    }

    /// The first name in `text` that is not a key, for a warning.
    static func unknownName(in text: String) -> String? {
        text.split(whereSeparator: \.isWhitespace).first { Key(name: String($0)) == nil }.map(String.init)
    }

    /// `g g` (config names).
    public static func name(_ keys: [Key]) -> String { keys.map(\.name).joined(separator: " ") }

    /// `g g`, `Ctrl-d` (labels for people).
    public static func label(_ keys: [Key]) -> String { keys.map(\.label).joined(separator: " ") }
}
