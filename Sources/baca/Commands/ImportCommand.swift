import ArgumentParser
import BacaCore
import BacaFeeds
import BacaStore
import BacaTUI
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

    @Option(help: ArgumentHelp(
        "Files stored a transaction at most (default 1024). Fewer: another program writing the repository waits less, a killed import keeps more; more: a little faster.",
        valueName: "count"))
    var transactionFiles: Int?

    func validate() throws {
        if let transactionFiles, !(1...100_000).contains(transactionFiles) {
            throw ValidationError("--transaction-files must be between 1 and 100000, not \(transactionFiles)")
        }
    }

    func run() throws {
        ImportMemory.bound()
        let store = try repository.openStore()
        // Only a repository with older (SHA-256) content hashes needs libcrypto to import: a
        // broken one is then one line before any file, nothing stored.
        if let missing = try store.missingLibraryForImport() { throw StoreError(missing) }
        var importer = FileImporter(store: store)
        // Saved pages go through the feeds' article extractor (libxml2).
        importer.loaders = SavedPage.loaders
        if let transactionFiles { importer.transactionArticles = transactionFiles }
        let summary = importer.importPaths(paths) { report in
            // A file name is outside text: shown, never obeyed.
            var line = "\(Sanitizer.sanitizeLine(report.statusText(in: CLILanguage.current)))  \(Sanitizer.sanitizeLine(report.path))"
            if let encoding = report.decodedFrom, !report.failed {
                line += "  " + say(.decodedFrom(encoding: encoding.rawValue))
            }
            print(line)
        }
        store.releaseFreePages()
        store.checkpoint()
        print(summary.line(in: CLILanguage.current))
        if summary.failed > 0 { throw ExitCode(1) }
    }

    /// `:import` in the reader: the same importer (captures and saved pages), reporting the
    /// counts and the first failure in the reader's language.
    static func readerImport(store: ArticleStore) -> FileImportFunction {
        { paths, language in
            var importer = FileImporter(store: store)
            importer.loaders = SavedPage.loaders
            var firstFailure: String?
            let summary = importer.importPaths(paths) { report in
                if report.failed, firstFailure == nil { firstFailure = "\(report.path): \(report.statusText(in: language))" }
            }
            return ImportResult(
                imported: summary.imported, updated: summary.updated, unchanged: summary.unchanged,
                failed: summary.failed, firstFailure: firstFailure)
        }
    }
}
