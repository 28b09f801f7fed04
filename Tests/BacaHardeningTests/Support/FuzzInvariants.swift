// The invariants the fuzzers check, shared by the libFuzzer targets (built with `swiftc` from
// `Fuzz/`, with `-D BACA_FUZZ`, the sources of BacaCore and `SearchQuery` in one module) and
// the seeded property tests that `swift test` runs (FuzzTests.swift). No Testing, no GRDB here.
#if !BACA_FUZZ
import BacaCore
import BacaStore
#endif
import Foundation

/// Reads choices out of fuzz bytes; past the end every choice is 0.
struct FuzzBytes {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isExhausted: Bool { index >= bytes.count }

    mutating func byte() -> Int {
        defer { index += 1 }
        return index < bytes.count ? Int(bytes[index]) : 0
    }

    /// A number in `0..<count`.
    mutating func choose(_ count: Int) -> Int { count <= 1 ? 0 : byte() % count }

    mutating func pick<T>(_ items: [T]) -> T { items[choose(items.count)] }

    mutating func chance(_ inEight: Int) -> Bool { byte() % 8 < inEight }
}

// MARK: - The capture parser

enum ParserInvariants {
    /// A scalar no text from a capture may carry to the terminal.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true     // C0 (and \n: no stored string has one), DEL, C1
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        case 0x200B, 0x2060...0x2064, 0xFEFF, 0xE0000...0xE007F: return true
        default: return false
        }
    }

    /// Every string of an article.
    static func strings(in article: Article) -> [String] {
        var strings = [article.title] + article.keyPoints + article.sources + article.topics
        strings += [article.location, article.outlet, article.author, article.editor, article.disclaimer,
                    article.heroImage?.caption, article.heroImage?.credit].compactMap { $0 }
        for section in article.sections {
            if let heading = section.heading { strings.append(heading) }
            for block in section.blocks {
                switch block {
                case .paragraph(let text), .quote(let text), .related(let text): strings.append(text)
                case .list(let items, _): strings += items
                case .image(let image): strings += [image.caption, image.credit].compactMap { $0 }
                }
            }
        }
        return strings
    }

    /// Raw bytes: the loader either refuses them or returns an article whose every string is
    /// free of control, bidirectional and invisible characters, trimmed, with a title.
    static func checkRaw(_ bytes: [UInt8]) -> [String] {
        guard let article = try? CaptureLoader.load(Data(bytes)).article else { return [] }
        var problems: [String] = []
        if article.title.isEmpty { problems.append("empty title") }
        for string in strings(in: article) {
            if let bad = string.unicodeScalars.first(where: isForbidden) {
                problems.append("U+\(String(bad.value, radix: 16, uppercase: true)) in \(string.debugDescription)")
            }
            if string.first == " " || string.last == " " { problems.append("untrimmed \(string.debugDescription)") }
        }
        return problems
    }

    /// Structured: the bytes choose a capture built of the format's elements, each line of the
    /// article carrying a marker word; the parser must keep every marker somewhere (no sentence
    /// lost) and leak nothing.
    static func checkStructured(_ bytes: [UInt8]) -> [String] {
        let capture = StructuredCapture(bytes)
        let data = capture.encoded
        let article: Article
        do {
            article = try CaptureLoader.load(data).article
        } catch {
            // Short text with none of a page's marks is a note, not an article: refusing it is right.
            if error == .notACapture && !capture.hasMarks { return [] }
            return ["refused (\(error)):\n\(capture.text)"]
        }
        var problems = checkRaw(Array(data))
        let all = strings(in: article).joined(separator: "\n")
        let lost = capture.markers.filter { !all.contains($0) }
        if !lost.isEmpty {
            problems.append("lost \(lost) of\n\(capture.text)")
        }
        return problems
    }
}

/// A capture made from fuzz bytes: chrome, a title, a hero caption, key points, body elements
/// and a footer, in the format's own shapes, with hostile bytes between words.
struct StructuredCapture {
    private(set) var text = ""
    /// The marker words that must survive: one in every line of the article itself.
    private(set) var markers: [String] = []
    /// Whether it has something only an article page has (a dateline, key points, a caption, a
    /// numbered section, a cited source, an editorial team): without, short text is a note.
    private(set) var hasMarks = false
    private var lineEnding = "\n"
    private var withBOM = false

