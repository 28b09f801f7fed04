import BacaStore

/// A command with its arguments read into typed values, once, where a key binding or the `:`
/// line becomes a command (`Command(_:)`); components switch over these and never look at
/// argument strings again.
enum Command: Equatable {
    /// How far a movement goes; each screen maps it to its own cursor or scroll.
    enum Movement: Equatable {
        case lines(Int)
        case halfPages(Int)
        case pages(Int)
        case top
        case bottom
    }

    /// `filter`: a scope, or nil to toggle between unread and everything.
    enum FilterChoice: Equatable {
        case toggleUnread
        case scope(ListScope)
    }

    case move(Movement)
    case open
    /// One level back (q, Esc, h, ←); at the top level only `q` (`backOrQuit`) quits.
    case back
    case backOrQuit
    case quit
    case toggleRead
    case toggleStar
    case filter(FilterChoice)
    case sort(ListSort)
    case refresh
    case feeds
    case fetch
    case openLink
    case addFeed(url: String)

    /// `:tag NAME`: that tag's articles; `:tag` alone: the next tag in the feeds view.
    case tag(String?)
    case saveSearch(name: String)
    case markAllRead
    case undo
    case export(path: String)
    case pipe([String])
    case links
    /// Opens link N of the link list.
    case link(Int)
    case copyLink

    case nextSection
    case previousSection
    case gotoSection(Int)
    case tableOfContents
    case toggleSummary
    case toggleImages
    case nextArticle
    case previousArticle

    /// `/` with no text opens the prompt; with text it searches.
    case search(String?)
    case searchNext
    case searchPrevious
    case clearSearch

    case help
    case commandLine(prefill: String)
    case theme(name: String?)
    case importFiles([String])
    case redraw

    case promptSubmit
    case promptCancel
    case promptLeft
    case promptRight
    case promptHome
    case promptEnd
    case promptBackspace
    case promptDelete
    case promptKillLine
    case promptKillWord
    case promptHistoryPrevious
    case promptHistoryNext
    case promptComplete

    /// Reads an invocation whose arguments `CommandLineParser` (or the key-binding parser)
    /// already checked against its `CommandSpec`, so choices are canonical here.
    init(_ invocation: CommandInvocation) {
        let arguments = invocation.arguments
        let joined = arguments.joined(separator: " ")
        switch invocation.name {
        case .moveDown: self = .move(.lines(1))
        case .moveUp: self = .move(.lines(-1))
        case .halfPageDown: self = .move(.halfPages(1))
        case .halfPageUp: self = .move(.halfPages(-1))
        case .pageDown: self = .move(.pages(1))
        case .pageUp: self = .move(.pages(-1))
        case .goTop: self = .move(.top)
        case .goBottom: self = .move(.bottom)
        case .open: self = .open
        case .back: self = .back
        case .backOrQuit: self = .backOrQuit
        case .quit: self = .quit
        case .toggleRead: self = .toggleRead
        case .toggleStar: self = .toggleStar
        case .filter:
            switch arguments.first {
            case "all": self = .filter(.scope(.all))
            case "unread": self = .filter(.scope(.unread))
            case "starred": self = .filter(.scope(.starred))
            default: self = .filter(.toggleUnread)
            }
        case .sort:
            switch arguments.first {
            case "oldest": self = .sort(.oldest)
            case "title": self = .sort(.title)
            default: self = .sort(.newest)
            }
        case .refresh: self = .refresh
        case .feeds: self = .feeds
        case .fetch: self = .fetch
        case .openLink: self = .openLink
        case .feed: self = .addFeed(url: arguments.last ?? "")
        case .tag: self = .tag(joined.isEmpty ? nil : joined)
        case .saveSearch: self = .saveSearch(name: joined)
        case .markAllRead: self = .markAllRead
        case .undo: self = .undo
        case .export: self = .export(path: joined)
        case .pipe: self = .pipe(arguments)
        case .links: self = .links
        case .link: self = .link(Int(arguments.first ?? "") ?? 0)
        case .copyLink: self = .copyLink
        case .nextSection: self = .nextSection
        case .previousSection: self = .previousSection
        case .gotoSection: self = .gotoSection(Int(arguments.first ?? "") ?? 0)
        case .tableOfContents: self = .tableOfContents
        case .toggleSummary: self = .toggleSummary
        case .toggleImages: self = .toggleImages
        case .nextArticle: self = .nextArticle
        case .previousArticle: self = .previousArticle
        case .search: self = .search(joined.isEmpty ? nil : joined)
        case .searchNext: self = .searchNext
        case .searchPrevious: self = .searchPrevious
        case .clearSearch: self = .clearSearch
        case .help: self = .help
        case .commandLine: self = .commandLine(prefill: joined)
        case .theme: self = .theme(name: joined.isEmpty ? nil : joined)
        case .importPath: self = .importFiles(arguments)
        case .redraw: self = .redraw
        case .promptSubmit: self = .promptSubmit
        case .promptCancel: self = .promptCancel
        case .promptLeft: self = .promptLeft
        case .promptRight: self = .promptRight
        case .promptHome: self = .promptHome
        case .promptEnd: self = .promptEnd
        case .promptBackspace: self = .promptBackspace
        case .promptDelete: self = .promptDelete
        case .promptKillLine: self = .promptKillLine
        case .promptKillWord: self = .promptKillWord
        case .promptHistoryPrevious: self = .promptHistoryPrevious
        case .promptHistoryNext: self = .promptHistoryNext
        case .promptComplete: self = .promptComplete
        }
    }
}
