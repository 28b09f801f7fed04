import BacaCore
import Foundation

/// Writes a corpus to disk: `DIR/captures/NNNNNNN-slug.txt`, `DIR/feed.xml` (optional) and
/// `DIR/corpus.json` (the manifest, written last: a corpus without one is incomplete).
struct CorpusWriter {
    var directory: String
    var count: Int
    var seed: UInt64
    var writeFeed: Bool

    var capturesDirectory: String { directory + "/captures" }
    var feedPath: String { directory + "/feed.xml" }

    /// The manifest of a complete corpus of this shape already on disk, if any.
    func existing() -> CorpusManifest? {
        guard let manifest = CorpusManifest.read(directory: directory),
              manifest.generatorVersion == CorpusPlan.generatorVersion,
              manifest.seed == seed, manifest.count == count,
              !writeFeed || manifest.feedPath != nil
        else { return nil }
        return manifest
    }

    func write(progress: (Int) -> Void = { _ in }) throws -> CorpusManifest {
        let files = FileManager.default
        try? files.removeItem(atPath: directory)
        try files.createDirectory(atPath: capturesDirectory, withIntermediateDirectories: true)

        let plan = CorpusPlan(seed: seed)
        let generator = ArticleGenerator(plan: plan, seed: seed)
        var probeCounts = [Int](repeating: 0, count: plan.probes.count)
        var captureBytes = 0
        var feed: UnsafeMutablePointer<FILE>? = nil
        if writeFeed {
            feed = fopen(feedPath, "w")
            guard feed != nil else { throw BenchError("cannot write \(feedPath)") }
            fputs(FeedRenderer.header, feed)
        }
        defer { if let feed { fclose(feed) } }

        for index in stride(from: 1, through: count, by: 1) {
            let article = generator.article(index)
            for (p, probe) in plan.probes.enumerated() where article.topicWords.contains(probe.word) {
                probeCounts[p] += 1
            }
            let text = CaptureRenderer.render(article)
            let path = capturesDirectory + "/" + Self.fileName(index: index, slug: article.slug)
            var bytes = Array(text.utf8)
            captureBytes += bytes.count
            try writeFile(path, &bytes)
            if let feed { fputs(FeedRenderer.item(article), feed) }
            if index % 10_000 == 0 { progress(index) }
        }
        var feedBytes: Int? = nil
        if let feed {
            fputs(FeedRenderer.footer, feed)
            fflush(feed)
            feedBytes = Int(ftell(feed))
        }
        let manifest = CorpusManifest(
            generatorVersion: CorpusPlan.generatorVersion, seed: seed, count: count,
            captureBytes: captureBytes, feedPath: writeFeed ? feedPath : nil, feedBytes: feedBytes,
            probes: zip(plan.probes, probeCounts).map { probe, articles in
                .init(kind: probe.kind, word: probe.word, targetShare: probe.targetShare,
                      expectedShare: probe.expectedShare, articles: articles)
            })
        try manifest.write(directory: directory)
        return manifest
    }

    static func fileName(index: Int, slug: String) -> String {
        let digits = String(index)
        return String(repeating: "0", count: max(0, 7 - digits.count)) + digits + "-" + slug + ".txt"
    }

    private func writeFile(_ path: String, _ bytes: inout [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw BenchError("cannot write \(path)") }
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw BenchError("short write to \(path)") }
    }
}

/// Checks that the parser reads back what the generator meant: the title, the numbered
/// sections, the key points and the date of every article.
enum CorpusVerifier {
    static func verify(seed: UInt64, indices: [Int], capturesDirectory: String) throws -> Int {
        let generator = ArticleGenerator(plan: CorpusPlan(seed: seed), seed: seed)
        var checked = 0
        for index in indices {
            let expected = generator.article(index)
            let path = capturesDirectory + "/" + CorpusWriter.fileName(index: index, slug: expected.slug)
            guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("missing \(path)") }
            let article: Article
            do { article = try CaptureLoader.load(data).article } catch {
                throw BenchError("\(path): \(error)")
            }
            func check(_ ok: Bool, _ what: String) throws {
                if !ok { throw BenchError("\(path): \(what) does not read back") }
            }
            try check(article.title == expected.title, "title (\(article.title))")
            try check(article.numberedSections.count == expected.sections.count,
                      "sections (\(article.numberedSections.count) of \(expected.sections.count))")
            try check(article.keyPoints.count == expected.keyPoints.count, "key points")
            try check(article.location == expected.city, "dateline city")
            try check(article.publishedAt == CalendarDate(year: expected.date.year, month: expected.date.month, day: expected.date.day).map(PublishedDate.init(day:)), "date")
            try check(article.heroImage?.caption == expected.hero?.text, "hero caption")
            try check(article.disclaimer == expected.disclaimer, "disclaimer")
            let body = article.bodyText.lowercased() + " " + article.title.lowercased()
            for word in expected.topicWords { try check(body.contains(word), "topic word \(word)") }
            checked += 1
        }
        return checked
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
