/// The line editor on the bottom row: `/` for search, `:` for commands.
public struct PromptState: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case search
        case command

        public var symbol: String { self == .search ? "/" : ":" }
    }

    public var kind: Kind
    public private(set) var characters: [Character] = []
    /// The insertion point, 0 … characters.count.
    public private(set) var cursor = 0
    /// The position in the history while browsing it with ↑/↓; nil while editing fresh text.
    var historyIndex: Int?
    /// The text typed before browsing the history, restored when browsing goes past the newest.
    var draft: [Character] = []

    public init(kind: Kind, text: String = "") {
        self.kind = kind
        setText(text)
    }

    public var text: String { String(characters) }

    public mutating func setText(_ text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    public mutating func insert(_ character: Character) {
        characters.insert(character, at: cursor)
        cursor += 1
        historyIndex = nil
    }

    /// Inserts `text` at the cursor in one step (a paste), the cursor after it.
    public mutating func insert(contentsOf text: String) {
        let pasted = Array(text)
        characters.insert(contentsOf: pasted, at: cursor)
        cursor += pasted.count
        historyIndex = nil
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = characters.count }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Ctrl-U: everything before the cursor.
    public mutating func killToStart() {
        characters.removeSubrange(0..<cursor)
        cursor = 0
    }

    /// Ctrl-W: the word before the cursor and the spaces after it.
    public mutating func killWord() {
        var start = cursor
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " " { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Steps through `history` (oldest first): `-1` older, `+1` newer.
    public mutating func browseHistory(_ history: [String], step: Int) {
        guard !history.isEmpty else { return }
        if historyIndex == nil {
            guard step < 0 else { return }
            draft = characters
            historyIndex = history.count
        }
        let next = historyIndex! + step
        if next >= history.count {
            historyIndex = nil
            characters = draft
        } else {
            historyIndex = max(0, next)
            characters = Array(history[historyIndex!])
        }
        cursor = characters.count
    }
}
