import ArgumentParser
import BacaFeeds
import Foundation

/// `baca-bench feed-parse`: how long `FeedParser.parse` takes over a generated RSS feed of a
/// given size (the corpus generator's articles as HTML descriptions, as `generate --feed`
/// writes them). Prints the median, min and max of `--runs` parses and, with
/// `--instructions`, the instructions one parse takes as valgrind's callgrind counts them
/// (the figure that a shared, loaded machine does not blur); both go to docs/PERFORMANCE.md.
struct FeedParse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed-parse", abstract: "Time the feed parser over a generated feed of about --bytes bytes.")

    @Option(help: "The feed's size in bytes (whole items: a little more).")
    var bytes: Int = 1_000_000

    @Option(help: "How many timed parses (after one warm-up).")
    var runs: Int = 20

    @Option(help: "The seed of the generated articles.")
    var seed: UInt64 = 42

    @Flag(help: "Break the feed: a stray & and an undefined entity in every item, and no end (recover mode).")
    var broken = false

    @Flag(help: "Also count the instructions of one parse with valgrind's callgrind (when valgrind is installed).")
    var instructions = false

    /// Parses this file once and exits: the process that callgrind watches.
    @Option(help: .hidden)
    var parseOnce: String?

    func validate() throws {
        guard bytes >= 1000 else { throw ValidationError("--bytes must be at least 1000, not \(bytes)") }
        guard (1...10_000).contains(runs) else { throw ValidationError("--runs must be between 1 and 10000, not \(runs)") }
    }

    func run() throws {
        if let parseOnce {
            let data = try Data(contentsOf: URL(fileURLWithPath: parseOnce))
            let items = instrumentedParse(data)
            guard items >= 0 else { throw BenchError("\(parseOnce) did not parse") }
            return
        }
        let plan = CorpusPlan(seed: seed)
        let generator = ArticleGenerator(plan: plan, seed: seed)
        var text = FeedRenderer.header
        var count = 0
        while text.utf8.count < bytes {
            count += 1
            var item = FeedRenderer.item(generator.article(count))
            if broken { item = item.replacingOccurrences(of: "</title>", with: " & co &hellip; &bogus;</title>") }
            text += item
        }
        if !broken { text += FeedRenderer.footer }
        let data = Data(text.utf8)
        let url = URL(string: "https://bench.baca.invalid/feed.xml")
        let warm = try FeedParser.parse(data, url: url)
        guard warm.items.count == count else { throw BenchError("parsed \(warm.items.count) items of \(count)") }
        var times: [Double] = []
        for _ in 0..<runs {
            let start = Clock.now()
            _ = try FeedParser.parse(data, url: url)
            times.append(Clock.seconds(since: start) * 1000)
        }
        times.sort()
        let median = times[times.count / 2]
        var line = String(format: "feed parse: %.2f MB, %d items%@: median %.1f ms (min %.1f, max %.1f) over %d runs; %.0f MB/s",
                          Double(data.count) / 1e6, count, broken ? " (broken, repaired)" : "", median, times.first!, times.last!,
                          runs, Double(data.count) / 1e6 / (median / 1000))
        if instructions {
            // A count is extra: valgrind that cannot read this build (valgrind 3.19 gives up on
            // some debug builds' DWARF) leaves the timing standing.
            do {
                if let counted = try Self.instructions(parsing: data) {
                    line += String(format: "; %.1f M instructions a parse (callgrind)", Double(counted) / 1e6)
                } else {
                    line += "; valgrind is not installed: no instruction count"
                }
            } catch {
                let lines = "\(error)".split(separator: "\n")
                let reason = lines.first(where: { $0.contains("Valgrind: ") }).map { $0.split(separator: "Valgrind: ").last ?? $0 }
                line += "; no instruction count: callgrind failed (\(reason.map(String.init) ?? "see valgrind's output"))"
            }
        }
        print(line)
    }

    /// The instructions of one `FeedParser.parse` of `data`: this program run again under
    /// callgrind with `--parse-once`, counting only inside `instrumentedParse`. `nil` without
    /// valgrind.
    static func instructions(parsing data: Data) throws -> Int? {
        guard Subprocess.which("valgrind") != nil else { return nil }
        let file = NSTemporaryDirectory() + "baca-bench-feed-\(getpid()).xml"
        try data.write(to: URL(fileURLWithPath: file))
        defer { unlink(file) }
        return try Callgrind.count(arguments: ["feed-parse", "--parse-once", file], toggle: "*instrumentedParse*")
    }
}

/// One parse, under a name that callgrind's `--toggle-collect=*instrumentedParse*` finds in its
/// mangled symbol. Returns the number of items, -1 when the feed did not parse.
@inline(never)
func instrumentedParse(_ data: Data) -> Int {
    guard let feed = try? FeedParser.parse(data, url: URL(string: "https://bench.baca.invalid/feed.xml")) else { return -1 }
    return feed.items.count
}
