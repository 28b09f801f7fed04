import ArgumentParser
import BacaCore
import BacaStore
import Foundation

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one article as readable text or JSON.",
        discussion: """
            Text is wrapped to the terminal (or 80 columns in a pipe): title, meta line, hero \
            caption, the "Intinya sih" key points, then the sections with their captions (▣) and \
            quotes (│). Showing an article does not mark it read.

            Examples:
              baca show 12
              baca show 12 --summary
              baca show 12 --json | jq '.sections[].heading'
            """)

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The article's id, as `baca list` shows it.")
    var id: Int64

    @Flag(help: "Only the key points and the outline of section headings.")
    var summary = false

    @Option(help: "Wrap to this many columns (20 to 400).")
    var width: Int?

    @Flag(help: "JSON instead of text.")
    var json = false

    func validate() throws {
        if let width, !(20...400).contains(width) {
            throw ValidationError("--width must be between 20 and 400, not \(width)")
        }
    }

    func run() throws {
        let store = try repository.openStore(mustExist: true)
        guard let stored = try store.article(id: id) else {
            throw CLIFailure(message: "no article with id \(id); 'baca list' shows the ids")
        }
        if json {
            var document = ArticleDocument(stored)
            try document.addProvenance(from: store)
            print(try JSONOutput.line(document, pretty: true))
            return
        }
        let columns = width ?? min(OutputStyle.standardOutput.isTerminal ? OutputStyle.terminalColumns : 80, 100)
        let layout = ArticleLayout.make(article: stored.article, width: columns, mode: summary ? .summary : .full)
        print(layout.plainText())
    }
}
