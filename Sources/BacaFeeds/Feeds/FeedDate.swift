import BacaCore
import Foundation

/// A moment a feed or page names, with the calendar day it was at the publisher's own offset
/// (`Mon, 04 Nov 2024 23:30:00 +0700` is 4 November, although it is 16:30 in UTC).
public struct FeedDate: Sendable, Equatable, Hashable {
    public var date: Date
    public var day: CalendarDate
    /// Whether the text named a time of day; `2024-11-04` alone names a day only.
    public var namesTime: Bool

    public init(date: Date, day: CalendarDate, namesTime: Bool = true) {
        self.date = date
        self.day = day
        self.namesTime = namesTime
    }

    /// What an article keeps: the instant, or the day when no time was named.
    public var publishedDate: PublishedDate {
        namesTime ? PublishedDate(instant: date) : PublishedDate(day: day)
    }

    /// Reads RFC 822 / RFC 1123 (`Mon, 04 Nov 2024 10:00:00 +0700`), RFC 3339 / ISO 8601
    /// (`2024-11-04T10:00:00+07:00`) and the broken variants feeds use: no weekday or a wrong
    /// one, a one-digit day, a two-digit year, no seconds, fractional seconds, full or
    /// Indonesian month names (`Agustus`, `Mei`, `Okt`), zone names (`GMT`, `EST`, `WIB`),
    /// `+07:00` or `+0700` or no zone at all (UTC), a space instead of `T`, a date alone.
    public init?(_ text: String) {
        let trimmed = text.trimmedWhitespace
        guard !trimmed.isEmpty, trimmed.utf8.count < 100 else { return nil }
        if let parsed = Self.parseISO(trimmed) ?? Self.parseRFC822(trimmed) {
            self = parsed
        } else {
            return nil
        }
    }

    /// A moment from its parts, the offset in seconds east of UTC.
    static func make(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double, offset: Int) -> FeedDate? {
        guard let calendarDay = CalendarDate(year: year, month: month, day: day),
              (0...24).contains(hour), (0...59).contains(minute), second >= 0, second < 61,
              abs(offset) <= 18 * 3600
        else { return nil }
        var days = 0
        // Days since 1970-01-01 (proleptic Gregorian), without Calendar: it is slow and locale-bound.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        days = era * 146_097 + dayOfEra - 719_468
        let seconds = Double(days) * 86_400 + Double(hour * 3600 + minute * 60) + second - Double(offset)
        return FeedDate(date: Date(timeIntervalSince1970: seconds), day: calendarDay)
    }

    // MARK: - ISO 8601 / RFC 3339

    static func parseISO(_ text: String) -> FeedDate? {
        var scanner = DateTokens(text)
        guard let year = scanner.number(digits: 4...4) else { return nil }
        // W3C-DTF's reduced forms: `2003` and `2003-12` name their first day.
        if scanner.atEnd { return day(year: year, month: 1) }
        guard scanner.skip("-"), let month = scanner.number(digits: 1...2) else { return nil }
        if scanner.atEnd { return day(year: year, month: month) }
        guard scanner.skip("-"), let day = scanner.number(digits: 1...2) else { return nil }
        var hour = 0, minute = 0
        var second = 0.0
        var offset = 0
        var namesTime = false
        if scanner.skip("T") || scanner.skip("t") || scanner.skip(" ") {
            guard let h = scanner.number(digits: 1...2), scanner.skip(":"), let m = scanner.number(digits: 2...2) else {
                return nil
            }
            hour = h
            minute = m
            namesTime = true
            if scanner.skip(":") {
                guard let s = scanner.number(digits: 2...2) else { return nil }
                second = Double(s)
                if scanner.skip(".") || scanner.skip(",") {
                    let start = scanner.index
                    while let d = scanner.peekDigit() { _ = d; scanner.advance() }
                    let fraction = scanner.text(from: start)
                    second += Double("0." + fraction) ?? 0
                }
            }
            scanner.skipSpaces()
            if let zone = scanner.zone() { offset = zone } else if !scanner.atEnd { return nil }
        }
        scanner.skipSpaces()
        guard scanner.atEnd else { return nil }
        var parsed = make(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
        parsed?.namesTime = namesTime
        return parsed
    }

    private static func day(year: Int, month: Int) -> FeedDate? {
        var parsed = make(year: year, month: month, day: 1, hour: 0, minute: 0, second: 0, offset: 0)
        parsed?.namesTime = false
        return parsed
    }

    // MARK: - RFC 822 and its broken variants

    static let monthNames: [String: Int] = {
        var names: [String: Int] = [:]
        let english = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                       "october", "november", "december"]
        let indonesian = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
                          "oktober", "november", "desember"]
        for (index, name) in english.enumerated() {
            names[name] = index + 1
            names[String(name.prefix(3))] = index + 1
        }
        for (index, name) in indonesian.enumerated() {
            names[name] = index + 1
            names[String(name.prefix(3))] = index + 1
        }
        names["sept"] = 9
        names["agt"] = 8
        return names
    }()

    static let zoneNames: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0,
        "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
        "wib": 7, "wita": 8, "wit": 9, "cet": 1, "cest": 2, "bst": 1, "jst": 9, "sgt": 8,
    ].mapValues { $0 * 3600 }

    static func parseRFC822(_ text: String) -> FeedDate? {
        // Words, numbers, times and zones, whatever their order: `Mon, 4 Nov 2024 10:00 +0700`,
        // `4 November 2024 10:00:00 WIB`, `Nov 4 2024 10:00:00 GMT`.
        var day: Int?, month: Int?, year: Int?
        var hour = 0, minute = 0
        var second = 0.0
        var offset: Int?
        var namesTime = false
        var scanner = DateTokens(text)
        while !scanner.atEnd {
            if scanner.skipSeparators() { continue }
            if scanner.peek == "+" || scanner.peek == "-" {
                guard let zone = scanner.zone() else { return nil }
                offset = zone
                continue
            }
            if scanner.peekDigit() != nil {
                let start = scanner.index
                guard let value = scanner.number(digits: 1...4) else { return nil }
                let digits = scanner.index - start
                if scanner.skip(":") {
                    guard let m = scanner.number(digits: 2...2) else { return nil }
                    hour = value
                    minute = m
                    namesTime = true
                    if scanner.skip(":") {
                        guard let s = scanner.number(digits: 2...2) else { return nil }
                        second = Double(s)
                        if scanner.skip(".") { while scanner.peekDigit() != nil { scanner.advance() } }
                    }
                } else if digits >= 3 || (day != nil && month != nil) {
                    guard year == nil else { return nil }
                    year = digits <= 2 ? (value < 50 ? 2000 + value : 1900 + value) : value
                } else if day == nil {
                    day = value
                } else if month == nil, (1...12).contains(value) {
                    month = value   // `4/11/2024`: day first, as Indonesian dates are written
                } else {
                    return nil
                }
                continue
            }
            let word = scanner.word()
            guard !word.isEmpty else { return nil }
            if let number = monthNames[word] {
                month = number
            } else if let zone = zoneNames[word] {
                offset = (offset ?? 0) + zone
            } else if word.count > 12 {
                return nil
            }
            // Anything else is a weekday (in any language) or noise such as `at`.
        }
        guard let day, let month, let year else { return nil }
        var parsed = make(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset ?? 0)
        parsed?.namesTime = namesTime
        return parsed
    }
}

