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
            must appear. A trailing * matches a prefix (banj*), -word excludes a word. Plain text \
            is always a valid query; a filter (below) with a bad value is an error naming it.

            Filters narrow it, newest first: feed:X (an id, or part of a feed's URL or title), \
            tag:X, author:X, before:YYYY-MM-DD, after:YYYY-MM-DD (that day or later), and the \
            words unread, read, starred. A value with spaces is quoted: author:"Budi S".

            --save NAME keeps the query as a saved search (baca searches lists them with their \
            unread counts, the reader shows them beside the feeds); a saved query is checked, \
            and a bad field or date is an error naming the column.

            Examples:
              baca search banjir
              baca search "harga cabai" --limit 5
              baca search timnas --json | jq .id
              baca search "banjir tag:daerah unread" --save banjir
            """)

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The words to look for.")
    var query: [String]

    @Option(name: .shortAndLong, help: "At most this many results.")
    var limit = 20

    @Flag(help: "JSON Lines instead of text (each with a `snippet` field).")
    var json = false

    @Option(help: ArgumentHelp("Save the query under this name (see baca searches).", valueName: "name"))
    var save: String?

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
        let text = query.joined(separator: " ")
        if let save {
            let store = try repository.openStore()
            let outcome: SavedSearchOutcome
            do {
                outcome = try store.saveSearch(name: save, query: text)
            } catch {
                throw CLIFailure(.cannotSaveSearch(name: save, reason: CLILanguage.current.describe(error)))
            }
            let unread = try store.count(matching: try QueryArgument.parse(text), unreadOnly: true)
            switch outcome {
            case .saved(let name): print(say(.searchSaved(name: name, unread: unread, query: text)))
            case .replaced(let name): print(say(.searchReplaced(name: name, unread: unread, query: text)))
            }
            return
        }
        let store = try repository.openStore(mustExist: true)
        // A query with filters lists what it selects; plain words are a ranked full-text search.
        let filtered: LibraryQuery?
        do {
            filtered = try LibraryQuery.filters(in: text)
        } catch {
            throw CLIFailure(.invalidQuery(query: text, reason: CLILanguage.current.describe(error)))
        }
        if let filtered {
            try listFiltered(filtered, store: store)
            return
        }
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
            FileHandle.standardError.write(Data("baca: \(say(.nothingFound(query: text)))\n".utf8))
        }
    }

    private func listFiltered(_ query: LibraryQuery, store: ArticleStore) throws {
        let rows = try store.summaries(matching: query, offset: 0, limit: limit)
        let style = OutputStyle.standardOutput
        let width = style.isTerminal ? OutputStyle.terminalColumns : Int.max / 2
        for row in rows {
            if json {
                let document = try store.article(id: row.id).map { ArticleDocument($0, includeSections: false) } ?? ArticleDocument(row)
                print(try JSONOutput.line(document))
            } else {
                print(ListCommand.row(row, width: width, style: style))
            }
        }
        if !json, rows.isEmpty {
            FileHandle.standardError.write(Data("baca: \(say(.nothingFound(query: query.description)))\n".utf8))
        }
    }
}
