/// Builds an `ArticleLayout` line by line, in the formats described on
/// `ArticleLayout.make(article:width:mode:)`.
struct ArticleLayoutBuilder {
    let width: Int
    private(set) var lines: [LayoutLine] = []
    /// Where each section starts; nil until it has a line.
    private var sectionStarts: [Int?]
    /// The room to leave for pictures (`ArticleLayout.make`); nil: captions only.
    var pictures: PictureSpacing?
    /// The language of the meta line's words (month, reading time); the article's own text is as it is.
    var language: Language = .id

    init(width: Int, sectionCount: Int) {
        self.width = max(1, width)
        self.sectionStarts = Array(repeating: nil, count: sectionCount)
    }

    // MARK: Finishing

    /// The layout. A section that got no line of its own starts where the next one does (or at
    /// the last line), so the start lines never decrease and always exist.
    func layout(mode: ArticleViewMode) -> ArticleLayout {
        var lines = self.lines
        if lines.isEmpty { lines.append(LayoutLine(spans: [])) }
        var starts = [Int](repeating: lines.count - 1, count: sectionStarts.count)
        var next = lines.count - 1
        for index in sectionStarts.indices.reversed() {
            if let start = sectionStarts[index] { next = min(start, next) }
            starts[index] = next
        }
        return ArticleLayout(lines: lines, sectionStartLines: starts, width: width, mode: mode)
    }

    // MARK: Header

    /// Title, meta line, hero caption and key points: everything above the sections.
    mutating func addHeader(of article: Article) {
        addWrapped(WordWrapper.words(of: article.title, style: .title))
        for line in metaLines(of: article) {
            add([StyledSpan(line, .meta)])
        }
        if let hero = article.heroImage, !Block.image(hero).isBlank || pictureSpace(for: hero) != nil {
            separate(section: nil)
            addCaption(hero, section: nil, block: nil)
        }
        let points = article.keyPoints.filter { !$0.isBlank }
        if !points.isEmpty {
            addKeyPoints(points)
        }
    }

    /// `4 Nov 2024 · Jakarta · IDN Times · Editor Pri Saja · 3 menit`, the parts that are
    /// present, packed greedily into lines without splitting a part that fits on a line.
    func metaLines(of article: Article) -> [String] {
        var parts: [String] = []
        if let date = article.publishedAt { parts.append(date.shortDisplay(in: language)) }
        for part in [article.location, article.outlet] {
            if let part = part?.trimmedSpaces, !part.isEmpty { parts.append(part) }
        }
        if let editor = article.editor?.trimmedSpaces, !editor.isEmpty { parts.append("Editor \(editor)") }
        parts.append("\(article.readingMinutes) " + language.pick("menit", "min"))

        var lines: [String] = []
        var current = ""
        for part in parts {
            let candidate = current.isEmpty ? part : current + " · " + part
            if candidate.displayWidth <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            var pieces = part.wrapped(toWidth: width)
            current = pieces.removeLast()
            lines += pieces
        }
        lines.append(current)
        return lines
    }

    /// The "Intinya sih" pane: a rounded box the full width, one `• ` entry a point.
    mutating func addKeyPoints(_ points: [String]) {
        separate(section: nil)
        let title = "Intinya sih"
        guard width >= 10 else {
            add([StyledSpan(title.truncated(toWidth: width), .summaryTitle)])
            for point in points {
                addWrapped(
                    WordWrapper.words(of: point, style: .summaryText),
                    first: [StyledSpan("• ", .summaryBullet)], rest: [StyledSpan("  ", .summaryText)])
            }
            return
        }
        let shownTitle = title.truncated(toWidth: width - 5)
        let fill = width - 5 - shownTitle.displayWidth
        add([
            StyledSpan("╭─ ", .summaryBorder),
            StyledSpan(shownTitle, .summaryTitle),
            StyledSpan(" " + String(repeating: "─", count: fill) + "╮", .summaryBorder),
        ])
        let inner = width - 4  // between "│ " and " │"
        for point in points {
            let wrapped = WordWrapper.wrap(
                WordWrapper.words(of: point, style: .summaryText), firstWidth: inner - 2, restWidth: inner - 2)
            for (position, line) in wrapped.enumerated() {
                var spans = [StyledSpan("│ ", .summaryBorder)]
                spans.append(position == 0 ? StyledSpan("• ", .summaryBullet) : StyledSpan("  ", .summaryText))
                var text = WordWrapper.spans(of: line)
                let padding = inner - 2 - text.reduce(0) { $0 + $1.text.displayWidth }
                if padding > 0 { text.append(StyledSpan(String(repeating: " ", count: padding), .summaryText)) }
                spans += text
                spans.append(StyledSpan(" │", .summaryBorder))
                add(spans)
            }
        }
        add([StyledSpan("╰" + String(repeating: "─", count: width - 2) + "╯", .summaryBorder)])
    }

