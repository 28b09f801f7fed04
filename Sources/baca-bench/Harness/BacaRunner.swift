import BacaStore
import Foundation

/// Measures baca: import from the capture folder, the repository's size, the query alone (in
/// process, through `ArticleStore`), and the real binary's TUI in tmux.
struct BacaRunner {
    var binary: String
    var runs: Int
    var importRuns: Int
    var environment: [String: String]
    var log: (String) -> Void

    // MARK: Import

    func importCorpus(captures: String, database: String, result: inout SizeResult) throws {
        for run in 1...importRuns {
            removeDatabase(database)
            var outcome = try Subprocess.run([binary, "import", captures, "--db", database],
                                             environment: Subprocess.environment(environment.merging(["BACA_PEAK_MEMORY_REPORT": "1"]) { $1 }))
            guard outcome.status == 0 else {
                throw BenchError("baca import exited \(outcome.status):\n\(outcome.output.suffix(3000))")
            }
            // baca's own figure at exit: exact, where polling may miss the last 10 ms.
            if let reported = Subprocess.reportedPeakKiB(outcome.output) { outcome.maxRSSKiB = max(outcome.maxRSSKiB, reported) }
            let rate = Double(result.count) / outcome.seconds
            result.baca[.importRate, default: Samples()].add(rate)
            result.baca[.importSeconds, default: Samples()].add(outcome.seconds)
            result.baca[.importCPUSeconds, default: Samples()].add(outcome.cpuSeconds)
            result.baca[.importPeakMB, default: Samples()].add(Double(outcome.maxRSSKiB) / 1024)
            log(String(format: "    baca import %d/%d: %.2f s, %.0f captures/s, peak %.0f MB",
                       run, importRuns, outcome.seconds, rate, Double(outcome.maxRSSKiB) / 1024))
        }
        let stored = try ArticleStore(path: database).counts().total
        guard stored == result.count else {
            throw BenchError("baca stored \(stored) articles of \(result.count)")
        }
        let bytes = ["", "-wal", "-shm"].map { SystemInfo.fileSize(database + $0) }.reduce(0, +)
        result.baca[.repoMB] = Samples([Double(bytes) / 1e6])
        result.baca[.repoRatio] = Samples([Double(bytes) / Double(result.captureBytes)])
    }

    func removeDatabase(_ database: String) {
        for suffix in ["", "-wal", "-shm"] { unlink(database + suffix) }
    }

    // MARK: The query alone

    /// `searchCount` + the first page of `search` on a warm connection: what the TUI's list
    /// (`ArticleListModel`, pages of 64 rows) asks the store for one search, without drawing.
    static let tuiPageSize = 64

    func measureQueries(database: String, result: inout SizeResult) throws {
        let store = try ArticleStore(path: database)
        // The header's counts, read again after every open (the article becomes read).
        for run in 0...max(runs * 3, 10) {
            let start = Clock.now()
            _ = try store.counts()
            if run > 0 { result.baca[.countsMs, default: Samples()].add(Clock.milliseconds(since: start)) }
        }
        // What opening an article asks the store (the reader then lays it out).
        var random = SplitMix64(seed: 7)
        for run in 0...max(runs * 3, 10) {
            let id = Int64(1 + random.below(result.count))
            let start = Clock.now()
            guard try store.article(id: id) != nil else { throw BenchError("no article \(id) in \(database)") }
            if run > 0 { result.baca[.readArticleMs, default: Samples()].add(Clock.milliseconds(since: start)) }
        }
        for probe in result.probes {
            let figure: Figure = probe.kind == "rare" ? .queryRareMs : probe.kind == "medium" ? .queryMediumMs : .queryCommonMs
            var samples = Samples()
            var hits = 0
            for run in 0...max(runs, 5) {
                let start = Clock.now()
                hits = try store.searchCount(probe.word, scope: .all)
                _ = try store.searchSummaries(probe.word, scope: .all, offset: 0, limit: Self.tuiPageSize)
                if run > 0 { samples.add(Clock.milliseconds(since: start)) }  // the first warms the cache
            }
            result.baca[figure] = samples
            if hits != probe.articles {
                result.notes.append("baca finds \(hits) articles for “\(probe.word)”; the corpus has \(probe.articles).")
            }
        }
    }

    // MARK: The TUI

    private func launch(_ tmux: Tmux, database: String, count: Int) throws -> Double {
        let command = "exec \(binary) --db \(database)"
        let start = Clock.now()
        try tmux.respawn(command)
        return try tmux.wait(since: start, timeout: 120, what: "baca's list of \(count)") {
            BacaScreen.isList($0, position: 1, count: count)
        }.ms
    }

    private func quit(_ tmux: Tmux) throws {
        try tmux.send("q")
        let start = Clock.now()
        while try !tmux.paneIsDead {
            if Clock.seconds(since: start) > 10 { throw BenchError("baca did not quit on q:\n\(try tmux.capture())") }
            usleep(2000)
        }
    }

