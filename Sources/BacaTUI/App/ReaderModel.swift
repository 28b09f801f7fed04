import BacaCore
import BacaStore

/// An open article: its layout for the current width and mode, the scroll position and the
/// in-article search.
struct ReaderModel {
    var stored: StoredArticle
    var mode: ArticleViewMode
    /// The first layout line on screen.
    var top = 0
    var search: ReaderSearch?
    /// A reading position to restore once the next layout exists.
    var pendingPosition: ReadingPosition?
    /// Where the full view was when the reader switched to the summary view.
    var fullViewPosition: ReadingPosition?
    private(set) var layout: ArticleLayout?
    /// The `ImageShelf.version` the layout was made with (nil: no room for pictures).
    private var picturesVersion: Int?

    init(stored: StoredArticle, mode: ArticleViewMode) {
        self.stored = stored
        self.mode = mode
        self.pendingPosition = stored.state.position
        self.fullViewPosition = stored.state.position
    }

    var article: Article { stored.article }

    /// Lays the article out again when the width or the mode changed, keeping the reader on the
    /// block that was at the top of the window.
    ///
    /// `pictures` and its `version` give the room kept for pictures: a new version (a picture
    /// arrived or failed, pictures toggled) lays the article out again, on the same block.
    mutating func prepareLayout(width: Int, pictures: PictureSpacing? = nil, version: Int? = nil, language: Language = .id) {
        if let layout, layout.width == width, layout.mode == mode, picturesVersion == version { return }
        picturesVersion = version
        // Keep the reader on the same block: only a full-view layout says which block that is.
        let fresh = ArticleLayout.make(article: article, width: width, mode: mode, pictures: pictures, language: language)
        if mode == .full {
            // Keep the reader on the same block; only a full-view layout says which block it is.
            // At the very top it stays at the top (the title and key points have no block).
            let atTop = layout != nil && top == 0 && pendingPosition == nil
            let anchor = pendingPosition ?? (layout?.mode == .full && !atTop ? position : nil)
            if let anchor {
                let line = Self.line(of: anchor, in: fresh) ?? 0
                // A saved place at the article's first block is its top: reopened, the article
                // shows its title, hero and key points again rather than starting past them.
                let firstBlockLine = fresh.lines.firstIndex { $0.sectionIndex != nil } ?? 0
                top = pendingPosition != nil && line <= firstBlockLine ? 0 : line
            }
            pendingPosition = nil
        } else if layout?.mode != .summary {
            top = 0
        }
        layout = fresh
        if let query = search?.query {
            search = ReaderSearch(query: query, layout: fresh, preferredLine: top)
        }
    }

    /// The block at the top of the window, for saving where the reader left off.
    var position: ReadingPosition? {
        guard let layout, !layout.lines.isEmpty, mode == .full else { return pendingPosition }
        let index = min(top, layout.lines.count - 1)
        for line in layout.lines[index...] {
            if let section = line.sectionIndex {
                return ReadingPosition(sectionIndex: section, blockIndex: line.blockIndex ?? -1)
            }
        }
        return nil
    }

    static func line(of position: ReadingPosition, in layout: ArticleLayout) -> Int? {
        if position.blockIndex < 0 {
            return position.sectionIndex < layout.sectionStartLines.count
                ? layout.sectionStartLines[position.sectionIndex] : nil
        }
        if let exact = layout.lines.firstIndex(where: {
            $0.sectionIndex == position.sectionIndex && $0.blockIndex == position.blockIndex
        }) {
            return exact
        }
        return position.sectionIndex < layout.sectionStartLines.count
            ? layout.sectionStartLines[position.sectionIndex] : nil
    }

    /// Lines after the article: a blank and the end-of-article line that offers the next one.
    static let trailerLines = 2

    /// The article's lines and the trailer: what scrolling covers.
    var lineCount: Int { (layout?.lines.count ?? 0) + Self.trailerLines }

    /// Scrolls to `line`, clamped so the last page stays full. A jump (`allowOverscroll`) may
    /// bring any line to the top, so the last section's heading can stand at the top too; line
    /// movements from there keep that position instead of snapping back.
    mutating func scroll(to line: Int, viewHeight: Int, allowOverscroll: Bool = false) {
        let maxTop = max(0, lineCount - viewHeight)
        let limit = allowOverscroll ? max(0, lineCount - 1) : max(maxTop, min(top, max(0, lineCount - 1)))
        top = min(max(0, line), limit)
    }

    /// The section shown at the top of the window (for the status bar and `]`/`[`).
    func currentSectionIndex() -> Int? {
        guard let layout else { return nil }
        return layout.sectionIndex(atLine: top)
    }
}

/// Matches of a search inside the open article, by layout line.
struct ReaderSearch {
    struct Match: Equatable {
        var line: Int
        /// Display columns of the match within the line's text.
        var columns: Range<Int>
    }

    let query: String
    private(set) var matches: [Match] = []
    var current: Int?

    init(query: String, layout: ArticleLayout, preferredLine: Int = 0) {
        self.query = query
        let matcher = WordFormMatcher(query: query)  // every form of the words (kebanjiran for banjir)
        for (lineIndex, line) in layout.lines.enumerated() {
            let text = line.text
            for range in matcher.ranges(in: text) {
                let start = String(text[..<range.lowerBound]).displayWidth
                let width = String(text[range]).displayWidth
                matches.append(Match(line: lineIndex, columns: start..<(start + width)))
            }
        }
        current = matches.firstIndex { $0.line >= preferredLine } ?? (matches.isEmpty ? nil : 0)
    }

    mutating func step(_ delta: Int) {
        guard !matches.isEmpty else { return }
        let index = current ?? 0
        current = ((index + delta) % matches.count + matches.count) % matches.count
    }

    func matches(onLine line: Int) -> [(columns: Range<Int>, isCurrent: Bool)] {
        var result: [(Range<Int>, Bool)] = []
        for (index, match) in matches.enumerated() where match.line == line {
            result.append((match.columns, index == current))
        }
        return result
    }
}
