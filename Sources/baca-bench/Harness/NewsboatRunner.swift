import Foundation

/// Measures newsboat on the same articles, fed as one RSS feed through an `exec:` URL (no
/// network): `-x reload` for the import, then its TUI in tmux.
struct NewsboatRunner {
    var binary: String
    var directory: String
    var feedPath: String
    var runs: Int
    var importRuns: Int
    var log: (String) -> Void

    var configPath: String { directory + "/config" }
    var urlsPath: String { directory + "/urls" }
    var cachePath: String { directory + "/cache.db" }
    var home: String { directory + "/home" }

    var environment: [String: String] {
        ["HOME": home, "XDG_CONFIG_HOME": home + "/.config", "XDG_DATA_HOME": home + "/.local/share",
         "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
    }

    /// newsboat's version line, e.g. `newsboat 2.21.0`.
    func version() -> String {
        let output = (try? Subprocess.run([binary, "--version"]))?.output ?? ""
        return output.split(separator: "\n").first.map { $0.split(separator: " ").prefix(2).joined(separator: " ") } ?? "newsboat"
    }

    func prepare() throws {
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        // Everything from the cache; nothing reloads or cleans up behind the measurement.
        try """
            auto-reload no
            show-read-feeds yes
            show-read-articles yes
            max-items 0
            confirm-exit no
            cleanup-on-quit no
            reload-threads 1
            feedlist-format "%4i %n %u %t"
            articlelist-format "%7i %f %D %6L  %t"
            """.write(toFile: configPath, atomically: true, encoding: .utf8)
        try "\"exec:cat \(feedPath)\"\n".write(toFile: urlsPath, atomically: true, encoding: .utf8)
    }

    private var arguments: [String] { ["-C", configPath, "-u", urlsPath, "-c", cachePath] }

    func importFeed(result: inout SizeResult) throws {
        try prepare()
        for run in 1...importRuns {
            for suffix in ["", "-journal", "-wal", ".lock"] { unlink(cachePath + suffix) }
            let outcome = try Subprocess.run([binary] + arguments + ["-x", "reload"],
                                             environment: Subprocess.environment(environment))
            guard outcome.status == 0 else {
                throw BenchError("newsboat -x reload exited \(outcome.status):\n\(outcome.output.suffix(2000))")
            }
            let rate = Double(result.count) / outcome.seconds
            result.newsboat[.importRate, default: Samples()].add(rate)
            result.newsboat[.importSeconds, default: Samples()].add(outcome.seconds)
            result.newsboat[.importCPUSeconds, default: Samples()].add(outcome.cpuSeconds)
            result.newsboat[.importPeakMB, default: Samples()].add(Double(outcome.maxRSSKiB) / 1024)
            log(String(format: "    newsboat reload %d/%d: %.2f s, %.0f items/s, peak %.0f MB",
                       run, importRuns, outcome.seconds, rate, Double(outcome.maxRSSKiB) / 1024))
        }
        let bytes = SystemInfo.fileSize(cachePath)
        result.newsboat[.repoMB] = Samples([Double(bytes) / 1e6])
        result.newsboat[.repoRatio] = Samples([Double(bytes) / Double(result.captureBytes)])
    }

    private func launch(_ tmux: Tmux, count: Int) throws -> Double {
        let env = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let command = "exec env \(env) \(binary) " + arguments.joined(separator: " ")
        let start = Clock.now()
        try tmux.respawn(command)
        return try tmux.wait(since: start, timeout: 600, what: "newsboat's feed list") {
            NewsboatScreen.isFeedList($0, count: count)
        }.ms
    }

    private func quit(_ tmux: Tmux) throws {
        try tmux.send("q")
        let start = Clock.now()
        while try !tmux.paneIsDead {
            if Clock.seconds(since: start) > 60 { throw BenchError("newsboat did not quit on q:\n\(try tmux.capture())") }
            usleep(5000)
        }
    }

    /// The row the cursor is on: newsboat draws it yellow on blue (`listfocus`), like its
    /// title and help bars, which are left out. `capture-pane -e` writes only changes of style,
    /// so the blue background is followed across lines.
    private func focusedRow(_ tmux: Tmux) throws -> Int? {
        let lines = try tmux.command("capture-pane -e -p -t \(tmux.target)")
        var blue = false
        var rows: [Int] = []
        for (index, line) in lines.enumerated() {
            var blueAtText: Bool? = nil
            var scalars = line.unicodeScalars[...]
            while let first = scalars.first {
                if first == "\u{1B}", scalars.dropFirst().first == "[" {
                    let body = scalars.dropFirst(2).prefix { !("@"..."~").contains($0) }
                    let final = scalars.dropFirst(2 + body.count).first
                    if final == "m" {
                        for param in String(String.UnicodeScalarView(body)).split(separator: ";", omittingEmptySubsequences: false) {
                            if param == "0" || param.isEmpty || param == "49" { blue = false }
                            if param == "44" { blue = true }
                        }
                    }
                    scalars = scalars.dropFirst(3 + body.count)
                } else {
                    if blueAtText == nil && first != " " { blueAtText = blue }
                    scalars = scalars.dropFirst()
                }
            }
            if blueAtText == true { rows.append(index) }
        }
        return rows.first { $0 > 0 && $0 < tmux.height - 2 }
    }

    func measureTUI(tmux: Tmux, result: inout SizeResult) throws {
        let count = result.count
        let samples = max(runs, 3)

        result.newsboat[.startMs, default: Samples()].add(try launch(tmux, count: count))
        let pid = try tmux.panePID
        result.newsboat[.memStartMB] = Samples([Double(SystemInfo.peakRSSKiB(pid: pid) ?? 0) / 1024])

        // Open the big feed (newsboat's list of articles) and come back, several times.
        for _ in 0..<samples {
            let ms = try tmux.measure(["Enter"], timeout: 600, what: "newsboat's article list") {
                NewsboatScreen.isItemList($0)
            }.ms
            result.newsboat[.openFeedMs, default: Samples()].add(ms)
            _ = try tmux.measure(["q"], what: "newsboat's feed list") { NewsboatScreen.isFeedList($0, count: count) }
        }
        _ = try tmux.measure(["Enter"], timeout: 600, what: "newsboat's article list") { NewsboatScreen.isItemList($0) }

        // Cursor: Down moves the highlighted row (from the top, down the first screen; newsboat
        // 2.21 binds no j).
        _ = try tmux.measure(["Home"], what: "the top of newsboat's list") { NewsboatScreen.showsItem($0, number: 1) }
        for _ in 0..<(samples * 3) {
            try tmux.settle()
            guard let row = try focusedRow(tmux), row < tmux.height - 3 else {
                log("    newsboat cursor row not found: " + (try tmux.command("capture-pane -e -p -t \(tmux.target)")).prefix(4).joined(separator: "⏎").debugDescription)
                break
            }
            let start = Clock.now()
            try tmux.send("Down")
            while try focusedRow(tmux) == row {
                if Clock.seconds(since: start) > 30 { throw BenchError("newsboat's cursor did not move") }
            }
            result.newsboat[.cursorMs, default: Samples()].add(Clock.milliseconds(since: start))
        }

        // Open an article and go back.
        for _ in 0..<samples {
            let ms = try tmux.measure(["Enter"], what: "newsboat's article view") { NewsboatScreen.isArticle($0) }.ms
            result.newsboat[.openMs, default: Samples()].add(ms)
            _ = try tmux.measure(["q"], what: "newsboat's article list") { NewsboatScreen.isItemList($0) }
        }

        // Page down, then the end of the list and back.
        for _ in 0..<samples {
            let before = try tmux.settle().lines[1]
            let ms = try tmux.measure(["NPage"], what: "newsboat's next page") { $0.lines[1] != before }.ms
            result.newsboat[.pageDownMs, default: Samples()].add(ms)
        }
        for _ in 0..<samples {
            let ms = try tmux.measure(["End"], what: "the end of newsboat's list") {
                NewsboatScreen.showsItem($0, number: count)
            }.ms
            result.newsboat[.endMs, default: Samples()].add(ms)
            _ = try tmux.measure(["Home"], what: "the top of newsboat's list") { NewsboatScreen.showsItem($0, number: 1) }
        }
        result.newsboat[.memScrollMB] = Samples([Double(SystemInfo.peakRSSKiB(pid: pid) ?? 0) / 1024])
        _ = try tmux.measure(["q"], what: "newsboat's feed list") { NewsboatScreen.isFeedList($0, count: count) }

        // Searches from the feed list (all feeds), ten for the memory figure, then more.
        func search(_ probe: CorpusManifest.ProbeCount) throws {
            try tmux.send("/")
            _ = try tmux.wait(since: Clock.now(), timeout: 10, what: "newsboat's search prompt") { $0.status.contains("Search for") }
            try tmux.type(probe.word)
            _ = try tmux.wait(since: Clock.now(), timeout: 10, what: "the word in newsboat's prompt") { $0.status.contains(probe.word) }
            let ms = try tmux.measure(["Enter"], timeout: 600, what: "newsboat's results for “\(probe.word)”") {
                NewsboatScreen.isSearchResult($0)
            }.ms
            let figure: Figure = probe.kind == "rare" ? .searchRareMs : probe.kind == "medium" ? .searchMediumMs : .searchCommonMs
            result.newsboat[figure, default: Samples()].add(ms)
            if try tmux.capture().header.contains("Search results") {
                _ = try tmux.measure(["q"], what: "newsboat's feed list") { NewsboatScreen.isFeedList($0, count: count) }
            }
        }
        let probes = result.probes
        for i in 0..<10 { try search(probes[i % probes.count]) }
        result.newsboat[.memSearchMB] = Samples([Double(SystemInfo.peakRSSKiB(pid: pid) ?? 0) / 1024])
        for probe in probes {
            let figure: Figure = probe.kind == "rare" ? .searchRareMs : probe.kind == "medium" ? .searchMediumMs : .searchCommonMs
            while (result.newsboat[figure]?.count ?? 0) < samples { try search(probe) }
        }
        try quit(tmux)

        // More cold starts, each straight on into the big feed.
        for _ in 1..<samples {
            let start = try launch(tmux, count: count)
            result.newsboat[.startMs, default: Samples()].add(start)
            let open = try tmux.measure(["Enter"], timeout: 600, what: "newsboat's article list") {
                NewsboatScreen.isItemList($0)
            }.ms
            result.newsboat[.startToArticlesMs, default: Samples()].add(start + open)
            _ = try tmux.measure(["q"], what: "newsboat's feed list") { NewsboatScreen.isFeedList($0, count: count) }
            try quit(tmux)
        }
    }
}
