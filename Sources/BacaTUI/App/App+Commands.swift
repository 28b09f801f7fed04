import BacaCore
import BacaStore
import Foundation

extension App {
    /// Runs a command, from a key binding or the `:` line.
    public func perform(_ invocation: CommandInvocation) {
        let argument = invocation.arguments.joined(separator: " ")
        switch invocation.name {
        // Moving: each screen moves its own cursor or scroll.
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .halfPageDown: move(by: max(1, pageHeight / 2))
        case .halfPageUp: move(by: -max(1, pageHeight / 2))
        case .pageDown: move(by: max(1, pageHeight - 1))
        case .pageUp: move(by: -max(1, pageHeight - 1))
        case .goTop: move(to: 0)
        case .goBottom: move(to: Int.max / 2)

        case .open: open()
        case .back: back()
        case .quit: quit()
        case .toggleRead: toggleRead()
        case .toggleStar: toggleStar()
        case .filter: filter(argument)
        case .sort: sort(argument)
        case .refresh:
            reloadList(keepingFocus: true)
            show(info: "Daftar dimuat ulang: \(list.count) artikel")
        case .feeds: openFeeds()
        case .fetch: startFetch()
        case .openLink: openLink()
        case .feed: feedCommand(invocation.arguments)

        case .nextSection: jumpSection(by: 1)
        case .previousSection: jumpSection(by: -1)
        case .gotoSection: gotoSection(argument)
        case .tableOfContents: openTableOfContents()
        case .toggleSummary: toggleSummary()
        case .nextArticle: stepArticle(by: 1)
        case .previousArticle: stepArticle(by: -1)

        case .search:
            if argument.isEmpty {
                prompt = PromptState(kind: .search)
            } else {
                runSearch(argument)
            }
        case .searchNext: stepMatch(by: 1)
        case .searchPrevious: stepMatch(by: -1)
        case .clearSearch: clearSearch()

        case .help: openHelp()
        case .commandLine:
            prompt = PromptState(kind: .command, text: argument)
            completion = nil
        case .theme: switchTheme(argument)
        case .importPath: importFiles(invocation.arguments)
        case .redraw: break

        case .promptSubmit: submitPrompt()
        case .promptCancel: cancelPrompt()
        case .promptLeft: prompt?.moveLeft()
        case .promptRight: prompt?.moveRight()
        case .promptHome: prompt?.moveHome()
        case .promptEnd: prompt?.moveEnd()
        case .promptBackspace:
            if prompt?.characters.isEmpty == true {
                cancelPrompt()
            } else {
                prompt?.backspace()
                promptDidChange()
            }
        case .promptDelete:
            prompt?.deleteForward()
            promptDidChange()
        case .promptKillLine:
            prompt?.killToStart()
            promptDidChange()
        case .promptKillWord:
            prompt?.killWord()
            promptDidChange()
        case .promptHistoryPrevious: browseHistory(step: -1)
        case .promptHistoryNext: browseHistory(step: 1)
        case .promptComplete: completeCommand()
        }
    }

    // MARK: Moving

    /// Rows a page movement covers on the current screen.
    var pageHeight: Int {
        switch screen {
        case .list: return listHeight
        case .reader: return readerHeight ?? 1
        case .help: return max(1, size.rows - 3)
        case .tableOfContents: return max(1, size.rows - 6)
        case .feeds: return listHeight
        }
    }

    func move(by delta: Int) {
        switch screen {
        case .list: moveList(to: listCursor + delta)
        case .reader: scrollReader(to: (reader?.top ?? 0) + delta)
        case .help: helpTop = max(0, helpTop + delta)
        case .tableOfContents:
            tocCursor = min(max(0, tocCursor + delta), max(0, (reader?.article.sections.count ?? 1) - 1))
        case .feeds: feedCursor = min(max(0, feedCursor + delta), max(0, feedRows.count - 1))
        }
    }

