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

            --format markdown gives `# Title`, a metadata line, `## N. Heading` sections, `>` \
            quotes and pictures as ![caption](url) (an italic caption when the source gave no \
            address); --format html a standalone page, pictures as <img>. Both are \
            whole articles (not wrapped), for saving or piping elsewhere.

            Examples:
              baca show 12
              baca show 12 --format markdown > artikel.md
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

    @Option(help: ArgumentHelp("text (default), markdown or html.", valueName: "format"))
    var format: String = "text"

    func validate() throws {
        guard ArticleExport.Format(rawValue: format) != nil else {
            throw ValidationError("--format must be text, markdown or html, not '\(format)'")
        }
        if let width, !(20...400).contains(width) {
            throw ValidationError("--width must be between 20 and 400, not \(width)")
        }
    }

    func run() throws {
        let store = try repository.openStore(mustExist: true)
        guard let stored = try store.article(id: id) else {
            throw CLIFailure(.noArticle(id: id))
        }
        if json {
            var document = ArticleDocument(stored)
            try document.addProvenance(from: store)
            print(try JSONOutput.line(document, pretty: true))
            return
        }
        switch ArticleExport.Format(rawValue: format) ?? .text {
        case .markdown:
            print(ArticleExport.markdown(stored.article), terminator: "")
            return
        case .html:
            print(ArticleExport.html(stored.article), terminator: "")
            return
        case .text:
            break
        }
        let columns = width ?? min(OutputStyle.standardOutput.isTerminal ? OutputStyle.terminalColumns : 80, 100)
        let layout = ArticleLayout.make(article: stored.article, width: columns, mode: summary ? .summary : .full, language: CLILanguage.current)
        print(layout.plainText())
    }
}
