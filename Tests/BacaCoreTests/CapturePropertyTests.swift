import Foundation
import Testing
@testable import BacaCore

/// Mutated and generated captures: the parser never crashes, and whatever it returns holds no
/// character that could drive a terminal.
@Suite("Capture properties")
struct CapturePropertyTests {
    let support = CaptureTestSupport.self

    /// SplitMix64: a small seeded generator, so a failure can be replayed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Bytes worth inserting: controls, escape sequences, bidi and spaces in UTF-8, and
    /// pieces of the format's own structure.
    static let pieces: [[UInt8]] = [
        [0x1B], [0x1B, 0x5B], [0x1B, 0x5D], [0x07], [0x08], [0x0D], [0x0A], [0x0A, 0x0A], [0x09], [0x7F],
        [0x9B], [0x9D], [0x96], [0x93], [0x94], [0xC2, 0x9B], [0xC2, 0xA0], [0xE2, 0x80, 0xAE],
        [0xE2, 0x81, 0xA6], [0xE2, 0x80, 0x8B], [0xEF, 0xBB, 0xBF], [0xE2, 0x80, 0xA2, 0x20],
        Array("1. ".utf8), Array("\n2. ".utf8), Array("Baca Juga:".utf8), Array("\nShare\n".utf8),
        Array("\nEditorial Team\n".utf8), Array("Intinya sih...\n".utf8), Array(" (IDN Times/X)".utf8),
        Array("\"".utf8), Array("“".utf8), Array("(31/2/2024)".utf8), Array("(4/11/2024)".utf8),
        Array("Jakarta, IDN Times - ".utf8), Array("Dilansir ".utf8), Array(",".utf8),
    ]

    static func mutate(_ bytes: [UInt8], using random: inout SeededGenerator) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...12, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where !bytes.isEmpty:
                bytes[position] = UInt8.random(in: 1...255, using: &random)
            case 1:
                bytes.insert(contentsOf: pieces.randomElement(using: &random)!, at: position)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...200, using: &random))
                bytes.removeSubrange(position..<end)
            case 3:
                // Duplicate a slice: makes captions printed twice and repeated sections.
                let end = min(bytes.count, position + Int.random(in: 1...120, using: &random))
                bytes.insert(contentsOf: bytes[position..<end], at: end)
            case 4:
                bytes.insert(contentsOf: (0..<Int.random(in: 1...8, using: &random)).map { _ in UInt8.random(in: 1...255, using: &random) }, at: position)
            default:
                bytes.insert(contentsOf: pieces.randomElement(using: &random)!, at: position)
            }
        }
        return bytes
    }

    @Test("Mutated fixtures never crash the parser and never leak control characters")
    func mutatedFixtures() throws {
        let seeds = [
            Array(try support.fixtureData("panen-raya-karawang")),
            Array(try support.fixtureData("festival-layang-pangandaran")),
        ]
        var random = SeededGenerator(state: 20_241_104)
        var parsed = 0
        for round in 0..<400 {
            let bytes = Self.mutate(seeds[round % seeds.count], using: &random)
            do {
                let article = try CaptureLoader.load(Data(bytes)).article
                parsed += 1
                let leaks = support.forbiddenScalars(in: article)
                #expect(leaks.isEmpty, "round \(round): \(leaks.prefix(3))")
                #expect(!article.title.isEmpty, "round \(round)")
                for string in support.strings(in: article) {
                    #expect(string == string.trimmingCharacters(in: .whitespaces) || string.isEmpty,
                            "round \(round): untrimmed \(string.debugDescription)")
                }
            } catch {
                // Refusing a mangled file is fine; crashing is not.
            }
        }
        #expect(parsed > 300, "most mutations still parse: \(parsed)")
    }

    @Test("Random line soup never crashes and never leaks")
    func randomLines() {
        var random = SeededGenerator(state: 7)
        let lineKinds = [
            "Judul Berita", "", "  • poin", "1. Bagian", "2. Bagian", "3) item", "- item", "Share", "Topics",
            "Editorial Team", "EditorNama", "Follow Us", "Baca Juga:", "Baca Juga: Judul Lain", "Intinya sih…",
            "Foto (Kredit)", "Foto (Kredit)", "\"Kutipan", "lanjutan kutipan,\" katanya.", "Dilansir A, b.",
            "Bandung, IDN Times – teks (1/1/2024).", "2024. Tahun", "This article is written by our community writers.",
            "\u{1B}]0;x\u{07}", "\u{9B}31m", "\u{202E}balik", "(", ")", "()", "(x)", "—", ",", "For", "You",
        ]
        for round in 0..<300 {
            let count = Int.random(in: 0...40, using: &random)
            let text = (0..<count).map { _ in lineKinds.randomElement(using: &random)! }.joined(separator: "\n")
            do {
                let article = try CaptureLoader.load(Data(text.utf8)).article
                #expect(support.forbiddenScalars(in: article).isEmpty, "round \(round)")
            } catch {
                // Refusals are fine.
            }
        }
    }
}
