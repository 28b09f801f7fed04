import TOMLKit

/// The default key bindings, as data in the same format as the user's `config.toml`; parsed once,
/// at first use, by the same code that reads the user's bindings.
enum DefaultKeymap {
    static let source = #"""
        # A key is a name (j, G, ?, space, enter, esc, tab, backtab, up, down, left, right, home,
        # end, pgup, pgdn, backspace, del, ctrl-d, f1 … f12) or names separated by spaces ("g g").
        # A value is a command with its arguments, as typed after ':'; "none" or "" unbinds.
        # The first key bound to a command is the one the status bar shows.

        # Everywhere but the prompt: moving, help, the ':' line. A screen's own binding of the
        # same key wins ("?" closes the help), and "none" there hides a key on that screen only.
        [keys.global]
        "j" = "move-down"
        "down" = "move-down"
        "k" = "move-up"
        "up" = "move-up"
        "ctrl-d" = "half-page-down"
        "ctrl-u" = "half-page-up"
        "space" = "page-down"
        "pgdn" = "page-down"
        "ctrl-f" = "page-down"
        "b" = "page-up"
        "pgup" = "page-up"
        "ctrl-b" = "page-up"
        "g g" = "go-top"
        "home" = "go-top"
        "G" = "go-bottom"
        "end" = "go-bottom"
        "?" = "help"
        "f1" = "help"
        ":" = "command-line"
        "ctrl-l" = "redraw"
        "ctrl-c" = "quit"
        # Quitting from anywhere; q only quits from the plain list (see below).
        "Q" = "quit"
        # Undo the last bulk mark-read (A), from any screen.
        "U" = "undo"

        # Going back, the same on every screen: q, Esc, h and ← go back exactly one level (a
        # search, a feed's list, an article, an overlay). At the plain list only q quits.

        [keys.list]
        "enter" = "open"
        "l" = "open"
        "right" = "open"
        "m" = "toggle-read"
        "f" = "toggle-star"
        "*" = "toggle-star"
        "u" = "filter"
        "a" = "filter all"
        "S" = "filter starred"
        "/" = "search"
        "n" = "search-next"
        "N" = "search-previous"
        "R" = "refresh"
        "r" = "fetch"
        "F" = "feeds"
        "o" = "open-link"
        "A" = "mark-all-read"
        "q" = "back-or-quit"
        "esc" = "back"
        "h" = "back"
        "left" = "back"

        [keys.reader]
        "]" = "next-section"
        "[" = "previous-section"
        "0" = "goto-section 0"
        "1" = "goto-section 1"
        "2" = "goto-section 2"
        "3" = "goto-section 3"
        "4" = "goto-section 4"
        "5" = "goto-section 5"
        "6" = "goto-section 6"
        "7" = "goto-section 7"
        "8" = "goto-section 8"
        "9" = "goto-section 9"
        "t" = "toc"
        "s" = "toggle-summary"
        "i" = "toggle-images"
        "J" = "next-article"
        "K" = "previous-article"
        "m" = "toggle-read"
        "f" = "toggle-star"
        "*" = "toggle-star"
        "/" = "search"
        "n" = "search-next"
        "N" = "search-previous"
        "q" = "back-or-quit"
        "esc" = "back"
        "h" = "back"
        "left" = "back"
        "backspace" = "back"
        "o" = "open-link"
        "r" = "fetch"
        "L" = "links"
        "|" = "pipe"

        [keys.feeds]
        "enter" = "open"
        "l" = "open"
        "right" = "open"
        "r" = "fetch"
        "A" = "mark-all-read"
        "T" = "tag"
        "q" = "back-or-quit"
        "esc" = "back"
        "h" = "back"
        "left" = "back"

        # The reader's link list (L): Enter or a link's number opens it, y copies it.
        [keys.links]
        "enter" = "open"
        "1" = "link 1"
        "2" = "link 2"
        "3" = "link 3"
        "4" = "link 4"
        "5" = "link 5"
        "6" = "link 6"
        "7" = "link 7"
        "8" = "link 8"
        "9" = "link 9"
        "y" = "copy-link"
        "q" = "back"
        "esc" = "back"
        "h" = "back"
        "left" = "back"
        "L" = "back"

        [keys.toc]
        "enter" = "open"
        "l" = "open"
        "right" = "open"
        "q" = "back-or-quit"
        "esc" = "back"
        "t" = "back"
        "h" = "back"
        "left" = "back"

        [keys.help]
        "q" = "back-or-quit"
        "esc" = "back"
        "h" = "back"
        "left" = "back"
        "?" = "back"
        "enter" = "back"
        "/" = "search"

        # The search and ':' line. Keys bound to nothing here type themselves.
        [keys.prompt]
        "enter" = "prompt-submit"
        "esc" = "prompt-cancel"
        "ctrl-c" = "prompt-cancel"
        "left" = "prompt-left"
        "ctrl-b" = "prompt-left"
        "right" = "prompt-right"
        "ctrl-f" = "prompt-right"
        "home" = "prompt-home"
        "ctrl-a" = "prompt-home"
        "end" = "prompt-end"
        "ctrl-e" = "prompt-end"
        "backspace" = "prompt-backspace"
        "ctrl-h" = "prompt-backspace"
        "del" = "prompt-delete"
        "ctrl-d" = "prompt-delete"
        "ctrl-u" = "prompt-kill-line"
        "ctrl-w" = "prompt-kill-word"
        "up" = "prompt-history-previous"
        "ctrl-p" = "prompt-history-previous"
        "down" = "prompt-history-next"
        "ctrl-n" = "prompt-history-next"
        "tab" = "prompt-complete"
        """#

    /// The defaults with any problem in them, which a test keeps at none.
    static let parsed: (keyMap: KeyMap, warnings: [String]) = {
        var keyMap = KeyMap()
        // Its plain form is read without TOMLKit (KeyBindingsParser.parseFlat); TOML otherwise.
        let result = KeyBindingsParser.parseFlat(source, file: "<keymap bawaan>")
            ?? KeyMap.bindings(fromTOML: source, file: "<keymap bawaan>")
        keyMap.apply(result.changes, first: false)
        return (keyMap, result.warnings)
    }()
}

extension KeyMap {
    /// The default bindings.
    public static var `default`: KeyMap { DefaultKeymap.parsed.keyMap }

    /// The `[keys.*]` bindings of a TOML document, with warnings for what cannot be used.
    static func bindings(fromTOML source: String, file: String) -> (changes: [KeyBindingChange], warnings: [String]) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: source)
        } catch {
            return ([], [TOMLErrorText.describe(error, file: file, language: .en)])
        }
        guard let keys = table["keys"] else { return ([], []) }
        return KeyBindingsParser.parse(keys, order: TOMLKeyOrder.scan(source), file: file)
    }
}
