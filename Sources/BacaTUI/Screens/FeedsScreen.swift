import BacaCore
import BacaStore
import Foundation

/// The subscriptions for the day: saved searches first, then each tag with its unread count
/// and its feeds, then the feeds without a tag (`FeedsOutline`). Enter opens a saved search's,
/// a tag's or a feed's articles as a list of their own; `:tag` moves from tag to tag; `A` marks
/// the focused row's articles read.
final class FeedsScreen: Component {
    private(set) var outline = FeedsOutline(feeds: [], tags: [], searches: [])
    private var feedCount = 0
    private var cursor = 0
    private var loadError: String?

    var kind: ScreenKind { .feeds }
    var keyContext: KeyContext { .feeds }
    var rows: [FeedsOutline.Row] { outline.rows }

    init(context: AppContext, current: FeedOverview?) {
        load(context)
        if let current, let index = rows.firstIndex(where: {
            if case .feed(let overview, _) = $0 { return overview.feed.id == current.feed.id }
            return false
        }) { cursor = index }
    }

    private func load(_ context: AppContext) {
        do {
            let feeds = try context.store.feeds()
            feedCount = feeds.count
            outline = FeedsOutline(feeds: feeds, tags: try context.store.tagOverviews(), searches: try context.store.savedSearches())
            loadError = nil
        } catch {
            loadError = context.language.describe(error)
        }
        cursor = min(cursor, max(0, rows.count - 1))
    }

    /// The list a row opens, and the query its articles are.
    private func selection(_ row: FeedsOutline.Row) -> (name: String, query: LibraryQuery)? {
        switch row {
        case .savedSearch(let search):
            guard let query = try? LibraryQuery(search.query) else { return nil }
            return ("\u{2315} \(search.name)", query)
        case .tag(let tag): return ("tag: \(tag.tag)", LibraryQuery(tags: [tag.tag]))
        case .feed(let overview, _): return ("feed \(overview.feed.displayTitle)", LibraryQuery(feeds: [String(overview.feed.id)]))
        case .untagged: return nil
        }
    }

    func handle(_ command: Command, context: AppContext) -> EventResult {
        switch command {
        case .move(let movement):
            let height = context.bodyHeight
            let target: Int
            switch movement {
            case .lines(let count): target = cursor + count
            case .halfPages(let count): target = cursor + count * max(1, height / 2)
            case .pages(let count): target = cursor + count * max(1, height - 1)
            case .top: target = 0
            case .bottom: target = rows.count - 1
            }
            cursor = min(max(0, target), max(0, rows.count - 1))
            return .done
        case .open:
            guard cursor < rows.count else { return .done }
            if case .feed(let overview, _) = rows[cursor] {
                return .perform(.push(ListScreen(level: .feed(overview), store: context.store)))
            }
            guard let selection = selection(rows[cursor]) else { return .done }
            return .perform(.push(ListScreen(level: .library(name: selection.name, query: selection.query), store: context.store)))
        case .tag(nil):
            guard let next = outline.nextTag(after: cursor) else {
                return .perform(.message(.info(context.tr("Belum ada tag; baca feed tag ID TAG", "No tags yet; baca feed tag ID TAG"))))
            }
            cursor = next
            return .done
        case .tag(let name?):
            guard let index = outline.index(ofTag: name) else { return TagLists.open(name, context: context) }
            cursor = index
            return .done
        case .markAllRead:
            guard cursor < rows.count, let selection = selection(rows[cursor]) else { return .done }
            return BulkRead.markQuery(selection.query, name: selection.name, context: context)
        case .back, .backOrQuit:
            return .perform(.pop)
        default:
            return .ignored
        }
    }

    func dataDidChange(context: AppContext) { load(context) }
    func didBecomeTop(context: AppContext) { load(context) }

