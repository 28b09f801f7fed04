import BacaCore
import BacaStore
@testable import BacaTerminal
import BacaTestSupport
import Foundation
import GRDB
import Testing

/// Issue 5.1: text from a capture never drives the terminal. Every payload of `HostileCorpus`
/// goes into every field of a capture; the result must be the clean twin's article, and look
/// the same as the twin in `baca show`, `baca list`, `baca search` and the reader.
extension Hardening {
    @Suite("1. Terminal-escape safety")
    struct EscapeSafety {
        // MARK: Stored text

        @Test("the parsed and stored article is the clean twin's, with no control character", arguments: HostileCorpus.payloads)
        func storedTextIsClean(payload: HostileCorpus.Payload) throws {
            let hostile = try CaptureLoader.load(Data(HostileCorpus.hostile(payload, index: 1).utf8)).article
            let clean = try CaptureLoader.load(Data(HostileCorpus.clean(index: 1).utf8)).article
            #expect(hostile == clean)
            #expect(hostile.author == "Rani Putri" && hostile.editor == "Bayu Pratama")
            #expect(hostile.keyPoints.count == 2 && hostile.heroImage != nil)

            let store = try ArticleStore.inMemory()
            guard case .imported(let id) = try store.importArticle(hostile, sourcePath: nil) else {
                Issue.record("not imported")
                return
            }
            let stored = try #require(try store.article(id: id))
            let summary = try #require(try store.summary(id: id))
            let leaks = (HostileCorpus.strings(in: stored.article) + HostileCorpus.strings(in: summary))
                .flatMap(HostileCorpus.forbiddenScalars(in:))
            #expect(leaks.isEmpty, "\(leaks)")
        }

        // MARK: The command line

        /// Imports every hostile capture into one sandbox and the clean twins into another.
        static func twinRepositories() throws -> (hostile: Sandbox, clean: Sandbox) {
            let hostile = try Sandbox(), clean = try Sandbox()
            for (index, payload) in HostileCorpus.payloads.enumerated() {
                try hostile.write(String(format: "in/%02d.txt", index), HostileCorpus.hostile(payload, index: index))
                try clean.write(String(format: "in/%02d.txt", index), HostileCorpus.clean(index: index))
            }
            for sandbox in [hostile, clean] {
                let result = try Baca.run(["import", "in"], sandbox: sandbox)
                #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
                #expect(result.stdout.contains("\(HostileCorpus.payloads.count) imported"), "\(result.stdout)")
            }
            return (hostile, clean)
        }

        static func hasEscape(_ text: String) -> Bool {
            text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x9D || $0.value == 0x07 }
        }

        @Test("show, list and search print the clean twin's bytes, to a pipe and to a terminal")
        func commandLineOutput() throws {
            let (hostile, clean) = try Self.twinRepositories()
            var commands: [[String]] = [["list"], ["list", "--json"], ["search", "jembatan"], ["search", "sukamaju", "--json"]]
            for id in 1...HostileCorpus.payloads.count {
                commands.append(["show", "\(id)"])
                commands.append(["show", "\(id)", "--summary"])
            }
            for command in commands {
                let dirty = try Baca.run(command, sandbox: hostile)
                let twin = try Baca.run(command, sandbox: clean)
                #expect(dirty.status == 0, "\(command): \(dirty.stderr)")
                #expect(!Self.hasEscape(dirty.stdout) && !Self.hasEscape(dirty.stderr), "\(command) wrote an escape to a pipe")
                #expect(HostileCorpus.forbiddenScalars(in: dirty.stdout).isEmpty, "\(command)")
                #expect(!dirty.stdout.contains("PWNED"), "\(command)")
                if command.contains("--json") {
                    // JSON carries the import time: compare without it.
                    #expect(Self.jsonObjects(dirty.stdout) == Self.jsonObjects(twin.stdout), "\(command)")
                    #expect(!dirty.stdout.contains("\\u001b") && !dirty.stdout.contains("\\u0007"), "\(command)")
                } else {
                    #expect(dirty.stdout == twin.stdout, "\(command) differs from the clean twin")
                }
            }
            // On a terminal `list` makes unread titles bold: those escapes are baca's own and must
            // be the same as for the clean twin, byte for byte.
            for command in [["list"], ["search", "jembatan"], ["show", "1"], ["show", "5"], ["show", "16", "--summary"]] {
                let dirty = try runInPseudoTerminal(command, sandbox: hostile)
                let twin = try runInPseudoTerminal(command, sandbox: clean)
                let text = String(decoding: dirty, as: UTF8.self)
                #expect(!dirty.isEmpty, "\(command)")
                #expect(dirty == twin, "\(command) on a terminal differs from the clean twin:\n\(text.debugDescription)")
                #expect(!text.contains("\u{1B}]") && !text.contains("PWNED") && !text.contains("\u{07}"), "\(command)")
            }
        }

