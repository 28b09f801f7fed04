import ArgumentParser
import BacaCore
import BacaStore
import Foundation

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search over titles, key points and text, best first.",
        discussion: """
            Words are matched without regard to case or accents (kafe finds Kafé); all words \
            must appear. A trailing * matches a prefix (banj*), -word excludes a word. Any text \
            is a valid query.

            Examples:
              baca search banjir
              baca search "harga cabai" --limit 5
              baca search timnas --json | jq .id
            """)

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The words to look for.")
    var query: [String]

    @Option(name: .shortAndLong, help: "At most this many results.")
    var limit = 20

    @Flag(help: "JSON Lines instead of text (each with a `snippet` field).")
    var json = false

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1, not \(limit)") }
    }

    struct Result: Encodable {
        var article: ArticleDocument
        var snippet: String
        func encode(to encoder: any Encoder) throws {
            try article.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(snippet, forKey: .snippet)
        }
        enum Keys: String, CodingKey { case snippet }
    }

    func run() throws {
        let store = try repository.openStore(mustExist: true)
        let text = query.joined(separator: " ")
        let hits = try store.search(text, scope: .all, offset: 0, limit: limit)
        let style = OutputStyle.standardOutput
        let width = style.isTerminal ? OutputStyle.terminalColumns : Int.max / 2
        for hit in hits {
            if json {
                let document = try store.article(id: hit.summary.id).map { ArticleDocument($0, includeSections: false) }
                    ?? ArticleDocument(hit.summary)
                print(try JSONOutput.line(Result(article: document, snippet: hit.snippet.map(\.text).joined())))
            } else {
                print(ListCommand.row(hit.summary, width: width, style: style))
                let snippet = hit.snippet.map { $0.isMatch ? style.match($0.text) : $0.text }.joined()
                print("        " + snippet.replacingOccurrences(of: "\n", with: " "))
            }
        }
        if !json, hits.isEmpty {
            FileHandle.standardError.write(Data("baca: nothing found for '\(text)'\n".utf8))
        }
    }
}
