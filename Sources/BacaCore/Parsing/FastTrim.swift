import Foundation

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, with the same result, without
    /// Foundation's `NSString` round trip (some 25,000 instructions a call, paid for every guid,
    /// link and date of a feed) when the text begins and ends in ASCII, as feed values do:
    /// ASCII white space is trimmed here, anything else at an end goes to Foundation.
    public var trimmedWhitespace: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F { return self }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, Self.isASCIIWhitespace(utf8[start]) { start = utf8.index(after: start) }
        while end > start, Self.isASCIIWhitespace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        guard start < end else { return "" }
        let head = utf8[start]
        let tail = utf8[utf8.index(before: end)]
        guard head < 0x80 && tail < 0x80 else {
            // A non-ASCII character at an end: it may be white space (U+00A0, U+2028 …).
            return trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if start == utf8.startIndex && end == utf8.endIndex { return self }
        return String(self[start..<end])
    }

    /// Tab, line feed, vertical tab, form feed, carriage return and space: Foundation's
    /// `whitespacesAndNewlines` within ASCII.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
