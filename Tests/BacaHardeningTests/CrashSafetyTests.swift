import BacaCore
import BacaStore
import BacaTestSupport
import Foundation
import Glibc
import GRDB
import Testing

/// Issue 5.3: `baca import` and the reader killed with SIGKILL (no handler runs, nothing is
/// flushed) at seeded random moments. Every time, the repository passes SQLite's integrity
/// check, holds only whole articles (every section, and an index row), and the next run goes on
/// where the killed one stopped.
extension Hardening {
    @Suite("3. Crash safety")
    struct CrashSafety {
        static let articleCount = 2000

        /// What a check of the repository found.
        struct Check {
            var articles = 0
            var problems: [String] = []
        }

        /// Opens the repository as a plain SQLite file and checks it through and through:
        /// integrity, the index against the articles, and each article against its capture.
        static func check(_ path: String, captures: URL) throws -> Check {
            var check = Check()
            let queue = try DatabaseQueue(path: path, configuration: StoreConnection.configuration())
            defer { try? queue.close() }
            try queue.write { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                if integrity != ["ok"] { check.problems.append("integrity_check: \(integrity.prefix(5))") }
                do {
                    try db.execute(sql: "INSERT INTO article_fts (article_fts) VALUES ('integrity-check')")
                } catch {
                    check.problems.append("FTS integrity-check: \(error)")
                }
                let articles = try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0
                let indexed = try Int.fetchOne(db, sql: "SELECT count(*) FROM article_fts_docsize") ?? 0
                if articles != indexed { check.problems.append("\(articles) articles but \(indexed) index rows") }
                check.articles = articles
            }
            // Each article whole: what is stored is what its capture parses to, and its marker
            // word finds it, and only it.
            let store = try ArticleStore(path: path, readOnly: true)
            let rows = try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT id, sourcePath FROM article ORDER BY id")
            }
            for row in rows {
                let id: Int64 = row["id"]
                guard let sourcePath: String = row["sourcePath"],
                      let index = Int(URL(fileURLWithPath: sourcePath).deletingPathExtension().lastPathComponent.dropFirst())
                else {
                    check.problems.append("article \(id) has no capture path")
                    continue
                }
                let expected = try CaptureLoader.load(Data(GeneratedCaptures.capture(index).utf8)).article
                guard let stored = try store.article(id: id) else {
                    check.problems.append("article \(id) cannot be read")
                    continue
                }
                if stored.article != expected {
                    check.problems.append("article \(id) (\(sourcePath)) differs from its capture")
                }
                if stored.article.sections.count != expected.sections.count {
                    check.problems.append("article \(id) has \(stored.article.sections.count) sections, not \(expected.sections.count)")
                }
                let hits = try store.search(GeneratedCaptures.marker(index), scope: .all, offset: 0, limit: 5).map(\.summary.id)
                if hits != [id] { check.problems.append("searching \(GeneratedCaptures.marker(index)) finds \(hits), not [\(id)]") }
            }
            return check
        }

        /// Articles committed so far (0 while the file is not there yet); a reader beside the import.
        static func committedArticles(_ path: String) -> Int {
            var configuration = StoreConnection.configuration()
            configuration.readonly = true
            guard FileManager.default.fileExists(atPath: path),
                  let queue = try? DatabaseQueue(path: path, configuration: configuration)
            else { return 0 }
            return (try? queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article") }) ?? 0
        }

        @Test("import killed at random moments: a sound repository of whole articles, and a re-run imports the rest")
        func killedImport() throws {
            let sandbox = try Sandbox()
            let captures = sandbox.root.appendingPathComponent("in")
            try GeneratedCaptures.write(count: Self.articleCount, into: captures)
            var random = SeededGenerator(seed: 20_241_125)
            var stored = 0
            var killedMidway = 0
            for round in 0..<4 {
                // 64 files a transaction (the default, 1,024, is half the corpus).
                let child = try Baca.start(["import", "in", "--transaction-files", "64"], sandbox: sandbox)
                // A random moment by progress, not by the clock: once this round has committed a
                // random number of articles (a transaction is 64). A fixed sleep came too late on
                // a quiet machine and too early on a busy one.
                let target = stored + Int.random(in: 1...300, using: &random)
                while child.isRunning, Self.committedArticles(sandbox.databasePath) < target {
                    usleep(1_000)
                }
                child.kill(SIGKILL)
                let output = child.wait(timeout: 60)
                if output.signal == SIGKILL { killedMidway += 1 }
                let check = try Self.check(sandbox.databasePath, captures: captures)
                #expect(check.problems.isEmpty, "round \(round): \(check.problems.prefix(10))")
                #expect(check.articles >= stored, "round \(round): articles went from \(stored) to \(check.articles)")
                stored = check.articles
            }
            #expect(killedMidway >= 3, "the import finished before most kills: the test proves little")
            #expect(stored < Self.articleCount, "every kill came too late")

            let rest = try Baca.run(["import", "in"], sandbox: sandbox, timeout: 120)
            #expect(rest.status == 0, "\(rest.stderr)")
            #expect(rest.stdout.hasSuffix("\(Self.articleCount) files: \(Self.articleCount - stored) imported, 0 updated, \(stored) unchanged, 0 failed\n"),
                    "\(rest.stdout.split(separator: "\n").last ?? "")")
            let final = try Self.check(sandbox.databasePath, captures: captures)
            #expect(final.problems.isEmpty, "\(final.problems.prefix(10))")
            #expect(final.articles == Self.articleCount)
        }

