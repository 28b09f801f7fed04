import BacaCore
import Foundation
import GRDB

// MARK: - List rows

/// The SQL of list rows: the list columns of `article` and the state, never the body.
enum SummaryRow {
    /// The columns `ArticleSummary(row:)` reads, from `article a` and `article_state s`.
    static let columns = """
        a.id, a.title, a.publishedAt, a.importedAt, a.location, a.keyPoints, a.leadExcerpt, a.wordCount, \
        COALESCE(s.read, 0) AS read, COALESCE(s.starred, 0) AS starred, a.summaryOnly
        """

    /// Articles with their state; no state row means unread and not starred.
    static let source = "article a LEFT JOIN article_state s ON s.articleId = a.id"

    /// The source of a list: every article in index order, except the starred list, which
    /// starts from the (few) starred states and sorts them. The CROSS JOIN fixes that order:
    /// with a bound `LIMIT ?` SQLite would otherwise walk every article looking for stars.
    static func source(_ scope: ListScope) -> String {
        scope == .starred ? "article_state s CROSS JOIN article a ON a.id = s.articleId" : source
    }

    /// The condition a scope adds, or `nil` for every article.
    static func condition(_ scope: ListScope) -> String? {
        switch scope {
        case .all: return nil
        case .unread: return "COALESCE(s.read, 0) = 0"
        case .starred: return "s.starred = 1"
        }
    }

    /// The order of a sort; each is served by an index (`sortKey` or `titleKey`, then the rowid).
    static func order(_ sort: ListSort) -> String {
        switch sort {
        case .newest: return "a.sortKey DESC, a.id DESC"
        case .oldest: return "a.sortKey ASC, a.id ASC"
        case .title: return "a.titleKey ASC, a.id ASC"
        }
    }

    /// The condition "after this row" for keyset paging: the row's key and id bound as arguments.
    static func after(_ sort: ListSort) -> String {
        switch sort {
        case .newest: return "(a.sortKey, a.id) < (?, ?)"
        case .oldest: return "(a.sortKey, a.id) > (?, ?)"
        case .title: return "(a.titleKey, a.id) > (?, ?)"
        }
    }

    /// The column `after(_:)` compares besides the id.
    static func keyColumn(_ sort: ListSort) -> String {
        sort == .title ? "titleKey" : "sortKey"
    }

    /// `WHERE …` joining the conditions with AND, or an empty string.
    static func whereClause(_ conditions: [String?]) -> String {
        let present = conditions.compactMap { $0 }
        return present.isEmpty ? "" : "WHERE " + present.joined(separator: " AND ")
    }
}

extension ArticleSummary {
    /// A list row from a row holding `SummaryRow.columns`, first and in that order.
    ///
    /// Read by position, not by name: a name is looked up among the row's columns at every read
    /// (64 rows of 11 columns on the first frame: about 1.5 M instructions).
    init(row: Row) {
        let keyPointsJSON: String = row[5] ?? "[]"
        let keyPoints = SummaryRow.stringArray(json: keyPointsJSON)
        let publishedAt: String? = row[2]
        // Sanitised on the way out too: the file may come from another program (see
        // `ArticleRecord.decodedArticle`).
        let title: String = row[1] ?? ""
        let location: String? = row[4]
        let leadExcerpt: String? = row[6]
        self.init(
            id: row[0],
            title: Sanitizer.sanitizeLine(title),
            publishedAt: publishedAt.flatMap(PublishedDate.init(iso:)),
            importedAt: SummaryRow.date(row, 3),
            location: location.map(Sanitizer.sanitizeLine),
            keyPoints: keyPoints.map(Sanitizer.sanitizeLine),
            leadExcerpt: leadExcerpt.map(Sanitizer.sanitizeLine),
            wordCount: row[7],
            read: row[8],
            starred: row[9],
            summaryOnly: row[10] ?? false)
    }
}

extension SummaryRow {
    /// A date column as GRDB stores a `Date` (`YYYY-MM-DD HH:MM:SS.SSS`, UTC), read by hand;
    /// any other form through GRDB. GRDB's own reading sets up a Foundation `Calendar` the first
    /// time (1.8 M instructions of every start) and asks it for every row.
    static func date(_ row: Row, _ index: Int) -> Date {
        let value: DatabaseValue = row[index]
        if case .string(let text) = value.storage, let date = utcDate(text) { return date }
        return row[index]
    }

    /// `YYYY-MM-DD HH:MM:SS` with an optional `.SSS`, as UTC; nil for anything else.
    static func utcDate(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count == 19 || bytes.count == 23 else { return nil }
            func number(_ start: Int, _ count: Int) -> Int? {
                var value = 0
                for index in start..<(start + count) {
                    let digit = Int(bytes[index]) - 0x30
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x20 || bytes[10] == 0x54, bytes[13] == 0x3A,
                  bytes[16] == 0x3A, bytes.count == 19 || bytes[19] == 0x2E,
                  let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                  let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                  (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
            else { return nil }
            let milliseconds = bytes.count == 23 ? number(20, 3) : 0
            guard let milliseconds else { return nil }
            // Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
            let shiftedYear = month <= 2 ? year - 1 : year
            let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
            let yearOfEra = shiftedYear - era * 400
            let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            let days = era * 146_097 + dayOfEra - 719_468
            let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second
            return Date(timeIntervalSince1970: Double(seconds) + Double(milliseconds) / 1_000)
        }
    }

    /// The strings of a JSON array of strings (`keyPoints`); `[]` for anything else.
    ///
    /// Without a backslash every `"` in the text delimits a string, so such an array (what
    /// baca writes for text with no quote or control character) is split by hand; any other
    /// goes through `JSONDecoder`, which costs about 24 k instructions a row.
    static func stringArray(json: String) -> [String] {
        var text = json
        let fast: [String]? = text.withUTF8 { bytes -> [String]? in
            guard !bytes.contains(UInt8(ascii: "\\")) else { return nil }
            var strings: [String] = []
            var index = 0
            func skipSpace() {
                while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
            }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return nil }
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                skipSpace()
                return index == bytes.count ? [] : nil
            }
            while true {
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
                let start = index + 1
                guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
                strings.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                index = end + 1
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    skipSpace()
                } else if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    skipSpace()
                    return index == bytes.count ? strings : nil
                } else {
                    return nil
                }
            }
        }
        if let fast { return fast }
        return (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }
}