/// A small scanner over the UTF-8 bytes of a date. Bytes rather than `Unicode.Scalar`s or
/// `Character`s: a feed has a date or two in every item, and a scanner of scalars cost some
/// 50,000 instructions a date (`baca-bench feed-parse`). Only a word may hold other than ASCII
/// (a month or weekday name in another language); such a character is decoded to tell a letter
/// from a space.
struct DateTokens {
    let bytes: [UInt8]
    var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var atEnd: Bool { index >= bytes.count }
    /// The character here when it is ASCII; any other is `nil`-free: U+FFFD stands for it.
    var peek: Unicode.Scalar? {
        guard !atEnd else { return nil }
        let byte = bytes[index]
        return byte < 0x80 ? Unicode.Scalar(byte) : "\u{FFFD}"
    }

    func peekDigit() -> Int? {
        guard !atEnd else { return nil }
        let byte = bytes[index]
        return byte >= 0x30 && byte <= 0x39 ? Int(byte - 0x30) : nil
    }

    mutating func advance() { index += 1 }

    func text(from start: Int) -> String {
        String(decoding: bytes[start..<index], as: UTF8.self)
    }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard !atEnd, character.isASCII, bytes[index] == UInt8(character.value) else { return false }
        index += 1
        return true
    }

    mutating func skipSpaces() {
        while !atEnd, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    }

    /// Spaces, commas, dots and slashes between the parts of an RFC 822 date.
    mutating func skipSeparators() -> Bool {
        let start = index
        while !atEnd {
            switch bytes[index] {
            case 0x20, 0x09, UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "/"): index += 1
            default: return index > start
            }
        }
        return index > start
    }

    mutating func number(digits: ClosedRange<Int>) -> Int? {
        let start = index
        var value = 0
        while let digit = peekDigit(), index - start < digits.upperBound {
            value = value * 10 + digit
            index += 1
        }
        guard digits.contains(index - start) else {
            index = start
            return nil
        }
        return value
    }

    /// The character starting at `position` and its length in bytes (U+FFFD for a bad byte).
    private func scalar(at position: Int) -> (Unicode.Scalar, Int) {
        var decoder = UTF8()
        var iterator = bytes[position...].makeIterator()
        var length = 0
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar):
            length = String(scalar).utf8.count
            return (scalar, length)
        default:
            return ("\u{FFFD}", 1)
        }
    }

    /// A run of letters, lower-cased; a single other character when no letter is here.
    mutating func word() -> String {
        let start = index
        var ascii = true
        while !atEnd {
            let byte = bytes[index]
            if byte < 0x80 {
                guard (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") else { break }
                index += 1
            } else {
                let (scalar, length) = scalar(at: index)
                guard scalar.properties.isAlphabetic else { break }
                ascii = false
                index += length
            }
        }
        if index == start {
            index += atEnd ? 0 : (bytes[index] < 0x80 ? 1 : scalar(at: index).1)
            return text(from: start)
        }
        if ascii {
            return String(decoding: bytes[start..<index].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        return text(from: start).lowercased()
    }

    /// `Z`, `+07:00`, `+0700`, `+07`, `-05:00` → seconds east of UTC.
    mutating func zone() -> Int? {
        if skip("Z") || skip("z") { return 0 }
        guard let sign = peek, sign == "+" || sign == "-" else { return nil }
        index += 1
        guard let hours = number(digits: 1...2) else { return nil }
        var minutes = 0
        if skip(":") {
            guard let m = number(digits: 2...2) else { return nil }
            minutes = m
        } else if let m = number(digits: 2...2) {
            minutes = m
        }
        let seconds = hours * 3600 + minutes * 60
        return sign == "-" ? -seconds : seconds
    }
}
