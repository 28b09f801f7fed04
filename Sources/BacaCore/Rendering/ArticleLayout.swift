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
    /// Set on the blank lines kept for a picture (`PictureSpacing`); the reader draws it there.
    public var picture: PictureRow?
    public init(spans: [StyledSpan], sectionIndex: Int? = nil, blockIndex: Int? = nil, picture: PictureRow? = nil) {
        self.spans = spans
        self.sectionIndex = sectionIndex
        self.blockIndex = blockIndex
        self.picture = picture
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
    /// related links, the sources and the disclaimer at the end; (summary mode) the outline of
    /// headings.
    ///
    /// No line is wider than `width` columns; a width below 1 counts as 1.
    ///
    /// Line formats (styles in brackets):
    ///
    /// ```
    /// Title, wrapped                                   [title]
    /// 4 Nov 2024 · Jakarta · IDN Times · Editor Pri Saja · 3 menit           [meta]
    ///
    /// ▣ Caption of the hero picture, wrapped with a    [captionMarker, caption]
    ///   hanging indent of two — Credit                 [captionCredit: " — Credit"]
    ///
    /// ╭─ Intinya sih ─────────────────────────────╮    [summaryBorder, summaryTitle]
    /// │ • First point, wrapped with a hanging     │    [summaryBullet, summaryText]
    /// │   indent, padded to exactly `width`       │
    /// ╰───────────────────────────────────────────╯
    ///
    /// Lead paragraph, wrapped                          [text]
    ///
    /// 1. Numbered heading, wrapped under its text      [heading]
    /// ▣ Inline picture — Credit
    ///
    /// Paragraph                                        [text]
    ///
    ///   │ “Quote, indented by two, behind a bar,”      [quote; the bar quoteBar]
    ///   │ kata X.
    ///
    /// • List item, wrapped with a hanging indent       [listBullet, text]
    /// • Next item
    ///
    /// Baca juga: Title of a related article,           [related]
    ///            continued under the title
    ///
    /// Sumber: The Moscow Times, Reuters                [meta]
    ///
    /// Disclaimer, wrapped                              [disclaimer]
    /// ```
    ///
    /// - Parts are separated by one blank line, except that the meta line follows the title and
    ///   a section's first block follows its heading directly; list items follow each other.
    ///   Missing or blank parts leave no lines behind. The meta line shows only the parts
    ///   present (the reading time always), and wraps between parts.
    /// - The key-point box spans the full width; below 10 columns it gives way to an
    ///   `Intinya sih` line [summaryTitle] and `• ` lines.
    /// - Hanging indents that would leave fewer than 16 columns of text shrink to two.
    /// - `sectionIndex` is set on a section's heading, blocks and the blank lines between them
    ///   (the blank line before a heading belongs to the section above it); `blockIndex` on the
    ///   lines of a block. Header, key points, sources and disclaimer belong to no section.
    ///
    /// The summary view keeps title, meta line, hero caption and key points (or, without key
    /// points, the lead's first paragraph, with its section and block index), then `Bagian`
    /// [summaryTitle] and one `N. Heading` entry [heading] a section, carrying its
    /// `sectionIndex`; no sources or disclaimer. There `sectionStartLines` point at the outline
    /// entries (the lead at its paragraph when shown). A section without a line of its own
    /// starts where the next one does, or at the last line.
    ///
    /// `pictures` makes room above each caption that has an address: blank lines carrying a
    /// `PictureRow` (or one `[dim]` note line); without it, captions stand alone as above.
    public static func make(
        article: Article, width: Int, mode: ArticleViewMode, pictures: PictureSpacing? = nil, language: Language = .id
    ) -> ArticleLayout {
        var builder = ArticleLayoutBuilder(width: width, sectionCount: article.sections.count)
        builder.pictures = pictures
        builder.language = language
        builder.addHeader(of: article)
        switch mode {
        case .full: builder.addSections(of: article)
        case .summary: builder.addOutline(of: article)
        }
        return builder.layout(mode: mode)
    }

    /// What a related link's first line starts with, before the related article's title.
    public static let relatedLabel = "Baca juga: "

    /// The index in `article.sections` of the section that `line` belongs to (the last section
    /// starting at or before it).
    public func sectionIndex(atLine line: Int) -> Int? {
        guard line >= 0 else { return nil }
        return sectionStartLines.lastIndex { $0 <= line }
    }

    /// The lines as plain text joined by new lines, trailing spaces trimmed, no final new line:
    /// what `baca show` prints.
    public func plainText() -> String {
        lines.map { line in
            var text = line.text[...]
            while text.last == " " { text.removeLast() }
            return String(text)
        }.joined(separator: "\n")
    }
}
