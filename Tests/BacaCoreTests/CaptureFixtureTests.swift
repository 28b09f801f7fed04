import Foundation
import Testing
@testable import BacaCore

/// Whole captures, shaped like a real IDN Times page, parsed end to end.
@Suite("Capture fixtures")
struct CaptureFixtureTests {
    let support = CaptureTestSupport.self

    @Test("A full article: every element where it belongs")
    func fullArticle() throws {
        let loaded = try CaptureLoader.load(try support.fixtureData("panen-raya-karawang"))
        let article = loaded.article
        #expect(loaded.encoding == .utf8)

        #expect(article.title == "Menteri Pertanian Tinjau Panen Raya Padi di Karawang")
        #expect(article.heroImage == ImageCaption(
            caption: "Menteri Pertanian Arief Wicaksono meninjau panen padi di Desa Sukamulya, Karawang",
            credit: "IDN Times/Rendra Saputra"))
        #expect(article.keyPoints == [
            "Kementerian Pertanian menargetkan produksi gabah 4,2 juta ton dari panen raya di Jawa Barat",
            "Arief Wicaksono meminta Bulog menyerap gabah petani dengan harga minimal Rp6.500 per kilogram",
            "Petani Karawang mengeluhkan harga pupuk yang naik menjelang musim tanam berikutnya",
        ])
        #expect(article.location == "Jakarta")
        #expect(article.outlet == "IDN Times")
        #expect(article.publishedAt?.namedDay == CalendarDate(year: 2024, month: 11, day: 4))

        // The lead: three paragraphs, the first one without its dateline.
        let lead = try #require(article.lead)
        #expect(lead.heading == nil)
        #expect(lead.blocks.count == 3)
        guard case .paragraph(let first)? = lead.blocks.first else {
            Issue.record("the lead does not start with a paragraph: \(lead.blocks)")
            return
        }
        #expect(first.hasPrefix("Menteri Pertanian Arief Wicaksono meninjau panen raya padi"))
        #expect(!first.contains("IDN Times"))

        // Three numbered sections with their headings.
        #expect(article.sections.count == 4)
        #expect(article.numberedSections.map(\.number) == [1, 2, 3])
        #expect(article.numberedSections.map(\.heading) == [
            "Target produksi gabah 4,2 juta ton",
            "Bulog diminta serap gabah petani",
            "Petani keluhkan harga pupuk",
        ])

        // Two inline images, each once, with the credit split off.
        let images = article.allBlocks.compactMap { block -> ImageCaption? in
            if case .image(let image) = block { return image } else { return nil }
        }
        #expect(images == [
            ImageCaption(caption: "Hamparan sawah siap panen di Kecamatan Rawamerta", credit: "IDN Times/Rendra Saputra"),
            ImageCaption(caption: "Seorang petani memanggul karung gabah di Desa Sukamulya", credit: "IDN Times/Rendra Saputra"),
        ])
        #expect(article.sections[1].blocks.first == .image(images[0]))
        #expect(article.sections[3].blocks.first == .image(images[1]))

        // Quotes, including the one over two lines, stay whole and keep their marks.
        let quotes = article.allBlocks.compactMap { block -> String? in
            if case .quote(let text) = block { return text } else { return nil }
        }
        #expect(quotes.count == 3)
        #expect(quotes.allSatisfy { $0.hasPrefix("\"") || $0.hasPrefix("“") })
        #expect(quotes.contains(
            "“Kalau Bulog hadir di sawah, tengkulak tidak bisa seenaknya menekan harga. Kami akan awasi langsung di lapangan,” ujarnya."))

        #expect(article.allBlocks.contains(.related("Harga Beras Medium Turun di Pasar Induk Cipinang")))
        #expect(article.sections[1].blocks.last == .related("Harga Beras Medium Turun di Pasar Induk Cipinang"))
        #expect(article.allBlocks.contains(.paragraph(
            "Dilansir Antara, Kementerian Pertanian juga menyiapkan 1.200 unit mesin panen untuk membantu petani di sentra produksi.")))
        #expect(article.sources == ["Antara", "The Jakarta Post", "Bloomberg"])
        #expect(article.topics == ["Pertanian", "Karawang"])
        #expect(article.author == "Rendra Saputra")
        #expect(article.editor == "Wulan Pratiwi")
        #expect(article.disclaimer?.hasPrefix("This article is written by one of our community writers") == true)

        let json = try support.json(article)
        for phrase in support.chromePhrases {
            #expect(!json.contains(phrase), "chrome \(phrase) in the article")
        }
        #expect(!json.contains("\"For\"") && !json.contains("\"You\""))
        #expect(support.forbiddenScalars(in: article).isEmpty)
    }

    @Test("Every sentence of the fixture's body survives")
    func noSentenceLost() throws {
        let text = try support.fixtureText("panen-raya-karawang")
        let article = try support.load(text).article
        let everything = support.strings(in: article).joined(separator: " ")
        let chrome = ["Baca artikel IDN Times lainnya di IDN App", "For", "You", "Intinya sih...", "Share",
                      "Editor’s Picks", "Topics", "Editorial Team", "Follow Us", "EditorWulan Pratiwi"]
        for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard !line.isEmpty, !chrome.contains(line) else { continue }
            // A caption keeps its words, a bullet loses its marker, a related link its label.
            var words = line.replacingOccurrences(of: "• ", with: "").replacingOccurrences(of: "Baca Juga: ", with: "")
                .replacingOccurrences(of: "Jakarta, IDN Times - ", with: "")
            if let dot = words.firstIndex(of: "."), words[..<dot].allSatisfy(\.isNumber), !words[..<dot].isEmpty {
                words = String(words[words.index(dot, offsetBy: 2)...])
            }
            let probe = String(words.prefix(40)).replacingOccurrences(of: "  ", with: " ")
            #expect(everything.contains(probe), "lost: \(line)")
        }
    }

    @Test("A regional listicle: numbered title, en dash dateline, lists that are not sections")
    func regionalListicle() throws {
        let article = try CaptureLoader.load(try support.fixtureData("festival-layang-pangandaran")).article
        #expect(article.title == "5 Fakta Festival Layang-Layang di Pantai Pangandaran")
        #expect(article.location == "Bandung")
        #expect(article.outlet == "IDN Times")
        #expect(article.publishedAt?.namedDay == CalendarDate(year: 2024, month: 7, day: 13))
        #expect(article.keyPoints.isEmpty)
        #expect(article.heroImage?.credit == "IDN Times/Galih Permana")
        #expect(article.numberedSections.map(\.number) == [1, 2, 3])
        #expect(article.numberedSections.map(\.heading) == [
            "Diikuti peserta dari 12 negara", "Layang-layang naga sepanjang 80 meter", "Hotel penuh sejak sepekan sebelumnya",
        ])

        let first = article.sections[1].blocks
        #expect(first == [
            .paragraph("Panitia mencatat ada 240 peserta tahun ini. Mereka datang dari negara berikut:"),
            .list(["Malaysia", "Thailand", "Jepang"], ordered: true),
            .paragraph("2024. Tahun itu menjadi penyelenggaraan dengan peserta terbanyak sepanjang sejarah festival."),
        ])
        let second = article.sections[2].blocks
        #expect(second == [
            .paragraph("Layang-layang terpanjang dibawa tim dari Cirebon. Untuk menerbangkannya dibutuhkan:"),
            .list(["delapan orang penarik tali", "angin dengan kecepatan minimal 15 kilometer per jam", "lapangan pasir yang lapang"]),
            .paragraph("5. Angka ini bukan nomor bagian, hanya kalimat biasa yang diawali angka."),
            .related("Pangandaran Siapkan Ribuan Kamar untuk Libur Sekolah"),
        ])
        #expect(article.sections[3].blocks.last == .quote("‘Kami sudah menolak tamu sejak Rabu,’ kata pengelola penginapan Asep Mulyana."))
        #expect(article.sources == ["Pikiran Rakyat"])
        #expect(article.topics == ["Pangandaran", "Festival"])
        #expect(article.author == "Galih Permana")
        #expect(article.editor == "Siti Rahmawati")
        #expect(article.disclaimer == nil)
    }
}