    func move(to index: Int) {
        switch screen {
        case .list: moveList(to: index)
        case .reader: scrollReader(to: index)
        case .help: helpTop = index == 0 ? 0 : Int.max / 4
        case .tableOfContents: tocCursor = index == 0 ? 0 : max(0, (reader?.article.sections.count ?? 1) - 1)
        case .feeds: feedCursor = index == 0 ? 0 : max(0, feedRows.count - 1)
        }
    }

    func moveList(to index: Int) {
        guard list.count > 0 else { return }
        listCursor = min(max(0, index), list.count - 1)
        clampListScroll()
    }

    /// Rows of the list on screen.
    var listHeight: Int { max(1, size.rows - 2) }

    /// Keeps the cursor on screen with a margin of context rows, like `scrolloff` in vim.
    func clampListScroll() {
        listCursor = min(max(0, listCursor), max(0, list.count - 1))
        let height = listHeight
        let margin = min(2, (height - 1) / 2)
        if listCursor < listTop + margin { listTop = listCursor - margin }
        if listCursor > listTop + height - 1 - margin { listTop = listCursor - height + 1 + margin }
        listTop = min(max(0, listTop), max(0, list.count - height))
    }

    func scrollReader(to line: Int, jump: Bool = false) {
        guard let height = readerHeight, reader != nil else { return }
        reader!.prepareLayout(width: readerTextWidth)
        reader!.scroll(to: line, viewHeight: height, allowOverscroll: jump)
        positionDirty = true
    }

    // MARK: List

    func open() {
        switch screen {
        case .list: openArticle(at: listCursor)
        case .tableOfContents:
            screen = .reader
            jumpToSection(tocCursor)
        case .help: screen = screenUnderHelp
        case .feeds: openFeed(at: feedCursor)
        case .reader: break
        }
    }

    func openArticle(at index: Int) {
        guard let summary = list.row(at: index) else {
            if list.count == 0 {
                show(info: list.query != nil ? "Tidak ada hasil untuk dibuka; Esc menghapus pencarian" : "Belum ada artikel untuk dibuka")
            }
            return
        }
        let stored: StoredArticle?
        do {
            stored = try environment.store.article(id: summary.id)
        } catch {
            show(error: "\(error)")
            return
        }
        guard let stored else {
            show(error: "Artikel \(summary.id) tidak ada lagi")
            reloadList(keepingFocus: false)
            return
        }
        saveReadingPosition()
        listCursor = index
        clampListScroll()
        reader = ReaderModel(stored: stored, mode: preferences.readerMode)
        screen = .reader
        if let recent = recentPositions[stored.id] { reader?.pendingPosition = recent; reader?.fullViewPosition = recent }
        if !stored.state.read {
            let id = stored.id
            stateWriter.enqueue { try $0.setRead(true, id: id) }
            list.adjustCounts(unread: -1)
            reader?.stored.state.read = true
            list.updateRow(id: stored.id) { $0.read = true }
        }
        if let height = readerHeight {
            reader!.prepareLayout(width: readerTextWidth)
            reader!.scroll(to: reader!.top, viewHeight: height)
        }
    }

    func back() {
        switch screen {
        case .reader:
            if reader?.search != nil {
                clearSearch()
                return
            }
            saveReadingPosition()
            reader = nil
            screen = .list
        case .help: screen = screenUnderHelp
        case .tableOfContents: screen = .reader
        case .feeds: screen = .list
        case .list:
            if list.query != nil {
                clearSearch()
            } else if list.feed != nil {
                showAllFeeds()
            }
        }
    }

    /// Leaves baca from any screen (the keys that only go back are bound to `back`).
    func quit() {
        saveReadingPosition()
        shouldQuit = true
    }

    func toggleRead() {
        guard let (id, read) = focusedState() else { return }
        let newValue = !read.read
        stateWriter.enqueue { try $0.setRead(newValue, id: id) }
        list.updateRow(id: id) { $0.read = !read.read }
        if reader?.stored.id == id { reader?.stored.state.read = !read.read }
        list.adjustCounts(unread: read.read ? 1 : -1)
        show(info: read.read ? "Ditandai belum dibaca" : "Ditandai sudah dibaca")
    }

