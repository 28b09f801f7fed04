import BacaCore
import BacaStore
import Foundation

extension App {
    /// The subscriptions: one row per feed with its unread and article counts and how its last
    /// fetch went.
    func drawFeeds(into buffer: inout ScreenBuffer) {
        buffer.fill(row: 0, column: 0, width: size.columns, height: 1, style: .listHeader)
        let unread = feedRows.reduce(0) { $0 + $1.unreadCount }
        buffer.write(" baca · \(feedRows.count) langganan · \(Self.formatCount(unread)) belum dibaca".truncated(toWidth: size.columns),
                     row: 0, column: 0, style: .listHeader)
        guard !feedRows.isEmpty else {
            let lines = [
                ("Belum ada langganan.", StyleName.title), ("", .text),
                ("Tambahkan dengan  :feed add https://contoh.id/rss  lalu tekan r,", .text),
                ("atau dari shell:  baca feed add URL  /  baca feed import langganan.opml", .text),
            ]
            let top = 1 + max(0, (listHeight - lines.count) / 2)
            for (offset, (text, style)) in lines.enumerated() {
                buffer.write(text.truncated(toWidth: size.columns - 2), row: top + offset, column: 2, style: style)
            }
            return
        }
        feedCursor = min(feedCursor, feedRows.count - 1)
        let first = min(max(0, feedCursor - listHeight / 2), max(0, feedRows.count - listHeight))
        for offset in 0..<listHeight {
            let index = first + offset
            guard index < feedRows.count else { break }
            FeedRowView(overview: feedRows[index], isFocused: index == feedCursor)
                .draw(into: &buffer, row: 1 + offset, width: size.columns)
        }
    }
}

/// `> 12/40  Judul feed            ok 2 jam lalu`.
struct FeedRowView {
    var overview: FeedOverview
    var isFocused: Bool

    func draw(into buffer: inout ScreenBuffer, row: Int, width: Int) {
        let base: StyleName = isFocused ? .listFocus : .listRow
        buffer.fill(row: row, column: 0, width: width, height: 1, style: base)
        let counts = "\(overview.unreadCount)/\(overview.articleCount)"
        let countColumn = String(repeating: " ", count: max(0, 9 - counts.count)) + counts
        var column = buffer.write((isFocused ? ">" : " ") + countColumn + "  ", row: row, column: 0,
                                  style: isFocused ? base : (overview.unreadCount > 0 ? .listUnread : .listDate))
        let status = statusText
        let statusWidth = min(status.displayWidth, max(0, width / 3))
        let titleWidth = max(0, width - column - statusWidth - 2)
        column += buffer.write(overview.feed.displayTitle.truncated(toWidth: titleWidth), row: row, column: column,
                               style: isFocused ? base : (overview.unreadCount > 0 ? .listUnread : .listRow))
        let failed = overview.feed.lastStatus == .failed
        buffer.write(status.truncated(toWidth: statusWidth), row: row, column: width - statusWidth - 1,
                     style: isFocused ? base : (failed ? .error : .listDate))
    }

    var statusText: String {
        guard let fetched = overview.feed.lastFetchedAt else { return "belum diambil" }
        let age = FeedRowView.age(since: fetched)
        switch overview.feed.lastStatus {
        case .failed?: return "gagal: \(overview.feed.lastError ?? "?") · \(age)"
        case .unchanged?: return "tetap · \(age)"
        case .repaired?: return "diperbaiki · \(age)"
        default: return "ok · \(age)"
        }
    }

    static func age(since date: Date, now: Date = Date()) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        if seconds < 60 { return "baru saja" }
        if seconds < 3600 { return "\(seconds / 60) menit lalu" }
        if seconds < 86_400 { return "\(seconds / 3600) jam lalu" }
        return "\(seconds / 86_400) hari lalu"
    }
}
