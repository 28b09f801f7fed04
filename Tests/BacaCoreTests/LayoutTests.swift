import Foundation
import Testing
@testable import BacaCore

// MARK: - Fixture

enum LayoutFixture {
    /// An article with every kind of part, built by hand.
    static let article = Article(
        title: "Longsor Tutup Jalur Puncak, Ribuan Kendaraan Tertahan di Gadog",
        heroImage: ImageCaption(caption: "Alat berat membersihkan material longsor", credit: "IDN Times/Yoga"),
        keyPoints: [
            "Longsor menimbun badan jalan sepanjang 40 meter sejak Minggu pagi.",
            "Polisi mengalihkan kendaraan lewat jalur alternatif Cianjur.",
        ],
        location: "Bogor",
        outlet: "IDN Times",
        publishedAt: CalendarDate(year: 2024, month: 11, day: 4).map(PublishedDate.init(day:)),
        author: "Yoga Pratama",
        editor: "Pri Saja",
        sections: [
            Section(blocks: [
                .paragraph("Bogor, IDN Times - Hujan deras sejak malam membuat tebing di Jalur Puncak runtuh pada Senin (4/11/2024) pagi."),
                .paragraph("Ribuan kendaraan tertahan hingga siang hari."),
            ]),
            Section(number: 1, heading: "Pembersihan diperkirakan dua hari", blocks: [
                .image(ImageCaption(caption: "Antrean kendaraan di Gadog", credit: "Dok. Polres Bogor")),
                .paragraph("Petugas gabungan menurunkan tiga alat berat untuk mengangkut material longsor."),
                .quote("“Kami minta pengendara menunda perjalanan ke Puncak sampai jalur benar-benar aman,” kata Kasatlantas."),
            ]),
            Section(number: 2, heading: "Jalur alternatif yang bisa dilewati", blocks: [
                .paragraph("Polisi menyiapkan beberapa jalur pengganti:"),
                .list(["Jalur Cianjur lewat Jonggol", "Jalur Sukabumi lewat Cibadak dan Ciawi yang lebih panjang"]),
                .related("5 Tips Aman Berkendara saat Musim Hujan"),
            ]),
        ],
        sources: ["Antara", "Kompas"],
        disclaimer: "This article was written by our community writer and has been edited by IDN Times editors."
    )

    static let leadText = "Ribuan kendaraan tertahan hingga siang hari."
}

extension ArticleLayout {
    /// The index of the first line whose text contains `text`.
    func line(containing text: String) -> Int? {
        lines.firstIndex { $0.text.contains(text) }
    }

    /// The spans of the line containing `text` whose style is `style`.
    func spans(_ style: StyleName, onLineContaining text: String) -> [String] {
        guard let index = line(containing: text) else { return [] }
        return lines[index].spans.filter { $0.style == style }.map(\.text)
    }
}

// MARK: - Full view

@Suite("Article layout, full view")
struct ArticleLayoutFullTests {
    let article = LayoutFixture.article
    let layout = ArticleLayout.make(article: LayoutFixture.article, width: 80, mode: .full)

    @Test("The title comes first, then the meta line, then a blank line")
    func header() {
        #expect(layout.lines[0].text == "Longsor Tutup Jalur Puncak, Ribuan Kendaraan Tertahan di Gadog")
        #expect(layout.lines[0].spans.allSatisfy { $0.style == .title })
        #expect(layout.lines[1].text == "4 Nov 2024 · Bogor · IDN Times · Editor Pri Saja · 1 menit")
        #expect(layout.lines[1].spans.map(\.style) == [.meta])
        #expect(layout.lines[2].text == "")
        #expect(layout.lines[0...2].allSatisfy { $0.sectionIndex == nil && $0.blockIndex == nil })
    }

