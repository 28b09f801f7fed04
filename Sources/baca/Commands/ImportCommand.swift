import ArgumentParser
import BacaStore
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import capture files (.txt) and folders of them.",
        discussion: """
            Prints one line per file (imported, updated, unchanged, or failed: reason) and a \
            summary line. Each file is stored whole or not at all; a file that fails does not \
            stop the others, but the exit code is 1.

            Examples:
              baca import samples/
              baca import ~/Downloads/artikel.txt --db /tmp/test.sqlite
            """)

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: ArgumentHelp("Capture files or folders (searched recursively for *.txt).", valueName: "path"))
    var paths: [String]

    func run() throws {
        let store = try repository.openStore()
        let importer = FileImporter(store: store)
        let summary = importer.importPaths(paths) { report in
            var line = "\(report.statusText)  \(report.path)"
            if let encoding = report.decodedFrom, !report.failed {
                line += "  (decoded from \(encoding.rawValue))"
            }
            print(line)
        }
        print(summary.line)
        if summary.failed > 0 { throw ExitCode(1) }
    }
}
