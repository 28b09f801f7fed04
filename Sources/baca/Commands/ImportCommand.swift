import ArgumentParser
import BacaCore
import BacaFeeds
import BacaStore
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import capture files (.txt), saved pages (.html) and folders of them.",
        discussion: """
            Prints one line per file (imported, updated, unchanged, or failed: reason) and a \
            summary line. Each file is stored whole or not at all; a file that fails does not \
            stop the others, but the exit code is 1.

            Examples:
              baca import samples/
              baca import ~/Downloads/artikel.txt --db /tmp/test.sqlite
            """)

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: ArgumentHelp("Captures, saved pages, or folders (searched recursively for *.txt and *.html).", valueName: "path"))
    var paths: [String]

    func run() throws {
        let store = try repository.openStore()
        var importer = FileImporter(store: store)
        // Saved pages go through the feeds' article extractor (libxml2), which BacaStore does not link.
        importer.loaders = SavedPage.loaders
        let summary = importer.importPaths(paths) { report in
            // A file name is outside text: shown, never obeyed.
            var line = "\(Sanitizer.sanitizeLine(Self.statusText(report)))  \(Sanitizer.sanitizeLine(report.path))"
            if let encoding = report.decodedFrom, !report.failed {
                line += "  " + say(.decodedFrom(encoding: encoding.rawValue))
            }
            print(line)
        }
        store.checkpoint()
        print(say(.importSummary(
            imported: summary.imported, updated: summary.updated, unchanged: summary.unchanged, failed: summary.failed)))
        if summary.failed > 0 { throw ExitCode(1) }
    }

    /// `imported`, `failed: reason` … in the command line's language (the reason as given).
    static func statusText(_ report: FileImportReport) -> String {
        switch report.status {
        case .imported: return say(.importLine(status: .imported, reason: nil))
        case .updated: return say(.importLine(status: .updated, reason: nil))
        case .unchanged: return say(.importLine(status: .unchanged, reason: nil))
        case .failed(let reason): return say(.importLine(status: .failed, reason: reason))
        }
    }
}