    @Test("The meta line's own words follow the language; the article's words stay as they are")
    func metaInEnglish() {
        var article = LayoutFixture.article
        article.publishedAt = PublishedDate(day: CalendarDate(year: 2025, month: 10, day: 2)!)
        let english = ArticleLayout.make(article: article, width: 80, mode: .full, language: .en)
        #expect(english.lines[1].text == "2 Oct 2025 · Bogor · IDN Times · Editor Pri Saja · 1 min")
        let indonesian = ArticleLayout.make(article: article, width: 80, mode: .full, language: .id)
        #expect(indonesian.lines[1].text == "2 Okt 2025 · Bogor · IDN Times · Editor Pri Saja · 1 menit")
        let outline = ArticleLayout.make(article: article, width: 80, mode: .summary, language: .en).lines.map(\.text)
        #expect(outline.contains("Sections") && !outline.contains("Bagian"))
    }

    @Test("The meta line shows only the parts present, with the reading time")
    func metaParts() {
        var bare = Article(title: "Judul", sections: [Section(blocks: [.paragraph("Isi.")])])
        #expect(ArticleLayout.make(article: bare, width: 80, mode: .full).lines[1].text == "1 menit")
        bare.outlet = "IDN Times"
        bare.editor = "Wulan Sari"
        #expect(ArticleLayout.make(article: bare, width: 80, mode: .full).lines[1].text
            == "IDN Times · Editor Wulan Sari · 1 menit")
    }

    @Test("The meta line wraps between its parts on narrow screens")
    func metaWraps() {
        let narrow = ArticleLayout.make(article: article, width: 25, mode: .full)
        let start = narrow.line(containing: "4 Nov 2024")!
        #expect(narrow.lines[start].text == "4 Nov 2024 · Bogor")
        #expect(narrow.lines[start + 1].text == "IDN Times")
        #expect(narrow.lines[start + 2].text == "Editor Pri Saja · 1 menit")
    }

    @Test("The hero caption shows a marker, the caption and the credit in their styles")
    func heroCaption() {
        let index = layout.line(containing: "Alat berat")!
        let line = layout.lines[index]
        #expect(line.text == "▣ Alat berat membersihkan material longsor — IDN Times/Yoga")
        #expect(line.spans == [
            StyledSpan("▣ ", .captionMarker),
            StyledSpan("Alat berat membersihkan material longsor", .caption),
            StyledSpan(" — IDN Times/Yoga", .captionCredit),
        ])
        #expect(line.sectionIndex == nil)
    }

    @Test("A long caption wraps under its text with a hanging indent")
    func captionHangs() {
        let narrow = ArticleLayout.make(article: article, width: 30, mode: .full)
        let index = narrow.line(containing: "▣ Alat")!
        #expect(narrow.lines[index].text == "▣ Alat berat membersihkan")
        #expect(narrow.lines[index + 1].text == "  material longsor — IDN")
        #expect(narrow.lines[index + 2].text == "  Times/Yoga")
    }

    @Test("The key points sit in a rounded box exactly as wide as the layout", arguments: [80, 40, 23, 10])
    func keyPointsBox(width: Int) {
        let layout = ArticleLayout.make(article: article, width: width, mode: .full)
        let top = layout.line(containing: "╭")!
        let bottom = layout.line(containing: "╰")!
        #expect(layout.lines[top].text.hasPrefix("╭─ "))
        #expect(layout.lines[top].text.hasSuffix("─╮") || width < 17)
        #expect(layout.lines[top].text.hasSuffix("╮"))
        #expect(layout.lines[bottom].text == "╰" + String(repeating: "─", count: width - 2) + "╯")
        #expect(bottom - top >= 3)
        for line in layout.lines[top...bottom] {
            #expect(line.text.displayWidth == width, "\(line.text)")
        }
        for line in layout.lines[(top + 1)..<bottom] {
            #expect(line.text.hasPrefix("│ ") && line.text.hasSuffix(" │"), "\(line.text)")
        }
        let bullets = layout.lines[(top + 1)..<bottom].filter { $0.text.hasPrefix("│ • ") }
        #expect(bullets.count == 2)
    }

    @Test("The box at 80 columns")
    func boxAt80() {
        let top = layout.line(containing: "╭")!
        #expect(layout.lines[top].text == "╭─ Intinya sih " + String(repeating: "─", count: 64) + "╮")
        #expect(layout.spans(.summaryTitle, onLineContaining: "╭") == ["Intinya sih"])
        let first = layout.lines[top + 1]
        #expect(first.text == "│ • Longsor menimbun badan jalan sepanjang 40 meter sejak Minggu pagi.         │")
        #expect(first.spans.first == StyledSpan("│ ", .summaryBorder))
        #expect(first.spans.last == StyledSpan(" │", .summaryBorder))
        #expect(first.spans.contains(StyledSpan("• ", .summaryBullet)))
        #expect(first.spans.contains { $0.style == .summaryText && $0.text.hasPrefix("Longsor") })
    }

    @Test("Key points wrap inside the box with a hanging indent")
    func boxHangs() {
        let narrow = ArticleLayout.make(article: article, width: 40, mode: .full)
        let top = narrow.line(containing: "╭")!
        #expect(narrow.lines[top + 1].text == "│ • Longsor menimbun badan jalan       │")
        #expect(narrow.lines[top + 2].text == "│   sepanjang 40 meter sejak Minggu    │")
        #expect(narrow.lines[top + 3].text == "│   pagi.                              │")
    }

    @Test("Sections start at their heading lines; the lead at its first line")
    func sectionStarts() {
        #expect(layout.sectionStartLines.count == 3)
        #expect(layout.lines[layout.sectionStartLines[0]].text.hasPrefix("Bogor, IDN Times - Hujan"))
        #expect(layout.lines[layout.sectionStartLines[1]].text == "1. Pembersihan diperkirakan dua hari")
        #expect(layout.lines[layout.sectionStartLines[2]].text == "2. Jalur alternatif yang bisa dilewati")
        #expect(layout.lines[layout.sectionStartLines[1]].spans.allSatisfy { $0.style == .heading })
        #expect(layout.lines[layout.sectionStartLines[1] - 1].text == "")
    }

    @Test("Every line of a section carries its index; block lines their block")
    func sectionIndices() {
        for (number, start) in layout.sectionStartLines.enumerated() {
            let end = number + 1 < layout.sectionStartLines.count ? layout.sectionStartLines[number + 1] - 1 : start + 1
            for index in start..<end {
                #expect(layout.lines[index].sectionIndex == number, "line \(index): \(layout.lines[index].text)")
                #expect(layout.sectionIndex(atLine: index) == number)
            }
        }
        #expect(layout.lines[layout.sectionStartLines[1]].blockIndex == nil)  // the heading
        #expect(layout.lines[layout.line(containing: "Antrean kendaraan")!].blockIndex == 0)
        #expect(layout.lines[layout.line(containing: "Petugas gabungan")!].blockIndex == 1)
        #expect(layout.lines[layout.line(containing: "Kami minta")!].blockIndex == 2)
        #expect(layout.lines[layout.line(containing: LayoutFixture.leadText)!].blockIndex == 1)
        #expect(layout.sectionIndex(atLine: 0) == nil)
        #expect(layout.sectionIndex(atLine: layout.lines.count - 1) == 2)
    }

    @Test("An inline picture follows its heading directly")
    func inlineImage() {
        let heading = layout.sectionStartLines[1]
        #expect(layout.lines[heading + 1].text == "▣ Antrean kendaraan di Gadog — Dok. Polres Bogor")
    }

    @Test("Paragraphs are separated by blank lines")
    func paragraphs() {
        let lead = layout.line(containing: LayoutFixture.leadText)!
        #expect(layout.lines[lead - 1].text == "")
        #expect(layout.lines[lead].text == LayoutFixture.leadText)
        #expect(layout.lines[lead].spans == [StyledSpan(LayoutFixture.leadText, .text)])
    }

    @Test("Quotes are indented by two behind a bar, every line")
    func quotes() {
        let narrow = ArticleLayout.make(article: article, width: 40, mode: .full)
        let quoteLines = narrow.lines.filter { $0.spans.contains { $0.style == .quote } }
        #expect(quoteLines.count >= 3)
        #expect(quoteLines[0].text == "  │ “Kami minta pengendara menunda")
        for line in quoteLines {
            #expect(line.text.hasPrefix("  │ "))
            #expect(line.spans[1] == StyledSpan("│ ", .quoteBar))
            #expect(line.text.displayWidth <= 40)
        }
        #expect(quoteLines.last!.text.hasSuffix("kata Kasatlantas."))
    }

    @Test("List items get bullets and hang under their text")
    func lists() {
        let narrow = ArticleLayout.make(article: article, width: 40, mode: .full)
        let first = narrow.line(containing: "Jalur Cianjur")!
        #expect(narrow.lines[first].text == "• Jalur Cianjur lewat Jonggol")
        #expect(narrow.lines[first].spans.first == StyledSpan("• ", .listBullet))
        #expect(narrow.lines[first + 1].text == "• Jalur Sukabumi lewat Cibadak dan Ciawi")
        #expect(narrow.lines[first + 2].text == "  yang lebih panjang")
        #expect(narrow.lines[first - 1].text == "")
    }

    @Test("Related links read Baca juga, dimmed")
    func related() {
        let index = layout.line(containing: "Baca juga")!
        #expect(layout.lines[index].text == "Baca juga: 5 Tips Aman Berkendara saat Musim Hujan")
        #expect(layout.lines[index].spans.allSatisfy { $0.style == .related })
        #expect(layout.lines[index].sectionIndex == 2)
    }

    @Test("The sources, then the disclaimer, close the article")
    func footer() {
        let lines = layout.lines
        #expect(lines.last!.text == "Times editors.")  // the disclaimer wraps at 80 and ends the layout
        let disclaimer = layout.line(containing: "This article was written")!
        #expect(lines[disclaimer...].allSatisfy { $0.spans.allSatisfy { $0.style == .disclaimer } })
        #expect(lines[disclaimer...].map(\.text).joined(separator: " ") == LayoutFixture.article.disclaimer)
        let sources = layout.line(containing: "Sumber:")!
        #expect(lines[sources].text == "Sumber: Antara, Kompas")
        #expect(lines[sources].spans.allSatisfy { $0.style == .meta })
        #expect(sources < disclaimer)
        #expect(lines[sources + 1].text == "")
        #expect(lines[sources].sectionIndex == nil && lines[disclaimer].sectionIndex == nil)
    }

    @Test("Without key points, hero or footer no box or blank runs are left")
    func missingParts() {
        let bare = Article(title: "Judul", sections: [Section(blocks: [.paragraph("Isi."), .paragraph(" ")])])
        let layout = ArticleLayout.make(article: bare, width: 40, mode: .full)
        #expect(layout.lines.map(\.text) == ["Judul", "1 menit", "", "Isi."])
        #expect(layout.sectionStartLines == [3])
    }

    @Test("Plain text trims trailing spaces and joins lines")
    func plainText() {
        let text = layout.plainText()
        #expect(text.hasPrefix("Longsor Tutup Jalur Puncak, Ribuan Kendaraan Tertahan di Gadog\n4 Nov 2024 · "))
        #expect(!text.hasSuffix("\n"))
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == layout.lines.count)
        #expect(text.contains("pagi.         │\n"))
        #expect(!text.contains(" \n"))
    }
}

