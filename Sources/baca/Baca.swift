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
            let (arguments, language, readConfig) = try CLILanguage.resolve(Array(CommandLine.arguments.dropFirst()))
            CLILanguage.current = language
            CLILanguage.readConfig = readConfig
            if let reader = Self.plainReaderArguments(arguments) {
                try ReadCommand.runReader(databasePath: reader.databasePath, demo: false, theme: nil, config: nil)
            } else {
                var command = try parseAsRoot(Self.subcommandFirst(arguments))
                try command.run()
            }
        } catch let failure as CLIFailure {
            // Messages can quote file names and values from outside: never their escapes.
            FileHandle.standardError.write(Data("baca: \(Sanitizer.sanitizeLine(failure.message))\n".utf8))
            Foundation.exit(failure.exitCode)
        } catch let error as any LocalizedMessage {
            // A repository or query error a command did not wrap: one line, in the chosen language.
            let line = CLILanguage.current.describe(error)
            FileHandle.standardError.write(Data("baca: \(Sanitizer.sanitizeLine(line))\n".utf8))
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}

extension Baca {
    /// The reader started plainly (`baca`, `baca --db PATH`, `baca --db=PATH`): its `--db`
    /// value; nil for any other command line. Read here, not by ArgumentParser: reading them as
    /// the root command's makes ArgumentParser walk every subcommand's definition first (13 M
    /// instructions), and even the reader's command alone cost 11.5 M, a sixth of a start
    /// (docs/PERFORMANCE.md, "Start").
    static func plainReaderArguments(_ arguments: [String]) -> PlainReaderStart? {
        switch arguments.count {
        case 0: return PlainReaderStart(databasePath: nil)
        case 1 where arguments[0].hasPrefix("--db=") && arguments[0].count > 5:
            return PlainReaderStart(databasePath: String(arguments[0].dropFirst(5)))
        case 2 where arguments[0] == "--db" && !arguments[1].hasPrefix("-"): return PlainReaderStart(databasePath: arguments[1])
        default: return nil
        }
    }

    struct PlainReaderStart {
        /// `--db`'s value, if given.
        var databasePath: String?
    }

    /// `baca --db PATH list …` as `baca list … --db PATH`: every subcommand takes `--db`, but
    /// ArgumentParser reads an option before the subcommand's name as the default command's
    /// (the reader), and the name after it as a stray argument.
    static func subcommandFirst(_ arguments: [String]) -> [String] {
        var rest = arguments[...]
        var leading: [String] = []
        while let first = rest.first {
            if first == "--db", rest.count >= 2 {
                leading += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else if first.hasPrefix("--db=") {
                leading.append(first)
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        guard !leading.isEmpty, let name = rest.first else { return arguments }
        // Only now: every subcommand's configuration is built to learn the names.
        let names = Set(configuration.subcommands.compactMap { $0.configuration.commandName })
        guard names.contains(name) else { return arguments }
        return Array(rest) + leading
    }
}

/// A failure reported as one line, with an exit code.
struct CLIFailure: Error {
    var message: String
    var exitCode: Int32 = 1
}

