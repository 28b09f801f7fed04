import BacaCore
import BacaImages
import BacaTestSupport
import CLazyLoad
import Foundation
import GRDB
import Testing

@testable import BacaStore

/// libcurl, libchafa, the picture decoders and libcrypto (the picture cache, older content
/// hashes) are opened when first used, not at start (Sources/CLazyLoad): the reader's first
/// list maps none of them; a fetched picture brings in what it needs; a missing library is a
/// one-line message naming it and its package.
@Suite("Libraries opened on first use", .serialized)
struct LazyLibraryTests {
    /// The sonames the lazy C targets open (the README's list; `.ci/install-test.sh` checks
    /// both against each other).
    static let lazy = ["libcurl.so.4", "libchafa.so.0", "libpng16.so.16", "libjpeg.so.62", "libwebp.so.7", "libcrypto.so.3"]

    /// Which of them the process has mapped (/proc/PID/maps names the files: `…/libcurl.so.4.8.0`).
    static func mapped(_ pid: pid_t) throws -> Set<String> {
        // Read to its end: a /proc file says it is empty, and one read gives a page of it.
        let file = try #require(FileHandle(forReadingAtPath: "/proc/\(pid)/maps"))
        defer { try? file.close() }
        let maps = String(decoding: try file.readToEnd() ?? Data(), as: UTF8.self)
        return Set(lazy.filter { maps.contains("/" + $0) })
    }

    @Test("the first list maps none of them; a picture opens curl, chafa and libpng")
    func openedOnFirstUse() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let base = server.url("").absoluteString
        let card = PictureEncoder.quarters(width: 160, height: 90)
        let png = try #require(PictureEncoder.png(width: 160, height: 90, rgba: card))
        server.serve("/feed.xml", ReaderPictureTests.feed(base), type: "application/rss+xml")
        server.serve("/story.html", """
            <!doctype html><html><head><meta charset="utf-8">
            <title>Jembatan Baja Sukaraja Dibuka untuk Warga</title>
            <meta property="og:image" content="\(base)/hero.png">
            <meta property="og:image:alt" content="Jembatan baja dari tepi sungai">
            </head><body><article><h1>Jembatan Baja Sukaraja Dibuka untuk Warga</h1>
            <p>\(ReaderPictureTests.paragraph)</p><p>\(ReaderPictureTests.paragraph)</p>
            </article></body></html>
            """)
        server.route("/hero.png") { _ in .ok(png, type: "image/png") }
        let sandbox = try Sandbox()
        #expect(try BacaBinary.run(["feed", "add", server.url("/feed.xml").absoluteString], sandbox: sandbox).status == 0)
        let fetched = try BacaBinary.run(["fetch"], sandbox: sandbox)
        #expect(fetched.status == 0, "\(fetched.stderr)")

        let tmux = try TmuxSession("'\(BacaBinary.url.path)'", columns: 100, rows: 40, sandbox: sandbox)
        try tmux.waitFor("Jembatan Baja Sukaraja")
        let pid = try #require(tmux.bacaPID())
        let atStart = try Self.mapped(pid)
        #expect(atStart.isEmpty, "mapped at start: \(atStart.sorted())")