// MARK: - Summary view

@Suite("Article layout, summary view")
struct ArticleLayoutSummaryTests {
    let layout = ArticleLayout.make(article: LayoutFixture.article, width: 80, mode: .summary)

    @Test("The summary shows the header, the box and the outline, but no body text")
    func outline() {
        let texts = layout.lines.map(\.text)
        #expect(texts[0] == LayoutFixture.article.title)
        #expect(layout.line(containing: "╭─ Intinya sih") != nil)
        #expect(layout.line(containing: "Alat berat") != nil)
        #expect(layout.line(containing: "Petugas gabungan") == nil)
        #expect(layout.line(containing: "Bogor, IDN Times - Hujan") == nil)
        #expect(layout.line(containing: "Kami minta") == nil)
        #expect(layout.line(containing: "Baca juga") == nil)
        #expect(layout.line(containing: "This article") == nil)
        let label = texts.firstIndex(of: "Bagian")!
        #expect(Array(texts[(label + 1)...]) == [
            "1. Pembersihan diperkirakan dua hari",
            "2. Jalur alternatif yang bisa dilewati",
        ])
    }

    @Test("Outline lines carry their section and are the sections' start lines")
    func jumps() {
        let first = layout.line(containing: "1. Pembersihan")!
        let second = layout.line(containing: "2. Jalur")!
        #expect(layout.lines[first].sectionIndex == 1)
        #expect(layout.lines[second].sectionIndex == 2)
        #expect(layout.lines[first].spans.allSatisfy { $0.style == .heading })
        #expect(layout.sectionStartLines[1] == first)
        #expect(layout.sectionStartLines[2] == second)
        #expect(layout.sectionStartLines[0] <= first)
        #expect(layout.sectionIndex(atLine: second) == 2)
    }

    @Test("Without key points the summary shows the lead's first paragraph")
    func leadInstead() {
        var article = LayoutFixture.article
        article.keyPoints = []
        let layout = ArticleLayout.make(article: article, width: 80, mode: .summary)
        #expect(layout.line(containing: "╭") == nil)
        let lead = layout.line(containing: "Bogor, IDN Times - Hujan")!
        #expect(layout.sectionStartLines[0] == lead)
        #expect(layout.lines[lead].sectionIndex == 0)
        #expect(layout.line(containing: LayoutFixture.leadText) == nil)
        #expect(layout.line(containing: "Petugas gabungan") == nil)
    }
}

