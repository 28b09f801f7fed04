import BacaTestSupport
import Foundation
import Testing

/// `baca mark-read` on a terminal asks first; without one it never does (the feed tests run it
/// without a terminal).
@Suite("baca mark-read on a terminal", .serialized)
struct BulkPromptTerminalTests {
    @Test("asks before marking; n leaves everything unread, y marks, --yes does not ask; undo restores")
    func prompt() throws {
        let sandbox = try Sandbox()
        #expect(try BacaBinary.run(["import", BacaBinary.samplesDirectory.path], sandbox: sandbox).status == 0)
        let total = try BacaBinary.run(["list", "--unread", "--json", "--limit", "1000"], sandbox: sandbox)
            .stdout.split(separator: "\n").count
        #expect(total > 0)
        let command = "'\(BacaBinary.url.path)' mark-read --all"
        let english = ["BACA_LANGUAGE": "en"]   // the command's words, whatever the sandbox's reader speaks

        let declined = try TmuxSession(command, sandbox: sandbox, environment: english)
        try declined.waitFor("Mark \(total) articles read? [y/N]")
        try declined.type("n")
        try declined.send("Enter")
        let after = try declined.waitFor("__EXIT__0")
        #expect(after.contains("nothing marked"))
        #expect(try BacaBinary.run(["list", "--unread", "--json", "--limit", "1000"], sandbox: sandbox).stdout.split(separator: "\n").count == total)

        let accepted = try TmuxSession(command, sandbox: sandbox, environment: english)
        try accepted.waitFor("[y/N]")
        try accepted.type("y")
        try accepted.send("Enter")
        #expect(try accepted.waitFor("__EXIT__0").contains("marked \(total) articles read"))
        #expect(try BacaBinary.run(["list", "--unread"], sandbox: sandbox).stdout.isEmpty)

        #expect(try BacaBinary.run(["undo"], sandbox: sandbox).status == 0)
        let quiet = try TmuxSession(command + " --yes", sandbox: sandbox, environment: english)
        let screen = try quiet.waitFor("__EXIT__0")
        #expect(!screen.contains("[y/N]"))
        #expect(screen.contains("marked \(total) articles read"))
    }
}
