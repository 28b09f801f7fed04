import ArgumentParser
import BacaImages
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `baca-bench pictures`: what the articles' pictures cost the key press that opens an article.
/// A site of its own (a feed, pages with a hero and two figures, real JPEGs written here) is
/// served on loopback by `python3 -m http.server`, fetched into a throwaway repository, and
/// each article is opened in tmux (`Enter` → the reader's frame, then `q`, `j`): with pictures
/// off, with symbols and an empty cache (every picture fetched while the article opens), and
/// with symbols from the cache.
struct Pictures: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Key-to-frame time of opening an article with pictures, against without.")

    @Option(help: "The baca binary to measure.")
    var baca = ".build/release/baca"

    @Option(help: "Articles in the site (each opened once a pass).")
    var articles = 12

    @Option(help: "Passes over the articles in each mode.")
    var runs = 3

    @Option(help: "Terminal size, COLSxROWS.")
    var size = "100x40"

    func run() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("baca-bench-pictures-\(getpid())")
        let site = work.appendingPathComponent("site")
        let home = work.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: home.appendingPathComponent("config/baca"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        let log = work.appendingPathComponent("server.log").path
        let server = try Subprocess.spawn(
            ["python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", site.path], outputPath: log)
        defer { kill(server.pid, SIGTERM); _ = Subprocess.wait(server.pid) }
        let port = try Self.port(fromLog: log)
        let base = "http://127.0.0.1:\(port)"
        try Self.writeSite(site, base: base, articles: articles)

        let environment: [String: String] = [
            "HOME": home.path, "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "XDG_CACHE_HOME": home.appendingPathComponent("cache").path, "LANG": "C.UTF-8",
        ]
        let env = Subprocess.environment(environment)
        let binary = URL(fileURLWithPath: baca).path
        try Subprocess.check([binary, "feed", "add", base + "/feed.xml"], environment: env)
        try Subprocess.check([binary, "fetch"], environment: env)

        let parts = size.split(separator: "x").compactMap { Int($0) }
        let tmux = try Tmux(width: parts.first ?? 100, height: parts.last ?? 40, environment: environment)
        defer { tmux.shutdown() }
        let config = home.appendingPathComponent("config/baca/config.toml")
        let cache = home.appendingPathComponent("cache/baca/images")

        var table: [(String, Samples, Samples)] = []
        for (label, mode, clearCache) in [("pictures off", "none", true), ("symbols, empty cache", "symbols", true),
                                          ("symbols, from the cache", "symbols", false)] {
            try Data("language = \"id\"\n[images]\nprotocol = \"\(mode)\"\n".utf8).write(to: config)
            var open = Samples(), drawn = Samples()
            for _ in 0..<runs {
                if clearCache { try? FileManager.default.removeItem(at: cache) }
                try tmux.respawn("exec \(binary)")
                _ = try tmux.wait(since: Clock.now(), timeout: 60, what: "the list") { BacaScreen.isList($0, position: 1, count: articles) }
                for index in 0..<articles {
                    let (ms, _) = try tmux.measure(["Enter"], what: "the reader") { BacaScreen.isReader($0) }
                    open.add(ms)
                    if mode != "none" {
                        let start = Clock.now()
                        let (pictureMs, _) = try tmux.wait(since: start, timeout: 30, what: "the pictures") { screen in
                            screen.lines.contains { $0.unicodeScalars.filter { (0x2580...0x259F).contains($0.value) }.count >= 5 }
                        }
                        drawn.add(ms + pictureMs)
                    }
                    _ = try tmux.measure(["q"], what: "the list") { BacaScreen.isList($0, count: articles) }
                    if index + 1 < articles {
                        _ = try tmux.measure(["j"], what: "the next row") { BacaScreen.isList($0, position: index + 2, count: articles) }
                    }
                }
                try tmux.send("q")
                while try !tmux.paneIsDead { usleep(2000) }
            }
            table.append((label, open, drawn))
        }
        print("| opening an article (\(articles) articles × \(runs) passes, \(size)) | Enter → frame, ms | Enter → pictures drawn, ms |")
        print("|---|---:|---:|")
        for (label, open, drawn) in table {
            let pictures = drawn.isEmpty ? "—" : String(format: "%.1f (%.1f–%.1f)", drawn.median, drawn.min, drawn.max)
            print(String(format: "| %@ | %.1f (%.1f–%.1f) | %@ |", label, open.median, open.min, open.max, pictures))
        }
    }

    /// The port `http.server` prints it serves on.
    static func port(fromLog path: String) throws -> Int {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: path, encoding: .utf8),
               let range = text.range(of: #"port (\d+)"#, options: .regularExpression),
               let port = Int(text[range].dropFirst(5)) {
                return port
            }
            usleep(50_000)
        }
        throw BenchError("python3 -m http.server did not start (is python3 installed?)")
    }

    /// The feed, one page an article (a hero and two figures), and the pictures: 640×360 JPEGs,
    /// each its own.
    static func writeSite(_ site: URL, base: String, articles: Int) throws {
        var items = ""
        for index in 1...articles {
            var pixels = PictureEncoder.quarters(width: 640, height: 360)
            for offset in stride(from: 0, to: pixels.count, by: 4) { pixels[offset] = UInt8((Int(pixels[offset]) + index * 17) % 256) }
            for name in ["hero", "a", "b"] {
                guard let jpeg = PictureEncoder.jpeg(width: 640, height: 360, rgb: PictureEncoder.rgb(pixels)) else {
                    throw BenchError("could not write a JPEG")
                }
                try jpeg.write(to: site.appendingPathComponent("\(name)-\(index).jpg"))
            }
            let paragraph = "Warga desa nomor \(index) membangun jembatan baru selama delapan bulan dengan dana desa, dan sejak pekan lalu anak-anak menyeberang ke sekolah tanpa perahu setiap pagi."
            let page = """
                <!doctype html><html><head><meta charset="utf-8"><title>Jembatan desa \(index)</title>
                <meta property="og:image" content="\(base)/hero-\(index).jpg"><meta property="og:image:alt" content="Jembatan desa \(index) dari tepi sungai">
                </head><body><article><h1>Jembatan desa \(index)</h1>
                <p>\(paragraph)</p><figure><img src="/a-\(index).jpg"><figcaption>Sungai di bawah jembatan \(index)</figcaption></figure>
                <p>\(paragraph)</p><figure><img src="/b-\(index).jpg"><figcaption>Papan nama jembatan \(index)</figcaption></figure>
                <p>\(paragraph)</p><p>\(paragraph)</p></article></body></html>
                """
            try Data(page.utf8).write(to: site.appendingPathComponent("page-\(index).html"))
            items += "<item><title>Jembatan desa \(index)</title><link>\(base)/page-\(index).html</link><guid>\(base)/page-\(index).html</guid>"
                + "<pubDate>Tue, \(String(format: "%02d", index % 28 + 1)) Oct 2024 09:00:00 +0700</pubDate><description>Jembatan.</description></item>\n"
        }
        let feed = """
            <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Kabar desa</title><link>\(base)/</link>
            \(items)</channel></rss>
            """
        try Data(feed.utf8).write(to: site.appendingPathComponent("feed.xml"))
    }
}
