import Foundation

/// The outlet a paragraph cites: `Dilansir The Moscow Times, …` or `Mengutip Reuters, …`.
enum SourceCitation {
    /// Longest first, so `Dilansir dari` wins over `Dilansir`.
    static let openers = [
        "Dilansir dari ", "Mengutip dari ", "Dikutip dari ", "Melansir dari ",
        "Dilansir ", "Mengutip ", "Melansir ",
    ]
    /// Words that name the kind of place rather than the outlet (`Dilansir laman resmi WHO,`).
    static let placeWords = ["laman resmi ", "situs resmi ", "laman ", "situs ", "akun resmi ", "akun "]
    static let placeWordBytes = placeWords.map { Array($0.utf8) }
    static let maximumOutletLength = 60

    /// The outlet named before the first comma, or `nil` when the paragraph cites none.
    static func outlet(in paragraph: String) -> String? {
        // Every opener starts with `D` or `M`: most paragraphs are ruled out on one byte.
        guard let lead = paragraph.utf8.first, lead == UInt8(ascii: "D") || lead == UInt8(ascii: "M") else { return nil }
        if let answer = asciiOutlet(in: paragraph) { return answer }
        return outlet(characters: paragraph)
    }

    static let openerBytes = openers.map { Array($0.utf8) }

    /// The first eight bytes of every opener (`Dilansir`, `Mengutip`, `Dikutip `, `Melansir`),
    /// as numbers (every opener is longer than that).
    static let openingWords = Array(Set(openerBytes.map { opener in
        opener.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    }))

    /// The same reading on bytes when the opener and the outlet's place are ASCII: `nil` when
    /// they are not (the characters decide), `.some(nil)` when no outlet is cited. The
    /// reading over characters, with Foundation's `range(of:)` for the stops, cost ~4 k
    /// instructions a paragraph.
    static func asciiOutlet(in paragraph: String) -> String?? {
        var copy = paragraph
        return copy.withUTF8 { bytes -> String?? in
            // Every opener begins with one of four words' first eight bytes: most paragraphs
            // that start with `D` or `M` (`Dalam`, `Menurut`, `Mengatakan`) are ruled out on
            // one comparison.
            guard bytes.count >= 8,
                  openingWords.contains(UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(as: UInt64.self))
            else { return .some(nil) }
            guard let opener = openerBytes.first(where: { opener in
                opener.count <= bytes.count && opener.indices.allSatisfy { bytes[$0] == opener[$0] }
            }) else { return .some(nil) }
            let start = opener.count
            let end = min(bytes.count, start + maximumOutletLength + 1)
            // One byte past the place too: a mark after it would join its last character.
            for index in start..<min(bytes.count, end + 1) where bytes[index] >= 0x80 || bytes[index] == 0x0D { return nil }
            guard let comma = bytes[start..<end].firstIndex(of: 0x2C) else { return .some(nil) }
            var outletEnd = comma
            for stop in stopBytes {
                if let found = firstRange(of: stop, in: bytes, from: start, to: outletEnd) { outletEnd = found }
            }
            // The outlet is ASCII (checked above), a character a byte: the place word, the
            // spaces around it and its words are read on the bytes, and one string is made.
            var first = start
            for word in placeWordBytes where outletEnd - first >= word.count
                && memcmp(bytes.baseAddress! + first, word, word.count) == 0 {
                first += word.count
                break
            }
            var last = outletEnd
            while first < last && bytes[first] == 0x20 { first += 1 }
            while last > first && bytes[last - 1] == 0x20 { last -= 1 }
            guard first < last, (bytes[first] >= 0x41 && bytes[first] <= 0x5A) || (bytes[first] >= 0x30 && bytes[first] <= 0x39)
            else { return .some(nil) }
            // Its words are the runs of bytes between spaces.
            var words = 0
            for index in first..<last where bytes[index] != 0x20 && (index == first || bytes[index - 1] == 0x20) { words += 1 }
            guard words <= 6 else { return .some(nil) }
            return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self))
        }
    }

    static let stops = [" pada ", " (", " yang ", " bahwa "]
    static let stopBytes = stops.map { Array($0.utf8) }

    /// Where `needle` first starts in `bytes[from..<to]`.
    static func firstRange(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard to - from >= needle.count else { return nil }
        for start in from...(to - needle.count) where bytes[start] == needle[0] {
            if needle.indices.allSatisfy({ bytes[start + $0] == needle[$0] }) { return start }
        }
        return nil
    }

    /// The reading over characters: what `asciiOutlet` must equal where it answers (tests).
    static func outlet(characters paragraph: String) -> String? {
        guard let opener = openers.first(where: { paragraph.utf8.starts(with: $0.utf8) }) else { return nil }
        let rest = paragraph.dropFirst(opener.count).prefix(maximumOutletLength + 1)
        guard let comma = rest.firstIndex(of: ",") else { return nil }
        var outlet = String(rest[..<comma])
        // `Dilansir Reuters pada Senin (4/11/2024),` names Reuters.
        for stop in stops {
            if let range = outlet.range(of: stop) { outlet = String(outlet[..<range.lowerBound]) }
        }
        for word in placeWords where outlet.hasPrefix(word) {
            outlet = String(outlet.dropFirst(word.count))
            break
        }
        outlet = outlet.trimmingSpaces
        guard let first = outlet.unicodeScalars.first,
              first.properties.isUppercase || ("0"..."9").contains(first),
              outlet.split(separator: " ").count <= 6
        else { return nil }
        return outlet
    }
}
