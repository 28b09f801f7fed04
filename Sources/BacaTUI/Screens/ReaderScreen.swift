import BacaCore
import BacaStore

/// An open article. It always has one (no optional reader to unwrap): the screen exists only
/// while an article is open, and leaving it pops it off the stack.
final class ReaderScreen: Component {
    var model: ReaderModel
    /// The list it was opened from, for `J`/`K` and the end-of-article line.
    private weak var list: ListScreen?
    /// The section a jump (`]`, `[`, a number, the table of contents) put at the top; it names
    /// the position until the next scroll, even when the section is shorter than a third of the
    /// window.
    private var jumpedSection: Int?
    /// The next article's title, prepared for the end-of-article line.
    private var nextTitle: String?
    /// Where the article was fetched from, once read from the store (`origin(_:)`).
    private var storedOrigin: String??

    var kind: ScreenKind { .reader }

    /// Where the article was fetched from (its page), read from the store the first time: the
    /// address the pictures' rule follows and the link list names.
    func origin(_ context: AppContext) -> String? {
        if storedOrigin == nil { storedOrigin = .some((try? context.store.origin(ofArticle: model.stored.id))??.url) }
        return storedOrigin ?? nil
    }

    /// The article's page for the title's hyperlink: its feed link, else where it was fetched from.
    private func pageURL(_ context: AppContext) -> String? { model.article.link ?? origin(context) }
    var keyContext: KeyContext { .reader }

    /// `highlight`: a list search's query, carried into the article and highlighted.
    init(stored: StoredArticle, list: ListScreen?, highlight: String?, context: AppContext) {
        model = ReaderModel(stored: stored, mode: context.preferences.readerMode)
        self.list = list
        if let recent = context.recentPositions[stored.id] {
            model.pendingPosition = recent
            model.fullViewPosition = recent
        }
        model.stored.state.read = true
        layOut(context)
        if let highlight {
            startSearch(highlight, context, reportMissing: false)
        }
    }

    // MARK: Geometry

    /// Width of the article text: the window less a margin, at most 100 columns.
    func textWidth(_ context: AppContext) -> Int { max(10, min(context.size.columns - 2, 100)) }
    func leftMargin(_ context: AppContext) -> Int { max(1, (context.size.columns - textWidth(context)) / 2) }
    /// Rows of article text: all but the status bar.
    func height(_ context: AppContext) -> Int { max(1, context.size.rows - 1) }

    private func layOut(_ context: AppContext) {
        preparePictureLayout(context)
        model.scroll(to: model.top, viewHeight: height(context))
    }

    private func scroll(to line: Int, _ context: AppContext, jump: Bool = false) {
        preparePictureLayout(context)
        model.scroll(to: line, viewHeight: height(context), allowOverscroll: jump)
        if !jump { jumpedSection = nil }
    }

    // MARK: Events