    func toggleStar() {
        guard let (id, state) = focusedState() else { return }
        let newValue = !state.starred
        stateWriter.enqueue { try $0.setStarred(newValue, id: id) }
        list.updateRow(id: id) { $0.starred = !state.starred }
        if reader?.stored.id == id { reader?.stored.state.starred = !state.starred }
        list.adjustCounts(starred: state.starred ? -1 : 1)
        show(info: state.starred ? "Bintang dilepas" : "Diberi bintang ★")
    }

    /// The article the reader or the list cursor is on, with its read/starred state.
    func focusedState() -> (Int64, (read: Bool, starred: Bool))? {
        if screen == .reader, let reader {
            return (reader.stored.id, (reader.stored.state.read, reader.stored.state.starred))
        }
        guard let row = list.row(at: listCursor) else { return nil }
        return (row.id, (row.read, row.starred))
    }

    func filter(_ argument: String) {
        let scope: ListScope
        switch argument.lowercased() {
        case "", "toggle-unread": scope = list.scope == .unread ? .all : .unread
        case "all", "semua": scope = .all
        case "unread", "belum", "belum-dibaca": scope = .unread
        case "starred", "bintang": scope = .starred
        default:
            return show(error: "filter tidak dikenal: \(argument) (pilih all, unread atau starred)")
        }
        let focusedID = list.row(at: listCursor)?.id
        do {
            try list.configure(scope: scope)
        } catch {
            return show(error: "\(error)")
        }
        refocus(focusedID)
        if screen != .list { screen = .list; reader = nil }
        show(info: "Filter: \(Self.scopeLabel(scope))")
    }

    func sort(_ argument: String) {
        let sort: ListSort
        switch argument.lowercased() {
        case "date", "newest", "terbaru", "": sort = .newest
        case "oldest", "terlama": sort = .oldest
        case "title", "judul": sort = .title
        default:
            return show(error: "urutan tidak dikenal: \(argument) (pilih date, oldest atau title)")
        }
        let focusedID = list.row(at: listCursor)?.id
        do {
            try list.configure(sort: sort)
        } catch {
            return show(error: "\(error)")
        }
        refocus(focusedID)
        show(info: "Urutan: \(Self.sortLabel(sort))")
    }

    static func scopeLabel(_ scope: ListScope) -> String {
        switch scope {
        case .all: return "semua"
        case .unread: return "belum dibaca"
        case .starred: return "berbintang"
        }
    }

    static func sortLabel(_ sort: ListSort) -> String {
        switch sort {
        case .newest: return "terbaru"
        case .oldest: return "terlama"
        case .title: return "judul"
        }
    }

    /// Reads the list again (an import, another process's write), keeping the cursor on the
    /// same article when it is still there.
    func reloadList(keepingFocus: Bool) {
        let focusedID = list.row(at: listCursor)?.id
        let oldCount = list.count
        do {
            try list.reload()
        } catch {
            return show(error: "\(error)")
        }
        if keepingFocus, let focusedID {
            let guess = listCursor + max(0, list.count - oldCount)
            if let index = list.index(of: focusedID, near: guess) {
                listTop += index - listCursor
                listCursor = index
            }
        }
        clampListScroll()
    }

    // MARK: Reader

    /// `]` and `[`: the next or previous numbered section; `[` from the first one goes back to
    /// the top of the article.
    func jumpSection(by delta: Int) {
        guard screen == .reader, let reader, let layout = reader.layout else { return }
        let numbered = reader.article.sections.indices.filter {
            reader.article.sections[$0].number != nil && $0 < layout.sectionStartLines.count
        }
        let target: Int?
        if delta > 0 {
            target = numbered.first { layout.sectionStartLines[$0] > reader.top }
        } else {
            target = numbered.last { layout.sectionStartLines[$0] < reader.top }
        }
        guard let target else {
            if delta < 0, reader.top > 0 { return scrollReader(to: 0) }
            return show(info: delta > 0 ? "Sudah di bagian terakhir" : "Sudah di awal artikel")
        }
        jumpToSection(target)
    }

