/// The name of a style a theme gives colours to, such as `reader.heading` or `search.match`.
///
/// Names are dotted; a theme that lacks `list.focus` falls back to `list`, then to `text`.
public struct StyleName: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    /// `list.focus` -> `list`; `list` -> nil.
    public var parent: StyleName? {
        guard let dot = rawValue.lastIndex(of: ".") else { return nil }
        return StyleName(String(rawValue[..<dot]))
    }
}

extension StyleName {
    public static let text: StyleName = "text"
    public static let title: StyleName = "reader.title"
    public static let meta: StyleName = "reader.meta"
    public static let heading: StyleName = "reader.heading"
    public static let caption: StyleName = "caption"
    public static let captionMarker: StyleName = "caption.marker"
    public static let captionCredit: StyleName = "caption.credit"
    public static let quote: StyleName = "quote"
    public static let listBullet: StyleName = "reader.bullet"
    public static let related: StyleName = "related"
    public static let disclaimer: StyleName = "disclaimer"
    public static let summaryBorder: StyleName = "summary.border"
    public static let summaryTitle: StyleName = "summary.title"
    public static let summaryText: StyleName = "summary.text"
    public static let listHeader: StyleName = "list.header"
    public static let listRow: StyleName = "list.row"
    public static let listFocus: StyleName = "list.focus"
    public static let listUnread: StyleName = "list.unread"
    public static let listStar: StyleName = "list.star"
    public static let listDate: StyleName = "list.date"
    public static let status: StyleName = "status"
    public static let statusKey: StyleName = "status.key"
    public static let prompt: StyleName = "prompt"
    public static let searchMatch: StyleName = "search.match"
    public static let searchCurrent: StyleName = "search.current"
    public static let error: StyleName = "error"
    public static let helpKey: StyleName = "help.key"
    public static let helpTitle: StyleName = "help.title"
    public static let border: StyleName = "border"
    public static let dim: StyleName = "dim"
}

// MARK: - Added by the rendering work

extension StyleName {
    /// The `│ ` bar before a quote's lines; falls back to `quote`.
    public static let quoteBar: StyleName = "quote.bar"
    /// The `• ` before each point in the "Intinya sih" pane; falls back to `summary`.
    public static let summaryBullet: StyleName = "summary.bullet"
}
