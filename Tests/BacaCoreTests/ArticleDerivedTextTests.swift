import Foundation
import Testing

@testable import BacaCore

/// The target's seeded SplitMix64 generator (`CapturePropertyTests`), so a failure replays.
private typealias Random = CapturePropertyTests.SeededGenerator

/// The texts an import derives from an article (`sanitized`, `bodyText`, `wordCount`), each
/// made by a fast path, against the straightforward way on random articles: clean and hostile
/// text, non-ASCII, combining marks, control characters, CR/LF, empty parts, long lines.
@Suite struct ArticleDerivedTextTests {
    static let pieces = [
        "kata", " ", "  ", "Kafé", "“kutipan”", "e\u{301}", "\u{A0}", "\u{1B}[31m", "\u{07}", "\r", "\r\n", "\n",
        "\t", "\u{202E}", "\u{200B}", "\u{85}", "👩‍👩‍👧", "漢字", "\u{7F}", "x ", "2.300", "—", "\"", "\\", "/",
        "ABCDEFGHIJKLMNOP", String(repeating: "panjang ", count: 40), "",
    ]

    /// A random text: most often clean words (so that clean articles are common), else pieces.
    fileprivate static func text(_ generator: inout Random) -> String {
        if generator.next() % 3 != 0 {
            let words = ["Harga", "cabai", "naik", "Kafé", "木下", "2.300", "“kata”", "e\u{301}", "panjang", "x"]
            return (0..<Int(generator.next() % 12)).map { _ in words[Int(generator.next() % UInt64(words.count))] }
                .joined(separator: " ")
        }
        return (0..<Int(generator.next() % 10)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
    }

    fileprivate static func article(_ generator: inout Random) -> Article {
        func maybe(_ generator: inout Random) -> String? { generator.next() % 2 == 0 ? nil : text(&generator) }
        func texts(_ generator: inout Random) -> [String] {
            (0..<Int(generator.next() % 4)).map { _ in text(&generator) }
        }
        func block(_ generator: inout Random) -> Block {
            switch generator.next() % 5 {
            case 0: return .paragraph(text(&generator))
            case 1: return .quote(text(&generator))
            case 2: return .related(text(&generator))
            case 3: return .list(texts(&generator), ordered: generator.next() % 2 == 0)
            default: return .image(ImageCaption(caption: text(&generator), credit: maybe(&generator)))
            }
        }
        var article = Article(
            title: text(&generator),
            heroImage: generator.next() % 2 == 0 ? nil : ImageCaption(caption: text(&generator), credit: maybe(&generator)),
            keyPoints: texts(&generator), location: maybe(&generator), outlet: maybe(&generator),
            author: maybe(&generator), editor: maybe(&generator),
            sections: (0..<Int(generator.next() % 4)).map { index in
                Section(number: index == 0 ? nil : index, heading: maybe(&generator),
                        blocks: (0..<Int(generator.next() % 5)).map { _ in block(&generator) })
            },
            sources: texts(&generator), topics: texts(&generator), disclaimer: maybe(&generator))
        if generator.next() % 4 == 0 { article.link = text(&generator) }
        if generator.next() % 8 == 0 {
            article.linkTargets = [LinkTarget(text: "Reuters", url: "https://reuters.test/a")!]
        }
        return article
    }

    @Test("sanitized: the clean check gives what sanitising every string gives")
    func sanitizedEqualsStringByString() {
        var generator = Random(state: 3)
        var clean = 0
        for _ in 0..<3000 {
            let article = Self.article(&generator)
            #expect(article.sanitized == article.sanitizedCopy)
            if article.isSanitized {
                clean += 1
                #expect(article.sanitizedCopy == article)
            }
            // Sanitised once, an article is clean.
            #expect(article.sanitizedCopy.linkTargets != nil || article.sanitizedCopy.isSanitized)
        }
        #expect(clean > 100)
    }

    @Test("bodyText: one string of the final size equals the joined parts")
    func bodyTextEqualsJoined() {
        var generator = Random(state: 5)
        for _ in 0..<3000 {
            let article = Self.article(&generator)
            #expect(article.bodyText == article.bodyTextJoined)
        }
        let empty = Article(title: "t", sections: [Section(blocks: [.list([]), .paragraph(""), .list([""])])])
        #expect(empty.bodyText == "\n\n")
        #expect(Article(title: "t").bodyText == "")
    }

    @Test("wordCount: list items counted one by one equal the joined list, scalar by scalar")
    func wordCountEqualsScalarByScalar() {
        var generator = Random(state: 9)
        for _ in 0..<3000 {
            let article = Self.article(&generator)
            var expected = Article.countWordsScalarByScalar(article.title)
            for point in article.keyPoints { expected += Article.countWordsScalarByScalar(point) }
            for section in article.sections {
                if let heading = section.heading { expected += Article.countWordsScalarByScalar(heading) }
                for block in section.blocks { expected += Article.countWordsScalarByScalar(block.plainText) }
            }
            #expect(article.wordCount == expected)
        }
    }

    @Test("the high bits of a word are counted as nonzeroBitCount counts them")
    func highBitCount() {
        var generator = Random(state: 13)
        for _ in 0..<10000 {
            let mask = generator.next() & 0x8080_8080_8080_8080
            #expect(Article.countOfHighBits(mask) == mask.nonzeroBitCount)
        }
        #expect(Article.countOfHighBits(0x8080_8080_8080_8080) == 8)
        #expect(Article.countOfHighBits(0) == 0)
    }
}

@Suite struct CalendarDateTextTests {
    @Test("a day's ISO text written in place equals the padded pieces joined, for every day and odd values")
    func isoEqualsInterpolation() {
        for year in [1, 9, 10, 99, 100, 999, 1000, 1970, 2024, 9999] {
            for month in 1...12 {
                for day in 1...31 {
                    guard let date = CalendarDate(year: year, month: month, day: day) else { continue }
                    #expect(date.iso == date.isoByInterpolation)
                }
            }
        }
        var odd = CalendarDate(year: 2024, month: 11, day: 4)!
        for (year, month, day) in [(12345, 1, 1), (-5, 1, 1), (2024, 0, 0), (2024, 100, 7), (0, 1, -3)] {
            odd.year = year
            odd.month = month
            odd.day = day
            #expect(odd.iso == odd.isoByInterpolation)
        }
        #expect(CalendarDate(year: 2024, month: 11, day: 4)!.iso == "2024-11-04")
    }
}