// MARK: - Widths

@Suite("Article layout at every width")
struct ArticleLayoutWidthTests {
    static let wideArticle: Article = {
        var article = LayoutFixture.article
        article.title = "東京でプーチン大統領と会談 👨‍👩‍👧 Supercalifragilisticexpialidocious-panjang-sekali"
        article.keyPoints.append("Kafe\u{301} 東京都庁舎 🇮🇩🇮🇩🇮🇩 https://www.idntimes.com/news/indonesia/sangat-panjang")
        article.sections[1].blocks.append(.quote("“東京都庁舎東京都庁舎東京都庁舎” ujarnya."))
        article.sections[2].blocks.append(.list(["https://www.idntimes.com/news/indonesia/sangat-panjang-sekali"]))
        article.sections.append(Section(number: 10, heading: "Bagian dengan judul yang amat sangat panjang sekali"))
        return article
    }()

    @Test("No line is wider than the layout, from 10 to 120 columns", arguments: ArticleViewMode.allCases)
    func everyWidth(mode: ArticleViewMode) {
        for width in 10...120 {
            let layout = ArticleLayout.make(article: Self.wideArticle, width: width, mode: mode)
            for line in layout.lines {
                #expect(line.text.displayWidth <= width, "width \(width): \(line.text)")
            }
            #expect(layout.sectionStartLines.count == Self.wideArticle.sections.count)
            #expect(layout.sectionStartLines == layout.sectionStartLines.sorted())
            #expect(layout.sectionStartLines.allSatisfy { layout.lines.indices.contains($0) })
        }
    }

