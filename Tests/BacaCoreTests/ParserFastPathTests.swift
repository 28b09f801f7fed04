import Foundation
import Testing
@testable import BacaCore

/// The parser's readings on bytes (for ASCII openings) against their readings over characters.
@Suite("The capture parser's byte readings equal its character readings")
struct ParserFastPathTests {
    static let datelinePieces = [
        "Jakarta", "Banda Aceh", "IDN Times", "IDN Times Jabar", ",", ", ", " - ", "-", " -", "- ", "–", "—",
        "Presiden", " ", "kata", "2024", ".", "(", "Kafé", "e\u{301}", "x", "Ä", "\u{0301}", "Hujan turun.",
        String(repeating: "a", count: 30), String(repeating: "B", count: 41),
    ]

    static let citationPieces = [
        "Dilansir ", "Dilansir dari ", "Mengutip ", "Mengutip dari ", "Dikutip dari ", "Melansir ", "Melansir dari ",
        "laman resmi ", "situs ", "akun ", "Reuters", "The Moscow Times", "WHO", "BBC", " pada Senin", " (4/11/2024)",
        " yang ", " bahwa ", ",", ", ", " ", "kata", "Kafé", "\u{301}", "Ä", "7News", "a b c d e f g",
        String(repeating: "x", count: 55),
    ]

    static func randomTexts(_ pieces: [String], seed: UInt64, count: Int) -> [String] {
        var state = seed
        var texts: [String] = []
        for _ in 0..<count {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<(state >> 60) + 1 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            texts.append(text)
        }
        return texts
    }

    @Test("datelines: random openings, and the samples' paragraphs")
    func datelines() throws {
        var texts = Self.randomTexts(Self.datelinePieces, seed: 3, count: 6000)
        texts += ["Jakarta, IDN Times - Hujan", "Banda Aceh, IDN Times Jabar – Banjir", "Menurut dia, kondisi - buruk"]
        texts += try Self.sampleParagraphs()
        var found = 0
        for text in texts {
            let byCharacters = Dateline(characters: text)
            if byCharacters != nil { found += 1 }
            #expect(Dateline(paragraph: text) == byCharacters, "\(text)")
        }
        #expect(found > 20)
    }

    @Test("cited outlets: random openings, and the samples' paragraphs")
    func citations() throws {
        var texts = Self.randomTexts(Self.citationPieces, seed: 9, count: 6000)
        texts += try Self.sampleParagraphs()
        var found = 0
        for text in texts {
            let byCharacters = SourceCitation.outlet(characters: text)
            if byCharacters != nil { found += 1 }
            #expect(SourceCitation.outlet(in: text) == byCharacters, "\(text)")
        }
        #expect(found > 50)
    }

    /// Every line of the sample captures.
    static func sampleParagraphs() throws -> [String] {
        try ["festival-layang-pangandaran", "panen-raya-karawang"].flatMap { name in
            try CaptureTestSupport.fixtureText(name).split(separator: "\n").map(String.init)
        }
    }

    static let linePieces = [
        " ", "  ", "•", "· ", "‣", "◦", "▪", "●", "-", "*", "- ", "1", "12", "1234", ". ", ") ", "Judul", "editor",
        "Editor", "EditorPri Saja", "Writer", "Penulis: ", "Reporter", "\u{212A}", "İ", "é", "e\u{301}", "(Foto)", ")",
        "漢字", "—", "!", "'", "2.300", "\u{00B7}", "\u{2022}", "baca juga", "Baca Juga:", "x",
        "\u{600}", " \u{301}", "\u{301}", "\u{903}", "\u{200D}",
    ]

    @Test("line readings on bytes: bullets, numbers, word characters, roles, captions compared without spaces")
    func lineReadings() {
        let texts = Self.randomTexts(Self.linePieces, seed: 21, count: 8000) + Self.linePieces
        for text in texts {
            let line = CaptureLine(text: text, indent: 0)
            #expect(line.bulletItem == Self.bulletItem(text), "\(text)")
            #expect(line.numberedItem?.number == Self.numberedItem(text)?.number, "\(text)")
            #expect(line.numberedItem?.text == Self.numberedItem(text)?.text, "\(text)")
            #expect(line.hasWordCharacters == text.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }, "\(text)")
            #expect(FooterReader.roleLine(text).map { "\($0.0) \($0.1 ?? "-")" } == Self.roleLine(text).map { "\($0.0) \($0.1 ?? "-")" }, "\(text)")
            let other = text.replacingOccurrences(of: " ", with: "")
            for candidate in [other, other + " x", text + " ", String(text.reversed())] {
                let expected = text.unicodeScalars.lazy.filter { $0 != " " }.elementsEqual(candidate.unicodeScalars.lazy.filter { $0 != " " })
                #expect(text.equalsIgnoringSpaces(candidate) == expected, "\(text) / \(candidate)")
            }
            #expect(CaptureChrome.relatedTitle(line) == Self.relatedTitle(text), "\(text)")
        }
    }