    func handle(_ command: Command, context: AppContext) -> EventResult {
        let height = height(context)
        switch command {
        case .move(let movement):
            switch movement {
            case .lines(let count): scroll(to: model.top + count, context)
            case .halfPages(let count): scroll(to: model.top + count * max(1, height / 2), context)
            case .pages(let count): scroll(to: model.top + count * max(1, height - 1), context)
            case .top: scroll(to: 0, context)
            case .bottom: scroll(to: Int.max / 2, context)
            }
            return .done
        case .back, .backOrQuit:
            savePosition(context)
            return .perform(.pop)
        case .toggleRead:
            let read = !model.stored.state.read
            model.stored.state.read = read
            context.setRead(read, id: model.stored.id)
            list?.model.updateRow(id: model.stored.id) { $0.read = read }
            return .perform(.message(.info(read ? context.tr("Ditandai sudah dibaca", "Marked read")
                                                : context.tr("Ditandai belum dibaca", "Marked unread"))))
        case .toggleStar:
            let starred = !model.stored.state.starred
            model.stored.state.starred = starred
            context.setStarred(starred, id: model.stored.id)
            list?.model.updateRow(id: model.stored.id) { $0.starred = starred }
            return .perform(.message(.info(starred ? context.tr("Diberi bintang ★", "Starred ★")
                                                   : context.tr("Bintang dilepas", "Star removed"))))
        case .openLink:
            return LinkOpener.open(articleID: model.stored.id, context: context)
        case .links:
            return .perform(.push(LinksOverlay(links: ArticleLinks.collect(model.article, url: origin(context)))))
        case .export(let path):
            return ArticleOutput.export(model.article, to: path, context: context)
        case .pipe(let arguments) where arguments.isEmpty:
            return .perform(.push(PromptOverlay(kind: .command, text: "pipe ", context: context)))
        case .pipe(let arguments):
            return ArticleOutput.pipe(model.article, to: arguments, context: context)
        case .nextSection: return jumpSection(by: 1, context)
        case .previousSection: return jumpSection(by: -1, context)
        case .gotoSection(let number):
            if let index = model.article.sections.firstIndex(where: { $0.number == number }) {
                jump(toSection: index, context)
            } else if number == 0, model.article.sections.first?.number == nil {
                jump(toSection: 0, context)
            } else {
                return .perform(.message(.warning(context.tr("Tidak ada bagian \(number)", "No section \(number)"))))
            }
            return .done
        case .tableOfContents:
            return .perform(.push(TableOfContentsOverlay(reader: self, current: currentSection(context) ?? 0)))
        case .toggleSummary:
            toggleSummary(context)
            return .perform(.message(.info(model.mode == .summary
                ? context.tr("Tampilan ringkas (juga untuk artikel berikutnya) · s lengkap",
                             "Summary view (for the next articles too) · s for full")
                : context.tr("Tampilan lengkap", "Full view"))))
        case .nextArticle, .previousArticle:
            let delta = command == .nextArticle ? 1 : -1
            guard let list, let summary = list.step(by: delta) else {
                return .perform(.message(.info(delta > 0 ? context.tr("Ini artikel terakhir", "This is the last article")
                                                         : context.tr("Ini artikel pertama", "This is the first article"))))
            }
            savePosition(context)
            let (index, count) = list.position
            var result = list.openArticle(summary, context)
            if case .consumed(let actions) = result {
                result = .consumed([.pop] + actions + [.message(.info(
                    context.tr("Artikel \(index + 1)/\(count): \(summary.title)", "Article \(index + 1)/\(count): \(summary.title)")))])
            }
            return result
        case .search(let text):
            guard let text else { return .perform(.push(PromptOverlay(kind: .search, context: context))) }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                model.search = nil
                return .done
            }
            return startSearch(trimmed, context, reportMissing: true)
        case .searchNext, .searchPrevious:
            guard model.search != nil else {
                return .perform(.message(.info(context.tr("Belum ada pencarian; tekan / untuk mencari",
                                                          "No search yet; press / to search"))))
            }
            model.search?.step(command == .searchNext ? 1 : -1)
            revealCurrentMatch(context)
            return .done
        case .clearSearch:
            model.search = nil
            return .done
        case .toggleImages:
            return togglePictures(context)
        default:
            return .ignored
        }
    }

    @discardableResult
    private func startSearch(_ query: String, _ context: AppContext, reportMissing: Bool) -> EventResult {
        preparePictureLayout(context)
        guard let layout = model.layout else { return .done }
        let search = ReaderSearch(query: query, layout: layout, preferredLine: model.top)
        // A search that found nothing leaves no search behind: the message says so once.
        guard !search.matches.isEmpty else {
            model.search = nil
            return reportMissing ? .perform(.message(.warning(context.tr("Tidak ditemukan: \(query)", "No match: \(query)")))) : .done
        }
        model.search = search
        revealCurrentMatch(context)
        return .done
    }

    /// Scrolls so the current match sits a third of the way down the window.
    private func revealCurrentMatch(_ context: AppContext) {
        guard let search = model.search, let current = search.current else { return }
        let line = search.matches[current].line
        let height = height(context)
        if line < model.top || line >= model.top + height {
            scroll(to: line - height / 3, context)
        }
    }

    /// `]` and `[`: the next or previous numbered section; `[` from the first goes to the top.
    private func jumpSection(by delta: Int, _ context: AppContext) -> EventResult {
        guard let layout = model.layout else { return .done }
        let numbered = model.article.sections.indices.filter {
            model.article.sections[$0].number != nil && $0 < layout.sectionStartLines.count
        }
        let target: Int?
        if delta > 0 {
            target = numbered.first { layout.sectionStartLines[$0] > model.top }
        } else {
            target = numbered.last { layout.sectionStartLines[$0] < model.top }
        }
        guard let target else {
            if delta < 0, model.top > 0 {
                scroll(to: 0, context)
                return .done
            }
            return .perform(.message(.info(delta > 0 ? context.tr("Sudah di bagian terakhir", "Already at the last section")
                                                     : context.tr("Sudah di awal artikel", "Already at the top"))))
        }
        jump(toSection: target, context)
        return .done
    }

    /// Shows section `index` (an index into `article.sections`) at the top of the window.
    func jump(toSection index: Int, _ context: AppContext) {
        guard let layout = model.layout, index < layout.sectionStartLines.count else { return }
        if model.mode == .summary {
            // From the outline, a section opens in the full view.
            model.mode = .full
            context.preferences.readerMode = .full
            model.pendingPosition = ReadingPosition(sectionIndex: index, blockIndex: -1)
            preparePictureLayout(context)
            scroll(to: model.top, context, jump: true)
        } else {
            scroll(to: layout.sectionStartLines[index], context, jump: true)
        }
        jumpedSection = index
    }

    private func toggleSummary(_ context: AppContext) {
        if model.mode == .full {
            // Remember the place in the full view, to come back to it.
            model.fullViewPosition = model.position
            model.mode = .summary
        } else {
            model.mode = .full
            model.pendingPosition = model.fullViewPosition
        }
        model.top = 0
        jumpedSection = nil
        context.preferences.readerMode = model.mode
        context.preferences.save(to: context.environment.preferencesFile)
        preparePictureLayout(context)
        scroll(to: model.top, context, jump: true)
    }

    /// Queues the reading position (full view only); on leaving, on quit and when idle.
    func savePosition(_ context: AppContext) {
        guard model.mode == .full, let position = model.position else { return }
        if context.recentPositions[model.stored.id] == position { return }
        context.savePosition(position, id: model.stored.id)
    }

    // MARK: Position

    /// The section that names where the reader is: the current match's, else the one a jump
    /// showed, else the one holding the reading line a third down the window.
    func currentSection(_ context: AppContext) -> Int? {
        guard let layout = model.layout else { return nil }
        if let search = model.search, let current = search.current {
            let line = search.matches[current].line
            return line < layout.lines.count ? (layout.lines[line].sectionIndex ?? layout.sectionIndex(atLine: line)) : nil
        }
        if let jumpedSection { return jumpedSection }
        let readingLine = min(model.top + height(context) / 3, max(0, layout.lines.count - 1))
        return layout.sectionIndex(atLine: readingLine)
    }

    /// `Atas`, `Akhir`, or `2/7 · Angsle dan Ronde Pak Min`: one format everywhere.
    func positionText(_ context: AppContext) -> String {
        let height = height(context)
        let hasMatch = model.search?.current != nil
        let atEnd = model.top + height >= model.lineCount
        if !hasMatch, jumpedSection == nil {
            if model.top == 0 { return context.tr("Atas", "Top") }
            if atEnd { return context.tr("Akhir", "End") }
        }
        let sections = model.article.sections
        let total = sections.filter { $0.number != nil }.count
        guard let index = currentSection(context), index < sections.count else { return context.tr("Atas", "Top") }
        let section = sections[index]
        guard section.number != nil else { return context.tr("Pembuka", "Opening") }
        let ordinal = sections[...index].filter { $0.number != nil }.count
        let title = section.heading ?? ""
        return title.isEmpty ? "\(ordinal)/\(total)" : "\(ordinal)/\(total) · \(title)"
    }

    // MARK: Drawing

    func prepare(context: AppContext) {
        _ = origin(context)  // read here, not during a frame
        layOut(context)
        nextTitle = list?.peek(by: 1)?.title
    }

    func dataDidChange(context: AppContext) { nextTitle = list?.peek(by: 1)?.title }

    func render(into buffer: inout ScreenBuffer, context: AppContext) {
        guard let layout = model.layout else { return }
        let left = leftMargin(context)
        let width = textWidth(context)
        // The footer (sources, disclaimer) follows the last line of a section.
        let footerStart = model.article.linkTargets == nil ? Int.max : (layout.lines.lastIndex { $0.sectionIndex != nil } ?? -1) + 1
        let pageURL = pageURL(context)
        for offset in 0..<height(context) {
            let index = model.top + offset
            if index < layout.lines.count {
                var spans = layout.lines[index].spans
                if let search = model.search {
                    let marks = search.matches(onLine: index)
                    if !marks.isEmpty { spans = SpanHighlighter.highlight(spans, marks: marks) }
                }
                buffer.write(spans, row: offset, column: left, maxWidth: width)
                markTargets(of: layout.lines[index], row: offset, left: left, pageURL: pageURL, inFooter: index >= footerStart, into: &buffer)
            } else if index == layout.lines.count + ReaderModel.trailerLines - 1 {
                buffer.write(endLine(context, width: width), row: offset, column: left, style: .dim, maxWidth: width)
            }
        }
        drawPictures(into: &buffer, layout: layout, context: context)
    }

    /// What a line means to the mouse and to a terminal that shows links: an outline entry of
    /// the summary view jumps to its section; the title links to the article's page, and an
    /// address in the text to itself, a related article's title and a source's name to the
    /// page's link for them (`Article.linkTargets`).
    private func markTargets(of line: LayoutLine, row: Int, left: Int, pageURL: String?, inFooter: Bool, into buffer: inout ScreenBuffer) {
        if model.mode == .summary, let section = line.sectionIndex, line.blockIndex == nil,
           line.spans.contains(where: { $0.style == .heading }) {
            buffer.addHit(row: row, column: left, width: line.text.displayWidth, .section(section))
        }
        if line.sectionIndex == nil, let url = pageURL, line.spans.allSatisfy({ $0.style == .title }) {
            let text = line.text
            let leading = text.prefix { $0 == " " }.count
            let width = text.trimmingCharacters(in: .whitespaces).displayWidth
            buffer.addLink(row: row, column: left + leading, width: width, url: url)
        }
        for link in LineLinks.find(in: line.text) {
            buffer.addLink(row: row, column: left + link.column, width: link.width, url: link.url)
        }
        guard model.article.linkTargets != nil else { return }
        let sections = model.article.sections
        if let section = line.sectionIndex, let block = line.blockIndex, section < sections.count, block < sections[section].blocks.count,
           case .related(let title) = sections[section].blocks[block], let url = model.article.linkTarget(for: title) {
            // The title's words, after the `Baca juga: ` label or the indent under it.
            let text = line.text
            let label = text.hasPrefix(ArticleLayout.relatedLabel) ? ArticleLayout.relatedLabel.count : text.prefix { $0 == " " }.count
            let words = String(text.dropFirst(label)).trimmingCharacters(in: .whitespaces)
            buffer.addLink(row: row, column: left + String(text.prefix(label)).displayWidth, width: words.displayWidth, url: url)
        }
        if inFooter {
            let text = line.text
            for source in model.article.sources {
                let name = source.trimmingCharacters(in: .whitespaces)
                guard let url = model.article.linkTarget(for: source), !name.isEmpty else { continue }
                var searchStart = text.startIndex
                while let range = text.range(of: name, range: searchStart..<text.endIndex) {
                    let before = range.lowerBound == text.startIndex ? " " : text[text.index(before: range.lowerBound)]
                    let after = range.upperBound == text.endIndex ? " " : text[range.upperBound]
                    if " ,".contains(before), " ,".contains(after) {
                        buffer.addLink(row: row, column: left + String(text[..<range.lowerBound]).displayWidth, width: name.displayWidth, url: url)
                    }
                    searchStart = range.upperBound
                }
            }
        }
    }

    /// `── Akhir artikel · J berikutnya: Judul… ──`.
    private func endLine(_ context: AppContext, width: Int) -> String {
        var text = "── " + context.tr("Akhir artikel", "End of article")
        if let nextTitle, let key = context.key(.nextArticle, .reader) {
            text += " · " + context.tr("\(key) berikutnya: ", "\(key) next: ") + nextTitle
        } else {
            text += " · " + context.tr("ini artikel terakhir", "this is the last article")
        }
        text = text.truncated(toWidth: width - 3) + " "
        return text + String(repeating: "─", count: max(2, min(width - text.displayWidth, 12)))
    }

    /// A click on an outline entry of the summary view opens that section in the full view.
    func handle(click target: HitTarget, context: AppContext) -> EventResult {
        guard case .section(let index) = target, index >= 0, index < model.article.sections.count else { return .ignored }
        jump(toSection: index, context)
        return .done
    }

    func status(context: AppContext) -> StatusContent {
        var position = positionText(context)
        if model.mode == .summary { position = context.tr("Ringkas · ", "Summary · ") + position }
        var hints: [Hint] = []
        func add(_ keys: String?, _ label: String) { if let keys { hints.append(Hint(keys: keys, label: label)) } }
        if let search = model.search {
            if let current = search.current {
                position = context.tr("cocok", "match") + " \(current + 1)/\(search.matches.count) · " + position
                add(context.keys(.searchNext, .searchPrevious, .reader), context.tr("cocok", "matches"))
            }
        }
        add(context.backKey(.reader), context.tr("kembali", "back"))
        add(context.keys(.nextSection, .previousSection, .reader), context.tr("bagian", "section"))
        add(context.key(.toggleSummary, .reader), model.mode == .full ? context.tr("ringkas", "summary") : context.tr("lengkap", "full"))
        add(context.key(.tableOfContents, .reader), context.tr("isi", "contents"))
        add(context.keys(.nextArticle, .previousArticle, .reader), context.tr("artikel", "article"))
        add(context.key(.help, .reader), context.tr("bantuan", "help"))
        return StatusContent(hints: hints, position: position)
    }
}

/// Splits styled spans so that the given display columns take the search styles.
enum SpanHighlighter {
    static func highlight(_ spans: [StyledSpan], marks: [(columns: Range<Int>, isCurrent: Bool)]) -> [StyledSpan] {
        var result: [StyledSpan] = []
        var column = 0
        for span in spans {
            var pending = ""
            var pendingStyle = span.style
            for character in span.text {
                let width = character.displayWidth
                let mark = marks.first { $0.columns.contains(column) }
                let style: StyleName = mark.map { $0.isCurrent ? .searchCurrent : .searchMatch } ?? span.style
                if style != pendingStyle, !pending.isEmpty {
                    result.append(StyledSpan(pending, pendingStyle))
                    pending = ""
                }
                pendingStyle = style
                pending.append(character)
                column += width
            }
            if !pending.isEmpty { result.append(StyledSpan(pending, pendingStyle)) }
        }
        return result
    }
}
