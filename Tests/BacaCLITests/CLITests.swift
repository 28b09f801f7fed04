import BacaTestSupport
import Foundation
import Testing

/// A capture of our own, small but with every common element.
let bridgeCapture = """
Baca artikel IDN Times lainnya di IDN App
For
You

Jembatan Gantung Desa Sukamaju Akhirnya Diresmikan

Warga melintasi jembatan gantung baru di Sukamaju (IDN Times/Rani Putri)
Warga melintasi jembatan gantung baru di Sukamaju (IDN Times/Rani Putri)
Intinya sih...
  • Jembatan sepanjang 80 meter menghubungkan dua dusun yang terpisah sungai.
  • Anak sekolah tak lagi menyeberang dengan rakit.

Garut, IDN Times - Jembatan gantung di Desa Sukamaju diresmikan pada Rabu (6/11/2024). Warga menyambutnya dengan syukuran.

Selama ini warga menyeberang dengan rakit bambu.

1. Dibangun dalam empat bulan

Pembangunan dikerjakan bersama warga secara gotong royong.

"Sekarang anak-anak bisa berangkat sekolah tanpa takut," kata Kepala Desa Sukamaju, Dadang Suherman.

2. Dirawat bersama

Dilansir Antara, pemerintah kabupaten menyiapkan dana perawatan tahunan.

Editorial Team
Rani Putri
EditorBayu Pratama
Follow Us
"""

let marketCapture = """
Harga Cabai Rawit di Pasar Kosambi Turun Tajam

Pedagang cabai di Pasar Kosambi (IDN Times/Asep Saepudin)
Pedagang cabai di Pasar Kosambi (IDN Times/Asep Saepudin)

Bandung, IDN Times – Harga cabai rawit di Pasar Kosambi turun menjadi Rp30 ribu per kilogram pada Senin (2/12/2024).

Pedagang menyebut pasokan dari Garut melimpah setelah panen raya.

Editorial Team
Asep Saepudin
EditorLia Kurnia
"""

@Suite("The command line", .serialized)
struct CLITests {
    @Test("import prints a line per file and a summary; a second import is unchanged")
    func importIsIdempotent() throws {
        let sandbox = try Sandbox()
        try sandbox.write("in/jembatan.txt", bridgeCapture)
        try sandbox.write("in/sub/cabai.txt", marketCapture)
        let first = try BacaBinary.run(["import", "in"], sandbox: sandbox)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("imported  in/jembatan.txt"))
        #expect(first.stdout.contains("imported  in/sub/cabai.txt"))
        #expect(first.stdout.contains("2 files: 2 imported, 0 updated, 0 unchanged, 0 failed"))

        let second = try BacaBinary.run(["import", "in"], sandbox: sandbox)
        #expect(second.status == 0)
        #expect(second.stdout.contains("2 files: 0 imported, 0 updated, 2 unchanged, 0 failed"))

