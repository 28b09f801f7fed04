import Foundation
import Testing
@testable import BacaCore

/// One element of the capture format at a time.
@Suite("Capture parser elements")
struct ParserElementTests {
    let support = CaptureTestSupport.self

    @Test("A title may start with a number and is still the title")
    func numberedTitle() throws {
        let article = try support.article(support.capture(
            title: "7 Kuliner Malam Legendaris di Kota Malang",
            body: "Malang, IDN Times - Kota Malang punya banyak warung yang buka sampai dini hari."))
        #expect(article.title == "7 Kuliner Malam Legendaris di Kota Malang")
        #expect(article.numberedSections.isEmpty)
        #expect(article.location == "Malang")
    }

    @Test("Menu words under the promo are dropped; the title comes after them")
    func topChrome() throws {
        let article = try support.article("""
            Baca artikel IDN Times lainnya di IDN App
            For
            You
            Hype
            Life

            Pasar Baru Bogor Direnovasi
            Bogor, IDN Times - Pasar Baru Bogor mulai direnovasi pekan ini.
            """)
        #expect(article.title == "Pasar Baru Bogor Direnovasi")
        #expect(article.allBlocks == [.paragraph("Pasar Baru Bogor mulai direnovasi pekan ini.")])
        #expect(article.location == "Bogor")
    }

