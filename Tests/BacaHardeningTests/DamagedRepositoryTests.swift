import BacaStore
import BacaTestSupport
import Foundation
import Glibc
import GRDB
import Testing

/// Issue 5.5: a repository file that is damaged, foreign, newer or read-only. Each gives one
/// clear line that names the file and what to do; nothing is written to it; a read-only one
/// still opens for reading.
extension Hardening {
    @Suite("5. Damaged or foreign repositories")
    struct DamagedRepositories {
        /// A repository of `count` generated articles at `path`, closed (one file, no -wal).
        static func makeRepository(at path: String, count: Int = 60) throws {
            let sandbox = try Sandbox()
            try GeneratedCaptures.write(count: count, into: sandbox.root.appendingPathComponent("in"))
            let result = try Baca.run(["import", "--db", path, "in"], sandbox: sandbox)
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        }

        /// The files in a folder with their fingerprints: what "nothing was written" compares.
        static func snapshot(_ folder: URL) -> [String: String] {
            var result: [String: String] = [:]
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                result[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)?.sha ?? "unreadable"
            }
            return result
        }

        /// Runs list, show, search and import against `repository`; each must fail with one line
        /// on stderr that names the file and holds `words`, and leave the folder as it was.
        static func expectRefused(_ repository: String, sandbox: Sandbox, words: [String],
                                  sourceLocation: SourceLocation = #_sourceLocation) throws {
            let folder = URL(fileURLWithPath: repository).deletingLastPathComponent()
            let before = snapshot(folder)
            try sandbox.write("capture.txt", GeneratedCaptures.capture(999))
            for command in [["list"], ["show", "1"], ["search", "banjir"], ["import", "capture.txt"], ["list", "--json"]] {
                let result = try Baca.run(command + ["--db", repository], sandbox: sandbox, timeout: 30)
                let lines = result.stderr.split(separator: "\n")
                #expect(result.status != 0, "\(command) succeeded on a bad repository", sourceLocation: sourceLocation)
                #expect(lines.count == 1, "\(command): \(result.stderr)", sourceLocation: sourceLocation)
                #expect(result.stderr.hasPrefix("baca: ") && result.stderr.contains(repository),
                        "\(command): \(result.stderr)", sourceLocation: sourceLocation)
                for word in words {
                    #expect(result.stderr.contains(word), "\(command): '\(word)' missing in \(result.stderr)", sourceLocation: sourceLocation)
                }
                #expect(result.stdout.isEmpty || command.first == "import", "\(command): \(result.stdout)", sourceLocation: sourceLocation)
            }
            #expect(snapshot(folder) == before, "the folder changed", sourceLocation: sourceLocation)
        }

        @Test("a truncated repository is refused and left as it is", arguments: ["half", "one page", "header only", "50 bytes"])
        func truncated(cut: String) throws {
            let folder = try TemporaryFolder()
            let path = folder.url.appendingPathComponent("baca.sqlite").path
            try Self.makeRepository(at: path)
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
            let newSize = switch cut {
            case "half": size / 2
            case "one page": 4096
            case "header only": 100
            default: 50
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.truncate(atOffset: UInt64(newSize))
            try handle.close()
            try Self.expectRefused(path, sandbox: try Sandbox(), words: ["damaged", "restore it from a backup"])
        }

        @Test("a file that is not a baca repository is refused and left as it is", arguments: ["random", "text", "png", "other program"])
        func foreign(kind: String) throws {
            let folder = try TemporaryFolder()
            let path = folder.url.appendingPathComponent("notes.db").path
            var random = SeededGenerator(seed: 5)
            switch kind {
            case "random":
                try Data((0..<10_000).map { _ in UInt8.random(in: 0...255, using: &random) }).write(to: URL(fileURLWithPath: path))
            case "text":
                try Data(GeneratedCaptures.capture(1).utf8).write(to: URL(fileURLWithPath: path))
            case "png":
                try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<2000).map { _ in UInt8.random(in: 0...255, using: &random) })
                    .write(to: URL(fileURLWithPath: path))
            default:
                let queue = try DatabaseQueue(path: path, configuration: StoreConnection.configuration())
                try queue.write { db in
                    try db.execute(sql: "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO note (text) VALUES ('belanja')")
                }
                try queue.close()
            }
            let words = kind == "other program" ? ["not a baca repository", "another program"] : ["not a baca repository", "--db"]
            try Self.expectRefused(path, sandbox: try Sandbox(), words: words)
        }

        /// Turns a baca repository into one "written by a newer baca": a higher schema version
        /// and a migration this build does not know.
        static func makeNewer(_ path: String) throws {
            let queue = try DatabaseQueue(path: path, configuration: StoreConnection.configuration())
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE future_podcast (id INTEGER PRIMARY KEY, url TEXT)")
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-podcasts')")
                try db.execute(sql: "PRAGMA user_version = \(ArticleStore.schemaVersion + 1)")
            }
            try queue.close()
        }

        @Test("a repository from a newer baca is never modified, by any command or the reader")
        func newer() throws {
            let folder = try TemporaryFolder()
            let path = folder.url.appendingPathComponent("baca.sqlite").path
            try Self.makeRepository(at: path, count: 5)
            try Self.makeNewer(path)
            let sandbox = try Sandbox()
            try Self.expectRefused(path, sandbox: sandbox, words: ["newer baca", "update baca"])
            // The reader says the same, and leaves the terminal as it was.
            let before = Self.snapshot(folder.url)
            let session = try TmuxSession(bacaCommand(["--db", path]), columns: 250, sandbox: sandbox)
            let status = try session.waitForExit()
            let screen = try session.screen()
            #expect(status == 1, "\(screen)")
            // In the sandbox's language (Indonesian), as the reader speaks it.
            #expect(screen.contains("baca yang lebih baru") && screen.contains(path), "\(screen)")
            #expect(session.terminalModesRestored)
            #expect(Self.snapshot(folder.url) == before)
        }

        @Test("a read-only repository file opens for reading; writing says why not; nothing changes")
        func readOnlyFile() throws {
            let sandbox = try Sandbox()
            let path = sandbox.root.appendingPathComponent("repo/baca.sqlite").path
            try Self.makeRepository(at: path, count: 5)
            try sandbox.write("capture.txt", GeneratedCaptures.capture(999))
            try Unprivileged.handOver(sandbox.root)
            #expect(chmod(path, 0o444) == 0)
            try #require(Unprivileged.canRunBinary(sandbox: sandbox))
            let database = FileManager.default.contents(atPath: path)?.sha

            let list = try Unprivileged.run(["list", "--db", path], sandbox: sandbox)
            #expect(list.status == 0 && list.stdout.split(separator: "\n").count == 5, "\(list.stdout)\(list.stderr)")
            let show = try Unprivileged.run(["show", "3", "--db", path], sandbox: sandbox)
            #expect(show.status == 0 && show.stdout.contains("Berita"), "\(show.stderr)")
            let search = try Unprivileged.run(["search", GeneratedCaptures.marker(2), "--db", path], sandbox: sandbox)
            #expect(search.status == 0 && search.stdout.contains("Nomor 2"), "\(search.stdout)\(search.stderr)")
            let importing = try Unprivileged.run(["import", "capture.txt", "--db", path], sandbox: sandbox)
            #expect(importing.status == 1)
            #expect(importing.stdout.contains("read-only") && importing.stdout.contains(path) && importing.stdout.contains("permissions"),
                    "\(importing.stdout)")
            #expect(FileManager.default.contents(atPath: path)?.sha == database, "the read-only file changed")
        }

        @Test("a repository in a read-only folder opens for reading, without creating anything there")
        func readOnlyFolder() throws {
            let sandbox = try Sandbox()
            let repo = sandbox.root.appendingPathComponent("repo")
            let path = repo.appendingPathComponent("baca.sqlite").path
            try Self.makeRepository(at: path, count: 5)
            try sandbox.write("capture.txt", GeneratedCaptures.capture(999))
            try Unprivileged.handOver(sandbox.root)
            #expect(chmod(repo.path, 0o555) == 0)
            defer { _ = chmod(repo.path, 0o755) }
            try #require(Unprivileged.canRunBinary(sandbox: sandbox))
            let before = Self.snapshot(repo)

            let list = try Unprivileged.run(["list", "--db", path], sandbox: sandbox)
            #expect(list.status == 0 && list.stdout.split(separator: "\n").count == 5, "\(list.stdout)\(list.stderr)")
            let show = try Unprivileged.run(["show", "1", "--db", path], sandbox: sandbox)
            #expect(show.status == 0, "\(show.stderr)")
            let importing = try Unprivileged.run(["import", "capture.txt", "--db", path], sandbox: sandbox)
            #expect(importing.status == 1 && importing.stdout.contains("read-only"), "\(importing.stdout)\(importing.stderr)")
            #expect(Self.snapshot(repo) == before, "something was written in the read-only folder")
        }

        /// Not run when the checkout is out of `nobody`'s reach and baca runs as a copy: the
        /// reader then fails in Foundation's `Bundle.main` before it opens anything.
        @Test("the reader opens a repository in a read-only folder and shows an article",
              .enabled(if: Unprivileged.binary == BacaBinary.url.path))
        func readerInReadOnlyFolder() throws {
            let sandbox = try Sandbox()
            let repo = sandbox.root.appendingPathComponent("repo")
            let path = repo.appendingPathComponent("baca.sqlite").path
            try Self.makeRepository(at: path, count: 5)
            try Unprivileged.handOver(sandbox.root)
            #expect(chmod(repo.path, 0o555) == 0)
            defer { _ = chmod(repo.path, 0o755) }
            let before = Self.snapshot(repo)
            let session = try TmuxSession(Unprivileged.command(["--db", path]), sandbox: sandbox)
            let screen = try session.waitForHeader("baca · 5 artikel")
            #expect(screen.contains("Berita"), "\(screen)")
            try session.send("Enter")
            let reader = try session.waitFor("Intinya sih")
            #expect(reader.contains("Intinya sih"), "\(reader)")
            try session.send("q")
            try session.send("q")
            let status = try session.waitForExit()
            let last = try session.screen()
            #expect(status == 0, "\(last)")
            #expect(Self.snapshot(repo) == before)
        }
    }
}