        try tmux.send("Enter")
        try tmux.waitFor(timeout: 20) { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            guard let caption = ReaderPictureTests.line(of: "Jembatan baja dari tepi sungai", in: screen), caption > 0
            else { return false }
            return ReaderPictureTests.hasBlockSymbols(lines[caption - 1])
        }
        let opened = try Self.mapped(pid)
        #expect(opened.isSuperset(of: ["libcurl.so.4", "libchafa.so.0", "libpng16.so.16", "libcrypto.so.3"]), "\(opened.sorted())")
        try tmux.send("q", "q")
    }

    @Test("a library that cannot be opened: one line naming it and its package")
    func missingLibraryMessage() throws {
        let message = String(cString: try #require(baca_lazy_probe("libbaca-missing.so.9", "baca-missing9")))
        #expect(message.hasPrefix("libbaca-missing.so.9 cannot be loaded (install baca-missing9): "))
        #expect(!message.contains("\n"))
        #expect(baca_lazy_probe("libz.so.1", "zlib1g") == nil)
    }

    /// A folder holding a fake `libcrypto.so.3` that has `EVP_sha256` but not `EVP_Digest`
    /// (compiled here with the toolchain's C compiler), for LD_LIBRARY_PATH.
    static func brokenLibcrypto(in sandbox: Sandbox) throws -> URL {
        let folder = sandbox.root.appendingPathComponent("fake-libs")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = folder.appendingPathComponent("fake.c")
        try Data("void *EVP_sha256(void) { return 0; }\n".utf8).write(to: source)
        let library = folder.appendingPathComponent("libcrypto.so.3").path
        var built = false
        for compiler in ["clang", "cc", "gcc"] {
            if let result = try? Spawn.run([compiler, "-shared", "-fPIC", "-o", library, source.path], timeout: 60),
               result.status == 0 { built = true; break }
        }
        try #require(built, "no C compiler built the fake libcrypto")
        return folder
    }

    /// A capture of our own, in the capture format.
    static let capture = """
        Baca artikel IDN Times lainnya di IDN App
        For
        You

        Warga Sukaraja Menanam Pohon di Tepi Sungai

        Intinya sih...
          • Warga menanam seratus pohon pekan ini.
          • Sungai akan dibersihkan bulan depan.

        Jakarta, IDN Times - Warga Sukaraja menanam pohon di tepi sungai pada Senin (4/11/2024).

        1. Pohon Untuk Sungai

        Kegiatan ini diikuti warga dari tiga kampung yang bergotong royong sejak pagi.

        Editorial Team
        Rani Putri
        EditorBayu Pratama
        Follow Us
        """

    static let brokenLine = "libcrypto.so.3 has no EVP_Digest (install libssl3)"

    /// A repository as baca 8 left it (schema 8, the capture stored from `sourcePath` with its
    /// SHA-256 content hash), at `path`.
    static func olderRepository(at path: String, sourcePath: String) throws {
        let store = try ArticleStore(path: path, readOnly: false, schema: .upTo(version: 8))
        var record = try ArticleRecord(
            article: try CaptureLoader.load(Data(capture.utf8)).article, sourcePath: sourcePath, importedAt: Date())
        record.contentHash = try record.legacyContentHash()
        try store.write("storing as baca 8") { db in try ArticleStore.insertNew(&record, in: db) }
    }

    /// The stored content hashes.
    static func contentHashes(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchAll(db, sql: "SELECT contentHash FROM article ORDER BY id") }
    }

    @Test("baca import into a new repository needs no libcrypto (content fingerprints, schema v9)")
    func importWithoutLibcrypto() throws {
        let sandbox = try Sandbox()
        let libraries = try Self.brokenLibcrypto(in: sandbox)
        let file = sandbox.root.appendingPathComponent("pohon.txt")
        try Data(Self.capture.utf8).write(to: file)
        let database = sandbox.root.appendingPathComponent("new.sqlite")
        for expected in ["1 imported", "1 unchanged"] {
            let result = try BacaBinary.run(
                ["import", file.path, "--db", database.path], sandbox: sandbox,
                environment: ["LD_LIBRARY_PATH": libraries.path])
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains(expected) && result.stderr.isEmpty, "\(result.stdout)\(result.stderr)")
        }
        #expect(try Self.contentHashes(database.path).map(\.count) == [32])
    }

    /// Whether a run of baca with `arguments` opened libcrypto, as the dynamic loader tells it
    /// (`LD_DEBUG=libs` writes every library it looks for to stderr).
    static func opensLibcrypto(_ arguments: [String], sandbox: Sandbox) throws -> Bool {
        let result = try BacaBinary.run(arguments, sandbox: sandbox, environment: ["LD_DEBUG": "libs"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr.suffix(2_000))")
        #expect(result.stderr.contains("find library="), "the loader said nothing: \(result.stderr.suffix(2_000))")
        return result.stderr.contains("libcrypto.so.3")
    }

    @Test("baca import opens libcrypto only for a repository with older hashes")
    func importOpensLibcryptoOnlyForOlderHashes() throws {
        let sandbox = try Sandbox()
        let file = sandbox.root.appendingPathComponent("pohon.txt")
        try Data(Self.capture.utf8).write(to: file)
        let new = sandbox.root.appendingPathComponent("new.sqlite").path
        #expect(try !Self.opensLibcrypto(["import", file.path, "--db", new], sandbox: sandbox))
        #expect(try !Self.opensLibcrypto(["import", file.path, "--db", new], sandbox: sandbox))
        let older = sandbox.root.appendingPathComponent("older.sqlite").path
        try Self.olderRepository(at: older, sourcePath: file.path)
        #expect(try Self.opensLibcrypto(["import", file.path, "--db", older], sandbox: sandbox))
    }

    @Test("baca import into an older repository with a libcrypto that lacks a function: one line naming it, exit 1, nothing changed")
    func olderRepositoryWithBrokenLibcrypto() throws {
        let sandbox = try Sandbox()
        let libraries = try Self.brokenLibcrypto(in: sandbox)
        let file = sandbox.root.appendingPathComponent("pohon.txt")
        try Data(Self.capture.utf8).write(to: file)
        let database = sandbox.root.appendingPathComponent("older.sqlite")
        try Self.olderRepository(at: database.path, sourcePath: file.path)
        let stored = try Self.contentHashes(database.path)
        #expect(stored.map(\.count) == [64])

        let result = try BacaBinary.run(
            ["import", file.path, "--db", database.path], sandbox: sandbox,
            environment: ["LD_LIBRARY_PATH": libraries.path])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasSuffix(Self.brokenLine), "\(result.stderr)")
        #expect(try Self.contentHashes(database.path) == stored)

        // With the real libcrypto the older hash is recognised: the same file is unchanged.
        let working = try BacaBinary.run(["import", file.path, "--db", database.path], sandbox: sandbox)
        #expect(working.status == 0, "\(working.stderr)")
        #expect(working.stdout.contains("1 unchanged"), "\(working.stdout)")
        #expect(try Self.contentHashes(database.path).map(\.count) == [32])
    }

    @Test(":import in the reader into an older repository with a libcrypto that lacks a function: the status line says so, the reader goes on")
    func readerImportWithBrokenLibcrypto() throws {
        let sandbox = try Sandbox()
        let libraries = try Self.brokenLibcrypto(in: sandbox)
        let older = sandbox.root.appendingPathComponent("older.txt")
        try Data(Self.capture.utf8).write(to: older)
        try FileManager.default.createDirectory(
            atPath: (sandbox.databasePath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Self.olderRepository(at: sandbox.databasePath, sourcePath: older.path)
        // Another file, the same title but other content: its twin is looked for among the older
        // hashes too (by SHA-256, which libcrypto cannot give).
        let file = sandbox.root.appendingPathComponent("pohon.txt")
        try Data(Self.capture.replacingOccurrences(of: "seratus pohon", with: "dua ratus pohon").utf8).write(to: file)
        let tmux = try TmuxSession(
            "'\(BacaBinary.url.path)'", columns: 250, rows: 30, sandbox: sandbox,
            environment: ["LD_LIBRARY_PATH": libraries.path])
        try tmux.waitForHeader()
        try tmux.send(":")
        try tmux.send("-l", "import \(file.path)")
        try tmux.send("Enter")
        try tmux.waitFor(timeout: 20) { $0.contains("has no EVP_Digest") }
        // Still running and drawing: a command still answers on the status line.
        try tmux.send(":")
        try tmux.send("-l", "frobnicate")
        try tmux.send("Enter")
        try tmux.waitFor(timeout: 20) { $0.contains("frobnicate") && !$0.contains("has no EVP_Digest") }
        #expect(tmux.bacaPID() != nil)
        try tmux.send("q")
    }
}
