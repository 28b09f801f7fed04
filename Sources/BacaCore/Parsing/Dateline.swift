/// The opening of the first paragraph: `Jakarta, IDN Times - Presiden …`.
///
/// City and outlet are short runs of capitalised words (`Banda Aceh`, `IDN Times Jabar`);
/// the separator is a hyphen (with a space on at least one side), an en dash or an em dash.
/// Requiring capitals keeps an ordinary sentence like `Menurut dia, kondisi - …` out.
struct Dateline: Equatable {
    var location: String
    var outlet: String
    /// The paragraph after the dash, starting with its first word.
    var rest: String

    static let maximumCityLength = 40
    static let maximumOutletLength = 40

    init(location: String, outlet: String, rest: String) {
        self.location = location
        self.outlet = outlet
        self.rest = rest
    }

    init?(paragraph: String) {
        switch Self.asciiDateline(paragraph) {
        case .some(.some(let found)): self = found
        case .some(.none): return nil
        case .none: self.init(characters: paragraph)
        }
    }

    /// The same reading on bytes, for a paragraph whose opening is ASCII (every character one
    /// byte): `nil` when it is not (the characters decide), `.some(nil)` when there is no
    /// dateline. Reading the opening as `Character`s cost ~90 k instructions a capture.
    static func asciiDateline(_ paragraph: String) -> Dateline?? {
        let limit = maximumCityLength + maximumOutletLength + 8
        var copy = paragraph
        return copy.withUTF8 { bytes -> Dateline?? in
            // One byte past the opening too: a mark after it would join its last character.
            let checked = min(bytes.count, limit + 1)
            for index in 0..<checked where bytes[index] >= 0x80 || bytes[index] == 0x0D { return nil }
            let count = min(bytes.count, limit)
            guard let comma = bytes[0..<count].firstIndex(of: 0x2C), comma <= maximumCityLength else { return .some(nil) }
            let city = String(decoding: bytes[0..<comma], as: UTF8.self).trimmingSpaces
            guard isCapitalisedName(city, maximumWords: 4, allowsDigits: false) else { return .some(nil) }
            var dash: Int?
            var index = comma + 1
            while index < count, index - comma <= maximumOutletLength + 1 {
                switch bytes[index] {
                case 0x2D:
                    if bytes[index - 1] == 0x20 || (index + 1 < count && bytes[index + 1] == 0x20) { dash = index }
                case 0x2C, 0x2E, 0x28:
                    return .some(nil)
                default: break
                }
                if dash != nil { break }
                index += 1
            }
            guard let dash else { return .some(nil) }
            let outlet = String(decoding: bytes[(comma + 1)..<dash], as: UTF8.self).trimmingSpaces
            guard isCapitalisedName(outlet, maximumWords: 5, allowsDigits: true) else { return .some(nil) }
            let rest = String.trimmingSpaces(bytes, from: dash + 1, to: bytes.count)
            return .some(Dateline(location: city, outlet: outlet, rest: rest))
        }
    }

    /// The reading over `Character`s: what `asciiDateline` must equal where it answers (tests).
    init?(characters paragraph: String) {
        let characters = Array(paragraph.prefix(Self.maximumCityLength + Self.maximumOutletLength + 8))
        guard let comma = characters.firstIndex(of: ","), comma <= Self.maximumCityLength else { return nil }
        let city = String(characters[..<comma]).trimmingSpaces
        guard Self.isCapitalisedName(city, maximumWords: 4, allowsDigits: false) else { return nil }

        var dash: Int?
        var index = comma + 1
        while index < characters.count, index - comma <= Self.maximumOutletLength + 1 {
            switch characters[index] {
            case "\u{2013}", "\u{2014}", "\u{2012}", "\u{2015}":
                dash = index
            case "-":
                let spaced = characters[index - 1] == " " || (index + 1 < characters.count && characters[index + 1] == " ")
                if spaced { dash = index }
            case ",", ".", "(":
                return nil
            default: break
            }
            if dash != nil { break }
            index += 1
        }
        guard let dash else { return nil }
        let outlet = String(characters[(comma + 1)..<dash]).trimmingSpaces
        guard Self.isCapitalisedName(outlet, maximumWords: 5, allowsDigits: true) else { return nil }

        let restStart = paragraph.index(paragraph.startIndex, offsetBy: dash + 1)
        self.init(location: city, outlet: outlet, rest: String(paragraph[restStart...]).trimmingSpaces)
    }

    /// One to `maximumWords` words, each starting with a capital letter (or a digit, when allowed).
    static func isCapitalisedName(_ text: String, maximumWords: Int, allowsDigits: Bool) -> Bool {
        if let answer = isCapitalisedASCIIName(text, maximumWords: maximumWords, allowsDigits: allowsDigits) { return answer }
        return isCapitalisedNameByCharacters(text, maximumWords: maximumWords, allowsDigits: allowsDigits)
    }

    /// The same for ASCII text, on its bytes (nil for other text): words are runs of bytes
    /// between spaces, and an ASCII capital is A–Z. Splitting into `Character`s cost several
    /// thousand instructions a dateline.
    static func isCapitalisedASCIIName(_ text: String, maximumWords: Int, allowsDigits: Bool) -> Bool? {
        var words = 0
        var atWordStart = true
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 {
                atWordStart = true
                continue
            }
            if atWordStart {
                words += 1
                let capital = (byte >= 0x41 && byte <= 0x5A) || (allowsDigits && byte >= 0x30 && byte <= 0x39)
                // The rest of the text must still be ASCII for the answer to be this one.
                if !capital || words > maximumWords { return text.utf8.allSatisfy { $0 < 0x80 } ? false : nil }
            }
            atWordStart = false
        }
        return words >= 1
    }

    /// The reading over characters: what `isCapitalisedASCIIName` must equal where it answers.
    static func isCapitalisedNameByCharacters(_ text: String, maximumWords: Int, allowsDigits: Bool) -> Bool {
        let words = text.split(separator: " ")
        guard (1...maximumWords).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.unicodeScalars.first else { return false }
            if first.properties.isUppercase { return true }
            return allowsDigits && ("0"..."9").contains(first)
        }
    }
}
