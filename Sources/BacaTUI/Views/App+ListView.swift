import BacaCore
import BacaStore

extension App {
    /// Columns of the list when the summary pane sits beside it (at 120 columns and wider).
    var listPaneWidth: Int {
        size.columns >= 120 ? max(60, size.columns * 58 / 100) : size.columns
    }

    func drawList(into buffer: inout ScreenBuffer) {
        drawListHeader(into: &buffer)
        if list.count == 0 {
            EmptyListView(isSearch: list.query != nil, query: list.query, scope: list.scope, repositoryIsEmpty: list.counts.total == 0)
                .draw(into: &buffer, top: 1, height: listHeight)
            return
        }
        clampListScroll()
        let width = listPaneWidth
        for offset in 0..<listHeight {
            let index = listTop + offset
            guard let row = list.row(at: index) else { break }
            ListRowView(summary: row, isFocused: index == listCursor)
                .draw(into: &buffer, row: 1 + offset, width: width)
        }
        if width < size.columns, let focused = list.row(at: listCursor) {
            for row in 1...listHeight {
                buffer.write("│", row: row, column: width, style: .border)
            }
            SummaryPaneView(summary: focused)
                .draw(into: &buffer, top: 1, left: width + 2, width: size.columns - width - 3, height: listHeight)
        }
    }

    func drawListHeader(into buffer: inout ScreenBuffer) {
        buffer.fill(row: 0, column: 0, width: size.columns, height: 1, style: .listHeader)
        let counts = list.counts
        var left = " baca · \(Self.formatCount(counts.total)) artikel · \(Self.formatCount(counts.unread)) belum dibaca"
        if environment.isDemo { left += " · demo" }
        var right: [String] = []
        if isFetching { right.append("mengambil…") }
        if let feed = list.feed { right.append("feed: \(feed.feed.displayTitle.truncated(toWidth: 30))") }
        if let query = list.query { right.append("cari: \"\(query)\" · \(list.count) hasil") }
        right.append(Self.scopeLabel(list.scope))
        // Search results come best first, whatever the list's own order.
        right.append(list.query != nil ? "relevansi" : Self.sortLabel(list.sort))
        let rightText = right.joined(separator: " · ") + " "
        let rightWidth = min(rightText.displayWidth, size.columns / 2 + 10)
        buffer.write(left.truncated(toWidth: max(0, size.columns - rightWidth - 1)), row: 0, column: 0, style: .listHeader)
        buffer.write(rightText.truncated(toWidth: rightWidth), row: 0, column: size.columns - rightWidth, style: .listHeader)
    }

    /// `1.284`: thousands grouped with dots, as Indonesian writes them.
    static func formatCount(_ value: Int) -> String {
        let digits = Array(String(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(".") }
            result.append(digit)
        }
        return result
    }
}

/// One row of the article list: `> ● ★ 24 Nov  Title…`.
struct ListRowView {
    var summary: ArticleSummary
    var isFocused: Bool

    func draw(into buffer: inout ScreenBuffer, row: Int, width: Int) {
        let base: StyleName = isFocused ? .listFocus : .listRow
        buffer.fill(row: row, column: 0, width: width, height: 1, style: base)
        var column = 0
        column += buffer.write(isFocused ? ">" : " ", row: row, column: column, style: base)
        column += buffer.write(summary.read ? "  " : "● ", row: row, column: column, style: isFocused ? base : .listUnread)
        column += buffer.write(summary.starred ? "★ " : "  ", row: row, column: column, style: isFocused ? base : .listStar)
        let date = summary.publishedAt?.dayMonthDisplay ?? "  —   "
        column += buffer.write(date + "  ", row: row, column: column, style: isFocused ? base : .listDate)
        let titleStyle: StyleName = isFocused ? base : (summary.read ? .listRow : .listUnread)
        if summary.summaryOnly {
            // Only the feed's own text: the page could not be fetched yet.
            column += buffer.write("(ringkasan) ", row: row, column: column, style: isFocused ? base : .dim)
        }
        let available = max(0, width - column - 1)
        buffer.write(summary.title.truncated(toWidth: available), row: row, column: column, style: titleStyle)
    }
}

/// The pane beside a wide list: the focused article's key points, or its lead.
struct SummaryPaneView {
    var summary: ArticleSummary

    func draw(into buffer: inout ScreenBuffer, top: Int, left: Int, width: Int, height: Int) {
        guard width >= 10, height >= 3 else { return }
        var row = top
        let bottom = top + height
        for line in summary.title.wrapped(toWidth: width) where row < bottom {
            buffer.write(line, row: row, column: left, style: .title)
            row += 1
        }
        var meta: [String] = []
        if let date = summary.publishedAt { meta.append(date.shortDisplay) }
        if let location = summary.location { meta.append(location) }
        meta.append("\(max(1, Int((Double(summary.wordCount) / 200).rounded()))) menit")
        if row < bottom {
            buffer.write(meta.joined(separator: " · ").truncated(toWidth: width), row: row, column: left, style: .meta)
            row += 2
        }
        if !summary.keyPoints.isEmpty {
            if row < bottom {
                buffer.write("Intinya sih", row: row, column: left, style: .summaryTitle)
                row += 1
            }
            for point in summary.keyPoints {
                for (index, line) in point.wrapped(toWidth: width - 2).enumerated() where row < bottom {
                    buffer.write(index == 0 ? "• " : "  ", row: row, column: left, style: .listBullet)
                    buffer.write(line, row: row, column: left + 2, style: .summaryText)
                    row += 1
                }
            }
        } else if let lead = summary.leadExcerpt {
            for line in lead.wrapped(toWidth: width) where row < bottom {
                buffer.write(line, row: row, column: left, style: .text)
                row += 1
            }
        }
    }
}

/// What the list shows when it has no rows: how to get articles in, or why a search found none.
struct EmptyListView {
    var isSearch: Bool
    var query: String?
    var scope: ListScope
    var repositoryIsEmpty: Bool

    var lines: [(String, StyleName)] {
        if isSearch {
            return [
                ("Tidak ada artikel yang cocok dengan \"\(query ?? "")\".", .title),
                ("", .text),
                ("Esc menghapus pencarian · / mencari kata lain", .dim),
            ]
        }
        if !repositoryIsEmpty {
            return [
                (scope == .starred ? "Belum ada artikel berbintang." : "Semua artikel sudah dibaca.", .title),
                ("", .text),
                (":filter all menampilkan semua artikel", .dim),
            ]
        }
        return [
            ("Selamat datang di baca.", .title),
            ("", .text),
            ("Repositori Anda masih kosong. Impor artikel hasil tangkapan halaman:", .text),
            ("", .text),
            ("    baca import ~/Unduhan/artikel/", .quote),
            ("", .text),
            ("atau dari sini: tekan : lalu ketik  import FOLDER", .text),
            ("", .text),
            ("Ingin mencoba dulu? Jalankan:", .text),
            ("", .text),
            ("    baca --demo", .quote),
            ("", .text),
            ("q keluar · ? bantuan", .dim),
        ]
    }

    func draw(into buffer: inout ScreenBuffer, top: Int, height: Int) {
        let content = lines
        let width = buffer.size.columns
        let blockWidth = min(width - 2, content.map { $0.0.displayWidth }.max() ?? 0)
        let left = max(1, (width - blockWidth) / 2)
        let start = top + max(0, (height - content.count) / 2)
        for (offset, (text, style)) in content.enumerated() where offset < height {
            buffer.write(text.truncated(toWidth: width - left), row: start + offset, column: left, style: style)
        }
    }
}
