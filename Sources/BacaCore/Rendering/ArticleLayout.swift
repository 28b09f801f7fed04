// CONTRACT (owned by the rendering work): an article laid out as wrapped, styled lines.

/// A run of text in one style.
public struct StyledSpan: Sendable, Equatable, Hashable {
    public var text: String
    public var style: StyleName
    public init(_ text: String, _ style: StyleName = .text) {
        self.text = text
        self.style = style
    }
}

/// One screen line of a laid-out article. Its display width never exceeds the layout width.
public struct LayoutLine: Sendable, Equatable {
    public var spans: [StyledSpan]
    /// The index in `article.sections` of the section this line belongs to; nil for the header part.
    public var sectionIndex: Int?
    /// The index of the block inside its section, nil for headings, header and separators.
    public var blockIndex: Int?
    public init(spans: [StyledSpan], sectionIndex: Int? = nil, blockIndex: Int? = nil) {
        self.spans = spans
        self.sectionIndex = sectionIndex
        self.blockIndex = blockIndex
    }
    /// The line's text without styles.
    public var text: String { spans.map(\.text).joined() }
}

/// Which parts of the article a layout shows.
public enum ArticleViewMode: String, Sendable, Codable, CaseIterable {
    /// Everything: header, key points pane, every section.
    case full
    /// Header, key points pane and the outline of section headings.
    case summary
}

/// An article as lines for a given width.
public struct ArticleLayout: Sendable {
    public var lines: [LayoutLine]
    /// For each index in `article.sections`, the line where that section starts (its heading, or
    /// for the lead its first line).
    public var sectionStartLines: [Int]
    public var width: Int
    public var mode: ArticleViewMode

    public init(lines: [LayoutLine], sectionStartLines: [Int], width: Int, mode: ArticleViewMode) {
        self.lines = lines
        self.sectionStartLines = sectionStartLines
        self.width = width
        self.mode = mode
    }

    /// Lays the article out: title, meta line (date · location · outlet · editor · reading
    /// time), hero caption, the boxed "Intinya sih" pane, then (full mode) each section with its
    /// heading, paragraphs, image captions (`▣ caption — credit`), quotes set apart, lists,
    /// related links, and the disclaimer at the end; (summary mode) the outline of headings.
    public static func make(article: Article, width: Int, mode: ArticleViewMode) -> ArticleLayout {
        fatalError("unimplemented: ArticleLayout.make")
    }

    /// The index in `article.sections` of the section that `line` belongs to (the last section
    /// starting at or before it).
    public func sectionIndex(atLine line: Int) -> Int? {
        fatalError("unimplemented")
    }
}
