import BacaCore
import BacaStore
import Foundation

/// The article list: every article, one feed's, or the results of a search. Each of those is
/// its own level on the stack, so leaving a search (or a feed) pops back to the list exactly
/// as it was, cursor and all.
final class ListScreen: Component {
    /// What this list shows.
    enum Level: Equatable {
        /// Every article: the bottom of the stack.
        case all
        case search(String)
        case feed(FeedOverview)
        /// A tag's articles or a saved search: a name and its query.
        case library(name: String, query: LibraryQuery)

        static func == (lhs: Level, rhs: Level) -> Bool {
            switch (lhs, rhs) {
            case (.all, .all): return true
            case let (.library(a, _), .library(b, _)): return a == b
            case let (.search(a), .search(b)): return a == b
            case let (.feed(a), .feed(b)): return a.feed.id == b.feed.id
            default: return false
            }
        }
    }

    let level: Level
    let model: ArticleListModel
    private(set) var cursor = 0
    private(set) var top = 0

    // Prepared for the next frame (`prepare`); `render` reads only these.
    private var visibleRows: [ArticleSummary] = []
    private var focused: ArticleSummary?
    /// The focused search result's snippet, read when the cursor lands on a result.
    private var snippet: (id: Int64, runs: [(text: String, isMatch: Bool)])?

    var kind: ScreenKind { .list }
    var keyContext: KeyContext { .list }

    init(level: Level, store: ArticleStore, scope: ListScope = .all, sort: ListSort = .newest) {
        self.level = level
        model = ArticleListModel(store: store)
        var query: String?? = .some(nil)
        var feed: FeedOverview?? = .some(nil)
        var library: LibraryQuery?? = .some(nil)
        switch level {
        case .all: break
        case .search(let text): query = .some(text)
        case .feed(let overview): feed = .some(overview)
        case .library(_, let selection): library = .some(selection)
        }
        try? model.configure(scope: scope, sort: sort, query: query, feed: feed, library: library)
    }

    var isRoot: Bool { level == .all }
    var query: String? { if case .search(let text) = level { return text } else { return nil } }

    // MARK: Layout

    func listHeight(_ context: AppContext) -> Int { context.bodyHeight }

    /// Columns of the list when the summary pane sits beside it (at 120 columns and wider).
    func paneWidth(_ context: AppContext) -> Int {
        context.size.columns >= 120 ? max(60, context.size.columns * 58 / 100) : context.size.columns
    }

    /// Below 120 columns a search result's snippet takes the rows under the focused title.
    func snippetRows(_ context: AppContext) -> Int {
        query != nil && paneWidth(context) == context.size.columns && focused != nil ? 2 : 0
    }

    // MARK: Events

