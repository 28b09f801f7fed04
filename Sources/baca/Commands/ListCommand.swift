import ArgumentParser
import BacaCore
import BacaStore
import Foundation

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List stored articles, newest first.",
        discussion: """
            Columns: id, state (● unread, ★ starred), date, title.
            With --json, prints one JSON object per line (JSON Lines) without the sections.

            Examples:
              baca list --limit 10
              baca list --unread --json | jq -r .title
            """)

    @OptionGroup var repository: RepositoryOptions

    @Option(name: .shortAndLong, help: "At most this many articles.")
    var limit: Int?

    @Flag(help: "Only unread articles.")
    var unread = false

    @Flag(help: "Only starred articles.")
    var starred = false

    @Flag(help: "JSON Lines instead of text.")
    var json = false

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, not \(limit)") }
        if unread && starred { throw ValidationError("choose one of --unread and --starred") }
    }

    func run() throws {
        let store = try repository.openStore(mustExist: true)
        let scope: ListScope = unread ? .unread : starred ? .starred : .all
        let total = try store.count(scope: scope)
        let wanted = min(limit ?? total, total)
        let style = OutputStyle.standardOutput
        // Titles are cut to the terminal; in a pipe they stay whole, for grep and friends.
        let width = style.isTerminal ? OutputStyle.terminalColumns : Int.max / 2
        var offset = 0
        while offset < wanted {
            let page = try store.summaries(scope: scope, sort: .newest, offset: offset, limit: min(500, wanted - offset))
            if page.isEmpty { break }
            for summary in page {
                print(json ? try Self.jsonLine(summary, store: store) : Self.row(summary, width: width, style: style))
            }
            offset += page.count
        }
    }

    /// The article's JSON without its sections: every field `show --json` has, on one line.
    static func jsonLine(_ summary: ArticleSummary, store: ArticleStore) throws -> String {
        if let stored = try store.article(id: summary.id) {
            var document = ArticleDocument(stored, includeSections: false)
            document.summaryOnly = summary.summaryOnly
            try document.addProvenance(from: store)
            return try JSONOutput.line(document)
        }
        return try JSONOutput.line(ArticleDocument(summary))
    }

    static func row(_ summary: ArticleSummary, width: Int, style: OutputStyle) -> String {
        let id = String(summary.id)
        let idColumn = String(repeating: " ", count: max(0, 6 - id.count)) + id
        let marks = (summary.read ? " " : "●") + (summary.starred ? "★" : " ")
        let date = summary.publishedAt?.day().shortDisplay(in: CLILanguage.current) ?? "—"
        let dateColumn = date + String(repeating: " ", count: max(0, 11 - date.count))
        let prefix = "\(idColumn)  \(marks) \(dateColumn)  "
        // An article fetched from a feed whose page could not be read holds only the feed's text.
        let mark = summary.summaryOnly ? "  [summary only]" : ""
        let title = summary.title.truncated(toWidth: max(10, width - prefix.displayWidth - mark.count))
        return prefix + (summary.read ? title : style.bold(title)) + style.dim(mark)
    }
}