    // MARK: Full view

    /// Every section: the lead's blocks, then each numbered section's heading and blocks; then
    /// the sources and the disclaimer.
    mutating func addSections(of article: Article) {
        for (index, section) in article.sections.enumerated() {
            separate(section: index > 0 ? index - 1 : nil)
            if let title = section.title {
                sectionStarts[index] = lines.count
                addHeading(of: section, title: title, section: index)
            }
            var isFirstBlock = true
            for (blockIndex, block) in section.blocks.enumerated() where !block.isBlank || hasPicture(block) {
                if !isFirstBlock { add([], section: index) }
                if sectionStarts[index] == nil { sectionStarts[index] = lines.count }
                addBlock(block, section: index, block: blockIndex)
                isFirstBlock = false
            }
        }
        addFooter(of: article)
    }

    /// `Sumber: A, B` [meta] and the disclaimer [disclaimer], both outside any section.
    mutating func addFooter(of article: Article) {
        let sources = article.sources.map(\.trimmedSpaces).filter { !$0.isEmpty }
        if !sources.isEmpty {
            separate(section: nil)
            let label = "Sumber: "
            addWrapped(
                WordWrapper.words(of: sources.joined(separator: ", "), style: .meta),
                first: [StyledSpan(label, .meta)], rest: [StyledSpan(hangingIndent(label), .meta)])
        }
        if let disclaimer = article.disclaimer, !disclaimer.isBlank {
            separate(section: nil)
            addWrapped(WordWrapper.words(of: disclaimer, style: .disclaimer))
        }
    }

    /// `N. Heading`, continuation lines under the heading's text.
    mutating func addHeading(of section: Section, title: String, section index: Int) {
        if let number = section.number, let heading = section.heading {
            let marker = "\(number). "
            addWrapped(
                WordWrapper.words(of: heading, style: .heading),
                first: [StyledSpan(marker, .heading)], rest: [StyledSpan(hangingIndent(marker), .heading)],
                section: index)
        } else {
            addWrapped(WordWrapper.words(of: title, style: .heading), section: index)
        }
    }

    mutating func addBlock(_ block: Block, section: Int, block blockIndex: Int) {
        switch block {
        case .paragraph(let text):
            addWrapped(WordWrapper.words(of: text, style: .text), section: section, block: blockIndex)
        case .image(let image):
            addCaption(image, section: section, block: blockIndex)
        case .quote(let text):
            let bar = [StyledSpan("  ", .quote), StyledSpan("│ ", .quoteBar)]
            addWrapped(
                WordWrapper.words(of: text, style: .quote), first: bar, rest: bar,
                section: section, block: blockIndex)
        case .list(let items, let ordered):
            let shown = items.filter { !$0.isBlank }
            // Numbers right-aligned so the items line up: " 9. " and "10. ".
            let numberWidth = String(shown.count).count
            for (index, item) in shown.enumerated() {
                let marker: String
                if ordered {
                    let number = String(index + 1)
                    marker = String(repeating: " ", count: numberWidth - number.count) + number + ". "
                } else {
                    marker = "• "
                }
                addWrapped(
                    WordWrapper.words(of: item, style: .text),
                    first: [StyledSpan(marker, .listBullet)], rest: [StyledSpan(hangingIndent(marker), .text)],
                    section: section, block: blockIndex)
            }
        case .related(let title):
            let label = ArticleLayout.relatedLabel
            addWrapped(
                WordWrapper.words(of: title, style: .related),
                first: [StyledSpan(label, .related)], rest: [StyledSpan(hangingIndent(label), .related)],
                section: section, block: blockIndex)
        }
    }

    /// `▣ caption — credit`, wrapped with a hanging indent of two.
    mutating func addCaption(_ image: ImageCaption, section: Int?, block: Int?) {
        if let url = image.url, let space = pictureSpace(for: image) {
            switch space {
            case .rows(let count):
                for row in 0..<count {
                    lines.append(LayoutLine(
                        spans: [], sectionIndex: section, blockIndex: block, picture: PictureRow(url: url, row: row, rows: count)))
                }
            case .note(let text):
                add([StyledSpan("▢ " + text, .dim)], section: section, block: block)
            }
            if image.caption.isBlank && (image.credit?.isBlank ?? true) { return }
        }
        var words = WordWrapper.words(of: image.caption, style: .caption)
        if let credit = image.credit, !credit.isBlank {
            words.append(WrapWord("—", style: .captionCredit))
            words += WordWrapper.words(of: credit, style: .captionCredit)
        }
        addWrapped(
            words, first: [StyledSpan("▣ ", .captionMarker)], rest: [StyledSpan("  ", .caption)],
            section: section, block: block)
    }

