import BacaCore
import BacaStore
import Foundation
import Testing
@testable import BacaFeeds

/// The feed conformance corpus (`../shared/corpora/feed-conformance`, feedparser's cases): every
/// case through the parser, a sample through the real fetch path on loopback.
///
/// `Fixtures/conformance-failing.txt` lists the cases still failing: a case failing that is not
/// listed fails the test (a regression), and so does a listed case that now passes (strike it
/// from the list). `BACA_CONFORMANCE_FAILING=<path>` writes the current list there.
@Suite("Feed conformance", .serialized)
struct ConformanceTests {
    /// The pass rate the corpus must keep.
    static let requiredPassRate = 0.95

    @Test("every case through the parser: the pass rate, no sanitizer leak, no regression")
    func corpusThroughParser() throws {
        let corpus = try ConformanceCorpus.load()
        var failing: [String] = []
        var leaks: [String] = []
        for testCase in corpus.cases {
            let observed: ConformanceObservation
            do {
                let feed = try FeedParser.parse(testCase.data, url: testCase.baseURL(documentURL: corpus.documentURL(testCase)))
                observed = ConformanceObservation(feed: feed)
            } catch {
                observed = ConformanceObservation(failure: error.description)
            }
            let verdict = testCase.judge(observed)
            if !verdict.passed { failing.append("\(testCase.file) \(testCase.check): \(verdict.detail)") }
            if let leak = verdict.leak { leaks.append("\(testCase.file): \(leak)") }
        }
        let failingFiles = Set(failing.map { String($0.prefix(while: { $0 != " " })) })
        if let path = ProcessInfo.processInfo.environment["BACA_CONFORMANCE_FAILING"] {
            try (failing.sorted().joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        let passRate = Double(corpus.cases.count - failingFiles.count) / Double(corpus.cases.count)
        #expect(corpus.cases.count >= 600, "the corpus is read whole")
        #expect(passRate >= Self.requiredPassRate, "pass rate \(passRate): \(failing.count) failing")
        #expect(leaks.isEmpty, "sanitizer leaks: \(leaks)")
        let known = ConformanceCorpus.knownFailing
        let regressions = failingFiles.subtracting(known)
        #expect(regressions.isEmpty, "newly failing: \(failing.filter { regressions.contains(String($0.prefix(while: { $0 != " " }))) })")
        let fixed = known.subtracting(failingFiles)
        #expect(fixed.isEmpty, "passing now, strike from Fixtures/conformance-failing.txt: \(fixed.sorted())")
    }

    @Test("a sample through the real fetch path: served on loopback, fetched, stored, read back")
    func sampleThroughFetchPath() async throws {
        let corpus = try ConformanceCorpus.load()
        let server = try LoopbackServer()
        defer { server.stop() }
        let store = try ArticleStore.inMemory()
        // Every 12th case, and every case that needs an HTTP header.
        let sample = corpus.cases.enumerated()
            .filter { $0.offset % 12 == 0 || !$0.element.headers.isEmpty }.map(\.element)
        var feeds: [Int64: ConformanceCase] = [:]
        for testCase in sample {
            let data = testCase.data
            let headers = testCase.headers.merging(["Content-Type": "application/xml"]) { first, _ in first }
            server.route("/conformance/\(testCase.file)") { _ in LoopbackServer.Response(status: 200, headers: headers, body: data) }
            feeds[try store.addFeed(url: server.base + "/conformance/" + testCase.file).feed.id] = testCase
        }
        var limits = FetchLimits()
        // Generous: this checks what is read, not how fast; a loaded machine (CI's two cores
        // running other suites) once took over 10 s for one of the sixty small feeds.
        limits.connectTimeout = 20
        limits.totalTimeout = 60
        let fetcher = FeedFetcher(store: store, limits: limits, userAgent: "baca (conformance test)", fetchesPages: false)
        let summary = await fetcher.fetch()
        #expect(summary.outcomes.count == sample.count)

        var failing: [String] = []
        var leaks: [String] = []
        for (feedId, testCase) in feeds {
            let feed = try #require(try store.feed(id: feedId))
            let summaries = try store.summaries(feedId: feedId, offset: 0, limit: 10)
            var observed = ConformanceObservation(failure: feed.lastError ?? "no articles")
            if feed.lastStatus != .failed {
                observed = ConformanceObservation(failure: nil)
                observed.feedTitle = feed.feedTitle
                // The feed's first item is its oldest article in the store.
                if let first = summaries.min(by: { $0.id < $1.id }), let stored = try store.article(id: first.id) {
                    observed.hasItem = true
                    observed.title = stored.article.title
                    observed.titleDerived = stored.article.titleDerived == true
                    observed.text = stored.article.sections.flatMap(\.blocks).map(\.plainText).joined(separator: " ")
                    observed.date = stored.article.publishedAt?.iso
                    observed.author = stored.article.author
                    observed.link = try store.origin(ofArticle: first.id)?.url
                }
            }
            // The document's own URL is the loopback server's here.
            let verdict = testCase.judge(observed, documentHost: "127.0.0.1:\(server.port)")
            if !verdict.passed, !ConformanceCorpus.knownFailing.contains(testCase.file) {
                failing.append("\(testCase.file): \(verdict.detail)")
            }
            if let leak = verdict.leak { leaks.append("\(testCase.file): \(leak)") }
        }
        #expect(sample.count >= 60)
        #expect(failing.isEmpty, "\(failing)")
        #expect(leaks.isEmpty, "\(leaks)")
    }
}

// MARK: - The corpus

/// The corpus folder and its `expected.json`.
struct ConformanceCorpus {
    let folder: URL
    let cases: [ConformanceCase]

    /// `../shared/corpora/feed-conformance` beside the repository.
    static var defaultFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/corpora/feed-conformance")
    }

    static func load(from folder: URL = defaultFolder) throws -> ConformanceCorpus {
        struct Entry: Decodable { var file: String; var check: String; var expected: String }
        let entries = try JSONDecoder().decode([Entry].self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))
        let cases = try entries.map { entry in
            try ConformanceCase(file: entry.file, check: entry.check, expected: entry.expected,
                                data: Data(contentsOf: folder.appendingPathComponent(entry.file)))
        }
        return ConformanceCorpus(folder: folder, cases: cases)
    }

