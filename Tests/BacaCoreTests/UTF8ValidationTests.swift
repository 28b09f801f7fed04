import Foundation
import Testing
@testable import BacaCore

/// `UTF8Scan.isValid` decides whether a capture is read as UTF-8 or as Windows-1252: it must
/// give exactly the standard library's answer, or a file would be read in another encoding.
@Suite("UTF-8 validation")
struct UTF8ValidationTests {
    static func standard(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }
    static func ours(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer(UTF8Scan.isValid) }

    /// Every lead byte with the boundaries of Table 3-7 after it, cut short and whole, alone
    /// and after ASCII that puts it on each position of an eight-byte word.
    @Test("the edges of every well-formed and ill-formed sequence")
    func edges() {
        let seconds: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]
        var checked = 0
        for lead in UInt8(0x00)...UInt8(0xFF) {
            for second in seconds {
                for third: UInt8 in [0x80, 0xBF, 0x41] {
                    for fourth: UInt8 in [0x80, 0xBF, 0xC0] {
                        let sequence: [UInt8] = [lead, second, third, fourth]
                        for cut in 1...4 {
                            for padding in 0..<9 {
                                let bytes = Array(repeating: UInt8(ascii: "a"), count: padding) + sequence.prefix(cut)
                                #expect(Self.ours(bytes) == Self.standard(bytes), "\(bytes.map { String($0, radix: 16) })")
                                checked += 1
                            }
                        }
                    }
                }
            }
        }
        #expect(checked > 100_000)
    }

    @Test("random bytes, mostly ASCII with some of every kind, of every length up to 64")
    func randomBytes() {
        var random = CapturePropertyTests.SeededGenerator(state: 20_261_129)
        let pieces: [[UInt8]] = [
            Array("Harga cabai ".utf8), Array("“kutipan” – ".utf8), Array("é".utf8), Array("😀".utf8),
            [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xFF], [0x80],
        ]
        var agreedValid = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            let target = Int.random(in: 0...64, using: &random)
            while bytes.count < target {
                bytes += Int.random(in: 0..<4, using: &random) == 0
                    ? pieces.randomElement(using: &random)!
                    : [UInt8.random(in: 0x20...0x7E, using: &random)]
            }
            let expected = Self.standard(bytes)
            #expect(Self.ours(bytes) == expected, "\(bytes.map { String($0, radix: 16) })")
            if expected { agreedValid += 1 }
        }
        // Both answers met often enough for the comparison to mean something.
        #expect(agreedValid > 2_000 && agreedValid < 18_000)
    }

    @Test("a UTF-8 file's own bytes come back without their BOM; Windows-1252 is converted")
    func decodedBytes() throws {
        let text = "Jakarta – “Banjir” surut pada Senin pagi."
        let plain = try CaptureDecoder.decodeUTF8(Data(text.utf8))
        #expect(plain == DecodedUTF8(utf8: Array(text.utf8)[...], encoding: .utf8))
        let withBOM = try CaptureDecoder.decodeUTF8(Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)))
        #expect(Array(withBOM.utf8) == Array(text.utf8) && withBOM.encoding == .utf8)
        let windows = try CaptureDecoder.decodeUTF8(Data([0x93] + Array("Banjir".utf8) + [0x94]))
        #expect(String(decoding: windows.utf8, as: UTF8.self) == "“Banjir”" && windows.encoding == .windows1252)
    }
}
