/// Finds the day a dateline names: `Senin (4/11/2024)` is day 4, month 11, year 2024.
enum DateScanner {
    /// The first valid `(d/m/yyyy)` date in the text; an impossible one (`(31/2/2024)`) is skipped.
    static func firstDate(in text: String) -> CalendarDate? {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "("), let (date, end) = date(in: bytes, openingAt: index) {
                if let date { return date }
                index = end
            } else {
                index += 1
            }
        }
        return nil
    }

    /// Reads `(d/m/yyyy)` at `start`: `nil` when the shape is wrong; a `nil` date when the
    /// shape is right but the day does not exist. `end` is the index after the `)`.
    private static func date(in bytes: [UInt8], openingAt start: Int) -> (CalendarDate?, end: Int)? {
        var index = start + 1
        func number(maximumDigits: Int) -> Int? {
            var value = 0
            var digits = 0
            while index < bytes.count, digits < maximumDigits, (0x30...0x39).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - 0x30)
                digits += 1
                index += 1
            }
            return digits == 0 ? nil : value
        }
        func expect(_ byte: Character) -> Bool {
            guard index < bytes.count, bytes[index] == byte.asciiValue else { return false }
            index += 1
            return true
        }
        guard let day = number(maximumDigits: 2), expect("/"),
              let month = number(maximumDigits: 2), expect("/")
        else { return nil }
        let yearStart = index
        guard let year = number(maximumDigits: 4), index - yearStart == 4, expect(")") else { return nil }
        return (CalendarDate(year: year, month: month, day: day), index)
    }
}