    func handle(_ command: Command, context: AppContext) -> EventResult {
        let height = listHeight(context)
        switch command {
        case .move(let movement):
            switch movement {
            case .lines(let count): moveCursor(to: cursor + count, context)
            case .halfPages(let count): moveCursor(to: cursor + count * max(1, height / 2), context)
            case .pages(let count): moveCursor(to: cursor + count * max(1, height - 1), context)
            case .top: moveCursor(to: 0, context)
            case .bottom: moveCursor(to: model.count - 1, context)
            }
            return .done
        case .open:
            return openFocused(context)
        case .back, .clearSearch:
            return isRoot ? .done : .perform(.pop)
        case .backOrQuit:
            return isRoot ? .perform(.effect(.quit)) : .perform(.pop)
        case .toggleRead:
            guard let row = model.row(at: cursor) else { return .done }
            context.setRead(!row.read, id: row.id)
            model.updateRow(id: row.id) { $0.read.toggle() }
            return .perform(.message(.info(row.read ? context.tr("Ditandai belum dibaca", "Marked unread")
                                                   : context.tr("Ditandai sudah dibaca", "Marked read"))))
        case .toggleStar:
            guard let row = model.row(at: cursor) else { return .done }
            context.setStarred(!row.starred, id: row.id)
            model.updateRow(id: row.id) { $0.starred.toggle() }
            return .perform(.message(.info(row.starred ? context.tr("Bintang dilepas", "Star removed")
                                                      : context.tr("Diberi bintang ★", "Starred ★"))))
        case .filter(let choice):
            let scope: ListScope
            switch choice {
            case .toggleUnread: scope = model.scope == .unread ? .all : .unread
            case .scope(let chosen): scope = chosen
            }
            return reconfigure(context) { try $0.configure(scope: scope) }
                ?? .perform(.message(.info(context.tr("Filter: ", "Filter: ") + Self.scopeLabel(scope, context))))
        case .sort(let sort):
            return reconfigure(context) { try $0.configure(sort: sort) }
                ?? .perform(.message(.info(context.tr("Urutan: ", "Order: ") + Self.sortLabel(sort, context))))
        case .refresh:
            // Everything is read again: the counts, this list and the ones under it.
            return .perform(.dataChanged, .message(.info(context.tr("Daftar dimuat ulang", "List reloaded"))))
        case .feeds:
            return .perform(.push(FeedsScreen(context: context, current: feedLevel)))
        case .openLink:
            guard let row = model.row(at: cursor) else { return .done }
            return LinkOpener.open(articleID: row.id, context: context)
        case .markAllRead:
            return BulkRead.markView(self, context: context)
        case .saveSearch(let name):
            return saveSearch(name, context)
        case .tag(let name?):
            return TagLists.open(name, context: context)
        case .search(let text):
            guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                if text == nil { return .perform(.push(PromptOverlay(kind: .search, context: context))) }
                return .done
            }
            return search(text.trimmingCharacters(in: .whitespaces), context)
        case .searchNext, .searchPrevious:
            let delta = command == .searchNext ? 1 : -1
            if query != nil {
                guard model.count > 0 else { return .done }
                moveCursor(to: (cursor + delta + model.count) % model.count, context)
                return .done
            }
            guard let last = context.searchHistory.entries.last else {
                return .perform(.message(.info(context.tr("Belum ada pencarian; tekan / untuk mencari",
                                                          "No search yet; press / to search"))))
            }
            return search(last, context)
        default:
            return .ignored
        }
    }

    /// A click on a row focuses it; a click on the focused row (a second click, or the second
    /// half of a double click) opens it.
    func handle(click target: HitTarget, context: AppContext) -> EventResult {
        guard case .row(let index) = target, index >= 0, index < model.count else { return .ignored }
        if index == cursor { return openFocused(context) }
        moveCursor(to: index, context)
        return .done
    }

    /// `:save-search NAME`: the search (or the saved search, or the tag) this list shows.
    private func saveSearch(_ name: String, _ context: AppContext) -> EventResult {
        let text: String
        switch level {
        case .search(let words): text = words
        case .library(_, let selection) where !selection.source.isEmpty: text = selection.source
        case .library(let tag, _): text = "tag:\"\(tag)\""
        case .feed(let overview): text = "feed:\(overview.feed.id)"
        case .all:
            return .perform(.message(.info(context.tr("Cari dulu (/), lalu :save-search NAMA", "Search first (/), then :save-search NAME"))))
        }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            return .perform(.message(.error(context.tr("save-search perlu NAMA", "save-search needs a NAME"))))
        }
        do {
            _ = try context.store.saveSearch(name: name, query: text)
            return .perform(.message(.info(context.tr("Pencarian disimpan: \(name)", "Search saved: \(name)"))))
        } catch {
            return .perform(.message(.error(context.language.describe(error))))
        }
    }

    /// A search from the plain list pushes its results; from results it replaces them, so a
    /// search stays one level.
    private func search(_ text: String, _ context: AppContext) -> EventResult {
        let results = ListScreen(level: .search(text), store: context.store, scope: model.scope, sort: model.sort)
        var actions: [Action] = query != nil ? [.pop, .push(results)] : [.push(results)]
        if results.model.count == 0 {
            actions.append(.message(.warning(context.tr("Tidak ditemukan: \(text)", "No match: \(text)"))))
        }
        return .consumed(actions)
    }

    /// What the view is called in messages and the journal.
    func viewName(_ context: AppContext) -> String {
        switch level {
        case .all: return context.tr("semua artikel", "all articles")
        case .search(let text): return context.tr("cari \"\(text)\"", "search \"\(text)\"")
        case .feed(let overview): return "feed \(overview.feed.displayTitle)"
        case .library(let name, _): return name
        }
    }

    private var feedLevel: FeedOverview? {
        if case .feed(let overview) = level { return overview }
        return nil
    }

    private func openFocused(_ context: AppContext) -> EventResult {
        guard let summary = model.row(at: cursor) else {
            if model.count == 0 {
                return .perform(.message(.info(query != nil
                    ? context.tr("Tidak ada hasil untuk dibuka; Esc kembali", "No result to open; Esc goes back")
                    : context.tr("Belum ada artikel untuk dibuka", "No article to open yet"))))
            }
            return .done
        }
        return openArticle(summary, context)
    }

    /// The reader for an article of this list; `nil` result when it is gone.
    func openArticle(_ summary: ArticleSummary, _ context: AppContext) -> EventResult {
        do {
            guard let stored = try context.store.article(id: summary.id) else {
                reload(context)
                return .perform(.message(.error(context.tr("Artikel \(summary.id) tidak ada lagi",
                                                           "Article \(summary.id) no longer exists"))))
            }
            let reader = ReaderScreen(stored: stored, list: self, highlight: query, context: context)
            if !stored.state.read {
                context.setRead(true, id: stored.id)
                model.updateRow(id: stored.id) { $0.read = true }
            }
            var actions: [Action] = [.push(reader)]
            if context.preferences.readerMode == .summary {
                actions.append(.message(.info(context.tr("Tampilan ringkas · s untuk artikel lengkap",
                                                         "Summary view · s for the full article"))))
            }
            return .consumed(actions)
        } catch {
            return .perform(.message(.error(context.language.describe(error))))
        }
    }

    /// Moves the cursor by `delta` and returns the summary there, for the reader's `J`/`K`.
    func step(by delta: Int) -> ArticleSummary? {
        let target = cursor + delta
        guard target >= 0, target < model.count, let row = model.row(at: target) else { return nil }
        cursor = target
        return row
    }

    /// The row after the cursor, for the reader's end-of-article line.
    func peek(by delta: Int) -> ArticleSummary? { model.row(at: cursor + delta) }

    var position: (index: Int, count: Int) { (cursor, model.count) }

    func moveCursor(to index: Int, _ context: AppContext) {
        guard model.count > 0 else { return }
        cursor = min(max(0, index), model.count - 1)
        clampScroll(context)
    }

    /// Keeps the cursor on screen with a margin of context rows, like `scrolloff` in vim.
    func clampScroll(_ context: AppContext) {
        cursor = min(max(0, cursor), max(0, model.count - 1))
        let height = max(1, listHeight(context) - snippetRows(context))
        let margin = min(2, (height - 1) / 2)
        if cursor < top + margin { top = cursor - margin }
        if cursor > top + height - 1 - margin { top = cursor - height + 1 + margin }
        top = min(max(0, top), max(0, model.count - height))
    }

    /// Changes the model and keeps the cursor on the same article; nil on success.
    private func reconfigure(_ context: AppContext, _ change: (ArticleListModel) throws -> Void) -> EventResult? {
        let focusedID = model.row(at: cursor)?.id
        do {
            try change(model)
        } catch {
            return .perform(.message(.error(context.language.describe(error))))
        }
        refocus(focusedID, context)
        return nil
    }

    /// After the rows changed: the cursor back on its article when it is among the first pages.
    private func refocus(_ id: Int64?, _ context: AppContext) {
        cursor = 0
        top = 0
        if let id, let index = model.index(of: id, near: 0, radius: 4 * ArticleListModel.pageSize) {
            cursor = index
            top = max(0, index - listHeight(context) / 2)
        }
        clampScroll(context)
    }

    /// Reads the list again (an import, a fetch, another process), keeping the cursor on the
    /// same article when it is still near.
    func reload(_ context: AppContext) {
        let focusedID = model.row(at: cursor)?.id
        let oldCount = model.count
        try? model.reload()
        if let focusedID {
            let guess = cursor + max(0, model.count - oldCount)
            if let index = model.index(of: focusedID, near: guess) {
                top += index - cursor
                cursor = index
            }
        }
        clampScroll(context)
        snippet = nil
    }

    func dataDidChange(context: AppContext) { reload(context) }

    // MARK: Drawing

    func prepare(context: AppContext) {
        clampScroll(context)
        let height = listHeight(context) - snippetRows(context)
        visibleRows = (0..<max(0, height)).compactMap { model.row(at: top + $0) }
        focused = model.row(at: cursor)
        if let query, let focused, snippet?.id != focused.id {
            snippet = (focused.id, (try? context.store.searchSnippet(query, articleID: focused.id)) ?? [])
        }
    }

    func render(into buffer: inout ScreenBuffer, context: AppContext) {
        renderHeader(into: &buffer, context: context)
        let height = listHeight(context)
        if model.count == 0 {
            EmptyListView(query: query, scope: model.scope, repositoryIsEmpty: context.counts.total == 0, language: context.language)
                .draw(into: &buffer, top: 1, height: height)
            return
        }
        let width = paneWidth(context)
        let dates = ListDates(today: context.today, language: context.language)
        var row = 1
        for (offset, summary) in visibleRows.enumerated() where row <= height {
            let isFocused = top + offset == cursor
            ListRowView(summary: summary, isFocused: isFocused, dates: dates, language: context.language)
                .draw(into: &buffer, row: row, width: width)
            buffer.addHit(row: row, column: 0, width: width, .row(top + offset))
            row += 1
            if isFocused, snippetRows(context) > 0, let snippet, snippet.id == summary.id {
                SnippetView(runs: snippet.runs).draw(into: &buffer, row: row, left: 12, width: width - 13, rows: 2)
                row += 2
            }
        }
        if width < context.size.columns, let focused {
            for line in 1...height { buffer.write("│", row: line, column: width, style: .border) }
            var pane = SummaryPaneView(summary: focused, dates: dates, language: context.language)
            if query != nil, let snippet, snippet.id == focused.id { pane.snippet = snippet.runs }
            pane.draw(into: &buffer, top: 1, left: width + 2, width: context.size.columns - width - 3, height: height)
        }
    }

    private func renderHeader(into buffer: inout ScreenBuffer, context: AppContext) {
        let columns = context.size.columns
        buffer.fill(row: 0, column: 0, width: columns, height: 1, style: .listHeader)
        let counts = context.counts
        var left = " baca · " + context.tr("\(context.formatCount(counts.total)) artikel · \(context.formatCount(counts.unread)) belum dibaca",
                                           "\(context.formatCount(counts.total)) articles · \(context.formatCount(counts.unread)) unread")
        if context.environment.isDemo { left += " · demo" }
        // The right-hand facts, most important first; dropped whole when the row is short.
        var right: [String] = []
        if context.fetchStatus != nil { right.append(context.tr("mengambil…", "fetching…")) }
        switch level {
        case .all: break
        case .feed(let overview): right.append("feed: \(overview.feed.displayTitle.truncated(toWidth: 30))")
        case .library(let name, _): right.append("\(name.truncated(toWidth: 30)) · \(model.count)")
        case .search(let text):
            right.append(context.tr("cari: \"\(text)\" · \(model.count) hasil", "search: \"\(text)\" · \(model.count) \(model.count == 1 ? "result" : "results")"))
        }
        right.append(Self.scopeLabel(model.scope, context))
        // Search results come best first, whatever the list's own order.
        right.append(query != nil ? context.tr("relevansi", "relevance") : Self.sortLabel(model.sort, context))
        right.append(context.preferences.readerMode == .summary ? context.tr("buka ringkas", "opens summary")
                                                                : context.tr("buka lengkap", "opens full"))
        let leftRoom = min(left.displayWidth, columns / 2)
        var shown: [String] = []
        for part in right {
            let candidate = (shown + [part]).joined(separator: " · ") + " "
            if candidate.displayWidth > columns - leftRoom - 1 { break }
            shown.append(part)
        }
        let rightText = shown.isEmpty ? "" : shown.joined(separator: " · ") + " "
        let rightWidth = rightText.displayWidth
        buffer.write(left.truncated(toWidth: max(0, columns - rightWidth - 1)), row: 0, column: 0, style: .listHeader)
        buffer.write(rightText, row: 0, column: columns - rightWidth, style: .listHeader)
    }

    func status(context: AppContext) -> StatusContent {
        var hints: [Hint] = []
        func add(_ keys: String?, _ label: String) { if let keys { hints.append(Hint(keys: keys, label: label)) } }
        add(context.key(.open, .list), context.tr("baca", "read"))
        if isRoot {
            add(context.key(.backOrQuit, .list), context.tr("keluar", "quit"))
        } else {
            add(context.key(.backOrQuit, .list) ?? context.key(.back, .list), context.tr("kembali", "back"))
        }
        add(context.key(.search, .list), context.tr("cari", "search"))
        if query != nil { add(context.keys(.searchNext, .searchPrevious, .list), context.tr("hasil", "results")) }
        add(context.key(.help, .list), context.tr("bantuan", "help"))
        add(context.keys(.moveDown, .moveUp, .list), context.tr("pindah", "move"))
        add(context.key(.toggleStar, .list), context.tr("bintang", "star"))
        add(context.key(.feeds, .list), context.tr("langganan", "feeds"))
        let position = model.count == 0 ? "0/0" : "\(cursor + 1)/\(model.count)"
        return StatusContent(hints: hints, position: position)
    }

    static func scopeLabel(_ scope: ListScope, _ context: AppContext) -> String {
        switch scope {
        case .all: return context.tr("semua", "all")
        case .unread: return context.tr("belum dibaca", "unread")
        case .starred: return context.tr("berbintang", "starred")
        }
    }

    static func sortLabel(_ sort: ListSort, _ context: AppContext) -> String {
        switch sort {
        case .newest: return context.tr("terbaru", "newest")
        case .oldest: return context.tr("terlama", "oldest")
        case .title: return context.tr("judul", "title")
        }
    }
}