    func render(into buffer: inout ScreenBuffer, context: AppContext) {
        let size = context.size
        buffer.fill(row: 0, column: 0, width: size.columns, height: 1, style: .listHeader)
        let unread = context.counts.unread
        let header = " baca · " + context.tr("\(feedCount) langganan · \(context.formatCount(unread)) belum dibaca",
                                              "\(feedCount) \(feedCount == 1 ? "feed" : "feeds") · \(context.formatCount(unread)) unread")
        buffer.write(header.truncated(toWidth: size.columns), row: 0, column: 0, style: .listHeader)
        let height = context.bodyHeight
        guard !rows.isEmpty else {
            let lines = [
                (loadError ?? context.tr("Belum ada langganan.", "No subscriptions yet."), StyleName.title), ("", .text),
                (context.tr("Tambahkan dengan  :feed add https://contoh.id/rss  lalu tekan r,",
                            "Add one with  :feed add https://example.com/rss  then press r,"), .text),
                (context.tr("atau dari shell:  baca feed add URL  /  baca feed import langganan.opml",
                            "or from a shell:  baca feed add URL  /  baca feed import feeds.opml"), .text),
            ]
            let top = 1 + max(0, (height - lines.count) / 2)
            for (offset, (text, style)) in lines.enumerated() {
                buffer.write(text.truncated(toWidth: size.columns - 2), row: top + offset, column: 2, style: style)
            }
            return
        }
        let first = min(max(0, cursor - height / 2), max(0, rows.count - height))
        for offset in 0..<height {
            let index = first + offset
            guard index < rows.count else { break }
            let isFocused = index == cursor
            let screenRow = 1 + offset
            switch rows[index] {
            case .feed(let overview, let tag):
                FeedRowView(overview: overview, isFocused: isFocused, language: context.language, indent: tag == nil ? 0 : 2)
                    .draw(into: &buffer, row: screenRow, width: size.columns)
            case .savedSearch(let search):
                GroupRowView(title: "\u{2315} " + search.name, detail: search.query, unread: search.unreadCount,
                             total: search.articleCount, isFocused: isFocused).draw(into: &buffer, row: screenRow, width: size.columns)
            case .tag(let tag):
                GroupRowView(title: "# " + tag.tag, detail: context.tr("\(tag.feedCount) feed", tag.feedCount == 1 ? "1 feed" : "\(tag.feedCount) feeds"),
                             unread: tag.unreadCount, total: tag.articleCount, isFocused: isFocused)
                    .draw(into: &buffer, row: screenRow, width: size.columns)
            case .untagged(let count):
                GroupRowView(title: context.tr("tanpa tag", "untagged"), detail: context.tr("\(count) feed", count == 1 ? "1 feed" : "\(count) feeds"),
                             unread: nil, total: nil, isFocused: isFocused).draw(into: &buffer, row: screenRow, width: size.columns)
            }
            buffer.addHit(row: screenRow, column: 0, width: size.columns, .row(index))
        }
    }

    /// A click focuses a row; a click on the focused row opens it, as Enter does.
    func handle(click target: HitTarget, context: AppContext) -> EventResult {
        guard case .row(let index) = target, index >= 0, index < rows.count else { return .ignored }
        if index == cursor { return handle(.open, context: context) }
        cursor = index
        return .done
    }

    func status(context: AppContext) -> StatusContent {
        var hints: [Hint] = []
        func add(_ keys: String?, _ label: String) { if let keys { hints.append(Hint(keys: keys, label: label)) } }
        add(context.key(.open, .feeds), context.tr("buka", "open"))
        add(context.backKey(.feeds), context.tr("kembali", "back"))
        add(context.key(.fetch, .feeds), context.tr("ambil", "fetch"))
        add(context.key(.markAllRead, .feeds), context.tr("baca semua", "mark read"))
        add(context.key(.tag, .feeds), "tag")
        add(context.keys(.moveDown, .moveUp, .feeds), context.tr("pindah", "move"))
        add(context.key(.help, .feeds), context.tr("bantuan", "help"))
        return StatusContent(hints: hints, position: rows.isEmpty ? "0/0" : "\(cursor + 1)/\(rows.count)")
    }
}

/// A saved search's or a tag's row: `> 3/12  ⌕ banjir   banjir unread`.
struct GroupRowView {
    var title: String
    var detail: String
    var unread: Int?
    var total: Int?
    var isFocused: Bool