    @Test("Extra blank lines anywhere change nothing")
    func extraBlankLines() throws {
        let article = try support.article("""


            Baca artikel IDN Times lainnya di IDN App


            Pasar Baru Bogor Direnovasi



            Los pedagang sayur di Pasar Baru Bogor (IDN Times/Nadia Putri)

            Los pedagang sayur di Pasar Baru Bogor (IDN Times/Nadia Putri)


            Intinya sih...

              • Renovasi selesai Maret

              • Pedagang pindah sementara


            Baca Juga: Pasar Kebon Kembang Ditata Ulang


            Bogor, IDN Times - Pasar Baru Bogor mulai direnovasi pekan ini.



            1. Pedagang pindah ke tempat sementara


            Tempat sementara ada di lahan parkir.


            """)
        #expect(article.title == "Pasar Baru Bogor Direnovasi")
        #expect(article.heroImage == ImageCaption(caption: "Los pedagang sayur di Pasar Baru Bogor", credit: "IDN Times/Nadia Putri"))
        #expect(article.keyPoints == ["Renovasi selesai Maret", "Pedagang pindah sementara"])
        #expect(article.location == "Bogor")
        #expect(article.lead?.blocks == [
            .related("Pasar Kebon Kembang Ditata Ulang"),
            .paragraph("Pasar Baru Bogor mulai direnovasi pekan ini."),
        ])
        #expect(article.numberedSections.map(\.heading) == ["Pedagang pindah ke tempat sementara"])
        #expect(article.numberedSections.first?.blocks == [.paragraph("Tempat sementara ada di lahan parkir.")])
    }

    @Test("Datelines with a hyphen, an en dash or an em dash, in regional editions", arguments: [
        ("Jakarta, IDN Times - Hujan deras", "Jakarta", "IDN Times"),
        ("Bandung, IDN Times – Hujan deras", "Bandung", "IDN Times"),
        ("Surabaya, IDN Times — Hujan deras", "Surabaya", "IDN Times"),
        ("Banda Aceh, IDN Times Aceh – Hujan deras", "Banda Aceh", "IDN Times Aceh"),
        ("Medan, IDN Times—Hujan deras", "Medan", "IDN Times"),
    ])
    func dateline(opening: String, location: String, outlet: String) throws {
        let article = try support.article(support.capture(
            body: "\(opening) mengguyur kota sejak Selasa (5/11/2024) sore.\n\nWarga diminta waspada."))
        #expect(article.location == location)
        #expect(article.outlet == outlet)
        #expect(article.lead?.blocks.first == .paragraph("Hujan deras mengguyur kota sejak Selasa (5/11/2024) sore."))
        #expect(article.lead?.blocks.count == 2)
        #expect(article.publishedAt?.namedDay == CalendarDate(year: 2024, month: 11, day: 5))
    }

    @Test("A first paragraph with a comma and a dash is no dateline unless it looks like one")
    func notADateline() throws {
        let body = "Menurut dia, kondisi jalan - terutama di tanjakan - masih licin."
        let article = try support.article(support.capture(body: body))
        #expect(article.location == nil)
        #expect(article.outlet == nil)
        #expect(article.lead?.blocks == [.paragraph(body)])
    }

    @Test("Hero caption printed twice, copies differing in white space, becomes one image")
    func heroCaption() throws {
        let article = try support.article(support.capture(body: """
            Bus listrik  melintas di Jalan Pajajaran, Bogor (ANTARA FOTO/Arif Firmansyah)
            Bus listrik melintas di Jalan Pajajaran,\tBogor (ANTARA FOTO/Arif Firmansyah)

            Bogor, IDN Times - Pemkot Bogor mulai menguji bus listrik.
            """))
        #expect(article.heroImage == ImageCaption(
            caption: "Bus listrik melintas di Jalan Pajajaran, Bogor", credit: "ANTARA FOTO/Arif Firmansyah"))
        #expect(article.allBlocks == [.paragraph("Pemkot Bogor mulai menguji bus listrik.")])
    }

    @Test("Key points: Intinya sih with three dots or an ellipsis, and absent")
    func keyPoints() throws {
        for heading in ["Intinya sih...", "Intinya sih…"] {
            let article = try support.article(support.capture(body: """
                \(heading)
                  • Uji coba berlangsung tiga bulan
                  • Tarif masih gratis

                Bogor, IDN Times - Pemkot Bogor mulai menguji bus listrik.
                """))
            #expect(article.keyPoints == ["Uji coba berlangsung tiga bulan", "Tarif masih gratis"])
            #expect(article.location == "Bogor")
        }
        let without = try support.article(support.capture(body: "Bogor, IDN Times - Pemkot Bogor mulai menguji bus listrik."))
        #expect(without.keyPoints.isEmpty)
        #expect(without.allBlocks == [.paragraph("Pemkot Bogor mulai menguji bus listrik.")])
    }

    @Test("A quote that runs over two lines is one quote block")
    func quoteOverTwoLines() throws {
        let article = try support.article(support.capture(body: """
            Bogor, IDN Times - Pemkot Bogor mulai menguji bus listrik.

            “Kami ingin warga mencoba dulu,
            baru nanti kami tetapkan tarifnya,” kata Wali Kota.

            "Armada ditambah tahun depan," ujarnya.
            """))
        #expect(article.allBlocks == [
            .paragraph("Pemkot Bogor mulai menguji bus listrik."),
            .quote("“Kami ingin warga mencoba dulu, baru nanti kami tetapkan tarifnya,” kata Wali Kota."),
            .quote("\"Armada ditambah tahun depan,\" ujarnya."),
        ])
    }

    @Test("Short numbered lines under a paragraph are a list, not sections")
    func numberedListIsNotSections() throws {
        let article = try support.article(support.capture(body: """
            Bogor, IDN Times - Bus listrik melayani tiga koridor:
            1. Terminal Bubulak - Cidangiang
            2. Terminal Baranangsiang - Ciawi
            3. Stasiun Bogor - Cibinong

            Setiap koridor dilayani lima bus.
            """))
        #expect(article.numberedSections.isEmpty)
        #expect(article.sections.count == 1)
        #expect(article.allBlocks == [
            .paragraph("Bus listrik melayani tiga koridor:"),
            .list(["Terminal Bubulak - Cidangiang", "Terminal Baranangsiang - Ciawi", "Stasiun Bogor - Cibinong"], ordered: true),
            .paragraph("Setiap koridor dilayani lima bus."),
        ])
    }

    @Test("Numbered headings must run 1, 2, 3; a year or a jump is text")
    func headingSequence() throws {
        let article = try support.article(support.capture(body: """
            Bogor, IDN Times - Ada beberapa catatan.

            1. Jadwal belum tetap

            Jadwal berubah setiap pekan.

            2024. Tahun itu uji coba pertama dimulai.

            4. Ini bukan bagian keempat

            2. Halte masih kurang

            Baru ada 12 halte.
            """))
        #expect(article.numberedSections.map(\.number) == [1, 2])
        #expect(article.numberedSections.map(\.heading) == ["Jadwal belum tetap", "Halte masih kurang"])
        #expect(article.sections[1].blocks == [
            .paragraph("Jadwal berubah setiap pekan."),
            .paragraph("2024. Tahun itu uji coba pertama dimulai."),
            .paragraph("4. Ini bukan bagian keempat"),
        ])
    }

    @Test("Bulleted lines with •, - or * are a list")
    func bulletedList() throws {
        for marker in ["•", "-", "*"] {
            let article = try support.article(support.capture(body: """
                Bogor, IDN Times - Penumpang wajib membawa:
                \(marker) kartu uang elektronik
                \(marker) masker
                """))
            #expect(article.allBlocks == [
                .paragraph("Penumpang wajib membawa:"),
                .list(["kartu uang elektronik", "masker"]),
            ])
        }
    }

    @Test("Baca Juga is a related link, never a paragraph")
    func relatedLink() throws {
        let article = try support.article(support.capture(body: """
            Bogor, IDN Times - Pemkot Bogor mulai menguji bus listrik.
            Baca Juga: Jalur Puncak Ditutup Akibat Longsor
            Uji coba berlangsung tiga bulan.

            BACA JUGA:
            Tarif KRL Naik Mulai Januari

            Baca juga ulasan kami tentang tarif angkot.
            """))
        #expect(article.allBlocks == [
            .paragraph("Pemkot Bogor mulai menguji bus listrik."),
            .related("Jalur Puncak Ditutup Akibat Longsor"),
            .paragraph("Uji coba berlangsung tiga bulan."),
            .related("Tarif KRL Naik Mulai Januari"),
            .paragraph("Baca juga ulasan kami tentang tarif angkot."),
        ])
    }

    @Test("Dilansir and Mengutip name sources, in order, without repeats; the paragraph stays")
    func sources() throws {
        let article = try support.article(support.capture(body: """
            Bogor, IDN Times - Pemkot Bogor mulai menguji bus listrik.

            Mengutip Kompas, bus dibeli dari produsen lokal.

            Dilansir dari The Straits Times, Singapura lebih dulu memakai bus serupa.

            Dilansir Kompas pada Senin (4/11/2024), baterai bus bisa dipakai 250 km.

            Mengutip laman resmi Kemenhub, uji coba diawasi pusat.
            """))
        #expect(article.sources == ["Kompas", "The Straits Times", "Kemenhub"])
        #expect(article.allBlocks.contains(.paragraph("Mengutip Kompas, bus dibeli dari produsen lokal.")))
        #expect(article.allBlocks.count == 5)
    }

    @Test("Inline image printed twice becomes one image block; a single line with a credit stays text")
    func inlineImage() throws {
        let article = try support.article(support.capture(body: """
            Bogor, IDN Times - Pemkot Bogor mulai menguji bus listrik.

            1. Rute pertama

            Halte bus di depan Balai Kota Bogor (IDN Times/Nadia Putri)
            Halte bus di depan Balai Kota Bogor (IDN Times/Nadia Putri)
            Bus berangkat setiap 15 menit dari halte ini (foto kiri).

            Tarifnya Rp4.000 (sementara)
            """))
        #expect(article.sections[1].blocks == [
            .image(ImageCaption(caption: "Halte bus di depan Balai Kota Bogor", credit: "IDN Times/Nadia Putri")),
            .paragraph("Bus berangkat setiap 15 menit dari halte ini (foto kiri)."),
            .paragraph("Tarifnya Rp4.000 (sementara)"),
        ])
    }

    @Test("Editorial team: writer on its own line or with a role, editor glued or spaced")
    func editorialTeam() throws {
        let cases: [(String, String?, String?)] = [
            ("Nadia Putri\nEditorYoga Pratama", "Nadia Putri", "Yoga Pratama"),
            ("WriterNadia Putri\nEditor Yoga Pratama", "Nadia Putri", "Yoga Pratama"),
            ("Penulis: Nadia Putri\nEditor: Yoga Pratama", "Nadia Putri", "Yoga Pratama"),
            ("Editor\nYoga Pratama", nil, "Yoga Pratama"),
            ("Editora Putri", "Editora Putri", nil),
        ]
        for (team, author, editor) in cases {
            let text = """
                Bus Listrik Mulai Melayani Warga Bogor

                Bogor, IDN Times - Pemkot Bogor mulai menguji bus listrik.
                Share
                Topics
                Transportasi
                Editorial Team
                \(team)
                Follow Us
                """
            let article = try support.article(text)
            #expect(article.author == author, "\(team)")
            #expect(article.editor == editor, "\(team)")
            #expect(article.topics == ["Transportasi"])
            #expect(article.allBlocks == [.paragraph("Pemkot Bogor mulai menguji bus listrik.")])
        }
    }

    @Test("Missing editorial team, hero and sections: a lead-only article")
    func leadOnly() throws {
        let article = try support.article("""
            Banjir Rob Genangi Pesisir Utara Surabaya

            Surabaya, IDN Times — Banjir rob menggenangi kawasan pesisir utara pada Rabu (6/11/2024).

            Ketinggian air mencapai 40 sentimeter.
            """)
        #expect(article.title == "Banjir Rob Genangi Pesisir Utara Surabaya")
        #expect(article.heroImage == nil)
        #expect(article.author == nil && article.editor == nil)
        #expect(article.sections.count == 1)
        #expect(article.lead?.blocks == [
            .paragraph("Banjir rob menggenangi kawasan pesisir utara pada Rabu (6/11/2024)."),
            .paragraph("Ketinggian air mencapai 40 sentimeter."),
        ])
        #expect(article.location == "Surabaya")
    }

    @Test("Footer chrome is dropped, with a straight or a curly apostrophe")
    func footerChrome() throws {
        for picks in ["Editor’s Picks", "Editor's Picks"] {
            let article = try support.article("""
                Bus Listrik Mulai Melayani Warga Bogor

                Bogor, IDN Times - Pemkot Bogor mulai menguji bus listrik.
                Share
                \(picks)
                Topics
                Editorial Team
                Follow Us
                """)
            #expect(article.allBlocks == [.paragraph("Pemkot Bogor mulai menguji bus listrik.")])
            #expect(article.topics.isEmpty)
        }
    }

    @Test("A sentence after a footer word is still article text")
    func proseAfterFooterWordIsKept() throws {
        let article = try support.article("""
            Bus Listrik Mulai Melayani Warga Bogor

            Share

            Bogor, IDN Times - Pemkot Bogor mulai menguji bus listrik di tiga koridor utama kota.
            """)
        #expect(article.allBlocks == [.paragraph("Pemkot Bogor mulai menguji bus listrik di tiga koridor utama kota.")])
    }

    @Test("publishedAt is the first valid date in the lead; impossible dates are ignored")
    func dates() throws {
        let invalid = try support.article(support.capture(
            body: "Bogor, IDN Times - Rapat digelar Rabu (31/2/2024) dan (12/13/2024)."))
        #expect(invalid.publishedAt == nil)
        #expect(invalid.allBlocks == [.paragraph("Rapat digelar Rabu (31/2/2024) dan (12/13/2024).")])

        let skipping = try support.article(support.capture(
            body: "Bogor, IDN Times - Rapat digelar (30/2/2024), lalu Jumat (1/3/2024)."))
        #expect(skipping.publishedAt?.namedDay == CalendarDate(year: 2024, month: 3, day: 1))

        let leap = try support.article(support.capture(body: "Bogor, IDN Times - Rapat digelar Kamis (29/2/2024)."))
        #expect(leap.publishedAt?.namedDay == CalendarDate(year: 2024, month: 2, day: 29))

        let none = try support.article(support.capture(body: "Bogor, IDN Times - Rapat digelar pekan lalu.\n\n1. Hasil rapat\n\nDiputuskan Senin (4/11/2024)."))
        #expect(none.publishedAt == nil)
    }

    @Test("The disclaimer is kept apart from the text")
    func disclaimer() throws {
        let article = try support.article("""
            Bus Listrik Mulai Melayani Warga Bogor

            Bogor, IDN Times - Pemkot Bogor mulai menguji bus listrik.

            This article is written by our community writers and has been reviewed by our editors.
            Share
            """)
        #expect(article.disclaimer == "This article is written by our community writers and has been reviewed by our editors.")
        #expect(article.allBlocks == [.paragraph("Pemkot Bogor mulai menguji bus listrik.")])
    }

    @Test("Lines that are neither chrome nor structure are never lost")
    func unknownLinesKept() throws {
        let article = try support.article("""
            Bus Listrik Mulai Melayani Warga Bogor
            Catatan redaksi: artikel diperbarui.
            Intinya sih...
              • Uji coba tiga bulan
            Bogor, IDN Times - Pemkot Bogor mulai menguji bus listrik.
            ---
            """)
        #expect(article.keyPoints == ["Uji coba tiga bulan"])
        let text = article.allBlocks.map(\.plainText).joined(separator: " ")
        #expect(text.contains("Catatan redaksi: artikel diperbarui."))
        #expect(text.contains("Pemkot Bogor mulai menguji bus listrik."))
        #expect(text.contains("---"))
    }
}
