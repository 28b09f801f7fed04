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
        let words = text.split(separator: " ")
        guard (1...maximumWords).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.unicodeScalars.first else { return false }
            if first.properties.isUppercase { return true }
            return allowsDigits && ("0"..."9").contains(first)
        }
    }
}
