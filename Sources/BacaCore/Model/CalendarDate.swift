/// A day of the calendar, without time or zone: what a dateline like `Senin (4/11/2024)` names.
///
/// Encodes as `"2024-11-04"`.
public struct CalendarDate: Sendable, Equatable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// A valid date, or `nil` (month 13, 31 April, 29 February of a common year).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard day <= days else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `yyyy-mm-dd`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `2024-11-04`.
    public var iso: String {
        // Ten ASCII digits and dashes written in place (a small string, no allocation): the
        // padded pieces joined by interpolation cost ~2.6 k instructions, paid by every
        // imported article's JSON and sort key. `init` keeps the year to four digits, the
        // month and day to two (a value changed since, out of those, goes the long way).
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else { return isoByInterpolation }
        return String(unsafeUninitializedCapacity: 10) { bytes in
            func put(_ value: Int, _ width: Int, at start: Int) {
                var value = value
                for index in stride(from: start + width - 1, through: start, by: -1) {
                    bytes[index] = UInt8(0x30 + value % 10)
                    value /= 10
                }
            }
            put(year, 4, at: 0)
            bytes[4] = 0x2D
            put(month, 2, at: 5)
            bytes[7] = 0x2D
            put(day, 2, at: 8)
            return 10
        }
    }

    /// `iso` as it was written, padded pieces joined: what it must equal (tests).
    var isoByInterpolation: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a yyyy-mm-dd date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

extension CalendarDate {
    static let indonesianMonths = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The months' three-letter names in `language`.
    public static func monthAbbreviations(_ language: Language) -> [String] {
        language == .id ? indonesianMonths : englishMonths
    }

    /// `4 Nov 2024` (`4 Okt 2024` in Indonesian, `4 Oct 2024` in English).
    public func shortDisplay(in language: Language) -> String {
        "\(day) \(CalendarDate.monthAbbreviations(language)[month - 1]) \(year)"
    }

    /// `4 Nov 2024`, with Indonesian month abbreviations.
    public var shortDisplay: String { "\(day) \(CalendarDate.indonesianMonths[month - 1]) \(year)" }

    /// `04 Nov`, for list rows.
    public var dayMonthDisplay: String {
        (day < 10 ? "0" : "") + "\(day) \(CalendarDate.indonesianMonths[month - 1])"
    }
}
