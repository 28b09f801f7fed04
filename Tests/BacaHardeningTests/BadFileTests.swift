import BacaCore
@testable import BacaStore
@testable import BacaFeeds
import BacaTestSupport
import Foundation
import Glibc
import Testing

/// Issue 5.2: files that are not captures, or not files at all. Each gets one line that names
/// it and says why; the others still import; the exit status says something failed; and the
/// repository holds exactly the articles that succeeded.
extension Hardening {
    @Suite("2. Bad files")
    struct BadFiles {
        /// What a file in the folder should come to: `imported` or `failed: <reason words>`.
        struct Expectation {
            var path: String
            var outcome: String
            /// The title stored for a file that imports.
            var title: String?
        }

        static func simpleCapture(title: String, body: String = "Warga desa menyambut kabar itu dengan gembira pada Senin (4/11/2024).") -> String {
            "\(title)\n\nJakarta, IDN Times - \(body)\n\nEditorial Team\nRani Putri\n"
        }

        /// Builds the folder of bad (and some good) files; returns what each should come to.
        static func makeFolder(in sandbox: Sandbox) throws -> [Expectation] {
            var expected: [Expectation] = []
            func file(_ name: String, _ data: Data, _ outcome: String, title: String? = nil) throws {
                try sandbox.write("in/\(name)", data)
                expected.append(Expectation(path: "in/\(name)", outcome: outcome, title: title))
            }
            func text(_ name: String, _ string: String, _ outcome: String, title: String? = nil) throws {
                try file(name, Data(string.utf8), outcome, title: title)
            }
            try text("a-good.txt", simpleCapture(title: "Jembatan Baru Diresmikan di Garut"), "imported", title: "Jembatan Baru Diresmikan di Garut")
            try text("b-good.txt", GeneratedCaptures.capture(7), "imported", title: nil)
            try text("c-empty.txt", "", "failed: empty file")
            try text("d-whitespace.txt", " \n\t\n   \r\n\u{A0}\n", "failed: empty file")
            var random = SeededGenerator(seed: 42)
            try file("e-binary.txt", Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }), "failed: binary file")
            try file("f-png.txt", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]), "failed: binary file")
            try text("g-nul.txt", simpleCapture(title: "Judul Dengan NUL") + "kata\u{0}kata\n", "failed: binary file")
            // Invalid UTF-8 is read as Windows-1252, the code page such files are saved in.
            var invalid = Data(simpleCapture(title: "Harga Cabai Naik di Pasar Kosambi").utf8)
            invalid.append(contentsOf: [0xFF, 0xC3, 0x28, 0x0A])
            try file("h-invalid-utf8.txt", invalid, "imported", title: "Harga Cabai Naik di Pasar Kosambi")
            let cp1252 = simpleCapture(title: "Kafé “Senja” Buka di Bandung", body: "Harga kopi €2 – murah pada Senin (4/11/2024).")
            try file("i-windows-1252.txt", Data(cp1252.unicodeScalars.map { Self.windows1252($0) }), "imported", title: "Kafé “Senja” Buka di Bandung")
            let utf16 = simpleCapture(title: "Festival Layang-Layang di Pangandaran")
            try file("j-utf16le-bom.txt", Data([0xFF, 0xFE]) + utf16.data(using: .utf16LittleEndian)!, "imported", title: "Festival Layang-Layang di Pangandaran")
            let utf16be = simpleCapture(title: "Panen Raya Padi di Karawang")
            try file("k-utf16be-bom.txt", Data([0xFE, 0xFF]) + utf16be.data(using: .utf16BigEndian)!, "imported", title: "Panen Raya Padi di Karawang")
            // 50 MB without writing 50 MB: a sparse file.
            let big = sandbox.root.appendingPathComponent("in/l-50mb.txt")
            FileManager.default.createFile(atPath: big.path, contents: Data("Judul\n\n".utf8))
            let handle = try FileHandle(forWritingTo: big)
            try handle.truncate(atOffset: 50 * 1024 * 1024)
            try handle.close()
            expected.append(Expectation(path: "in/l-50mb.txt", outcome: "failed: file too large"))
            // One line of 1 MB: no title (a title is at most 300 characters), refused.
            try text("m-one-line.txt", String(repeating: "kata ", count: 1024 * 1024 / 5), "failed: no article title found")
            // A title and then one paragraph of 1 MB: an article.
            try text("n-long-paragraph.txt", "Paragraf Panjang Sekali\n\n" + String(repeating: "kata ", count: 1024 * 1024 / 5) + "\n",
                     "imported", title: "Paragraf Panjang Sekali")
            // Links: a loop back to the folder (walked once), a link to itself, one to nowhere.
            try FileManager.default.createDirectory(at: sandbox.root.appendingPathComponent("in/o-loop"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: sandbox.root.appendingPathComponent("in/o-loop/up").path, withDestinationPath: "..")
            try text("o-loop/p-inside.txt", simpleCapture(title: "Sungai Citarum Meluap Lagi"), "imported", title: "Sungai Citarum Meluap Lagi")
            try FileManager.default.createSymbolicLink(atPath: sandbox.root.appendingPathComponent("in/q-self.txt").path, withDestinationPath: "q-self.txt")
            expected.append(Expectation(path: "in/q-self.txt", outcome: "failed: symbolic link loop"))
            try FileManager.default.createSymbolicLink(atPath: sandbox.root.appendingPathComponent("in/r-dangling.txt").path, withDestinationPath: "missing.txt")
            expected.append(Expectation(path: "in/r-dangling.txt", outcome: "failed: broken symbolic link"))
            // A FIFO: opening it for reading would wait for a writer for ever.
            #expect(mkfifo(sandbox.root.appendingPathComponent("in/s-fifo.txt").path, 0o644) == 0)
            expected.append(Expectation(path: "in/s-fifo.txt", outcome: "failed: not a regular file"))
            return expected
        }

        static func windows1252(_ scalar: Unicode.Scalar) -> UInt8 {
            switch scalar {
            case "€": return 0x80
            case "“": return 0x93
            case "”": return 0x94
            case "–": return 0x96
            default: return UInt8(truncatingIfNeeded: scalar.value)
            }
        }

        /// The titles stored in a repository.
        static func storedTitles(_ path: String) throws -> [String] {
            let store = try ArticleStore(path: path, readOnly: true)
            return try store.summaries(scope: .all, sort: .title, offset: 0, limit: 1000).map(\.title)
        }

        @Test("every bad file gets one clear line, the good ones import, the exit status is 1")
        func folderOfBadFiles() throws {
            let sandbox = try Sandbox()
            var expected = try Self.makeFolder(in: sandbox)
            expected.append(Expectation(path: "missing.txt", outcome: "failed: no such file"))
            expected.append(Expectation(path: "/dev/zero", outcome: "failed: not a regular file"))
            let started = Date()
            let result = try Baca.run(["import", "in", "missing.txt", "/dev/zero"], sandbox: sandbox, timeout: 60)
            #expect(!result.timedOut)
            #expect(Date().timeIntervalSince(started) < 30, "the import took \(Date().timeIntervalSince(started)) s")
            #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            for item in expected {
                let matching = lines.filter { $0.hasSuffix("  \(item.path)") || $0.hasSuffix("  \(item.path)  (decoded from Windows-1252)")
                    || $0.contains("  \(item.path)  (decoded from") }
                #expect(matching.count == 1, "\(item.path): \(matching.count) lines in\n\(result.stdout)")
                #expect(matching.first?.hasPrefix(item.outcome) == true, "\(item.path): \(matching.first ?? "no line"), not \(item.outcome)")
            }
            // Nothing else, and no file twice (the loop back to the folder is walked once).
            #expect(lines.count == expected.count + 1, "\(result.stdout)")
            let succeeded = expected.filter { $0.outcome == "imported" }
            let failed = expected.count - succeeded.count
            #expect(lines.last == "\(expected.count) files: \(succeeded.count) imported, 0 updated, 0 unchanged, \(failed) failed")
            #expect(result.stdout.contains("i-windows-1252.txt  (decoded from Windows-1252)"))
            #expect(result.stdout.contains("j-utf16le-bom.txt  (decoded from UTF-16)"))

            // The repository holds exactly the articles that succeeded.
            let titles = try Self.storedTitles(sandbox.databasePath)
            #expect(titles.count == succeeded.count, "\(titles)")
            for title in succeeded.compactMap(\.title) {
                #expect(titles.contains(title), "\(title) is missing from \(titles)")
            }
            // And each one whole: a re-import finds them all unchanged.
            let again = try Baca.run(["import", "in"], sandbox: sandbox, timeout: 60)
            #expect(again.stdout.contains("\(succeeded.count) unchanged"), "\(again.stdout)")
        }

        @Test("an unreadable file and an unreadable folder are reported; the rest imports")
        func unreadable() throws {
            let sandbox = try Sandbox()
            try sandbox.write("in/a-good.txt", Self.simpleCapture(title: "Jembatan Baru Diresmikan di Garut"))
            try sandbox.write("in/b-secret.txt", Self.simpleCapture(title: "Rahasia yang Tak Terbaca"))
            try sandbox.write("in/c-closed/d.txt", Self.simpleCapture(title: "Di Dalam Folder Tertutup"))
            try Unprivileged.handOver(sandbox.root)
            #expect(chmod(sandbox.root.appendingPathComponent("in/b-secret.txt").path, 0o000) == 0)
            #expect(chmod(sandbox.root.appendingPathComponent("in/c-closed").path, 0o000) == 0)
            defer { _ = chmod(sandbox.root.appendingPathComponent("in/c-closed").path, 0o755) }
            try #require(Unprivileged.canRunBinary(sandbox: sandbox), "cannot run baca as an unprivileged user")
            let result = try Unprivileged.run(["import", "in"], sandbox: sandbox)
            #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains("imported  in/a-good.txt"), "\(result.stdout)")
            #expect(result.stdout.contains("failed: permission denied  in/b-secret.txt"), "\(result.stdout)")
            #expect(result.stdout.contains("failed: cannot read the folder (permission denied)  in/c-closed"), "\(result.stdout)")
            #expect(result.stdout.contains("3 files: 1 imported, 0 updated, 0 unchanged, 2 failed"), "\(result.stdout)")
            #expect(try Self.storedTitles(sandbox.databasePath) == ["Jembatan Baru Diresmikan di Garut"])
        }

        @Test("a file that disappears during the import is reported; the others import")
        func disappearing() throws {
            let folder = try TemporaryFolder()
            let files = try GeneratedCaptures.write(count: 4, into: folder.url)
            let store = try ArticleStore.inMemory()
            var reports: [FileImportReport] = []
            // One file a batch and a transaction, one batch read ahead: a batch is read while the
            // one before it is stored, so the files removed after the first report are read only
            // after they are gone.
            var importer = FileImporter(store: store)
            importer.batchSize = 1
            importer.transactionArticles = 1
            importer.batchesAhead = 1
            let summary = importer.importPaths([folder.url.path]) { report in
                reports.append(report)
                // After the first file, the third one goes away (and the fourth is replaced by a folder).
                if reports.count == 1 {
                    try? FileManager.default.removeItem(at: files[2])
                    try? FileManager.default.removeItem(at: files[3])
                    try? FileManager.default.createDirectory(at: files[3], withIntermediateDirectories: false)
                }
            }
            #expect(reports.map(\.statusText) == ["imported", "imported", "failed: no such file", "failed: is a folder"])
            #expect(summary.imported == 2 && summary.failed == 2)
            #expect(try store.counts().total == 2)
        }

        @Test("the size limit: a file at the limit is read, one byte more is refused unread")
        func sizeLimit() throws {
            let folder = try TemporaryFolder()
            let small = 1000
            let atLimit = folder.url.appendingPathComponent("at-limit.txt")
            try Data(repeating: 0x61, count: small).write(to: atLimit)
            let over = folder.url.appendingPathComponent("over.txt")
            try Data(repeating: 0x61, count: small + 1).write(to: over)
            #expect(FileImporter.readCapture(atPath: atLimit.path, limit: small) == .success(Data(repeating: 0x61, count: small)))
            #expect(FileImporter.readCapture(atPath: over.path, limit: small)
                    == .failure(.init(text: "file too large (1001 bytes; the limit is 1000)")))

            // The real limit, on a sparse file one byte over it: refused from its size alone.
            let limit = CaptureLoader.maximumBytes
            let huge = folder.url.appendingPathComponent("huge.txt")
            FileManager.default.createFile(atPath: huge.path, contents: nil)
            let handle = try FileHandle(forWritingTo: huge)
            try handle.truncate(atOffset: UInt64(limit + 1))
            try handle.close()
            let importer = FileImporter(store: try ArticleStore.inMemory())
            #expect(importer.importFile(atPath: huge.path).statusText
                    == "failed: file too large (\(limit + 1) bytes; the limit is \(limit))")
            // Reading never goes past the limit, whatever the file claims: /dev/zero is refused.
            #expect(importer.importFile(atPath: "/dev/zero").statusText.hasPrefix("failed: not a regular file"))
        }
    }
}
