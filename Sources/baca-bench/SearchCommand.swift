import ArgumentParser
import BacaStore
import Foundation

/// `baca-bench search`: what one search asks of an existing repository, as the reader's list
/// asks it (`searchCount`, the first page of 64 rows, the focused row's snippet), timed warm in
/// this process and, with `--instructions`, counted by valgrind's callgrind: the figure a
/// shared, loaded machine does not blur (docs/PERFORMANCE.md, "Fourth round").
struct SearchQueryBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Time (and count) one search's queries on an existing repository.")

    @Option(help: "The repository (a baca.sqlite a run or an import left).")
    var db: String

    @Option(help: "The words searched, comma-separated (each as the reader's search box takes it).")
    var queries: String = "kopi"

    @Option(help: "How many timed searches of each query (after one warm-up).")
    var runs: Int = 10

    @Flag(help: "Also count the instructions of one warm search with valgrind's callgrind (when installed).")
    var instructions = false

    /// Searches once warm and exits: the process that callgrind watches.
    @Flag(help: .hidden)
    var countOnce = false

    func validate() throws {
        guard (1...10_000).contains(runs) else { throw ValidationError("--runs must be between 1 and 10000, not \(runs)") }
        guard access(db, R_OK) == 0 else { throw ValidationError("cannot read the repository \(db)") }
    }

    func run() throws {
        let words = queries.split(separator: ",").map { String($0) }
        guard !words.isEmpty else { throw ValidationError("no --queries") }
        let store = try ArticleStore(path: db, readOnly: true)
        if countOnce {
            for word in words {
                _ = try oneSearch(store, word)  // warm: the page cache, the root-word dictionary
                let parts = instrumentedSearch(store, word)
                guard parts >= 0 else { throw BenchError("“\(word)” did not search") }
            }
            return
        }
        for word in words {
            var times: [String: [Double]] = [:]
            var found = 0
            for run in 0...runs {
                let result = try oneSearch(store, word)
                found = result.count
                if run > 0 { for (part, ms) in result.times { times[part, default: []].append(ms) } }
            }
            var line = "search “\(word)”: \(found) articles;"
            for part in ["count", "first page", "snippet", "all"] {
                let sorted = (times[part] ?? []).sorted()
                guard !sorted.isEmpty else { continue }
                line += String(format: " %@ %.1f ms (%.1f–%.1f)", part, sorted[sorted.count / 2], sorted.first!, sorted.last!)
                line += part == "all" ? "" : ","
            }
            line += "; load \(SystemInfo.loadAverage())"
            if instructions {
                if let counted = try Self.instructions(db: db, word: word) {
                    line += String(format: "; %.1f M instructions (callgrind, warm)", Double(counted) / 1e6)
                } else {
                    line += "; valgrind is not installed: no instruction count"
                }
            }
            print(line)
        }
    }

    /// Count, first page, the first row's snippet: timed apart.
    private func oneSearch(_ store: ArticleStore, _ word: String) throws -> (count: Int, times: [String: Double]) {
        let start = Clock.now()
        let count = try store.searchCount(word, scope: .all)
        let counted = Clock.now()
        let page = try store.searchSummaries(word, scope: .all, offset: 0, limit: BacaRunner.tuiPageSize)
        let paged = Clock.now()
        if let first = page.first { _ = try store.searchSnippet(word, articleID: first.id) }
        let end = Clock.now()
        return (count, [
            "count": Double(counted - start) / 1e6, "first page": Double(paged - counted) / 1e6,
            "snippet": Double(end - paged) / 1e6, "all": Double(end - start) / 1e6,
        ])
    }

    /// The instructions of one warm search of `word`: this program again under callgrind with
    /// `--count-once`, counting only inside `instrumentedSearch`. `nil` without valgrind.
    static func instructions(db: String, word: String) throws -> Int? {
        try Callgrind.count(arguments: ["search", "--db", db, "--queries", word, "--count-once"], toggle: "*instrumentedSearch*")
    }
}

/// One search (count, first page, first snippet) under a name that callgrind's
/// `--toggle-collect=*instrumentedSearch*` finds. Returns the rows read, -1 on an error.
@inline(never)
func instrumentedSearch(_ store: ArticleStore, _ word: String) -> Int {
    guard let count = try? store.searchCount(word, scope: .all),
          let page = try? store.searchSummaries(word, scope: .all, offset: 0, limit: BacaRunner.tuiPageSize)
    else { return -1 }
    if let first = page.first { _ = try? store.searchSnippet(word, articleID: first.id) }
    return count + page.count
}
