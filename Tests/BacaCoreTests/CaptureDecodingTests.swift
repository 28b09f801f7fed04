import Foundation
import Testing
@testable import BacaCore

/// Bytes in: encodings, byte-order marks, line ends, and files that are not captures.
@Suite("Capture decoding")
struct CaptureDecodingTests {
    let support = CaptureTestSupport.self

    static let plain = """
        Gempa Magnitudo 5,2 Guncang Garut

        Garut, IDN Times - Gempa mengguncang Garut pada Jumat (8/11/2024) pagi.

        “Warga sempat keluar rumah,” kata Kepala BPBD.
        """

    @Test("CRLF line ends and a UTF-8 byte-order mark")
    func crlfAndBOM() throws {
        let text = Self.plain.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
        let loaded = try CaptureLoader.load(Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)))
        #expect(loaded.encoding == .utf8)
        #expect(loaded.article.title == "Gempa Magnitudo 5,2 Guncang Garut")
        #expect(loaded.article.location == "Garut")
        #expect(loaded.article.allBlocks == [
            .paragraph("Gempa mengguncang Garut pada Jumat (8/11/2024) pagi."),
            .quote("“Warga sempat keluar rumah,” kata Kepala BPBD."),
        ])
    }

    @Test("Old Mac CR line ends")
    func crLineEnds() throws {
        let article = try support.load(Self.plain.replacingOccurrences(of: "\n", with: "\r")).article
        #expect(article.title == "Gempa Magnitudo 5,2 Guncang Garut")
        #expect(article.allBlocks.count == 2)
    }

    @Test("NBSP, other Unicode spaces, tabs and trailing white space")
    func spaces() throws {
        let text = "Gempa\u{00A0}Magnitudo 5,2\u{2009}Guncang Garut \t \n\n"
            + "Garut,\u{00A0}IDN\u{00A0}Times\u{00A0}-\u{00A0}Gempa\tmengguncang   Garut\u{3000}pagi.\u{00A0} \n"
        let article = try support.article(text)
        #expect(article.title == "Gempa Magnitudo 5,2 Guncang Garut")
        #expect(article.location == "Garut")
        #expect(article.outlet == "IDN Times")
        #expect(article.allBlocks == [.paragraph("Gempa mengguncang Garut pagi.")])
    }

    @Test("Windows-1252: curly quotes 0x93/0x94, en dash 0x96, ellipsis 0x85, euro 0x80")
    func windows1252() throws {
        var bytes = Array("Harga Emas Naik Lagi\r\n\r\nJakarta, IDN Times ".utf8)
        bytes += [0x96]
        bytes += Array(" Harga emas naik ".utf8) + [0x80] + Array("5 per gram.\r\n\r\n".utf8)
        bytes += [0x93] + Array("Permintaan tinggi".utf8) + [0x85, 0x94] + Array(" kata analis.\r\n".utf8)
        bytes += Array("Intinya ".utf8) + [0x92] + Array("aman".utf8) + [0x81] + Array(".\r\n".utf8)
        let loaded = try CaptureLoader.load(Data(bytes))
        #expect(loaded.encoding == .windows1252)
        #expect(loaded.article.location == "Jakarta")
        #expect(loaded.article.outlet == "IDN Times")
        #expect(loaded.article.allBlocks == [
            .paragraph("Harga emas naik €5 per gram."),
            .quote("“Permintaan tinggi…” kata analis. Intinya ’aman\u{FFFD}."),
        ])
    }

    @Test("Every byte 0x80–0x9F that Windows-1252 defines decodes to its character")
    func windows1252Table() {
        let decoded = Windows1252.decode((0x80...0x9F).map { UInt8($0) })
        #expect(decoded == "€\u{FFFD}‚ƒ„…†‡ˆ‰Š‹Œ\u{FFFD}Ž\u{FFFD}\u{FFFD}‘’“”•–—˜™š›œ\u{FFFD}žŸ")
        #expect(Windows1252.decode([0x41, 0xA0, 0xE9, 0xFF]) == "A\u{00A0}éÿ")
    }

    @Test("UTF-16 with a byte-order mark, little and big endian", arguments: [true, false])
    func utf16(littleEndian: Bool) throws {
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in Self.plain.replacingOccurrences(of: "\n", with: "\r\n").utf16 {
            let low = UInt8(unit & 0xFF), high = UInt8(unit >> 8)
            bytes += littleEndian ? [low, high] : [high, low]
        }
        let loaded = try CaptureLoader.load(Data(bytes))
        #expect(loaded.encoding == .utf16)
        #expect(loaded.article.title == "Gempa Magnitudo 5,2 Guncang Garut")
        #expect(loaded.article.allBlocks.last == .quote("“Warga sempat keluar rumah,” kata Kepala BPBD."))
    }

    @Test("Empty and white-space-only files are empty", arguments: [
        Data(), Data("   \n\t\r\n  ".utf8), Data([0xEF, 0xBB, 0xBF]), Data([0xFF, 0xFE]),
        Data("\u{00A0}\u{200B}\n\u{1B}[2J\n".utf8),
    ])
    func empty(data: Data) {
        #expect(throws: CaptureError.empty) { try CaptureLoader.load(data) }
    }

    @Test("Binary files: NUL bytes, or mostly control bytes")
    func binary() {
        var withNUL = Array(Self.plain.utf8)
        withNUL.insert(0, at: 10)
        #expect(throws: CaptureError.binary) { try CaptureLoader.load(Data(withNUL)) }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        #expect(throws: CaptureError.binary) { try CaptureLoader.load(Data(png)) }
        let controls = (0..<400).map { UInt8([0x01, 0x02, 0x41, 0x03, 0x42, 0x1F][$0 % 6]) }
        #expect(throws: CaptureError.binary) { try CaptureLoader.load(Data(controls)) }
        let highBytes = (0..<400).map { UInt8(0x80 + $0 % 0x7F) }
        #expect(throws: CaptureError.binary) { try CaptureLoader.load(Data(highBytes)) }
        var utf16WithNUL: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00, 0x42, 0x00]
        utf16WithNUL += [0x0A, 0x00]
        #expect(throws: CaptureError.binary) { try CaptureLoader.load(Data(utf16WithNUL)) }
    }

    @Test("Too large files are refused before they are read")
    func tooLarge() {
        let size = CaptureLoader.maximumBytes + 1
        #expect(throws: CaptureError.tooLarge(bytes: size, limit: CaptureLoader.maximumBytes)) {
            try CaptureLoader.load(Data(count: size))
        }
    }

    @Test("A file with no title is refused", arguments: [
        "Baca artikel IDN Times lainnya di IDN App\nFor\nYou\n",
        "Share\nEditor’s Picks\nTopics\nEditorial Team\nFollow Us\n",
        "Jakarta, IDN Times - Teks tanpa judul.\n",
        "•\n---\n* * *\n",
        "Intinya sih...\n  • butir\n",
        String(repeating: "kata ", count: 100) + "\n",
    ])
    func noTitle(text: String) {
        #expect(throws: CaptureError.noTitle) { try CaptureLoader.load(Data(text.utf8)) }
    }

    @Test("Errors describe themselves in one line")
    func errorDescriptions() {
        for error in [CaptureError.empty, .binary, .noTitle, .tooLarge(bytes: 9, limit: 8)] {
            #expect(!error.description.isEmpty && !error.description.contains("\n"))
        }
    }
}