        try sandbox.write("in/sub/cabai.txt", marketCapture.replacingOccurrences(of: "Rp30 ribu", with: "Rp28 ribu"))
        let third = try BacaBinary.run(["import", "in"], sandbox: sandbox)
        #expect(third.stdout.contains("updated  in/sub/cabai.txt"))
    }

    @Test("--transaction-files takes 1 to 100000; another value is one line naming it, exit 64, nothing created")
    func transactionFiles() throws {
        let sandbox = try Sandbox()
        try sandbox.write("in/jembatan.txt", bridgeCapture)
        try sandbox.write("in/sub/cabai.txt", marketCapture)
        for bad in ["0", "100001", "lots"] {
            let refused = try BacaBinary.run(["import", "in", "--transaction-files", bad], sandbox: sandbox)
            #expect(refused.status == 64, "\(bad): \(refused.stdout)\(refused.stderr)")
            #expect(refused.stderr.contains("--transaction-files") && refused.stderr.contains(bad), "\(refused.stderr)")
            #expect(!FileManager.default.fileExists(atPath: sandbox.databasePath))
        }
        let one = try BacaBinary.run(["import", "in", "--transaction-files", "1"], sandbox: sandbox)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.contains("2 files: 2 imported, 0 updated, 0 unchanged, 0 failed"))
    }

    @Test("a bad file fails with a reason and exit 1, and the good ones are still imported")
    func badFilesFail() throws {
        let sandbox = try Sandbox()
        try sandbox.write("in/a-good.txt", bridgeCapture)
        try sandbox.write("in/b-empty.txt", "")
        try sandbox.write("in/c-binary.txt", Data([0x00, 0x01, 0x02, 0xFF, 0x00, 0x10]))
        try sandbox.write("in/d-blank.txt", "   \n\n  \n")
        let result = try BacaBinary.run(["import", "in", "missing.txt"], sandbox: sandbox)
        #expect(result.status == 1)
        #expect(result.stdout.contains("imported  in/a-good.txt"))
        #expect(result.stdout.contains("failed: empty file  in/b-empty.txt"))
        #expect(result.stdout.contains("failed: binary file"))
        #expect(result.stdout.contains("failed: no such file  missing.txt"))
        #expect(result.stdout.contains("1 imported"))
        let list = try BacaBinary.run(["list", "--json"], sandbox: sandbox)
        #expect(list.stdout.split(separator: "\n").count == 1)
    }

    @Test("list shows newest first, as text and JSON Lines")
    func list() throws {
        let sandbox = try Sandbox()
        try sandbox.write("in/jembatan.txt", bridgeCapture)
        try sandbox.write("in/cabai.txt", marketCapture)
        _ = try BacaBinary.run(["import", "in"], sandbox: sandbox)
        let text = try BacaBinary.run(["list"], sandbox: sandbox)
        let lines = text.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains("Harga Cabai Rawit"))
        #expect(lines[0].contains("2 Dec 2024"))
        #expect(lines[1].contains("Jembatan Gantung"))
        // The month in the language asked for.
        let indonesian = try BacaBinary.run(["--language", "id", "list"], sandbox: sandbox)
        #expect(indonesian.stdout.split(separator: "\n").first?.contains("2 Des 2024") == true, "\(indonesian.stdout)")

        let json = try BacaBinary.run(["list", "--json", "--limit", "1"], sandbox: sandbox)
        let rows = json.stdout.split(separator: "\n")
        #expect(rows.count == 1)
        let object = try JSONSerialization.jsonObject(with: Data(rows[0].utf8)) as? [String: Any]
        #expect(object?["title"] as? String == "Harga Cabai Rawit di Pasar Kosambi Turun Tajam")
        #expect(object?["publishedAt"] as? String == "2024-12-02")
        #expect(object?["sections"] == nil)
        #expect(object?["read"] as? Bool == false)
    }

    @Test("--db may come before the subcommand's name")
    func databaseBeforeSubcommand() throws {
        let sandbox = try Sandbox()
        try sandbox.write("jembatan.txt", bridgeCapture)
        let path = sandbox.root.appendingPathComponent("elsewhere.sqlite").path
        #expect(try BacaBinary.run(["--db", path, "import", "jembatan.txt"], sandbox: sandbox).status == 0)
        let list = try BacaBinary.run(["--db", path, "list"], sandbox: sandbox)
        #expect(list.status == 0 && list.stdout.contains("Jembatan"), "\(list.stdout)\(list.stderr)")
        let missing = try BacaBinary.run(["--db=/nonexistent/baca.sqlite", "list"], sandbox: sandbox)
        #expect(missing.status == 1 && missing.stderr.contains("no repository at /nonexistent/baca.sqlite"), "\(missing.stderr)")
    }

    @Test("a search whose filter has a bad value is one line naming it and exit 1; plain text is always a query")
    func badFilterInSearch() throws {
        let sandbox = try Sandbox()
        try sandbox.write("jembatan.txt", bridgeCapture)
        _ = try BacaBinary.run(["import", "jembatan.txt"], sandbox: sandbox)
        let bad = try BacaBinary.run(["search", "jembatan before:kemarin"], sandbox: sandbox)
        #expect(bad.status == 1)
        #expect(bad.stderr == "baca: invalid query 'jembatan before:kemarin': column 10, 'before:kemarin': 'kemarin' is not a date (use YYYY-MM-DD)\n", "\(bad.stderr)")
        let empty = try BacaBinary.run(["search", "author:"], sandbox: sandbox)
        #expect(empty.status == 1 && empty.stderr.contains("'author:'"), "\(empty.stderr)")
        let plain = try BacaBinary.run(["search", "jembatan: gantung"], sandbox: sandbox)
        #expect(plain.status == 0 && plain.stdout.contains("Jembatan"), "\(plain.stdout)\(plain.stderr)")
    }

    @Test("show prints the article as text and as the documented JSON")
    func show() throws {
        let sandbox = try Sandbox()
        try sandbox.write("jembatan.txt", bridgeCapture)
        _ = try BacaBinary.run(["import", "jembatan.txt"], sandbox: sandbox)
        let text = try BacaBinary.run(["show", "1", "--width", "60"], sandbox: sandbox)
        #expect(text.status == 0)
        #expect(text.stdout.contains("Jembatan Gantung Desa Sukamaju Akhirnya Diresmikan"))
        #expect(text.stdout.contains("Intinya sih"))
        #expect(text.stdout.contains("1. Dibangun dalam empat bulan"))
        #expect(!text.stdout.contains("IDN App"))
        #expect(!text.stdout.contains("Follow Us"))
        for line in text.stdout.split(separator: "\n") {
            #expect(String(line).count <= 60, "line too wide: \(line)")
        }

        let json = try BacaBinary.run(["show", "1", "--json"], sandbox: sandbox)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["location"] as? String == "Garut")
        #expect(object["outlet"] as? String == "IDN Times")
        #expect(object["editor"] as? String == "Bayu Pratama")
        #expect((object["keyPoints"] as? [String])?.count == 2)
        #expect(object["sources"] as? [String] == ["Antara"])
        let sections = try #require(object["sections"] as? [[String: Any]])
        #expect(sections.count == 3)
        #expect(sections[0]["number"] is NSNull)
        #expect(sections[1]["number"] as? Int == 1)
        let blocks = try #require(sections[1]["blocks"] as? [[String: Any]])
        #expect(blocks.contains { $0["type"] as? String == "quote" })

        let summary = try BacaBinary.run(["show", "1", "--summary"], sandbox: sandbox)
        #expect(summary.stdout.contains("Jembatan sepanjang 80 meter"))
        #expect(!summary.stdout.contains("gotong royong"))
    }

    @Test("show of an unknown id is a one-line error and exit 1")
    func showUnknown() throws {
        let sandbox = try Sandbox()
        let result = try BacaBinary.run(["show", "42"], sandbox: sandbox)
        #expect(result.status == 1)
        #expect(result.stderr == "baca: no article with id 42; 'baca list' shows the ids\n")
    }

    @Test("search ranks, highlights in pipes with brackets, and survives hostile queries")
    func search() throws {
        let sandbox = try Sandbox()
        try sandbox.write("in/jembatan.txt", bridgeCapture)
        try sandbox.write("in/cabai.txt", marketCapture)
        _ = try BacaBinary.run(["import", "in"], sandbox: sandbox)
        let result = try BacaBinary.run(["search", "rakit"], sandbox: sandbox)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Jembatan Gantung"))
        #expect(result.stdout.contains("[rakit]"))
        #expect(!result.stdout.contains("Cabai"))

        for query in ["\"", "AND", "OR OR", "NEAR(", "*", "-", "(((", "a:b", "^x", "cabai\"", "\u{1B}[2J"] {
            let hostile = try BacaBinary.run(["search", query], sandbox: sandbox)
            #expect(hostile.status == 0, "query \(query): \(hostile.stderr)")
            #expect(!hostile.stderr.lowercased().contains("syntax"), "query \(query)")
        }
    }

    @Test("on the samples, a search finds the other forms of its word and marks the form found")
    func searchEveryForm() throws {
        let sandbox = try Sandbox()
        _ = try BacaBinary.run(["import", BacaBinary.samplesDirectory.path], sandbox: sandbox)
        let banjir = try BacaBinary.run(["search", "banjir"], sandbox: sandbox)
        #expect(banjir.status == 0)
        #expect(banjir.stdout.contains("[kebanjiran]"), "\(banjir.stdout)")
        for query in ["kunjung", "mengunjungi", "berkunjung"] {
            let result = try BacaBinary.run(["search", query, "--json"], sandbox: sandbox)
            #expect(result.status == 0)
            // The Tabanan village article says kunjungan and pengunjung, never the form typed.
            #expect(result.stdout.contains("Kunjungan"), "\(query): \(result.stdout)")
        }
        let stems = try BacaBinary.run(["stem", "kebanjiran", "mengunjungi", "perasaan", "meeting"], sandbox: sandbox)
        #expect(stems.stdout == "kebanjiran\tbanjir\nmengunjungi\tkunjung\nperasaan\trasa\nmeeting\tmeeting\n")
    }

    @Test("a repository path that is not a database is refused and left alone")
    func foreignDatabase() throws {
        let sandbox = try Sandbox()
        let path = try sandbox.write("not-a-db.sqlite", "just some notes, not SQLite\n")
        let result = try BacaBinary.run(["list", "--db", path], sandbox: sandbox)
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("baca: "))
        #expect(result.stderr.contains(path))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "just some notes, not SQLite\n")
    }

    @Test("the reader refuses to start without a terminal")
    func readerNeedsTerminal() throws {
        let sandbox = try Sandbox()
        let result = try BacaBinary.run([], sandbox: sandbox)
        #expect(result.status == 2)
        #expect(result.stderr == "baca: the reader needs a terminal; try 'baca list' or 'baca show ID'\n")
    }

    @Test("every sample article imports cleanly")
    func samplesImport() throws {
        let sandbox = try Sandbox()
        let result = try BacaBinary.run(["import", BacaBinary.samplesDirectory.path], sandbox: sandbox)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(!result.stdout.contains("\nfailed") && !result.stdout.hasPrefix("failed"), "\(result.stdout)")
        let count = result.stdout.split(separator: "\n").filter { $0.hasPrefix("imported") }.count
        #expect(count >= 10)
    }

    /// Source code of our own, long enough (over 80 words) to pass for an article by length.
    static let sourceFile = """
        // swift-tools-version: 6.1
        import PackageDescription

        /// The package of a small tool that reads the weather forecast for a city and prints it.
        let package = Package(
            name: "cuaca",
            products: [.executable(name: "cuaca", targets: ["cuaca"])],
            dependencies: [
                .package(url: "https://example.invalid/argument-parser", exact: "1.0.0"),
            ],
            targets: [
                // The command line: reads the city, asks the forecast service, prints the answer.
                .executableTarget(name: "cuaca", dependencies: ["CuacaCore", .product(name: "Parser", package: "argument-parser")]),
                // The forecast service's answers, decoded and checked before anything is shown.
                .target(name: "CuacaCore"),
                .testTarget(name: "CuacaCoreTests", dependencies: ["CuacaCore"]),
            ]
        )
        """

    @Test("a file that is not a capture (source code, a hard-wrapped text) is refused by name, exit 1, nothing stored")
    func notACaptureIsRefused() throws {
        let sandbox = try Sandbox()
        try sandbox.write("Package.swift", Self.sourceFile)
        let sentence = "Setiap orang boleh menyalin dan membagikan naskah ini selama catatan ini tetap ada. "
        let wrapped = "Catatan Penggunaan\n\n" + (0..<12).map { _ in "Setiap orang boleh menyalin dan membagikan naskah\nini selama catatan ini tetap ada dan tidak diubah.\n" }.joined()
        try sandbox.write("catatan.txt", wrapped + "\n" + sentence + "\n")
        for name in ["Package.swift", "catatan.txt"] {
            let result = try BacaBinary.run(["import", name], sandbox: sandbox)
            #expect(result.status == 1, "\(name): \(result.stdout)")
            let failure = result.stdout.split(separator: "\n").filter { $0.hasPrefix("failed") }
            #expect(failure.count == 1, "\(result.stdout)")
            #expect(failure.first?.hasPrefix("failed: not an article capture") == true, "\(result.stdout)")
            #expect(failure.first?.hasSuffix("  \(name)") == true, "\(result.stdout)")
            #expect(result.stdout.contains("0 imported"))
        }
        let list = try BacaBinary.run(["list", "--json"], sandbox: sandbox)
        #expect(list.status == 0)
        #expect(list.stdout.isEmpty, "\(list.stdout)")
    }

    @Test("the reference capture beside the project (../shared/seeds) imports as an article")
    func seedImports() throws {
        let seeds = BacaBinary.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path))?.filter { $0.hasSuffix(".txt") } ?? []
        try #require(!files.isEmpty, "no seed capture in \(seeds.path)")
        let sandbox = try Sandbox()
        let result = try BacaBinary.run(["import", seeds.path], sandbox: sandbox)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("\(files.count) imported"), "\(result.stdout)")
    }
}
