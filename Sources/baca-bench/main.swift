import ArgumentParser
import Foundation

/// baca-bench: the corpus generator and the side-by-side benchmark of baca and newsboat.
/// `bench/run.sh` is the documented entry point; see `docs/PERFORMANCE.md`.
struct BacaBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baca-bench",
        abstract: "Synthetic corpora and the baca-vs-newsboat benchmark.",
        subcommands: [Generate.self, Run.self, FeedParse.self, ImportCost.self, Extract.self, Pictures.self, SearchQueryBench.self])
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write N synthetic captures (and the same articles as an RSS feed).")

    @Option(name: .shortAndLong, help: "How many articles.")
    var count: Int = 1000

    @Option(help: "The seed; the same seed gives the same bytes.")
    var seed: UInt64 = 42

    @Option(name: .shortAndLong, help: "The corpus folder: captures/, feed.xml, corpus.json.")
    var out: String

    @Flag(help: "Also write feed.xml for newsboat.")
    var feed = false

    @Flag(help: "Write even when a complete corpus of this shape is there.")
    var force = false

    @Option(help: "Parse this many captures back (spread over the corpus) and check them.")
    var verify: Int = 0

    func run() throws {
        let writer = CorpusWriter(directory: out, count: count, seed: seed, writeFeed: feed)
        let manifest: CorpusManifest
        if !force, let existing = writer.existing() {
            manifest = existing
            print("corpus of \(count) (seed \(seed)) already in \(out)")
        } else {
            let start = Clock.now()
            manifest = try writer.write { done in
                FileHandle.standardError.write(Data("  \(done)/\(count)\n".utf8))
            }
            print(String(format: "wrote %d captures (%.1f MB, %.0f bytes each) to %@ in %.1f s",
                         count, Double(manifest.captureBytes) / 1e6,
                         Double(manifest.captureBytes) / Double(max(count, 1)),
                         writer.capturesDirectory, Clock.seconds(since: start)))
        }
        for probe in manifest.probes {
            print(String(format: "  %-6@ %-14@ in %6d articles (%.2f %%; expected %.2f %%)",
                         probe.kind, probe.word, probe.articles,
                         100 * Double(probe.articles) / Double(max(count, 1)), 100 * probe.expectedShare))
        }
        if verify > 0 {
            let step = max(1, count / verify)
            let indices = Array(stride(from: 1, through: count, by: step).prefix(verify))
            let checked = try CorpusVerifier.verify(seed: seed, indices: indices, capturesDirectory: writer.capturesDirectory)
            print("verified \(checked) captures against the parser")
        }
    }
}

BacaBench.main()
