@testable import BacaCore
import Testing

@Suite("Fetch failure reasons in both languages")
struct FetchReasonTextTests {
    @Test("every known reason reads back in Indonesian with its values kept; English and unknown texts stay as they are", arguments: [
        ("HTTP 404 Not Found; the server asks to wait until 12:00", "HTTP 404 Not Found; server minta menunggu sampai 12:00"),
        ("timed out after 20 s", "waktu habis setelah 20 s"),
        ("cannot find host contoh.invalid (DNS)", "host contoh.invalid tidak ditemukan (DNS)"),
        ("cannot connect to 10.0.0.1 within 5 s (connect time-out)", "tidak bisa terhubung ke 10.0.0.1 dalam 5 s (batas waktu koneksi)"),
        ("too many redirects (more than 5)", "terlalu banyak pengalihan (lebih dari 5)"),
        ("body over the limit of 5 MB", "isi melebihi batas 5 MB"),
        ("cancelled", "dibatalkan"),
        ("HTTP 404 Not Found", "HTTP 404 Not Found"),
        ("something nobody wrote a template for", "something nobody wrote a template for"),
    ])
    func translates(english: String, indonesian: String) {
        #expect(FetchReasonText.describe(english, in: .id) == indonesian)
        #expect(FetchReasonText.describe(english, in: .en) == english)
    }

    @Test("every template has as many holes in both languages")
    func templatesAgree() {
        for (english, indonesian) in FetchReasonText.templates {
            #expect(english.components(separatedBy: "{}").count == indonesian.components(separatedBy: "{}").count, "\(english)")
        }
    }
}
