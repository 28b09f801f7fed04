import Testing
@testable import BacaCore

@Suite("Case- and diacritic-insensitive matching")
struct TextFoldingTests {
    /// The matched substrings of `text`.
    static func found(_ query: String, in text: String) -> [String] {
        TextFolding.matches(of: query, in: text).map { String(text[$0]) }
    }

    @Test("Folding lowers case and drops accents")
    func fold() {
        #expect(TextFolding.fold("Kafé") == "kafe")
        #expect(TextFolding.fold("Kafe\u{301}") == "kafe")
        #expect(TextFolding.fold("JAKARTA") == "jakarta")
        #expect(TextFolding.fold("Đà Nẵng") == "da nang")
        #expect(TextFolding.fold("Jum’at “Kliwon”") == "jum'at \"kliwon\"")
        #expect(TextFolding.fold("ＩＤＮ") == "idn")
        #expect(TextFolding.fold("東京 👍") == "東京 👍")
    }

    @Test("kafe finds Kafé, composed or decomposed, as the whole original word")
    func accents() {
        #expect(Self.found("kafe", in: "Ngopi di Kafé Tjikini") == ["Kafé"])
        #expect(Self.found("kafe", in: "Ngopi di Kafe\u{301} Tjikini") == ["Kafe\u{301}"])
        #expect(Self.found("KAFÉ", in: "kafe") == ["kafe"])
    }

    @Test("JAKARTA finds Jakarta, every time, in order")
    func caseInsensitive() {
        let text = "Jakarta, IDN Times - Warga jakarta memadati JAKARTA Fair."
        let ranges = TextFolding.matches(of: "JAKARTA", in: text)
        #expect(ranges.map { String(text[$0]) } == ["Jakarta", "jakarta", "JAKARTA"])
        #expect(ranges.map { text.distance(from: text.startIndex, to: $0.lowerBound) } == [0, 27, 44])
    }

    @Test("Ranges point into the original text after wide and decomposed characters")
    func rangesInOriginal() {
        let text = "東京 e\u{301}e\u{301} — Café café"
        let ranges = TextFolding.matches(of: "cafe", in: text)
        #expect(ranges.count == 2)
        #expect(ranges.map { String(text[$0]) } == ["Café", "café"])
        #expect(String(text[..<ranges[0].lowerBound]) == "東京 e\u{301}e\u{301} — ")
    }

    @Test("Matches do not overlap")
    func nonOverlapping() {
        #expect(Self.found("aa", in: "aaaaa") == ["aa", "aa"])
        #expect(Self.found("ée", in: "eeé") == ["ee"])
    }

    @Test("An empty query, or one that folds to nothing, matches nothing")
    func emptyQuery() {
        #expect(TextFolding.matches(of: "", in: "Jakarta").isEmpty)
        #expect(TextFolding.matches(of: "\u{301}", in: "Kafé").isEmpty)
        #expect(TextFolding.matches(of: "Jakarta", in: "").isEmpty)
        #expect(TextFolding.matches(of: "Jakarta Selatan", in: "Jakarta").isEmpty)
    }

    @Test("Apostrophes match whether typed straight or curly")
    func apostrophes() {
        #expect(Self.found("jum'at", in: "Salat Jum’at berjamaah") == ["Jum’at"])
    }
}