    @Test("a file's controls counted eight bytes at a time, as one at a time")
    func controls() {
        var state: UInt64 = 17
        for _ in 0..<3000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 58)
            var bytes: [UInt8] = []
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let pick = Int(state >> 56)
                bytes.append(pick < 200 ? UInt8(0x20 + pick % 0x60) : UInt8(truncatingIfNeeded: pick * 7))
            }
            let expectedNUL = bytes.contains(0)
            let expected = bytes.reduce(0) { count, byte in
                count + ((byte < 0x09 || (byte > 0x0D && byte < 0x20 && byte != 0x1B) || byte == 0x7F) ? 1 : 0)
            }
            let counted = CaptureDecoder.countControls(bytes[...])
            #expect(counted == (expectedNUL ? nil : expected), "\(bytes)")
        }
    }

    @Test("lines split from bytes carry the key `key(of:)` gives")
    func splitKeys() throws {
        var texts = Self.randomTexts(Self.linePieces + ["\n", "\n\n", "Intinya sih...", "SHARE", "Editor`s Picks", "A`B"], seed: 5, count: 3000)
        texts += try Self.sampleParagraphs()
        texts.append(String(repeating: "Kata ", count: 30))
        for text in texts {
            for line in CaptureLine.split(text) {
                let mayBeChrome = line.text.utf8.count <= CaptureLine.maximumKeyLength
                    && Array(line.text.utf8).withUnsafeBufferPointer(CaptureChrome.mayBeChrome)
                #expect(line.key == (mayBeChrome ? CaptureLine.key(of: line.text) : ""), "\(line.text)")
            }
        }
    }

    /// A line that `mayBeChrome` passes over gets an empty key: none of the chrome readings
    /// may take its full key either, whatever its case, apostrophes or first character.
    @Test("a line whose key is left empty is no chrome by its full key either")
    func keyLeftEmptyIsNoChrome() {
        var pieces = Self.linePieces + CaptureChrome.keyPhrases + CaptureChrome.keyPhrases.map { $0.uppercased() }
        pieces += ["Editor`s Picks", "EDITORS' PICKS", "Intinya sih…", "intinya sih:", "\u{212A}", "İntinya sih", "Follow Us", "’", "`"]
        var checked = 0
        for text in Self.randomTexts(pieces, seed: 31, count: 20000) + pieces {
            let text = text.trimmingSpaces
            guard !Array(text.utf8).withUnsafeBufferPointer(CaptureChrome.mayBeChrome) else { continue }
            checked += 1
            let key = CaptureLine.key(of: text)
            #expect(!CaptureChrome.isPromo(key) && !CaptureChrome.navigationWords.contains(key), "\(text)")
            #expect(CaptureChrome.FooterHeading(key: key) == nil && !CaptureChrome.isKeyPointsHeading(key), "\(text)")
        }
        #expect(checked > 1000)
    }

    @Test("capitalised names read on bytes, as over characters; a closing parenthesis found from the bytes, as by hasSuffix")
    func namesAndParentheses() {
        let pieces = Self.datelinePieces + [" ", "  ", "a", "Z", "9", "\r\n", "\u{301}", " \u{301}", "\u{600}", "(", ")", "x)", "\u{600})", "É",
                                            "(IDN Times/Foto)", " (", ") ", "((", "))", "()", "( )"]
        for text in Self.randomTexts(pieces, seed: 41, count: 8000) + pieces {
            for (words, digits) in [(4, false), (5, true), (1, false)] {
                #expect(Dateline.isCapitalisedName(text, maximumWords: words, allowsDigits: digits)
                        == Dateline.isCapitalisedNameByCharacters(text, maximumWords: words, allowsDigits: digits), "\(text)")
            }
            #expect(CaptionMatcher.endsWithClosingParenthesis(text) == text.hasSuffix(")"), "\(text.unicodeScalars.map(\.value))")
            #expect(CaptionMatcher.split(text) == CaptionMatcher.splitByScalars(text), "\(text)")
            #expect(CaptionMatcher.split(text + " (Foto)") == CaptionMatcher.splitByScalars(text + " (Foto)"), "\(text)")
        }
    }

    @Test("runs of spaces found eight bytes at a time, as byte by byte")
    func spaceRuns() {
        var state: UInt64 = 23
        for _ in 0..<20000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 58)
            var bytes: [UInt8] = []
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let pick = Int(state >> 60)
                bytes.append(pick < 6 ? 0x20 : pick < 8 ? 0xA0 : pick < 10 ? 0x00 : pick < 12 ? 0x21 : UInt8(truncatingIfNeeded: state >> 40))
            }
            let expected = zip(bytes, bytes.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
            #expect(bytes.withUnsafeBufferPointer(CaptureLine.hasSpaceRun) == expected, "\(bytes)")
        }
    }

    @Test("the loader's byte pipeline gives the article the text pipeline gives, on the samples and odd texts")
    func loaderPipeline() throws {
        var datas = try ["festival-layang-pangandaran", "panen-raya-karawang"].map { try CaptureTestSupport.fixtureData($0) }
        for text in Self.randomTexts(Self.linePieces + ["\n", "\n\n", "\r\n", "\u{1B}[2J", "Jakarta, IDN Times - ", "Intinya sih...\n• satu"], seed: 8, count: 1500) {
            datas.append(Data(("Judul Berita Hari Ini\n\n" + text).utf8))
        }
        for data in datas {
            // The text pipeline with the loader's own rule for what is an article, so both must
            // give the same article or the same error.
            let viaText = Result { () throws(CaptureError) -> Article in
                let text = Sanitizer.sanitize(try CaptureDecoder.decode(data).text)
                let article = try CaptureParser.parse(text)
                guard CaptureLoader.looksLikeArticle(article, text: text) else { throw .notACapture }
                return article
            }
            switch (viaText, Result { () throws(CaptureError) -> Article in try CaptureLoader.load(data).article }) {
            case (.success(let expected), .success(let loaded)): #expect(loaded == expected)
            case (.success, .failure(let error)): Issue.record("refused what the text pipeline loaded: \(error)")
            case (.failure(let expected), .failure(let error)): #expect(error == expected)
            case (.failure(let expected), .success): Issue.record("loaded what the text pipeline refused: \(expected)")
            }
        }
    }

    // The readings as they were, one character or scalar at a time.

    static func bulletItem(_ text: String) -> String? {
        guard let first = text.unicodeScalars.first, CaptureLine.bulletMarkers.contains(first) else { return nil }
        let rest = text.unicodeScalars.dropFirst()
        guard let second = rest.first else { return nil }
        if second != " " && !CaptureLine.unambiguousBullets.contains(first) { return nil }
        let item = String(Substring(rest)).trimmingSpaces
        return item.isEmpty ? nil : item
    }

    static func numberedItem(_ text: String) -> (number: Int, text: String)? {
        var number = 0
        var digits = 0
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.first, ("0"..."9").contains(scalar) {
            if digits < 3 { number = number * 10 + Int(scalar.value - 0x30) }
            digits += 1
            scalars = scalars.dropFirst()
        }
        guard (1...3).contains(digits), let mark = scalars.first, mark == "." || mark == ")" else { return nil }
        scalars = scalars.dropFirst()
        guard scalars.first == " " else { return nil }
        let item = String(Substring(scalars)).trimmingSpaces
        guard item.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { return nil }
        return (number, item)
    }

    static func roleLine(_ text: String) -> (FooterReader.Role, String?)? {
        for (word, role) in FooterReader.roles {
            guard text.count >= word.count, text.prefix(word.count).lowercased() == word.lowercased() else { continue }
            let rest = text.dropFirst(word.count)
            guard let next = rest.first else { return (role, nil) }
            if next == " " || next == ":" {
                let name = String(rest.drop(while: { $0 == " " || $0 == ":" })).trimmingSpaces
                return (role, name.isEmpty ? nil : name)
            }
            if next.isUppercase { return (role, String(rest).trimmingSpaces) }
        }
        return nil
    }

    static func relatedTitle(_ text: String) -> String? {
        guard text.utf8.count >= 9, text.utf8.prefix(9).elementsEqual("baca juga".utf8, by: { $0 | 0x20 == $1 }) else { return nil }
        var rest = text.unicodeScalars.dropFirst(9)
        while rest.first == " " { rest = rest.dropFirst() }
        if rest.isEmpty { return "" }
        guard rest.first == ":" else { return nil }
        return String(Substring(rest.dropFirst())).trimmingSpaces
    }
}