    func draw(into buffer: inout ScreenBuffer, row: Int, width: Int) {
        let base: StyleName = isFocused ? .listFocus : .listRow
        buffer.fill(row: row, column: 0, width: width, height: 1, style: base)
        let counts = unread.map { "\($0)/\(total ?? 0)" } ?? ""
        let countColumn = String(repeating: " ", count: max(0, 9 - counts.count)) + counts
        var column = buffer.write((isFocused ? ">" : " ") + countColumn + "  ", row: row, column: 0,
                                  style: isFocused ? base : ((unread ?? 0) > 0 ? .listUnread : .listDate))
        column += buffer.write(title.truncated(toWidth: max(0, width - column - 2)), row: row, column: column,
                               style: isFocused ? base : .title)
        let room = width - column - 3
        if room > 4 { buffer.write(detail.truncated(toWidth: room), row: row, column: column + 2, style: isFocused ? base : .listDate) }
    }
}

/// `> 12/40  Judul feed            ok 2 jam lalu`.
struct FeedRowView {
    var overview: FeedOverview
    var isFocused: Bool
    var language: Language
    /// Columns before the title (a feed under its tag).
    var indent = 0
    var now = Date()

    func draw(into buffer: inout ScreenBuffer, row: Int, width: Int) {
        let base: StyleName = isFocused ? .listFocus : .listRow
        buffer.fill(row: row, column: 0, width: width, height: 1, style: base)
        let counts = "\(overview.unreadCount)/\(overview.articleCount)"
        let countColumn = String(repeating: " ", count: max(0, 9 - counts.count)) + counts
        var column = buffer.write((isFocused ? ">" : " ") + countColumn + "  ", row: row, column: 0,
                                  style: isFocused ? base : (overview.unreadCount > 0 ? .listUnread : .listDate))
        let status = statusText
        let statusWidth = min(status.displayWidth, max(0, width / 3))
        column += indent
        let titleWidth = max(0, width - column - statusWidth - 2)
        column += buffer.write(overview.feed.displayTitle.truncated(toWidth: titleWidth), row: row, column: column,
                               style: isFocused ? base : (overview.unreadCount > 0 ? .listUnread : .listRow))
        let failed = overview.feed.lastStatus == .failed
        buffer.write(status.truncated(toWidth: statusWidth), row: row, column: width - statusWidth - 1,
                     style: isFocused ? base : (failed ? .error : .listDate))
    }

    var statusText: String {
        guard let fetched = overview.feed.lastFetchedAt else { return language.pick("belum diambil", "not fetched yet") }
        let age = FeedRowView.age(since: fetched, now: now, language: language)
        switch overview.feed.lastStatus {
        case .failed?: return language.pick("gagal", "failed") + ": \(FetchReasonText.describe(overview.feed.lastError ?? "?", in: language)) · \(age)"
        case .unchanged?: return language.pick("tetap", "unchanged") + " · \(age)"
        case .repaired?: return language.pick("diperbaiki", "repaired") + " · \(age)"
        default: return "ok · \(age)"
        }
    }

    static func age(since date: Date, now: Date = Date(), language: Language = .id) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        if seconds < 60 { return language.pick("baru saja", "just now") }
        if seconds < 3600 { return language.pick("\(seconds / 60) menit lalu", "\(seconds / 60) min ago") }
        if seconds < 86_400 { return language.pick("\(seconds / 3600) jam lalu", "\(seconds / 3600) h ago") }
        return language.pick("\(seconds / 86_400) hari lalu", "\(seconds / 86_400) days ago")
    }
}

/// `o`: an article's link in `$BROWSER`, run with the link as its own argument (never through
/// a shell).
enum LinkOpener {
    static func open(articleID: Int64, context: AppContext) -> EventResult {
        guard let url = (try? context.store.origin(ofArticle: articleID))??.url else {
            return .perform(.message(.info(context.tr("Artikel ini tidak punya tautan (diimpor dari berkas)",
                                                      "This article has no link (imported from a file)"))))
        }
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            return .perform(.message(.error(context.tr("Tautan bukan http/https: \(url)", "Not an http/https link: \(url)"))))
        }
        guard let browser = context.environment.browser, !browser.isEmpty else {
            return .perform(.message(.info(context.tr("Setel $BROWSER untuk membuka tautan: \(url)",
                                                      "Set $BROWSER to open links: \(url)"))))
        }
        return .perform(.effect(.runProgram(browser + [url])))
    }
}