    @Test("Tiny widths stay within the width too", arguments: [1, 2, 3, 5, 9])
    func tiny(width: Int) {
        for mode in ArticleViewMode.allCases {
            let layout = ArticleLayout.make(article: Self.wideArticle, width: width, mode: mode)
            #expect(!layout.lines.isEmpty)
            #expect(layout.lines.allSatisfy { $0.text.displayWidth <= width })
        }
    }

    @Test("A width of zero or less counts as one")
    func nonPositive() {
        let layout = ArticleLayout.make(article: LayoutFixture.article, width: 0, mode: .full)
        #expect(layout.width == 1)
        #expect(layout.lines.allSatisfy { $0.text.displayWidth <= 1 })
    }

    @Test("An empty article lays out as its title")
    func emptyArticle() {
        let layout = ArticleLayout.make(article: Article(title: ""), width: 40, mode: .full)
        #expect(layout.lines.map(\.text) == ["", "1 menit"])
        #expect(layout.sectionStartLines.isEmpty)
        #expect(layout.sectionIndex(atLine: 0) == nil)
    }
}

@Suite("Numbered lists")
struct NumberedListLayoutTests {
    @Test("a numbered list keeps its numbers in the layout and in JSON; a bulleted one its bullets")
    func numbers() throws {
        let article = Article(title: "Langkah 3M", sections: [Section(blocks: [
            .paragraph("Lakukan langkah berikut:"),
            .list(["Menguras bak mandi", "Menutup tempat air", "Mendaur ulang barang bekas"], ordered: true),
            .list(["masker", "sabun"]),
        ])])
        let text = ArticleLayout.make(article: article, width: 60, mode: .full).plainText()
        #expect(text.contains("1. Menguras bak mandi"))
        #expect(text.contains("3. Mendaur ulang barang bekas"))
        #expect(text.contains("• masker"))
        let json = String(decoding: try JSONEncoder().encode(article), as: UTF8.self)
        #expect(json.contains("\"ordered\":true"))
        let decoded = try JSONDecoder().decode(Article.self, from: Data(json.utf8))
        #expect(decoded == article)
    }
}

