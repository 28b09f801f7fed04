import ArgumentParser
import BacaCore
import Foundation

/// The `baca` command: the reader by default, and scriptable subcommands beside it.
@main
struct Baca: ParsableCommand {
    /// The release number; docs/CHANGELOG.md has what each one changed.
    static let version = "0.1.0"

    /// What `--version` prints: `0.1.0 (commit 4f1d3b2c0a1e)`, with `, modified` when the tree had
    /// uncommitted changes, or `0.1.0` alone when built without git.
    static var versionLine: String {
        guard let commit = BuildCommit.id else { return version }
        return "\(version) (commit \(commit)\(BuildCommit.isModified ? ", modified" : ""))"
    }

    static let configuration = CommandConfiguration(
        commandName: "baca",
        abstract: "A fast terminal reader for Indonesian news.",
        discussion: """
            With no subcommand, baca opens the reader on your repository ('baca read --help' \
            lists its keys). Try it on the bundled sample articles: baca --demo

            \(ManualText.files)
            """,
        version: versionLine,
        subcommands: [
            ReadCommand.self, ImportCommand.self, ListCommand.self, ShowCommand.self,
            SearchCommand.self, ThemesCommand.self, FeedCommand.self, FetchCommand.self,
            SearchesCommand.self, MarkReadCommand.self, UndoCommand.self, RulesCommand.self, PruneCommand.self,
            StemCommand.self,
        ],
        defaultSubcommand: ReadCommand.self
    )

    /// Runs the command line, printing `baca: message` for failures that are the user's to fix.
    static func main() {
        PeakMemoryReport.installIfAsked()
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