    /// The URL the document is read from when it is handed to the parser directly: the host
    /// feedparser's tests served them from.
    func documentURL(_ testCase: ConformanceCase) -> URL {
        URL(string: "http://127.0.0.1:8097/\(testCase.file)")!
    }

    /// The checked-in list of cases still failing.
    static let knownFailing: Set<String> = {
        let text = Fixture.text("conformance-failing.txt")
        return Set(text.split(separator: "\n").compactMap { line in
            let name = line.prefix(while: { $0 != " " && $0 != "#" })
            return name.isEmpty ? nil : String(name)
        })
    }()
}

/// One case: a feed and one fact a reader must get out of it.
struct ConformanceCase: Sendable {
    var file: String
    var check: String
    var expected: String
    var data: Data
    /// The HTTP headers the case's comment asks for (`Header: Content-Location: …`).
    var headers: [String: String]

    init(file: String, check: String, expected: String, data: Data) {
        self.file = file
        self.check = check
        self.expected = expected
        self.data = data
        var headers: [String: String] = [:]
        let head = String(decoding: data.prefix(2000), as: UTF8.self)
        for line in head.split(separator: "\n") where line.hasPrefix("Header:") {
            let value = line.dropFirst("Header:".count).trimmingCharacters(in: .whitespaces)
            if let colon = value.firstIndex(of: ":") {
                headers[String(value[..<colon])] = value[value.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        self.headers = headers
    }

    var group: String { String(file.prefix(while: { $0 != "-" })) }

    /// What the parser is given as the document's URL: `Content-Location` wins, as over HTTP.
    func baseURL(documentURL: URL) -> URL {
        if let location = headers["Content-Location"], let url = URL(string: location, relativeTo: documentURL) {
            return url.absoluteURL
        }
        return documentURL
    }

    struct Verdict {
        var passed: Bool
        var detail: String
        /// Words of the hostile markup that reached the article.
        var leak: String?
    }

    func judge(_ observed: ConformanceObservation, documentHost: String = "127.0.0.1:8097") -> Verdict {
        if let failure = observed.failure { return Verdict(passed: false, detail: "not read: \(failure)") }
        let want = ConformanceText.collapse(check == "link" ? expected.replacingOccurrences(of: "127.0.0.1:8097", with: documentHost)
                                            : check == "date" || check == "author" ? expected : ConformanceText.text(ofHTML: expected))
        let got: String?
        var passed: Bool
        switch check {
        case "title":
            got = observed.titleDerived ? nil : observed.title
            passed = got.map(ConformanceText.collapse) == want || (want.isEmpty && got == nil)
        case "text":
            got = observed.text
            // All markup and nothing to read: right when the feed was read.
            passed = want.isEmpty || ConformanceText.collapse(got ?? "").contains(want)
        case "date":
            got = observed.date
            passed = got?.hasPrefix(want) == true
        case "link":
            got = observed.link
            passed = got == want
        case "author":
            got = observed.author
            passed = got.map(ConformanceText.collapse) == want
        case "feed-title":
            got = observed.feedTitle
            passed = got.map(ConformanceText.collapse) == want || (want.isEmpty && got == nil)
        default:
            got = nil
            passed = false
        }
        var verdict = Verdict(passed: passed, detail: "expected \(want.debugDescription), got \(got.debugDescription)")
        if group == "sanitize" { verdict.leak = leak(observed) }
        return verdict
    }

    /// The words of the feed, outside the expected text (and a title the feed gave), that
    /// reached the article: hostile markup's text turned into article text.
    func leak(_ observed: ConformanceObservation) -> String? {
        var source = String(decoding: data, as: UTF8.self)
        if source.hasPrefix("<!--"), let end = source.range(of: "-->") { source = String(source[end.upperBound...]) }
        let feedWords = ConformanceText.words(source)
        var allowed = ConformanceText.words(ConformanceText.text(ofHTML: expected))
        if !observed.titleDerived { allowed.formUnion(ConformanceText.words(observed.title ?? "")) }
        var shown = (observed.text ?? "") + " " + (observed.titleDerived ? observed.title ?? "" : "")
        if check == "feed-title" { shown += " " + (observed.feedTitle ?? "") }
        let leaked = ConformanceText.words(shown).intersection(feedWords).subtracting(allowed)
        return leaked.isEmpty ? nil : leaked.sorted().joined(separator: " ")
    }
}

/// What baca got out of a case's feed: its first item and the feed's title.
struct ConformanceObservation {
    var failure: String?
    var hasItem = false
    var title: String?
    var titleDerived = false
    var text: String?
    var date: String?
    var link: String?
    var author: String?
    var feedTitle: String?

    init(failure: String?) { self.failure = failure }

    init(feed: ParsedFeed) {
        failure = nil
        feedTitle = feed.title
        guard let item = feed.items.first else { return }
        hasItem = true
        let article = item.summaryArticle
        title = article.title
        titleDerived = article.titleDerived == true
        text = item.summary.joined(separator: " ")
        date = item.published?.publishedDate.iso
        link = item.link?.absoluteString
        author = item.author
    }
}

/// Text as the corpus means it: an independent, small reading of the expected HTML (tags
/// dropped, the entities the corpus uses decoded), so that the parser is not judged by itself.
enum ConformanceText {
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func text(ofHTML html: String) -> String {
        var text = html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        text = decodeEntities(text)
        return collapse(text)
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "copy": "©", "reg": "®",
        "eacute": "é", "hellip": "…", "mdash": "—", "ndash": "–", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“",
    ]

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let pattern = try! NSRegularExpression(pattern: "&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);")
        let source = text as NSString
        var result = ""
        var last = 0
        for match in pattern.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            result += source.substring(with: NSRange(location: last, length: match.range.location - last))
            let name = source.substring(with: match.range(at: 1))
            var replacement: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if name.hasPrefix("#") {
                replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                replacement = named[name]
            }
            result += replacement ?? source.substring(with: match.range)
            last = match.range.location + match.range.length
        }
        result += source.substring(from: last)
        return result
    }

    /// Lower-cased words of three letters or more.
    static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).filter { $0.count >= 3 }.map(String.init))
    }
}
