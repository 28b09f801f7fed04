import BacaCore
import BacaStore
import Foundation

/// Dates as the list shows them: `04 Nov` this year, `04 Nov 23` in another year, so two
/// rows from different years never look alike. Nine columns either way.
struct ListDates {
    var today: CalendarDate
    var language: Language

    static let width = 9

    func months() -> [String] {
        CalendarDate.monthAbbreviations(language)
    }

    /// The column for a row; an undated article shows the day it was imported, in brackets-free
    /// dim style by the caller.
    func column(_ date: CalendarDate?) -> String {
        guard let date else { return "—".padding(toWidth: Self.width) }
        let day = (date.day < 10 ? "0" : "") + "\(date.day) \(months()[date.month - 1])"
        if date.year == today.year { return day.padding(toWidth: Self.width) }
        let year = String(date.year % 100)
        return day + " " + (year.count < 2 ? "0" + year : year)
    }

    /// `4 Nov 2024` for the summary pane, with the local time when the source gave an instant
    /// (`4 Nov 2024 10.30`).
    func long(_ date: PublishedDate) -> String {
        date.shortDisplay(in: language)
    }

    /// The (Gregorian) calendar day of an instant, in the local time zone (`TZ`, else
    /// /etc/localtime): `PublishedDate`'s, from the C library (`Calendar.current` sets up ICU's
    /// calendar the first time, 1.75 M instructions of every start; docs/PERFORMANCE.md).
    static func day(of instant: Date) -> CalendarDate? {
        PublishedDate(instant: instant).day()
    }
}

extension String {
    /// Pads with spaces to a display width.
    func padding(toWidth width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - displayWidth))
    }
}

/// One row of the article list: `> ● ★ 24 Nov     Title…`. The focused row starts with `>`
/// (not colour alone, so NO_COLOR and screen readers see it).
struct ListRowView {
    var summary: ArticleSummary
    var isFocused: Bool
    var dates: ListDates
    var language: Language

    func draw(into buffer: inout ScreenBuffer, row: Int, width: Int) {
        let base: StyleName = isFocused ? .listFocus : .listRow
        buffer.fill(row: row, column: 0, width: width, height: 1, style: base)
        var column = 0
        column += buffer.write(isFocused ? ">" : " ", row: row, column: column, style: base)
        column += buffer.write(summary.read ? "  " : "● ", row: row, column: column, style: isFocused ? base : .listUnread)
        column += buffer.write(summary.starred ? "★ " : "  ", row: row, column: column, style: isFocused ? base : .listStar)
        // An undated article is listed by the day it was imported, and sorts by it too.
        let date = summary.publishedAt?.day() ?? ListDates.day(of: summary.importedAt)
        column += buffer.write(dates.column(date) + "  ", row: row, column: column,
                               style: isFocused ? base : (summary.publishedAt == nil ? .dim : .listDate))
        let titleStyle: StyleName = isFocused ? base : (summary.read ? .listRow : .listUnread)
        if summary.summaryOnly {
            // Only the feed's own text: the page could not be fetched yet.
            column += buffer.write(language.pick("(ringkasan) ", "(summary) "), row: row, column: column,
                                   style: isFocused ? base : .dim)
        }
        let available = max(0, width - column - 1)
        buffer.write(summary.title.truncated(toWidth: available), row: row, column: column, style: titleStyle)
    }
}

/// Why a search result matched: its snippet, the matched words in the search style.
struct SnippetView {
    var runs: [(text: String, isMatch: Bool)]

    func spans() -> [StyledSpan] {
        runs.map { StyledSpan($0.text, $0.isMatch ? .searchMatch : .dim) }
    }