    static let words = ["banjir", "warga", "kota", "pasar", "harga", "jembatan", "sekolah", "desa", "hujan",
                        "sungai", "Senin", "pemerintah", "kabupaten", "ribu", "kendaraan", "jalan", "dua", "tiga"]
    /// Inserted before a space: each disappears whole in the sanitiser (or becomes a space).
    static let noise = ["\u{1B}[31m", "\u{1B}]0;x\u{07}", "\u{1B}]8;;http://x\u{1B}\\", "\u{202E}", "\u{200B}", "\u{9B}1m",
                        "\u{07}", "\u{7F}", "\u{FEFF}", "\u{1B}[2J", "\u{2066}", "\u{9D}2;t\u{9C}", "\u{08}"]
    static let spaces = [" ", " ", " ", "\u{A0}", "\t", "  ", "\u{2009}"]

    init(_ bytes: [UInt8]) {
        var input = FuzzBytes(bytes)
        lineEnding = input.chance(1) ? "\r\n" : "\n"
        withBOM = input.chance(1)
        var lines: [String] = []
        var sectionNumber = 0

        func marker() -> String {
            var value = markers.count
            var letters = ""
            repeat {
                letters.append(Character(Unicode.Scalar(UInt8(97 + value % 26))))
                value /= 26
            } while value > 0
            let word = "zq\(letters)x"
            markers.append(word)
            return word
        }
        func sentence(_ input: inout FuzzBytes, words count: Int, capital: Bool = true) -> String {
            var parts: [String] = []
            let mark = input.choose(count + 1)
            for index in 0...count {
                if index == mark { parts.append(marker()) }
                if index < count {
                    var word = input.pick(Self.words)
                    if index == 0 && capital { word = word.prefix(1).uppercased() + word.dropFirst() }
                    parts.append(word)
                }
            }
            var line = ""
            for (index, part) in parts.enumerated() {
                if index > 0 {
                    if input.chance(1) { line += input.pick(Self.noise) }
                    line += input.pick(Self.spaces)
                }
                line += part
            }
            return line
        }
        func blank(_ input: inout FuzzBytes) {
            lines.append(input.chance(1) ? "   " : "")
            if input.chance(1) { lines.append("") }
        }

        // Top chrome.
        if input.chance(5) { lines += ["Baca artikel IDN Times lainnya di IDN App", "For", "You", ""] }
        // Title: a few words and its marker (under the 300-character limit).
        lines.append(sentence(&input, words: 2 + input.choose(8)))
        blank(&input)
        // The hero caption, printed twice.
        if input.chance(5) {
            let caption = sentence(&input, words: 2 + input.choose(6)) + " (IDN Times/Rani Putri)"
            lines += [caption, caption]
            hasMarks = true
        }
        // Key points.
        if input.chance(5) {
            lines.append(input.chance(4) ? "Intinya sih..." : "Intinya sih…")
            hasMarks = true
            for _ in 0...input.choose(4) {
                lines.append("  • " + sentence(&input, words: 3 + input.choose(8)) + ".")
            }
        }
        blank(&input)
        // The body.
        var hadDateline = false
        var bodyElements = 0
        let elements = 1 + input.choose(14)
        for _ in 0..<elements where !input.isExhausted || lines.count < 12 {
            defer { bodyElements += 1 }
            switch input.choose(10) {
            case 0 where !hadDateline:
                // A dateline is the article's when it opens the body; further down it is text.
                if bodyElements == 0 { hasMarks = true }
                hadDateline = true
                lines.append("Jakarta, IDN Times - " + sentence(&input, words: 6 + input.choose(10)) + " pada Senin (4/11/2024).")
            case 1:
                sectionNumber += 1
                hasMarks = true
                lines.append("\(sectionNumber). " + sentence(&input, words: 2 + input.choose(5)))
            case 2:
                lines.append("\u{201C}" + sentence(&input, words: 4 + input.choose(8)) + ",\u{201D} kata warga.")
            case 3:
                lines.append("Dilansir Antara, " + sentence(&input, words: 5 + input.choose(8), capital: false) + ".")
                hasMarks = true
            case 4:
                lines.append("Baca Juga: " + sentence(&input, words: 3 + input.choose(5)))
            case 5:
                let caption = sentence(&input, words: 3 + input.choose(5)) + " (Dok. Pemkab Garut)"
                lines += [caption, caption]
                hasMarks = true
            case 6:
                lines.append(sentence(&input, words: 5 + input.choose(6)) + ":")
                for item in 1...(2 + input.choose(3)) {
                    lines.append(input.chance(4) ? "  • " + sentence(&input, words: 2 + input.choose(3)) : "\(item)) " + sentence(&input, words: 2 + input.choose(3)))
                }
            case 7:
                // A paragraph wrapped over two lines.
                lines.append(sentence(&input, words: 6 + input.choose(8)))
                lines.append(sentence(&input, words: 4 + input.choose(8), capital: false) + ".")
            default:
                lines.append(sentence(&input, words: 6 + input.choose(20)) + ".")
            }
            blank(&input)
        }
        // At least one paragraph of text: a capture with none is refused (a title and key
        // points alone are no article).
        lines.append(sentence(&input, words: 8 + input.choose(10)) + ".")
        // The footer: chrome and names, no markers.
        if input.chance(5) {
            lines += ["Share", "Editorial Team", "Rani Putri", "EditorBayu Pratama"]
            hasMarks = true
            if input.chance(3) { lines += ["Topics", "#banjir", "#jakarta"] }
            lines.append("Follow Us")
        }
        text = lines.joined(separator: lineEnding)
    }