        /// JSON Lines as objects without the fields that differ between two imports.
        static func jsonObjects(_ jsonLines: String) -> [NSDictionary] {
            jsonLines.split(separator: "\n").map { line in
                let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
                return object.filter { $0.key != "importedAt" && $0.key != "sourcePath" } as NSDictionary
            }
        }

        // MARK: The reader

        /// Checks on the raw bytes the reader wrote: none of the article's commands are there.
        ///
        /// `payloadTextMayShow`: a config value is shown in a warning with its control characters
        /// dropped, so its printable rest (`]0;PWNED-TITLE`) is on screen as plain text.
        static func checkRawOutput(_ log: URL, payloadTextMayShow: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
            let raw = stripScriptHeader((try? Data(contentsOf: log)) ?? Data())
            #expect(!raw.isEmpty, "no raw output logged", sourceLocation: sourceLocation)
            let text = String(decoding: raw, as: UTF8.self)
            #expect(payloadTextMayShow || !text.contains("PWNED"), "a payload reached the terminal", sourceLocation: sourceLocation)
            #expect(!text.contains("\u{1B}]"), "an OSC reached the terminal", sourceLocation: sourceLocation)
            #expect(!text.contains("\u{1B}P"), "a DCS reached the terminal", sourceLocation: sourceLocation)
            #expect(!text.contains("\u{1B}c"), "a reset reached the terminal", sourceLocation: sourceLocation)
            #expect(!raw.contains(byte: 0x07), "a BEL reached the terminal", sourceLocation: sourceLocation)
            // ESC, CR and BS are ncurses' own (sequences, carriage return, `cub1` to move the
            // cursor left); every other control, bidi or invisible character is not.
            let leaks = Set(text.unicodeScalars.filter { scalar in
                ![0x1B, 0x0D, 0x08].contains(scalar.value) && HostileCorpus.isForbidden(scalar)
            }.map { "U+" + String($0.value, radix: 16, uppercase: true) })
            #expect(leaks.isEmpty, "forbidden characters reached the terminal: \(leaks.sorted())", sourceLocation: sourceLocation)
        }

        @Test("the reader shows every hostile article exactly as its clean twin; title and clipboard untouched")
        func readerScreens() throws {
            let (hostile, clean) = try Self.twinRepositories()
            let hostileLog = hostile.root.appendingPathComponent("raw.log")
            let dirty = try TmuxSession(loggedBacaCommand([], log: hostileLog), sandbox: hostile)
            let twin = try TmuxSession(bacaCommand([]), sandbox: clean)
            try dirty.waitForHeader()
            try twin.waitForHeader()
            #expect(try dirty.screen() == twin.screen())

            /// Sends the same keys to both and waits for both to draw the result.
            func both(_ keys: String...) throws -> (String, String) {
                let before = (try dirty.screen(), try twin.screen())
                for session in [dirty, twin] { try session.tmux(["send-keys", "-t", "t"] + keys) }
                return (try dirty.waitForChange(from: before.0), try twin.waitForChange(from: before.1))
            }
            for index in 0..<HostileCorpus.payloads.count {
                let name = HostileCorpus.payloads[index].name
                let (reader, twinReader) = try both("Enter")
                #expect(reader.contains("Intinya sih"), "article \(index) did not open:\n\(reader)")
                #expect(reader == twinReader, "article \(index) (\(name)) differs:\n\(reader)\n---\n\(twinReader)")
                let (summary, twinSummary) = try both("s")   // the summary view
                #expect(summary == twinSummary, "summary of article \(index) (\(name)) differs")
                let (list, twinList) = try both("q")
                #expect(list.contains("baca ·"))
                #expect(list == twinList, "list after article \(index) (\(name)) differs")
                if index + 1 < HostileCorpus.payloads.count { _ = try both("j") }
            }
            // A search lists snippets of hostile text.
            _ = try both("/")
            try dirty.type("jembatan")
            try twin.type("jembatan")
            let (hits, twinHits) = try both("Enter")
            #expect(hits == twinHits)

            #expect(dirty.paneTitle == TmuxSession.sentinelTitle, "the window title changed")
            #expect(dirty.pasteBuffers.isEmpty, "the clipboard was written: \(dirty.pasteBuffers)")
            #expect(dirty.paneSize == "80x24")
            for session in [dirty, twin] { try session.send("Escape", "q") }
            #expect(try dirty.waitForExit() == 0)
            #expect(dirty.terminalModesRestored)
            Self.checkRawOutput(hostileLog)
        }