    func hasPicture(_ block: Block) -> Bool {
        if case .image(let image) = block { return pictureSpace(for: image) != nil }
        return false
    }

    /// The room `pictures` gives the picture, when it has an address and the room is not empty.
    func pictureSpace(for image: ImageCaption) -> PictureSpace? {
        guard let url = image.url, let space = pictures?(url) else { return nil }
        if case .rows(let count) = space, count <= 0 { return nil }
        return space
    }

    // MARK: Summary view

    /// The lead's first paragraph when there are no key points, then `Bagian` and one
    /// `N. Heading` entry a section, each carrying its section index.
    mutating func addOutline(of article: Article) {
        if article.keyPoints.allSatisfy(\.isBlank), let lead = article.lead, let (blockIndex, text) = firstParagraph(of: lead) {
            separate(section: nil)
            sectionStarts[0] = lines.count
            addWrapped(WordWrapper.words(of: text, style: .text), section: 0, block: blockIndex)
        }
        let outlined = article.sections.enumerated().filter { $0.element.title != nil }
        guard !outlined.isEmpty else { return }
        separate(section: nil)
        add([StyledSpan(language.pick("Bagian", "Sections").truncated(toWidth: width), .summaryTitle)])
        for (index, section) in outlined {
            sectionStarts[index] = lines.count
            addHeading(of: section, title: section.title ?? "", section: index)
        }
    }

    /// The index and text of the first paragraph of `section` that is not blank.
    func firstParagraph(of section: Section) -> (Int, String)? {
        for (index, block) in section.blocks.enumerated() {
            if case .paragraph(let text) = block, !text.isBlank { return (index, text) }
        }
        return nil
    }

    // MARK: Lines

    /// `words` wrapped behind `first` (first line) and `rest` (other lines) prefixes.
    mutating func addWrapped(
        _ words: [WrapWord], first: [StyledSpan] = [], rest: [StyledSpan] = [],
        section: Int? = nil, block: Int? = nil
    ) {
        let firstWidth = width - first.reduce(0) { $0 + $1.text.displayWidth }
        let restWidth = width - rest.reduce(0) { $0 + $1.text.displayWidth }
        let wrapped = WordWrapper.wrap(words, firstWidth: firstWidth, restWidth: restWidth)
        for (position, line) in wrapped.enumerated() {
            add((position == 0 ? first : rest) + WordWrapper.spans(of: line), section: section, block: block)
        }
    }

    /// Adds a line, cut to the width if a prefix or a lone wide character made it too wide.
    mutating func add(_ spans: [StyledSpan], section: Int? = nil, block: Int? = nil) {
        lines.append(LayoutLine(spans: Self.clipped(spans, to: width), sectionIndex: section, blockIndex: block))
    }

    /// A blank line before the next part, unless at the top or after another blank line.
    mutating func separate(section: Int?) {
        guard let last = lines.last, !last.spans.isEmpty || last.picture != nil else { return }
        add([], section: section)
    }

    /// Spaces as wide as `label`, or two when that would leave fewer than 16 columns of text.
    func hangingIndent(_ label: String) -> String {
        let labelWidth = label.displayWidth
        return String(repeating: " ", count: width - labelWidth >= 16 ? labelWidth : min(2, labelWidth))
    }

    /// `spans` cut to `width` columns, the cut span ending in `…`.
    static func clipped(_ spans: [StyledSpan], to width: Int) -> [StyledSpan] {
        var total = 0
        for span in spans { total += span.text.displayWidth }
        guard total > width else { return spans }
        var result: [StyledSpan] = []
        var used = 0
        for span in spans {
            let spanWidth = span.text.displayWidth
            if used + spanWidth <= width {
                result.append(span)
                used += spanWidth
                continue
            }
            let cut = span.text.truncated(toWidth: width - used)
            if !cut.isEmpty { result.append(StyledSpan(cut, span.style)) }
            break
        }
        return result
    }
}

// MARK: - Helpers

extension Block {
    /// Whether the block would show nothing.
    fileprivate var isBlank: Bool {
        switch self {
        case .paragraph(let text), .quote(let text), .related(let text): return text.isBlank
        case .image(let image): return image.caption.isBlank && (image.credit?.isBlank ?? true)
        case .list(let items, _): return items.allSatisfy(\.isBlank)
        }
    }
}

extension String {
    /// Only white space, or nothing.
    fileprivate var isBlank: Bool { allSatisfy(\.isWhitespace) }

    /// Without spaces, tabs and line breaks at either end.
    fileprivate var trimmedSpaces: String {
        var text = self[...]
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
