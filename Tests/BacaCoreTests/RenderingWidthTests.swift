import Testing
@testable import BacaCore

// MARK: - Display width

@Suite("Display width")
struct DisplayWidthTests {
    @Test("ASCII is one column a character, controls none")
    func ascii() {
        #expect("".displayWidth == 0)
        #expect("Jakarta".displayWidth == 7)
        #expect("a\tb\u{1B}c".displayWidth == 3)
        #expect("baris\r\nbaru".displayWidth == 9)
    }

    @Test("A composed and a decomposed é both take one column")
    func accents() {
        #expect("Kafé".displayWidth == 4)
        #expect("Kafe\u{301}".displayWidth == 4)
        #expect(Character("e\u{301}").displayWidth == 1)
        #expect("Đà Nẵng".displayWidth == 7)
    }

    @Test("CJK, kana, Hangul and fullwidth forms take two columns")
    func wide() {
        #expect("東京".displayWidth == 4)
        #expect("ひらがな".displayWidth == 8)
        #expect("한국".displayWidth == 4)
        #expect("ＡＢ".displayWidth == 4)
        #expect("東京 Tokyo".displayWidth == 10)
    }

    @Test("Emoji take two columns, sequences included")
    func emoji() {
        #expect("👍".displayWidth == 2)
        #expect("👍🏽".displayWidth == 2)
        #expect("👨‍👩‍👧".displayWidth == 2)
        #expect("🇮🇩".displayWidth == 2)
        #expect("❤️".displayWidth == 2)  // U+2764 is narrow; VS16 asks for emoji presentation
        #expect("❤".displayWidth == 1)
        #expect("#️⃣".displayWidth == 2)
        #expect("Ok 👍!".displayWidth == 6)
    }

    @Test("Zero-width characters take no column")
    func zeroWidth() {
        #expect("\u{200D}".displayWidth == 0)
        #expect("a\u{200B}b".displayWidth == 2)
        #expect("\u{FEFF}".displayWidth == 0)
        #expect("\u{301}".displayWidth == 0)
    }

    @Test("Typographic characters of the layout are narrow")
    func layoutCharacters() {
        for text in ["…", "•", "▣", "│", "─", "╭", "╮", "╰", "╯", "·", "—", "“", "”"] {
            #expect(text.displayWidth == 1, "\(text)")
        }
    }

    @Test("A string's width is the sum of its graphemes' widths")
    func sumOfGraphemes() {
        let samples = ["Kafé 東京 👨‍👩‍👧 🇮🇩 e\u{301}x", "a\u{301}\u{302}b", "x#️⃣y", "東e\u{301}"]
        for text in samples {
            #expect(text.displayWidth == text.reduce(0) { $0 + $1.displayWidth }, "\(text)")
        }
    }
}

// MARK: - Truncation

@Suite("Truncation")
struct TruncationTests {
    @Test("Text that fits is left alone")
    func fits() {
        #expect("Jakarta".truncated(toWidth: 7) == "Jakarta")
        #expect("東京".truncated(toWidth: 4) == "東京")
        #expect("".truncated(toWidth: 3) == "")
    }

    @Test("Cut text ends in an ellipsis within the width")
    func cut() {
        #expect("Jakarta".truncated(toWidth: 5) == "Jaka…")
        #expect("Jakarta".truncated(toWidth: 1) == "…")
        #expect("Jakarta".truncated(toWidth: 0) == "")
        #expect("Jakarta".truncated(toWidth: -3) == "")
    }

    @Test("Spaces before the ellipsis are dropped")
    func spaces() {
        #expect("Jalur Puncak".truncated(toWidth: 7) == "Jalur…")
    }

    @Test("A wide character is never split at an odd width")
    func wideAtOddWidths() {
        let text = "東京都庁"  // 8 columns
        #expect(text.truncated(toWidth: 5) == "東京…")
        #expect(text.truncated(toWidth: 4) == "東…")
        #expect(text.truncated(toWidth: 3) == "東…")
        #expect(text.truncated(toWidth: 2) == "…")
        for width in 0...9 {
            #expect(text.truncated(toWidth: width).displayWidth <= width)
        }
    }

    @Test("Combining marks stay with their letter")
    func combining() {
        #expect("Kafe\u{301} enak".truncated(toWidth: 5) == "Kafe\u{301}…")
    }
}

// MARK: - Wrapping

@Suite("Wrapping")
struct WrappingTests {
    static let paragraph = """
        Jakarta, IDN Times - Presiden Rusia Vladimir Putin dijadwalkan berkunjung ke Korea Utara \
        pada pekan ini. Kunjungan tersebut menjadi yang pertama dalam 24 tahun terakhir, di tengah \
        hubungan kedua negara yang semakin erat sejak invasi Rusia ke Ukraina.
        """

    static func normalised(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    @Test("An Indonesian paragraph wraps within the width and keeps its words", arguments: [20, 40])
    func indonesian(width: Int) {
        let lines = Self.paragraph.wrapped(toWidth: width)
        #expect(lines.count > 1)
        for line in lines {
            #expect(line.displayWidth <= width, "\(line)")
            #expect(!line.hasPrefix(" ") && !line.hasSuffix(" "))
        }
        #expect(lines.joined(separator: " ") == Self.normalised(Self.paragraph))
    }

    @Test("Wrapping is greedy")
    func greedy() {
        #expect("Hujan deras sejak malam".wrapped(toWidth: 11) == ["Hujan deras", "sejak malam"])
        #expect("satu dua tiga".wrapped(toWidth: 8) == ["satu dua", "tiga"])
    }

    @Test("White space runs collapse to one space")
    func whiteSpace() {
        #expect("  satu \t dua\n\ntiga  ".wrapped(toWidth: 80) == ["satu dua tiga"])
    }

    @Test("A non-breaking space joins two words")
    func nonBreaking() {
        #expect("Rp\u{00A0}10.000 ribu".wrapped(toWidth: 9) == ["Rp\u{00A0}10.000", "ribu"])
    }

    @Test("A word longer than the width is broken by graphemes")
    func longWord() {
        let lines = "di https://www.idntimes.com/news/world ya".wrapped(toWidth: 10)
        #expect(lines == ["di", "https://ww", "w.idntimes", ".com/news/", "world ya"])
        #expect(lines.allSatisfy { $0.displayWidth <= 10 })
    }

    @Test("Wide characters wrap by their width")
    func wideWords() {
        let lines = "東京都庁舎 東京".wrapped(toWidth: 5)
        #expect(lines == ["東京", "都庁", "舎", "東京"])
        #expect(lines.allSatisfy { $0.displayWidth <= 5 })
    }

    @Test("Empty and blank text give one empty line")
    func empty() {
        #expect("".wrapped(toWidth: 10) == [""])
        #expect("   \n ".wrapped(toWidth: 10) == [""])
    }

    @Test("A width below one counts as one")
    func tinyWidth() {
        #expect("ab c".wrapped(toWidth: 0) == ["a", "b", "c"])
        #expect("ab".wrapped(toWidth: -5) == ["a", "b"])
    }
}