    func measureTUI(tmux: Tmux, database: String, result: inout SizeResult, fullPass: Bool) throws {
        let count = result.count
        let samples = max(runs, 3)

        // Session 1: start, then every interaction; memory after start, after the whole
        // list, after ten searches.
        result.baca[.startMs, default: Samples()].add(try launch(tmux, database: database, count: count))
        let pid = try tmux.panePID
        result.baca[.memStartMB] = Samples([Double(SystemInfo.peakRSSKiB(pid: pid) ?? 0) / 1024])

        // Cursor: j, each frame showing the next position.
        var position = 1
        for _ in 0..<(samples * 3) where position < count {
            let next = position + 1
            let ms = try tmux.measure(["j"], what: "the cursor at \(next)") {
                BacaScreen.isList($0, position: next, count: count)
            }.ms
            result.baca[.cursorMs, default: Samples()].add(ms)
            position = next
        }

        // Open an article and go back, on different articles.
        for _ in 0..<samples {
            let ms = try tmux.measure(["Enter"], what: "the reader") { BacaScreen.isReader($0) }.ms
            result.baca[.openMs, default: Samples()].add(ms)
            let here = position
            _ = try tmux.measure(["q"], what: "the list after the reader") {
                BacaScreen.isList($0, position: here, count: count)
            }
            if position < count {
                let next = position + 1
                _ = try tmux.measure(["j"], what: "the cursor at \(next)") {
                    BacaScreen.isList($0, position: next, count: count)
                }
                position = next
            }
        }

        // Jump to the end and back to the top.
        for _ in 0..<samples {
            let ms = try tmux.measure(["G"], what: "the end of the list") {
                BacaScreen.isList($0, position: count, count: count)
            }.ms
            result.baca[.endMs, default: Samples()].add(ms)
            _ = try tmux.measure(["Home"], what: "the top of the list") {
                BacaScreen.isList($0, position: 1, count: count)
            }
        }
        position = 1

        // Page through the whole list (or, without a full pass, a few pages).
        let passStart = Clock.now()
        var pages = 0
        while position < count && (fullPass || pages < samples * 3) {
            let before = position
            let (ms, screen) = try tmux.measure(["NPage"], what: "the page after \(before)") {
                guard let list = BacaScreen.listPosition($0) else { return false }
                return list.position > before && BacaScreen.isList($0, count: count)
            }
            position = BacaScreen.listPosition(screen)!.position
            result.baca[.pageDownMs, default: Samples()].add(ms)
            pages += 1
        }
        if fullPass {
            result.baca[.fullPassS] = Samples([Clock.seconds(since: passStart)])
            log(String(format: "    baca paged through %d articles in %d pages, %.1f s", count, pages, Clock.seconds(since: passStart)))
        }
        result.baca[.memScrollMB] = Samples([Double(SystemInfo.peakRSSKiB(pid: pid) ?? 0) / 1024])

        // Searches: ten for the memory figure (rare, medium, common, …), then more until each
        // word has its samples.
        var searches = 0
        let probes = result.probes
        func search(_ probe: CorpusManifest.ProbeCount) throws {
            try tmux.send("/")
            _ = try tmux.wait(since: Clock.now(), timeout: 10, what: "the search prompt") { _ in true }
            try tmux.send("C-u")
            try tmux.type(probe.word)
            // The word is typed in the prompt before Enter is timed.
            _ = try tmux.wait(since: Clock.now(), timeout: 10, what: "“\(probe.word)” in the prompt") {
                $0.status.contains(probe.word) || $0.lines.suffix(2).joined().contains(probe.word)
            }
            let (ms, screen) = try tmux.measure(["Enter"], what: "the results for “\(probe.word)”") {
                BacaScreen.searchHits($0, word: probe.word) != nil
            }
            let figure: Figure = probe.kind == "rare" ? .searchRareMs : probe.kind == "medium" ? .searchMediumMs : .searchCommonMs
            result.baca[figure, default: Samples()].add(ms)
            let hits = BacaScreen.searchHits(screen, word: probe.word) ?? -1
            if hits != probe.articles && searches == 0 {
                result.notes.append("baca's TUI shows \(hits) hits for “\(probe.word)”; the corpus has \(probe.articles).")
            }
            searches += 1
        }
        for i in 0..<10 { try search(probes[i % probes.count]) }
        result.baca[.memSearchMB] = Samples([Double(SystemInfo.peakRSSKiB(pid: pid) ?? 0) / 1024])
        for probe in probes {
            let figure: Figure = probe.kind == "rare" ? .searchRareMs : probe.kind == "medium" ? .searchMediumMs : .searchCommonMs
            while (result.baca[figure]?.count ?? 0) < samples { try search(probe) }
        }
        try tmux.send("Escape")
        _ = try tmux.wait(since: Clock.now(), timeout: 10, what: "the list after the search") {
            BacaScreen.isList($0, count: count)
        }
        try quit(tmux)

        // More cold starts.
        for _ in 1..<samples {
            result.baca[.startMs, default: Samples()].add(try launch(tmux, database: database, count: count))
            try quit(tmux)
        }
        // baca's first screen is the list of articles.
        result.baca[.startToArticlesMs] = result.baca[.startMs]
    }
}
