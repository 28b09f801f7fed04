import BacaTestSupport
import Foundation
import Glibc
import Testing

/// Issue 5.6: terminals that cannot run the reader, windows that shrink to nothing or change
/// fifty times a second, floods of keys and pasted escape sequences. No crash, no hang, and
/// the terminal is left as the shell wants it.
extension Hardening {
    @Suite("6. Hostile terminals")
    struct HostileTerminals {
        static func repository(articles: Int = 20) throws -> Sandbox {
            let sandbox = try Sandbox()
            try GeneratedCaptures.write(count: articles, into: sandbox.root.appendingPathComponent("in"))
            _ = try Baca.run(["import", "in"], sandbox: sandbox)
            return sandbox
        }

        @Test("a terminal that cannot run the reader gets one clear line and exit status 2", arguments: [
            ("TERM=dumb", "env TERM=dumb", "cannot move the cursor"),
            ("an unknown TERM", "env TERM=vt-nonexistent-9000", "terminfo does not know it"),
            ("no TERM", "env -u TERM", "TERM is not set"),
            ("an empty TERM", "env TERM=", "TERM is not set"),
        ])
        func unusableTerminal(name: String, prefix: String, reason: String) throws {
            let sandbox = try Self.repository(articles: 1)
            let session = try TmuxSession("\(prefix) \(bacaCommand([]))", columns: 200, sandbox: sandbox, environment: ["BACA_LANGUAGE": "en"])
            let status = try session.waitForExit()
            let screen = try session.screen()
            #expect(status == 2, "\(name): \(screen)")
            let lines = screen.split(separator: "\n").filter { !$0.isEmpty && !$0.hasPrefix("__EXIT__") }
            #expect(lines.count == 1 && lines[0].hasPrefix("baca: ") && lines[0].contains(reason), "\(name): \(screen)")
            #expect(session.terminalModesRestored, "\(name)")
        }

        @Test("no terminal on standard output or input: one clear line, exit status 2, nothing drawn")
        func notATerminal() throws {
            let sandbox = try Self.repository(articles: 1)
            let output = sandbox.root.appendingPathComponent("out.txt")
            for (name, redirect) in [("stdout to a file", "> \(shellQuoted(output.path))"), ("stdin from /dev/null", "< /dev/null"),
                                     ("both", "< /dev/null > \(shellQuoted(output.path))")] {
                let session = try TmuxSession("\(bacaCommand([])) \(redirect)", sandbox: sandbox, environment: ["BACA_LANGUAGE": "en"])
                let status = try session.waitForExit()
                let screen = try session.screen()
                #expect(status == 2, "\(name): \(screen)")
                #expect(screen.contains("baca: the reader needs a terminal"), "\(name): \(screen)")
                #expect(session.terminalModesRestored, "\(name)")
                if redirect.contains(">") {
                    #expect((try? Data(contentsOf: output))?.isEmpty == true, "\(name): baca wrote to the file")
                }
            }
            // And with no terminal at all (a pipe and /dev/null, as in CI).
            let piped = try Baca.run([], sandbox: sandbox, timeout: 20)
            #expect(piped.status == 2 && piped.stdout.isEmpty, "\(piped.stdout)")
            #expect(piped.stderr == "baca: the reader needs a terminal; try 'baca list' or 'baca show ID'\n", "\(piped.stderr)")
        }

        @Test("a 1×1 window: the reader keeps running and draws again when the window grows")
        func tinyWindow() throws {
            let sandbox = try Self.repository()
            let session = try TmuxSession(bacaCommand([]), sandbox: sandbox)
            try session.waitForHeader()
            try session.send("Enter")
            try session.waitFor("Intinya sih")
            for size in [(1, 1), (2, 1), (1, 3), (39, 9), (1, 1)] {
                try session.resize(columns: size.0, rows: size.1)
                try session.send("j")   // keys still work while nothing fits
                // Proof that baca read the key at this size (not a pause) before asking if it lives.
                try session.waitUntilInputHandled(timeout: 20)
                #expect(session.bacaPID() != nil, "baca died at \(size)")
            }
            try session.resize(columns: 80, rows: 24)
            let screen = try session.waitFor("Intinya sih")
            #expect(screen.contains("Intinya sih"), "\(screen)")
            try session.send("q")
            try session.waitForHeader()
            try session.send("q")
            #expect(try session.waitForExit() == 0)
            #expect(session.terminalModesRestored)
        }

        @Test("a tiny window from the start")
        func tinyFromTheStart() throws {
            let sandbox = try Self.repository(articles: 2)
            let session = try TmuxSession(bacaCommand([]), columns: 1, rows: 1, sandbox: sandbox)
            // Nothing fits, so nothing to read on the screen: wait for curses mode (baca has
            // started its screen), then for a key to be read, before asking if it lives.
            let deadline = Date().addingTimeInterval(20)
            while !session.alternateScreen, Date() < deadline, !(try session.screen().contains("__EXIT__")) {
                Thread.sleep(forTimeInterval: 0.05)
            }
            let started = try session.screen()
            #expect(session.alternateScreen, "baca never started its screen at 1×1: \(started)")
            try session.send("j")
            try session.waitUntilInputHandled(timeout: 20)
            #expect(session.bacaPID() != nil, "baca did not survive a 1×1 start")
            try session.resize(columns: 80, rows: 24)
            try session.waitForHeader()
            try session.send("q")
            #expect(try session.waitForExit() == 0)
            #expect(session.terminalModesRestored)
        }

