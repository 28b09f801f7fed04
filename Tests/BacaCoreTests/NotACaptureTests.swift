import Foundation
import Testing
@testable import BacaCore

@Suite("Text that is not an article capture")
struct NotACaptureTests {
    @Test("a short note is refused as not a capture", arguments: [
        "hello world\n",
        "Just a title\n\nand one short line of text under it.\n",
        "Daftar belanja\n\nberas, telur, minyak goreng\n",
    ])
    func shortNotes(text: String) {
        #expect(throws: CaptureError.notACapture) { try CaptureLoader.load(Data(text.utf8)) }
    }

    @Test("a long article without the page around it is still an article")
    func longPlainArticle() throws {
        let sentence = "Warga desa bergotong royong membersihkan saluran air sebelum musim hujan tiba. "
        let text = "Warga Bersihkan Saluran Air Jelang Musim Hujan\n\n"
            + String(repeating: sentence, count: 5) + "\n\n" + String(repeating: sentence, count: 4) + "\n"
        let loaded = try CaptureLoader.load(Data(text.utf8))
        #expect(loaded.article.title == "Warga Bersihkan Saluran Air Jelang Musim Hujan")
    }

    @Test("a short capture with a dateline is an article")
    func shortCaptureWithDateline() throws {
        let text = "Jalan Ditutup Sementara\n\nBogor, IDN Times - Jalan utama ditutup pada Senin (4/11/2024).\n"
        let loaded = try CaptureLoader.load(Data(text.utf8))
        #expect(loaded.article.location == "Bogor")
    }
}
