import ArgumentParser
import BacaCore
import Foundation

/// The `baca` command: the reader by default, and scriptable subcommands beside it.
@main
struct Baca: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "baca",
        abstract: "A fast terminal reader for Indonesian news.",
        discussion: """
            With no subcommand, baca opens the reader on your repository.
            Try it on the bundled sample articles: baca --demo
            """,
        version: version,
        subcommands: [
            ReadCommand.self, ImportCommand.self, ListCommand.self, ShowCommand.self,
            SearchCommand.self, ThemesCommand.self, FeedCommand.self, FetchCommand.self, StemCommand.self,
        ],
        defaultSubcommand: ReadCommand.self
    )

    /// Runs the command line, printing `baca: message` for failures that are the user's to fix.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CLIFailure {
            // Messages can quote file names and values from outside: never their escapes.
            FileHandle.standardError.write(Data("baca: \(Sanitizer.sanitizeLine(failure.message))\n".utf8))
            Foundation.exit(failure.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}

/// A failure reported as one line, with an exit code.
struct CLIFailure: Error {
    var message: String
    var exitCode: Int32 = 1
}
