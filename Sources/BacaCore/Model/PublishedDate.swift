import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// When an article was published: an instant (stored in UTC, shown in local time) or, when the
/// source names only a day (a capture's `(4/11/2024)`), that day and nothing more.
///
/// Written as `2024-11-04T03:30:00Z` (an instant, whole seconds) or `2024-11-04` (a day), in
/// the repository, the article JSON and the CLI's JSON alike.
public struct PublishedDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The day, when the source named no time.
    public let namedDay: CalendarDate?
    /// The instant, whole seconds, when the source named one.
    public let instant: Date?

    public init(day: CalendarDate) {
        namedDay = day
        instant = nil
    }

    /// `date` to the second (below a second, feeds disagree with themselves).
    public init(instant date: Date) {
        namedDay = nil
        instant = Date(timeIntervalSince1970: (date.timeIntervalSince1970).rounded(.down))
    }

    /// Parses `yyyy-mm-dd` (a day) or `yyyy-mm-ddThh:mm:ssZ` (an instant).
    public init?(iso: String) {
        if iso.utf8.count == 10 {
            guard let day = CalendarDate(iso: iso) else { return nil }
            self.init(day: day)
            return
        }
        let bytes = Array(iso.utf8)
        guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[19] == UInt8(ascii: "Z"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let day = CalendarDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
              let hour = Int(String(decoding: bytes[11..<13], as: UTF8.self)),
              let minute = Int(String(decoding: bytes[14..<16], as: UTF8.self)),
              let second = Int(String(decoding: bytes[17..<19], as: UTF8.self)),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        let seconds = Self.daysSinceEpoch(day) * 86_400 + hour * 3600 + minute * 60 + second
        self.init(instant: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// `2024-11-04T03:30:00Z` or `2024-11-04`.
    public var iso: String {
        guard let instant else { return namedDay?.iso ?? "" }
        let seconds = Int(instant.timeIntervalSince1970)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(Self.day(fromDaysSinceEpoch: days).iso)T\(pad(rest / 3600)):\(pad(rest % 3600 / 60)):\(pad(rest % 60))Z"
    }

    public var description: String { iso }

    /// The day a reader here sees: the named day, or the instant's day in `timeZone` (nil: the
    /// local one).
    public func day(in timeZone: TimeZone? = nil) -> CalendarDate {
        if let namedDay { return namedDay }
        let offset = timeZone.map { $0.secondsFromGMT(for: instant!) } ?? Self.localOffset(at: instant!)
        let local = Int(instant!.timeIntervalSince1970) + offset
        return Self.day(fromDaysSinceEpoch: local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }

    /// The local time zone's offset from UTC at `instant`, in seconds (`TZ`, else
    /// /etc/localtime), from the C library: `TimeZone.current` sets up Foundation's time zone the
    /// first time, 1.1 M instructions of the reader's first frame (docs/PERFORMANCE.md).
    public static func localOffset(at instant: Date) -> Int {
        #if canImport(Glibc)
        var seconds = time_t(instant.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        if localtime_r(&seconds, &parts) != nil { return parts.tm_gmtoff }
        #endif
        return TimeZone.current.secondsFromGMT(for: instant)
    }

    /// `4 Nov 2024`, or `4 Nov 2024 09.30` for an instant, in local time.
    public var shortDisplay: String { shortDisplay(in: .id) }

    /// `4 Oct 2024 09.30` in English, `4 Okt 2024 09.30` in Indonesian.
    public func shortDisplay(in language: Language) -> String {
        guard let instant else { return day().shortDisplay(in: language) }
        let local = Int(instant.timeIntervalSince1970) + Self.localOffset(at: instant)
        let rest = ((local % 86_400) + 86_400) % 86_400
        let minutes = rest % 3600 / 60
        let hours = rest / 3600
        return "\(day().shortDisplay(in: language)) \(hours < 10 ? "0" : "")\(hours).\(minutes < 10 ? "0" : "")\(minutes)"
    }

    /// `04 Nov`, for list rows.
    public var dayMonthDisplay: String { day().dayMonthDisplay }

    /// Earlier first; a day counts as its first instant in UTC.
    public static func < (lhs: PublishedDate, rhs: PublishedDate) -> Bool {
        lhs.comparableSeconds < rhs.comparableSeconds
    }

    private var comparableSeconds: Double {
        instant?.timeIntervalSince1970 ?? Double(Self.daysSinceEpoch(namedDay!) * 86_400)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = PublishedDate(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a yyyy-mm-dd day or yyyy-mm-ddThh:mm:ssZ instant: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    // MARK: Civil days (proleptic Gregorian), by hand: Calendar is slow and locale-bound.

    static func daysSinceEpoch(_ date: CalendarDate) -> Int {
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((date.month + 9) % 12) + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func day(fromDaysSinceEpoch days: Int) -> CalendarDate {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return CalendarDate(year: year, month: month, day: day) ?? CalendarDate(year: 1970, month: 1, day: 1)!
    }
}
