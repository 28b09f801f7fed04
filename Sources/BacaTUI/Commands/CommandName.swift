/// Every action of the reader, by the name that key bindings, `:` and the help use.
///
/// The table in `CommandSpec.all` gives each one its help text and where it applies.
public enum CommandName: String, Sendable, CaseIterable, Hashable, Codable {
    // Moving
    case moveDown = "move-down"
    case moveUp = "move-up"
    case halfPageDown = "half-page-down"
    case halfPageUp = "half-page-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case goTop = "go-top"
    case goBottom = "go-bottom"
    // List
    case open
    case toggleRead = "toggle-read"
    case toggleStar = "toggle-star"
    case filter
    case sort
    case refresh
    // Feeds
    case feeds
    case fetch
    case openLink = "open-link"
    case feed
    // The daily workflow
    case tag
    case saveSearch = "save-search"
    case markAllRead = "mark-all-read"
    case undo
    case export
    case pipe
    case links
    case link
    case copyLink = "copy-link"
    // Reader
    case back
    /// `q`: back one level, or quit at the top level.
    case backOrQuit = "back-or-quit"
    case nextSection = "next-section"
    case previousSection = "previous-section"
    case gotoSection = "goto-section"
    case tableOfContents = "toc"
    case toggleSummary = "toggle-summary"
    case toggleImages = "toggle-images"
    case nextArticle = "next-article"
    case previousArticle = "previous-article"
    // Search
    case search
    case searchNext = "search-next"
    case searchPrevious = "search-previous"
    case clearSearch = "clear-search"
    // Global
    case help
    case commandLine = "command-line"
    case theme
    case importPath = "import"
    case redraw
    case quit
    // Prompt editing
    case promptSubmit = "prompt-submit"
    case promptCancel = "prompt-cancel"
    case promptLeft = "prompt-left"
    case promptRight = "prompt-right"
    case promptHome = "prompt-home"
    case promptEnd = "prompt-end"
    case promptBackspace = "prompt-backspace"
    case promptDelete = "prompt-delete"
    case promptKillLine = "prompt-kill-line"
    case promptKillWord = "prompt-kill-word"
    case promptHistoryPrevious = "prompt-history-previous"
    case promptHistoryNext = "prompt-history-next"
    case promptComplete = "prompt-complete"
}

/// A command with its arguments, as bound to a key or typed after `:`.
public struct CommandInvocation: Sendable, Equatable, Hashable {
    public var name: CommandName
    public var arguments: [String]
    public init(_ name: CommandName, arguments: [String] = []) {
        self.name = name
        self.arguments = arguments
    }
}

/// Where a key binding applies. `global` bindings apply everywhere except in the prompt.
public enum KeyContext: String, Sendable, CaseIterable, Hashable, Codable {
    case global, list, reader, prompt, help, toc, feeds, links
}