        @Test("50 resizes in a second, in the list and in the reader")
        func rapidResizes() throws {
            let sandbox = try Self.repository()
            let session = try TmuxSession(bacaCommand([]), sandbox: sandbox)
            try session.waitForHeader()
            var random = SeededGenerator(seed: 50)
            for screen in ["list", "reader"] {
                if screen == "reader" {
                    try session.send("Enter")
                    try session.waitFor("Intinya sih")
                }
                // As fast as tmux takes them (no timing is asserted: how fast a slow machine
                // resizes measures the machine, not baca).
                for _ in 0..<50 {
                    try session.resize(columns: Int.random(in: 1...160, using: &random), rows: Int.random(in: 1...60, using: &random))
                }
                try session.resize(columns: 80, rows: 24)
                let mark = screen == "list" ? "baca ·" : "q kembali"
                let settled = try session.waitFor(timeout: 20) { $0.contains(mark) }
                #expect(settled.contains(mark), "\(screen) did not come back:\n\(settled)")
                #expect(settled.split(separator: "\n", omittingEmptySubsequences: false).count >= 24, "\(settled)")
            }
            try session.send("q")
            try session.send("q")
            #expect(try session.waitForExit() == 0)
            #expect(session.terminalModesRestored)
        }

        @Test("a burst of 10,000 keys is handled, and the reader still answers at once")
        func keyBurst() throws {
            let sandbox = try Self.repository()
            let session = try TmuxSession(bacaCommand([]), sandbox: sandbox)
            try session.waitForHeader()
            // In chunks, as a terminal delivers them; 10,000 in all.
            for _ in 0..<10 { try session.type(String(repeating: "j", count: 1000)) }
            let bottom = try session.waitFor(timeout: 60) { $0.contains("20/20") }
            #expect(bottom.contains("20/20"), "\(bottom)")
            // Mixed keys: moving, opening, sections, help, back; then it must answer one key fast.
            try session.type(String(repeating: "jk", count: 2000) + String(repeating: "l]]q", count: 500) + String(repeating: "?q", count: 500))
            try session.send("g", "g")
            let top = try session.waitFor(timeout: 60) { $0.contains(" 1/20") }
            #expect(top.contains(" 1/20"), "\(top)")
            // Every key of the burst was read (not only drawn past): then one more key still answers.
            try session.waitUntilInputHandled(timeout: 60)
            let before = try session.screen()
            try session.send("j")
            let moved = try session.waitForChange(from: before, timeout: 20)
            #expect(moved.contains(" 2/20"), "\(moved)")
            try session.send("q")
            #expect(try session.waitForExit() == 0)
            #expect(session.terminalModesRestored)
        }

        @Test("pasted text full of escape sequences, into the prompt")
        func pasteIntoPrompt() throws {
            let sandbox = try Self.repository()
            let log = sandbox.root.appendingPathComponent("raw.log")
            let session = try TmuxSession(loggedBacaCommand([], log: log), sandbox: sandbox)
            try session.waitForHeader()
            var paste = ""
            var random = SeededGenerator(seed: 7)
            let pieces = ["banjir ", "\u{1B}[2J", "\u{1B}]0;PWNED-TITLE\u{07}", "\u{1B}]52;c;cHduZWQ=\u{07}", "\u{1B}[31m", "\u{202E}",
                          "\u{200B}", "\u{9B}", "\u{7F}", "\u{08}", "\t", "\u{1B}[200~", "\u{1B}[201~", "kota ", "\u{1B}O", "\u{1B}[A"]
            for _ in 0..<400 { paste += pieces.randomElement(using: &random)! }
            try session.tmux(["set-buffer", "-b", "p", paste])
            try session.send("/")
            try session.tmux(["paste-buffer", "-d", "-b", "p", "-t", "t"])
            try session.waitUntilInputHandled()
            #expect(session.paneTitle == TmuxSession.sentinelTitle)
            #expect(!session.pasteBuffers.contains("cHduZWQ"), "the clipboard was written")
            // Whatever the paste did (an ESC in it leaves the prompt, its letters are keys), the
            // reader is either still there and answering, or it quit cleanly.
            if session.bacaPID() != nil {
                // Esc goes back one level and does nothing at the top: each one read before the next.
                for _ in 0..<6 where !(try session.screen().hasPrefix(" baca ·")) {
                    try session.send("Escape")
                    try session.waitUntilInputHandled(timeout: 20)
                }
                let screen = try session.waitForHeader()
                #expect(screen.hasPrefix(" baca ·"), "\(screen)")
                try session.send("q")
            }
            let status = try session.waitForExit()
            let last = try session.screen()
            #expect(status == 0, "\(last)")
            #expect(session.terminalModesRestored)
            EscapeSafety.checkRawOutput(log)
        }
    }
}
