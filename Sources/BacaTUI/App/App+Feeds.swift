import BacaCore
import BacaStore
import Foundation

extension App {
    // MARK: The feeds screen

    func openFeeds() {
        do {
            feedRows = try environment.store.feeds()
        } catch {
            return show(error: "\(error)")
        }
        if let current = list.feed, let index = feedRows.firstIndex(where: { $0.feed.id == current.feed.id }) {
            feedCursor = index
        }
        feedCursor = min(feedCursor, max(0, feedRows.count - 1))
        screen = .feeds
    }

    /// The list of one feed's articles.
    func openFeed(at index: Int) {
        guard index < feedRows.count else { return }
        do {
            try list.configure(query: .some(nil), feed: .some(feedRows[index]))
        } catch {
            return show(error: "\(error)")
        }
        listCursor = 0
        listTop = 0
        screen = .list
    }

    /// Back from one feed's articles to all of them.
    func showAllFeeds() {
        let focusedID = list.row(at: listCursor)?.id
        do {
            try list.configure(feed: .some(nil))
        } catch {
            return show(error: "\(error)")
        }
        refocus(focusedID)
    }

    // MARK: Fetching in the background

    /// `r`: fetches every feed on another thread while the reader goes on; progress shows in
    /// the status bar and new articles join the list without moving the cursor.
    func startFetch() {
        guard !isFetching else { return show(info: "Pengambilan masih berjalan…") }
        guard let start = environment.startFetch else {
            return show(error: "Pengambilan feed tidak tersedia di sini")
        }
        let monitor = fetchMonitor
        monitor.clear()
        guard start({ status in monitor.post(status) }) else {
            return show(info: "Belum ada langganan; tambahkan dengan :feed add URL")
        }
        isFetching = true
        show(info: "Mengambil feed…")
    }

    /// Takes the latest progress of a background fetch into the status bar; when it is done,
    /// reads the list again, keeping the cursor on its article.
    func pollFetch() {
        guard isFetching, let status = fetchMonitor.take() else { return }
        if status.isFinished {
            isFetching = false
            fetchMonitor.clear()
            reloadList(keepingFocus: true)
            if screen == .feeds { feedRows = (try? environment.store.feeds()) ?? feedRows }
            let line = "Selesai: \(status.newArticles) artikel baru, \(status.failures) feed gagal"
            if status.failures > 0 { show(error: line) } else { show(info: line) }
        } else {
            if status.newArticles > 0 { reloadList(keepingFocus: true) }
            let text = "Mengambil feed \(status.feedsDone)/\(status.feedsTotal) · \(status.newArticles) baru"
                + (status.failures > 0 ? " · \(status.failures) gagal" : "")
            message = StatusMessage(text: text, isError: false)
        }
    }

    // MARK: Links and subscriptions

    /// `o`: the article's link in `$BROWSER`, run with the link as its own argument (never
    /// through a shell).
    func openLink() {
        let id: Int64?
        if screen == .reader { id = reader?.stored.id } else { id = list.row(at: listCursor)?.id }
        guard let id else { return }
        guard let url = (try? environment.store.origin(ofArticle: id))??.url else {
            return show(info: "Artikel ini tidak punya tautan (diimpor dari berkas)")
        }
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            return show(error: "Tautan bukan http/https: \(url)")
        }
        guard let browser = environment.browser, !browser.isEmpty else {
            return show(info: "Setel $BROWSER untuk membuka tautan: \(url)")
        }
        pendingExternalCommand = browser + [url]
    }

    /// Called by the terminal loop after it ran `pendingExternalCommand`.
    public func externalCommandFinished(status: Int32?) {
        let name = pendingExternalCommand?.first ?? "browser"
        pendingExternalCommand = nil
        if let status, status != 0 { show(error: "\(name) berhenti dengan kode \(status)") }
    }

    /// `:feed add URL`.
    func feedCommand(_ arguments: [String]) {
        guard arguments.count == 2, ["add", "tambah"].contains(arguments[0]) else {
            return show(error: "pakai: feed add URL")
        }
        let url = arguments[1]
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
              scheme == "http" || scheme == "https", parsed.host != nil
        else {
            return show(error: "bukan URL http/https: \(url)")
        }
        var subscribed = url
        switch environment.findFeed?(url) ?? .feed(url: url, note: nil) {
        case .feed(let found, _): subscribed = found
        case .several(let feeds): return show(info: "Ada \(feeds.count) feed di halaman itu; pilih satu dengan :feed add " + feeds.joined(separator: "  ·  "))
        case .failure(let reason): return show(error: reason)
        }
        do {
            switch try environment.store.addFeed(url: subscribed) {
            case .added(let feed): show(info: "Langganan ditambahkan: \(feed.displayTitle) · tekan r untuk mengambil")
            case .existing(let feed): show(info: "Sudah berlangganan: \(feed.displayTitle)")
            }
        } catch {
            show(error: "\(error)")
        }
    }
}