        /// The reading state of every article: (read, starred, position section).
        static func states(_ path: String) throws -> [Int64: (read: Bool, starred: Bool, section: Int?)] {
            let queue = try DatabaseQueue(path: path, configuration: StoreConnection.configuration())
            defer { try? queue.close() }
            return try queue.write { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                #expect(integrity == ["ok"])
                var result: [Int64: (read: Bool, starred: Bool, section: Int?)] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT articleId, read, starred, positionSection FROM article_state") {
                    result[row["articleId"]] = (row["read"], row["starred"], row["positionSection"])
                }
                return result
            }
        }

        /// How many read articles have their position saved at `section`, read without writing.
        static func savedPositions(_ path: String, section: Int) throws -> Int {
            let queue = try DatabaseQueue(path: path, configuration: StoreConnection.configuration())
            defer { try? queue.close() }
            return try queue.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM article_state WHERE read = 1 AND positionSection = ?",
                                 arguments: [section]) ?? 0
            }
        }

        /// Every article's read and starred state as one text, read without writing: it changes
        /// with any state write (a star or read toggled back and forth included).
        static func stateFingerprint(_ path: String) throws -> String {
            var configuration = StoreConnection.configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                try String.fetchAll(db, sql: "SELECT articleId || ':' || read || starred FROM article_state ORDER BY articleId")
                    .joined(separator: ",")
            }
        }

        @Test("the reader killed with SIGKILL keeps every state write it made")
        func killedReader() throws {
            let sandbox = try Sandbox()
            try GeneratedCaptures.write(count: 30, into: sandbox.root.appendingPathComponent("in"))
            _ = try Baca.run(["import", "in"], sandbox: sandbox)

            let session = try TmuxSession(bacaCommand([]), sandbox: sandbox)
            try session.waitForHeader("30 belum dibaca")
            try session.send("f")                       // star the first
            try session.send("j", "m")                  // mark the second read
            try session.waitForHeader("29 belum dibaca")
            try session.send("j", "Enter")              // read the third…
            try session.waitFor("Intinya sih")
            try session.send("]", "]")                  // …to its second section
            // The status bar names the second section: `2/N · its title`.
            try session.waitFor { ($0.split(separator: "\n").last ?? "").contains(" 2/") }
            // The position is saved when the reader has been idle for a second: poll the
            // repository (reading only) until it is there.
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline, try Self.savedPositions(sandbox.databasePath, section: 2) == 0 {
                Thread.sleep(forTimeInterval: 0.1)
            }
            #expect(session.killBaca(SIGKILL))
            #expect(try session.waitForExit() == 137)

            let states = try Self.states(sandbox.databasePath)
            #expect(states.values.filter(\.starred).count == 1, "\(states)")
            #expect(states.values.filter(\.read).count == 2, "\(states)")
            #expect(states.values.contains { $0.read && $0.section == 2 }, "the reading position was lost: \(states)")

            // Killed in the middle of a burst of state writes: whatever got in is whole.
            let second = try TmuxSession(bacaCommand([]), sandbox: sandbox)
            try second.waitForHeader("28 belum dibaca")
            let before = try Self.stateFingerprint(sandbox.databasePath)
            try second.type(String(repeating: "fjm", count: 150))
            // Killed by progress, not after a fixed pause (too early on a slow machine, after
            // the end on a fast one): once the burst's first writes are in the repository.
            let burstDeadline = Date().addingTimeInterval(20)
            var wrote = false
            while !wrote, Date() < burstDeadline {
                wrote = try Self.stateFingerprint(sandbox.databasePath) != before
                if !wrote { usleep(5_000) }
            }
            #expect(wrote, "the burst wrote nothing")
            #expect(second.killBaca(SIGKILL))
            _ = try second.waitForExit()
            let after = try Self.states(sandbox.databasePath)
            let unread = 30 - after.values.filter(\.read).count

            // The next reader opens on the same repository and shows the same counts.
            let third = try TmuxSession(bacaCommand([]), sandbox: sandbox)
            let header = try third.waitForHeader("baca · 30 artikel")
            #expect(header.contains("\(unread) belum dibaca"), "\(header)")
            try third.send("q")
            #expect(try third.waitForExit() == 0)
        }
    }
}