    /// Shows section `index` (an index into `article.sections`) at the top of the window.
    func jumpToSection(_ index: Int) {
        guard reader != nil, let layout = reader!.layout, index < layout.sectionStartLines.count else { return }
        if reader!.mode == .summary {
            // From the outline, a section opens in the full view.
            reader!.mode = .full
            preferences.readerMode = .full
            reader!.pendingPosition = ReadingPosition(sectionIndex: index, blockIndex: -1)
            reader!.prepareLayout(width: readerTextWidth)
            scrollReader(to: reader!.top)
            return
        }
        scrollReader(to: layout.sectionStartLines[index], jump: true)
    }

    func gotoSection(_ argument: String) {
        guard screen == .reader, let reader else { return }
        guard let number = Int(argument.trimmingCharacters(in: .whitespaces)) else {
            return show(error: "goto-section perlu nomor bagian, bukan '\(argument)'")
        }
        if let index = reader.article.sections.firstIndex(where: { $0.number == number }) {
            jumpToSection(index)
        } else if number == 0, reader.article.sections.first?.number == nil {
            jumpToSection(0)
        } else {
            show(error: "Tidak ada bagian \(number)")
        }
    }

    func openTableOfContents() {
        guard screen == .reader, let reader else { return }
        tocCursor = reader.currentSectionIndex() ?? 0
        screen = .tableOfContents
    }

    func toggleSummary() {
        guard screen == .reader, reader != nil else { return }
        if reader!.mode == .full {
            // Remember the place in the full view, to come back to it.
            reader!.fullViewPosition = reader!.position
            reader!.mode = .summary
            reader!.top = 0
        } else {
            reader!.mode = .full
            reader!.pendingPosition = reader!.fullViewPosition
            reader!.top = 0
        }
        preferences.readerMode = reader!.mode
        preferences.save(to: environment.preferencesFile)
        reader!.prepareLayout(width: readerTextWidth)
        scrollReader(to: reader!.top, jump: true)
    }

    func stepArticle(by delta: Int) {
        let target = listCursor + delta
        guard target >= 0, target < list.count else {
            return show(info: delta > 0 ? "Ini artikel terakhir" : "Ini artikel pertama")
        }
        openArticle(at: target)
    }

    // MARK: Search

    func runSearch(_ query: String) {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        switch screen {
        case .reader:
            guard reader != nil, !trimmed.isEmpty else { return clearSearch() }
            reader!.prepareLayout(width: readerTextWidth)
            guard let layout = reader!.layout else { return }
            let search = ReaderSearch(query: trimmed, layout: layout, preferredLine: reader!.top)
            reader!.search = search
            if search.matches.isEmpty {
                show(error: "Tidak ditemukan: \(trimmed)")
            } else {
                revealCurrentMatch()
            }
        default:
            if trimmed.isEmpty { return clearSearch() }
            do {
                try list.configure(query: .some(trimmed))
            } catch {
                return show(error: "\(error)")
            }
            screen = .list
            listCursor = 0
            listTop = 0
            if list.count == 0 { show(error: "Tidak ditemukan: \(trimmed)") }
        }
    }

    /// `n`/`N`: the next or previous match in the reader; in a searched list the next or
    /// previous result; in the plain list, the last search again.
    func stepMatch(by delta: Int) {
        guard screen == .reader, reader?.search != nil else {
            if screen == .list, list.query != nil {
                guard list.count > 0 else { return }
                moveList(to: (listCursor + delta + list.count) % list.count)
            } else if screen == .list, let last = searchHistory.entries.last {
                runSearch(last)
            } else if screen == .reader {
                show(info: "Belum ada pencarian; tekan / untuk mencari")
            }
            return
        }
        reader!.search!.step(delta)
        revealCurrentMatch()
    }

