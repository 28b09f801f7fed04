import ArgumentParser
import BacaFeeds
import Foundation

/// `baca-bench extract`: how long baca takes to read the article out of a saved page, on the
/// article-extraction corpus (real pages of news sites and blogs, `../shared/corpora/article-extraction`).
/// Each page is extracted `--runs` times after one warm-up; the figure per page is its median.
/// The headline figure is the median over pages of 50–200 KB, scaled to 100 KB.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time article extraction on saved web pages.")

    @Option(help: "The corpus: pages/<key>.html.gz (and ground-truth.json).")
    var corpus: String = "../shared/corpora/article-extraction"

    @Option(help: "Extractions of each page measured (after one warm-up).")
    var runs: Int = 5

    func run() throws {
        let folder = URL(fileURLWithPath: corpus).appendingPathComponent("pages")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html.gz") }.sorted()
        guard !names.isEmpty else { throw ValidationError("no pages/*.html.gz in \(corpus)") }
        var rows: [(bytes: Int, milliseconds: Double, cpu: Double)] = []
        var failures = 0
        for name in names {
            let data = try gunzip(folder.appendingPathComponent(name))
            if (try? ArticleExtractor.extract(data)) == nil { failures += 1 }
            var samples: [Double] = []
            var cpuSamples: [Double] = []
            for _ in 0..<max(1, runs) {
                let start = Clock.now()
                let cpuStart = threadCPU()
                _ = try? ArticleExtractor.extract(data)
                cpuSamples.append((threadCPU() - cpuStart) * 1000)
                samples.append(Clock.milliseconds(since: start))
            }
            rows.append((data.count, median(samples), median(cpuSamples)))
        }
        let typical = rows.filter { (50_000...200_000).contains($0.bytes) }
        let per100 = median(typical.map { $0.milliseconds * 100_000 / Double($0.bytes) })
        let cpuPer100 = median(typical.map { $0.cpu * 100_000 / Double($0.bytes) })
        let all = rows.map(\.milliseconds).sorted()
        print(String(format: "%d pages (%.0f KB median), %d without an article", rows.count,
                     median(rows.map { Double($0.bytes) }) / 1000, failures))
        print(String(format: "extraction, ms per page: median %.2f, p90 %.2f, max %.2f", median(all),
                     all[min(all.count - 1, Int(Double(all.count) * 0.9))], all.last ?? 0))
        print(String(format: "extraction of a typical 100 KB page (median of %d pages of 50–200 KB, scaled): %.2f ms wall, %.2f ms CPU",
                     typical.count, per100, cpuPer100))
    }

    /// This thread's CPU time in seconds: on a shared machine, steadier than the wall clock.
    private func threadCPU() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    private func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    private func gunzip(_ file: URL) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }
}