    /// The snippet as words, each a list of styled pieces (a word may be part match).
    func words() -> [[StyledSpan]] {
        var words: [[StyledSpan]] = []
        var current: [StyledSpan] = []
        for span in spans() {
            var piece = ""
            for character in span.text {
                if character == " " {
                    if !piece.isEmpty { current.append(StyledSpan(piece, span.style)) }
                    piece = ""
                    if !current.isEmpty { words.append(current) }
                    current = []
                } else {
                    piece.append(character)
                }
            }
            if !piece.isEmpty { current.append(StyledSpan(piece, span.style)) }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Draws the snippet wrapped at spaces into at most `rows` rows; returns the rows used.
    @discardableResult
    func draw(into buffer: inout ScreenBuffer, row: Int, left: Int, width: Int, rows: Int) -> Int {
        guard width > 4, rows > 0 else { return 0 }
        var line = 0
        var column = 0
        for word in words() {
            let wordWidth = word.reduce(0) { $0 + $1.text.displayWidth }
            if column > 0, column + 1 + wordWidth > width {
                line += 1
                column = 0
                if line >= rows { return rows }
            }
            if column > 0 { column += 1 }
            column += buffer.write(word, row: row + line, column: left + column, maxWidth: max(1, width - column))
        }
        return column > 0 ? line + 1 : line
    }
}

/// The pane beside a wide list: the focused article's key points or lead; for a search
/// result, first the snippet that matched.
struct SummaryPaneView {
    var summary: ArticleSummary
    var dates: ListDates
    var language: Language
    var snippet: [(text: String, isMatch: Bool)]?

    func draw(into buffer: inout ScreenBuffer, top: Int, left: Int, width: Int, height: Int) {
        guard width >= 10, height >= 3 else { return }
        var row = top
        let bottom = top + height
        for line in summary.title.wrapped(toWidth: width) where row < bottom {
            buffer.write(line, row: row, column: left, style: .title)
            row += 1
        }
        var meta: [String] = []
        if let date = summary.publishedAt { meta.append(dates.long(date)) }
        if let location = summary.location { meta.append(location) }
        meta.append(language.pick("\(max(1, Int((Double(summary.wordCount) / 200).rounded()))) menit",
                                  "\(max(1, Int((Double(summary.wordCount) / 200).rounded()))) min"))
        if row < bottom {
            buffer.write(meta.joined(separator: " · ").truncated(toWidth: width), row: row, column: left, style: .meta)
            row += 2
        }
        if let snippet, !snippet.isEmpty, row < bottom {
            buffer.write(language.pick("Cocok di", "Matched in"), row: row, column: left, style: .summaryTitle)
            row += 1
            let used = SnippetView(runs: snippet).draw(into: &buffer, row: row, left: left, width: width, rows: min(4, bottom - row))
            row += used + 1
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
    var query: String?
    var scope: ListScope
    var repositoryIsEmpty: Bool
    var language: Language

    var lines: [(String, StyleName)] {
        let tr = language.pick
        if let query {
            return [
                (tr("Tidak ada artikel yang cocok dengan \"\(query)\".", "No article matches \"\(query)\"."), .title),
                ("", .text),
                (tr("Esc kembali ke daftar · / mencari kata lain", "Esc goes back to the list · / searches again"), .dim),
            ]
        }
        if !repositoryIsEmpty {
            return [
                (scope == .starred ? tr("Belum ada artikel berbintang.", "No starred article yet.")
                                   : tr("Semua artikel sudah dibaca.", "Every article has been read."), .title),
                ("", .text),
                (tr(":filter all menampilkan semua artikel", ":filter all shows every article"), .dim),
            ]
        }
        return [
            (tr("Selamat datang di baca.", "Welcome to baca."), .title),
            ("", .text),
            (tr("Repositori Anda masih kosong. Impor artikel hasil tangkapan halaman:",
                "Your repository is empty. Import captured article pages:"), .text),
            ("", .text),
            (tr("    baca import ~/Unduhan/artikel/", "    baca import ~/Downloads/articles/"), .quote),
            ("", .text),
            (tr("atau dari sini: tekan : lalu ketik  import FOLDER", "or from here: press : and type  import FOLDER"), .text),
            ("", .text),
            (tr("Ingin mencoba dulu? Jalankan:", "Want to try it first? Run:"), .text),
            ("", .text),
            ("    baca --demo", .quote),
            ("", .text),
            (tr("q keluar · ? bantuan", "q quits · ? help"), .dim),
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