    /// Scrolls so the current match sits a third of the way down the window.
    func revealCurrentMatch() {
        guard let search = reader?.search, let current = search.current, let height = readerHeight else { return }
        let line = search.matches[current].line
        if line < reader!.top || line >= reader!.top + height {
            scrollReader(to: line - height / 3)
        }
    }

    func clearSearch() {
        if screen == .reader, reader?.search != nil {
            reader!.search = nil
            return
        }
        if list.query == nil, list.feed != nil { return showAllFeeds() }
        guard list.query != nil else { return }
        let focusedID = list.row(at: listCursor)?.id
        do {
            try list.configure(query: .some(nil))
        } catch {
            return show(error: "\(error)")
        }
        refocus(focusedID)
    }

    /// After the list changed its rows: the cursor back on the article it was on when that
    /// article is among the first pages, else at the top.
    func refocus(_ id: Int64?) {
        listCursor = 0
        listTop = 0
        if let id, let index = list.index(of: id, near: 0, radius: 4 * ArticleListModel.pageSize) {
            listCursor = index
            listTop = max(0, index - listHeight / 2)
        }
        clampListScroll()
    }

    // MARK: Help

    func openHelp() {
        guard screen != .help else { return }
        screenUnderHelp = screen
        helpTop = 0
        screen = .help
    }

    // MARK: Themes and import

    func switchTheme(_ name: String) {
        guard !name.isEmpty else { return show(info: "Tema: \(theme.name)") }
        do {
            theme = try environment.loadTheme(name)
            themeGeneration += 1
            show(info: "Tema: \(theme.name)")
        } catch {
            show(error: "\(error)")
        }
    }

    func importFiles(_ paths: [String]) {
        guard !paths.isEmpty else { return show(error: "import perlu PATH berkas atau folder") }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        let expanded = paths.map { path in
            path == "~" ? home : path.hasPrefix("~/") ? home + path.dropFirst() : path
        }
        var firstFailure: FileImportReport?
        let summary = FileImporter(store: environment.store).importPaths(expanded) { report in
            if report.failed, firstFailure == nil { firstFailure = report }
        }
        reloadList(keepingFocus: true)
        let line = "Impor: \(summary.imported) baru, \(summary.updated) diperbarui, "
            + "\(summary.unchanged) tetap, \(summary.failed) gagal"
        if let firstFailure {
            show(error: line + " — \(firstFailure.path): \(firstFailure.statusText)")
        } else {
            show(info: line)
        }
    }

    // MARK: Prompt

    func submitPrompt() {
        guard let prompt else { return }
        self.prompt = nil
        completion = nil
        let text = prompt.text
        switch prompt.kind {
        case .search:
            searchHistory.add(text)
            runSearch(text)
        case .command:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return }
            commandHistory.add(trimmed)
            switch CommandLineParser.parse(trimmed) {
            case .success(let invocation): perform(invocation)
            case .failure(let error): show(error: error.description)
            }
        }
    }

    func cancelPrompt() {
        prompt = nil
        completion = nil
    }

    func promptDidChange() { completion = nil }

    func browseHistory(step: Int) {
        guard prompt != nil else { return }
        let history = prompt!.kind == .search ? searchHistory.entries : commandHistory.entries
        prompt!.browseHistory(history, step: step)
    }

    /// Tab on the `:` line: completes the command name, cycling through the candidates.
    func completeCommand() {
        guard let current = prompt, current.kind == .command else { return }
        let text = current.text
        guard !text.contains(" ") || completion != nil else { return }
        if var completion, !completion.candidates.isEmpty {
            completion.index = (completion.index + 1) % completion.candidates.count
            self.completion = completion
            prompt!.setText(completion.candidates[completion.index])
            return
        }
        let candidates = CommandLineParser.completions(for: text)
        guard !candidates.isEmpty else { return show(error: "Tidak ada perintah berawalan '\(text)'") }
        if candidates.count == 1 {
            prompt!.setText(candidates[0] + " ")
            completion = nil
        } else {
            completion = (candidates, 0)
            prompt!.setText(candidates[0])
            message = StatusMessage(text: candidates.joined(separator: "  "), isError: false)
        }
    }
}