        @Test("search text typed or pasted at the prompt cannot drive the terminal")
        func promptInput() throws {
            let sandbox = try Sandbox()
            try sandbox.write("in/a.txt", HostileCorpus.clean(index: 1))
            _ = try Baca.run(["import", "in"], sandbox: sandbox)
            let log = sandbox.root.appendingPathComponent("raw.log")
            let session = try TmuxSession(loggedBacaCommand([], log: log), sandbox: sandbox)
            let before = try session.waitForHeader()

            // Typed: bidi overrides, zero-width characters, C1 controls and DEL around a word.
            try session.send("/")
            try session.type("jem\u{202E}ba\u{200B}tan\u{2066}\u{85}\u{9B}2J\u{7F}")
            let prompt = try session.waitFor { $0.contains("/jem") }
            #expect(prompt.split(separator: "\n").last?.hasPrefix("/jem") == true, "\(prompt)")
            try session.send("Enter")
            try session.waitFor { !$0.split(separator: "\n").last!.hasPrefix("/") }
            // Pasted: whole escape sequences arrive as keys. ESC ends the prompt and the rest are
            // keys for the list (the `q` in `ESC P+q` quits): whatever they do, nothing may reach
            // the terminal, and baca must end cleanly.
            try session.send("/")
            try session.type("x\u{1B}]0;PWNED-TITLE\u{07}\u{1B}[2J\u{1B}]52;c;cHduZWQ=\u{07}\u{1B}P+q\u{1B}\\y")
            try session.waitUntilInputHandled()
            #expect(session.paneTitle == TmuxSession.sentinelTitle)
            #expect(session.pasteBuffers.isEmpty)
            if session.bacaPID() != nil {
                let after = try session.waitFor { $0.contains("baca ·") }
                #expect(after.hasPrefix(" baca ·"), "the header moved:\n\(after)")
                #expect(after.split(separator: "\n", omittingEmptySubsequences: false).count
                        == before.split(separator: "\n", omittingEmptySubsequences: false).count)
                try session.send("Escape")
                try session.send("q")
            }
            let status = try session.waitForExit()
            let last = try session.screen()
            #expect(status == 0, "\(last)")
            #expect(session.terminalModesRestored, "\(last)")
            Self.checkRawOutput(log)
        }

        // MARK: A repository written by someone else

        @Test("text with escapes written into the repository by another program never reaches the terminal")
        func tamperedRepository() throws {
            let sandbox = try Sandbox()
            try sandbox.write("in/a.txt", HostileCorpus.clean(index: 1))
            _ = try Baca.run(["import", "in"], sandbox: sandbox)
            // Another program (or an older baca) writes raw terminal commands into every column.
            let payload = "\u{1B}]0;PWNED-TITLE\u{07}\u{1B}[2J\u{9B}31m\u{202E}"
            // The article's text is stored compressed (`bodyZ`); the view `article_text` gives
            // its JSON (`body`) through the store's SQL functions (`StoreConnection`).
            let queue = try DatabaseQueue(path: sandbox.databasePath, configuration: StoreConnection.configuration())
            try queue.write { db in
                let body = try String.fetchOne(db, sql: "SELECT body FROM article_text WHERE id = 1") ?? ""
                let escapedPayload = "\\u001b]0;PWNED-TITLE\\u0007\\u001b[2J\\u009b31m\\u202e"
                // The payload inside every "Jembatan", and after a word of its own at the end
                // of the last paragraph (what the search for "sisipan" shows as its snippet).
                var tampered = body.replacingOccurrences(of: "Jembatan", with: "Jem\(escapedPayload)batan")
                if let end = tampered.range(of: "\",\"type\":\"paragraph\"", options: .backwards) {
                    tampered.insert(contentsOf: " sisipan\(escapedPayload) jembatan", at: end.lowerBound)
                }
                try db.execute(sql: """
                    UPDATE article SET title = ?, location = ?, keyPoints = ?, leadExcerpt = ?, bodyZ = baca_zstd(?) WHERE id = 1
                    """, arguments: ["Jem\(payload)batan Gantung", "Ga\(payload)rut", "[\"po\(payload)in\"]", "le\(payload)ad",
                                     tampered])
            }
            try queue.close()
            for command in [["list"], ["show", "1"], ["show", "1", "--summary"], ["search", "jembatan"], ["search", "sisipan"]] {
                let piped = try Baca.run(command, sandbox: sandbox)
                #expect(piped.status == 0, "\(command): \(piped.stderr)")
                #expect(!Self.hasEscape(piped.stdout), "\(command): \(piped.stdout.debugDescription)")
                #expect(HostileCorpus.forbiddenScalars(in: piped.stdout).isEmpty, "\(command)")
                let pty = String(decoding: try runInPseudoTerminal(command, sandbox: sandbox), as: UTF8.self)
                #expect(!pty.contains("PWNED") && !pty.contains("\u{1B}]") && !pty.contains("\u{1B}[2J"), "\(command): \(pty.debugDescription)")
            }
            let log = sandbox.root.appendingPathComponent("raw.log")
            let session = try TmuxSession(loggedBacaCommand([], log: log), sandbox: sandbox)
            let list = try session.waitForHeader()
            #expect(list.contains("Jembatan Gantung"), "\(list)")
            try session.send("Enter")
            try session.waitFor("Intinya sih")
            try session.send("q")
            try session.send("q")
            _ = try session.waitForExit()
            #expect(session.paneTitle == TmuxSession.sentinelTitle)
            Self.checkRawOutput(log)
        }

        // MARK: Themes and configuration

        static let hostileName = "x\u{1B}]0;PWNED-TITLE\u{07}\u{1B}[2J\u{202E}y"

        /// A config and themes whose every value carries escape sequences (as TOML escapes).
        static func hostileConfiguration(in sandbox: Sandbox) throws {
            let escaped = #"x\u001b]0;PWNED-TITLE\u0007\u001b[2J\u202Ey"#
            try sandbox.writeConfig("""
                theme = "\(escaped)"
                [keys.list]
                "\(escaped)" = "quit"
                "z" = "\(escaped)"
                """)
            try sandbox.write("config/baca/themes/bad.toml", """
                inherits = "\(escaped)"
                [styles]
                "list.focus" = { fg = "\(escaped)", bg = "#zzzzzz" }
                """)
            try sandbox.write("config/baca/themes/\(hostileName).toml", "inherits = \"dark\"\n")
        }

        @Test("hostile theme and config values reach the reader's status line as plain text")
        func configurationInReader() throws {
            let sandbox = try Sandbox()
            try sandbox.write("in/a.txt", HostileCorpus.clean(index: 1))
            _ = try Baca.run(["import", "in"], sandbox: sandbox)
            try Self.hostileConfiguration(in: sandbox)
            for theme in [nil, "bad", Self.hostileName] {
                let log = sandbox.root.appendingPathComponent("raw-\(UUID().uuidString).log")
                let arguments = theme.map { ["--theme", $0] } ?? []
                let session = try TmuxSession(loggedBacaCommand(arguments, log: log), sandbox: sandbox)
                let screen = try session.waitForHeader()
                #expect(screen.hasPrefix(" baca · 1 artikel"), "\(screen)")
                try session.send("z")   // bound to a command named with escapes
                try session.send("?")   // the help lists the bindings
                try session.waitUntilInputHandled()
                #expect(session.paneTitle == TmuxSession.sentinelTitle)
                #expect(session.pasteBuffers.isEmpty)
                #expect(session.paneSize == "80x24")
                try session.send("q")
                try session.send("q")
                _ = try session.waitForExit()
                #expect(session.terminalModesRestored)
                Self.checkRawOutput(log, payloadTextMayShow: true)
            }
        }

        @Test("baca themes prints hostile theme names and values without their escapes")
        func configurationInThemesCommand() throws {
            let sandbox = try Sandbox()
            try Self.hostileConfiguration(in: sandbox)
            let commands = [["themes"], ["themes", "--check", "bad"], ["themes", "--check", Self.hostileName]]
            for command in commands {
                let piped = try Baca.run(command, sandbox: sandbox)
                let pty = String(decoding: try runInPseudoTerminal(command, sandbox: sandbox), as: UTF8.self)
                #expect(!Self.hasEscape(piped.stdout + piped.stderr), "\(command): \((piped.stdout + piped.stderr).debugDescription)")
                #expect(!pty.contains("PWNED"), "\(command) on a terminal: \(pty.debugDescription)")
            }
        }
    }
}

/// The last guard before ncurses: whatever a view draws, no control, bidirectional or invisible
/// character is handed to the terminal, and every grapheme keeps the width it was given.
extension Hardening.EscapeSafety {
    @Test("the terminal backend's text guard turns every unsafe character into a visible one", arguments: [
        "\u{1B}", "\u{07}", "\u{9B}", "\u{7F}", "\u{202E}", "\u{2066}", "\u{200F}", "\u{200B}", "\u{FEFF}", "a\u{E0041}", "\u{061C}",
    ])
    func textGuard(grapheme: String) {
        var buffer: [wchar_t] = []
        TextGuard.append(grapheme, width: 1, to: &buffer)
        let scalars = buffer.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
        #expect(scalars.count == 1 && scalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F || $0 == "a" },
                "\(grapheme.unicodeScalars.map { String($0.value, radix: 16) }) became \(scalars.map { String($0.value, radix: 16) })")
    }
}
