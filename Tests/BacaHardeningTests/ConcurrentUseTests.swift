import BacaStore
import BacaTestSupport
import Foundation
import Glibc
import GRDB
import Testing

/// Issue 5.4: the reader and an importer in two processes on one repository, and two readers
/// at once. Nobody sees "database is locked"; the reader notices new articles by itself (SQLite's
/// `data_version`, polled when idle); every state write of every reader is kept.
extension Hardening {
    @Suite("4. Concurrent use")
    struct ConcurrentUse {
        /// Words that would mean a lock or another store error reached the screen.
        static let troubleWords = ["locked", "busy", "sibuk", "terkunci", "database", "failed", "gagal", "error"]

        static func trouble(in screen: String) -> String? {
            let lower = screen.lowercased()
            return troubleWords.first { lower.contains($0) }
        }

        @Test("the reader stays usable while another process imports 5,000 articles, then shows them by itself")
        func readerDuringImport() throws {
            let sandbox = try Sandbox()
            try GeneratedCaptures.write(count: 10, into: sandbox.root.appendingPathComponent("first"), startingAt: 0)
            try GeneratedCaptures.write(count: 5000, into: sandbox.root.appendingPathComponent("in"), startingAt: 10)
            _ = try Baca.run(["import", "first"], sandbox: sandbox)

            let session = try TmuxSession(bacaCommand([]), sandbox: sandbox)
            try session.waitForHeader("baca · 10 artikel")
            let importer = try Baca.start(["import", "in"], sandbox: sandbox)
            // Use the reader the whole time: move, open (a state write), star (another), back,
            // reload. Each key is paced by proof that the reader read it and drew (not by a
            // fixed pause that assumes a fast machine), so a reader stuck on a lock fails here.
            let keys: [[String]] = [["j"], ["Enter"], ["f"], ["q"], ["k"], ["m"], ["g", "g"], ["R"]]
            var step = 0
            var stepsDuringImport = 0
            let deadline = Date().addingTimeInterval(120)
            while importer.isRunning && Date() < deadline {
                // What the importer had committed before this key: a reload (R) after a commit
                // must show more than the first 10 articles.
                let committedBefore = CrashSafety.committedArticles(sandbox.databasePath)
                let reload = keys[step % keys.count] == ["R"]
                try session.tmux(["send-keys", "-t", "t"] + keys[step % keys.count])
                step += 1
                try session.waitUntilInputHandled(timeout: 20)
                if importer.isRunning { stepsDuringImport += 1 }
                // The reader shows new articles while the import runs: polled for, as the
                // reload may take a moment to draw on a busy machine.
                let screen = reload && committedBefore > 10
                    ? try session.waitFor(timeout: 20) { $0.hasPrefix(" baca ·") && !$0.hasPrefix(" baca · 10 artikel") }
                    : try session.screen()
                if let word = Self.trouble(in: screen) {
                    Issue.record("'\(word)' on screen during the import:\n\(screen)")
                    break
                }
            }
            let result = importer.wait(timeout: 120)
            #expect(result.status == 0, "\(result.stdout.suffix(500))\(result.stderr)")
            #expect(result.stdout.hasSuffix("5000 files: 5000 imported, 0 updated, 0 unchanged, 0 failed\n"), "\(result.stdout.suffix(300))")
            #expect(!result.stdout.contains("failed:"), "\(result.stdout.split(separator: "\n").filter { $0.contains("failed") }.prefix(3))")
            // Not a speed check: the import of 5,000 takes seconds, each step a fraction of one;
            // fewer than three would mean the test did not use the reader during the import.
            #expect(stepsDuringImport >= 3, "the reader was used only \(stepsDuringImport) times during the import")

            // Back to the list (Esc at the top does nothing) and idle: the reader notices the
            // last articles by itself.
            for _ in 0..<6 where !(try session.screen().hasPrefix(" baca ·")) {
                try session.send("Escape")
                try session.waitUntilInputHandled(timeout: 20)
            }
            let header = try session.waitFor(timeout: 20) { $0.hasPrefix(" baca · 5.010 artikel") || $0.hasPrefix(" baca · 5010 artikel") }
            #expect(header.hasPrefix(" baca · 5.010 artikel") || header.hasPrefix(" baca · 5010 artikel"),
                    "the reader did not notice the import:\n\(header)")
            #expect(Self.trouble(in: header) == nil)
            try session.send("q")
            #expect(try session.waitForExit() == 0)
        }

        /// The state rows: article id → (read, starred).
        static func states(_ path: String) throws -> [Int64: (read: Bool, starred: Bool)] {
            let store = try ArticleStore(path: path, readOnly: true)
            var result: [Int64: (read: Bool, starred: Bool)] = [:]
            for summary in try store.summaries(scope: .all, sort: .newest, offset: 0, limit: 100) where summary.read || summary.starred {
                result[summary.id] = (summary.read, summary.starred)
            }
            return result
        }

        @Test("two readers at once keep their own state writes and see each other's")
        func twoReaders() throws {
            let sandbox = try Sandbox()
            try GeneratedCaptures.write(count: 20, into: sandbox.root.appendingPathComponent("in"))
            _ = try Baca.run(["import", "in"], sandbox: sandbox)
            let ids = try ArticleStore(path: sandbox.databasePath, readOnly: true)
                .summaries(scope: .all, sort: .newest, offset: 0, limit: 20).map(\.id)

            let first = try TmuxSession(bacaCommand([]), sandbox: sandbox)
            let second = try TmuxSession(bacaCommand([]), sandbox: sandbox)
            try first.waitForHeader("20 belum dibaca")
            try second.waitForHeader("20 belum dibaca")

            try first.send("f")                         // first: star row 0
            try second.send("j", "j", "m")              // second: row 2 read
            try first.send("j", "Enter")                // first: read row 1
            try first.waitFor("Intinya sih")
            try first.send("q")
            try second.send("f")                        // second: star row 2
            try second.send("k", "k", "f")              // second: star row 0 too (already starred by first)
            // Each notices the other's writes by itself.
            let firstHeader = try first.waitFor(timeout: 20) { $0.contains("18 belum dibaca") }
            #expect(firstHeader.contains("18 belum dibaca"), "\(firstHeader)")
            let secondHeader = try second.waitFor(timeout: 20) { $0.contains("18 belum dibaca") }
            #expect(secondHeader.contains("18 belum dibaca"), "\(secondHeader)")
            for session in [first, second] {
                try session.send("q")
                #expect(try session.waitForExit() == 0)
                #expect(Self.trouble(in: try session.screen()) == nil)
            }

            let states = try Self.states(sandbox.databasePath)
            #expect(states[ids[0]]?.starred == true, "\(states)")
            #expect(states[ids[1]]?.read == true, "\(states)")
            #expect(states[ids[2]]?.read == true && states[ids[2]]?.starred == true, "\(states)")
            #expect(states.count == 3, "\(states)")
        }
    }
}