    /// The capture's bytes (UTF-8, with a byte-order mark when the bytes chose one).
    var encoded: Data {
        (withBOM ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8)
    }
}

// MARK: - The search-query translator

enum QueryInvariants {
    /// Runs an FTS5 query: `count(expression, document)` puts `document` alone in a table with
    /// baca's tokenizer and returns how many rows `MATCH expression` finds, or throws on an
    /// FTS5 error.
    typealias Matcher = (_ expression: String, _ document: String) throws -> Int

    /// Any text: never a crash, an expression exactly when a word is searchable, and FTS5 always
    /// accepts the expression. When every term is plain (letters and digits of Latin scripts), a
    /// document holding all the positive terms and none of the excluded ones is found.
    static func check(_ text: String, match: Matcher) -> [String] {
        let query = SearchQuery(text)
        var problems: [String] = []
        let searchable = query.groups.flatMap { $0 }
        if (query.ftsExpression == nil) != searchable.isEmpty {
            problems.append("expression \(String(describing: query.ftsExpression)) for terms \(searchable)")
        }
        if searchable.count > SearchQuery.maximumTerms { problems.append("\(searchable.count) terms") }
        if !query.excluded.isEmpty && query.groups.isEmpty { problems.append("only excluded terms kept") }
        guard let expression = query.ftsExpression else { return problems }
        if expression.unicodeScalars.contains(where: { $0.value == 0 }) { problems.append("NUL in the expression") }

        let terms = query.groups.flatMap { $0 } + query.excluded
        let plain = terms.allSatisfy { term in
            term.text.unicodeScalars.allSatisfy { scalar in
                scalar.value < 0x250 && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == " " || scalar == "-")
            }
        }
        let document = query.groups.map { $0[0].text }.joined(separator: " ")
        let documentTokens = tokens(document)
        // Conservative: any shared token (or, for an excluded prefix, any token it begins)
        // may exclude the document, and then only "no FTS5 error" is checked.
        let excluded = query.excluded.contains { term in
            tokens(term.text).contains { word in
                documentTokens.contains { term.isPrefix ? $0.hasPrefix(word) : $0 == word }
            }
        }
        let wanted = plain && !excluded && !documentTokens.isEmpty
        do {
            let found = try match(expression, wanted ? document : "kata lain")
            if wanted && found == 0 {
                problems.append("\(text.debugDescription) → \(expression) does not find \(document.debugDescription)")
            }
        } catch {
            problems.append("\(text.debugDescription) → \(expression): FTS5 error \(error)")
        }
        return problems
    }

    /// Words folded as the tokenizer folds them (case and diacritics; close enough for plain
    /// Latin text).
    static func tokens(_ text: String) -> [String] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// A query from fuzz bytes: words, operators, quotes, prefixes and odd characters.
    static func query(_ bytes: [UInt8]) -> String {
        var input = FuzzBytes(bytes)
        let pieces = ["banjir", "Jakarta", "kafé", "KAFE", "harga", "cabai", "OR", "AND", "NOT", "-", "*", "\"", "(", ")",
                      "NEAR(", "title:", "^", ":", "'", "\u{1B}[2J", "\u{0}", "\u{202E}", "é", "\u{301}", "😀", "漢字",
                      "a-b", "x\"y", "--", "**", " ", "  ", "\t", "\n", "0", "2024", "jalur puncak", "\u{FEFF}", "ß"]
        var text = ""
        while !input.isExhausted && text.unicodeScalars.count < 400 {
            text += input.pick(pieces)
            if input.chance(4) { text += " " }
        }
        return text
    }
}