@Suite("Room for pictures in the layout")
struct PictureSpaceLayoutTests {
    static let article = Article(
        title: "Jembatan",
        heroImage: ImageCaption(caption: "Foto jembatan", url: "http://news.example/hero.png"),
        sections: [Section(blocks: [
            .paragraph("Pembuka yang pendek."),
            .image(ImageCaption(caption: "Papan nama", url: "http://news.example/sign.png")),
            .image(ImageCaption(caption: "", url: "http://news.example/bare.png")),
            .image(ImageCaption(caption: "Tanpa alamat")),
        ])])

    @Test("rows above each caption with an address, a note for a failed one, none without an address")
    func rowsAndNotes() throws {
        let layout = ArticleLayout.make(article: Self.article, width: 60, mode: .full) { url in
            url.hasSuffix("sign.png") ? .note("gambar tidak dimuat: HTTP 404 Not Found") : .rows(3)
        }
        let hero = try #require(layout.lines.firstIndex { $0.text.contains("Foto jembatan") })
        #expect((1...3).allSatisfy { layout.lines[hero - $0].picture?.url == "http://news.example/hero.png" })
        #expect(layout.lines[hero - 3].picture?.row == 0 && layout.lines[hero - 1].picture?.row == 2)
        let sign = try #require(layout.lines.firstIndex { $0.text.contains("Papan nama") })
        #expect(layout.lines[sign - 1].text == "▢ gambar tidak dimuat: HTTP 404 Not Found")
        #expect(layout.lines[sign - 1].spans.first?.style == .dim)
        // A picture without a caption still gets its room; a caption without an address none.
        #expect(layout.lines.filter { $0.picture?.url == "http://news.example/bare.png" }.count == 3)
        let bare = try #require(layout.lines.firstIndex { $0.picture?.url == "http://news.example/bare.png" })
        #expect(layout.lines[bare].blockIndex == 2 && layout.lines[bare].sectionIndex == 0)
        let plain = try #require(layout.lines.firstIndex { $0.text.contains("Tanpa alamat") })
        #expect(layout.lines[plain - 1].picture == nil && layout.lines[plain - 1].text.isEmpty)
        // Without spacing: the captions alone, as before.
        let captionsOnly = ArticleLayout.make(article: Self.article, width: 40, mode: .full)
        #expect(captionsOnly.lines.allSatisfy { $0.picture == nil && !$0.text.contains("▢") })
    }
}
