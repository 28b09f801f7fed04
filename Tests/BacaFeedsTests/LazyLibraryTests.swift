import BacaImages
import BacaTestSupport
import CLazyLoad
import Foundation
import Testing

/// libcurl, libchafa, the picture decoders and libcrypto are opened when first used, not at
/// start (Sources/CLazyLoad): the reader's first list maps none of them; a fetched picture
/// brings in what it needs; a missing library is a one-line message naming it and its package.
@Suite("Libraries opened on first use", .serialized)
struct LazyLibraryTests {
    /// The sonames the lazy C targets open (the README's list; `.ci/install-test.sh` checks
    /// both against each other).
    static let lazy = ["libcurl.so.4", "libchafa.so.0", "libpng16.so.16", "libjpeg.so.62", "libwebp.so.7", "libcrypto.so.3"]

    /// Which of them the process has mapped (/proc/PID/maps names the files: `…/libcurl.so.4.8.0`).
    static func mapped(_ pid: pid_t) throws -> Set<String> {
        // Read to its end: a /proc file says it is empty, and one read gives a page of it.
        let file = try #require(FileHandle(forReadingAtPath: "/proc/\(pid)/maps"))
        defer { try? file.close() }
        let maps = String(decoding: try file.readToEnd() ?? Data(), as: UTF8.self)
        return Set(lazy.filter { maps.contains("/" + $0) })
    }

    @Test("the first list maps none of them; a picture opens curl, chafa and libpng")
    func openedOnFirstUse() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let base = server.url("").absoluteString
        let card = PictureEncoder.quarters(width: 160, height: 90)
        let png = try #require(PictureEncoder.png(width: 160, height: 90, rgba: card))
        server.serve("/feed.xml", ReaderPictureTests.feed(base), type: "application/rss+xml")
        server.serve("/story.html", """
            <!doctype html><html><head><meta charset="utf-8">
            <title>Jembatan Baja Sukaraja Dibuka untuk Warga</title>
            <meta property="og:image" content="\(base)/hero.png">
            <meta property="og:image:alt" content="Jembatan baja dari tepi sungai">
            </head><body><article><h1>Jembatan Baja Sukaraja Dibuka untuk Warga</h1>
            <p>\(ReaderPictureTests.paragraph)</p><p>\(ReaderPictureTests.paragraph)</p>
            </article></body></html>
            """)
        server.route("/hero.png") { _ in .ok(png, type: "image/png") }
        let sandbox = try Sandbox()
        #expect(try BacaBinary.run(["feed", "add", server.url("/feed.xml").absoluteString], sandbox: sandbox).status == 0)
        let fetched = try BacaBinary.run(["fetch"], sandbox: sandbox)
        #expect(fetched.status == 0, "\(fetched.stderr)")

        let tmux = try TmuxSession("'\(BacaBinary.url.path)'", columns: 100, rows: 40, sandbox: sandbox)
        try tmux.waitFor("Jembatan Baja Sukaraja")
        let pid = try #require(tmux.bacaPID())
        let atStart = try Self.mapped(pid)
        #expect(atStart.isEmpty, "mapped at start: \(atStart.sorted())")

        try tmux.send("Enter")
        try tmux.waitFor(timeout: 20) { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            guard let caption = ReaderPictureTests.line(of: "Jembatan baja dari tepi sungai", in: screen), caption > 0
            else { return false }
            return ReaderPictureTests.hasBlockSymbols(lines[caption - 1])
        }
        let opened = try Self.mapped(pid)
        #expect(opened.isSuperset(of: ["libcurl.so.4", "libchafa.so.0", "libpng16.so.16", "libcrypto.so.3"]), "\(opened.sorted())")
        try tmux.send("q", "q")
    }

    @Test("a library that cannot be opened: one line naming it and its package")
    func missingLibraryMessage() throws {
        let message = String(cString: try #require(baca_lazy_probe("libbaca-missing.so.9", "baca-missing9")))
        #expect(message.hasPrefix("libbaca-missing.so.9 cannot be loaded (install baca-missing9): "))
        #expect(!message.contains("\n"))
        #expect(baca_lazy_probe("libz.so.1", "zlib1g") == nil)
    }
}
