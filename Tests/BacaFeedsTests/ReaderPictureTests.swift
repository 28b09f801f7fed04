import BacaImages
import BacaTestSupport
import Foundation
import Testing

/// The reader in tmux with an article whose pictures are real PNG and JPEG files served on
/// loopback: chafa's symbols above the captions, a one-line note for a broken or oversized
/// picture, the text never moved by a picture arriving, and the `i` key.
@Suite("Pictures in the reader", .serialized)
struct ReaderPictureTests {
    static let paragraph = """
        Warga Desa Sukaraja kini bisa menyeberang sungai tanpa menunggu perahu. Jembatan baja \
        sepanjang empat puluh meter itu dibangun selama delapan bulan dengan dana desa dan \
        bantuan provinsi, dan sejak pekan lalu dipakai anak-anak berangkat sekolah setiap pagi.
        """

    /// A page with a hero picture (og:image) and three figures: a JPEG, a broken PNG and one
    /// past the size cap.
    static func page(_ base: String) -> String {
        """
        <!doctype html><html><head><meta charset="utf-8">
        <title>Jembatan Baja Sukaraja Dibuka untuk Warga</title>
        <meta property="og:title" content="Jembatan Baja Sukaraja Dibuka untuk Warga">
        <meta property="og:image" content="\(base)/hero.png">
        <meta property="og:image:alt" content="Jembatan baja dari tepi sungai">
        </head><body><article>
        <h1>Jembatan Baja Sukaraja Dibuka untuk Warga</h1>
        <p>\(paragraph)</p>
        <figure><img src="/river.jpg" alt=""><figcaption>Sungai di bawah jembatan pada pagi hari (Dok. Warga)</figcaption></figure>
        <p>\(paragraph)</p>
        <figure><img src="/broken.png" alt=""><figcaption>Papan nama jembatan</figcaption></figure>
        <p>\(paragraph)</p>
        <figure><img src="/huge.jpg" alt=""><figcaption>Peta desa dari udara</figcaption></figure>
        <p>\(paragraph)</p>
        </article></body></html>
        """
    }

    static func feed(_ base: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Kabar Sukaraja</title><link>\(base)/</link>
        <item><title>Jembatan Baja Sukaraja Dibuka untuk Warga</title><link>\(base)/story.html</link>
        <guid>\(base)/story.html</guid><pubDate>Tue, 05 Nov 2024 09:00:00 +0700</pubDate>
        <description>Jembatan baru untuk warga.</description></item>
        </channel></rss>
        """
    }

    /// Block elements chafa draws with (U+2580 … U+259F).
    static func hasBlockSymbols(_ line: Substring) -> Bool {
        line.unicodeScalars.filter { (0x2580...0x259F).contains($0.value) }.count >= 5
    }

    /// The screen's lines and the index of the first line holding `text`.
    static func line(of text: String, in screen: String) -> Int? {
        screen.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }
    }

    @Test("symbols above the captions, one-line notes for a broken and an oversized picture; i hides them")
    func picturesInTmux() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let base = server.url("").absoluteString
        let card = PictureEncoder.quarters(width: 160, height: 90)
        let png = try #require(PictureEncoder.png(width: 160, height: 90, rgba: card))
        let jpeg = try #require(PictureEncoder.jpeg(width: 160, height: 90, rgb: PictureEncoder.rgb(card)))
        server.serve("/feed.xml", Self.feed(base), type: "application/rss+xml")
        server.serve("/story.html", Self.page(base))
        // The hero comes slowly: the test sees the article before it arrives.
        let heroGate = NSCondition()
        nonisolated(unsafe) var heroReleased = false
        server.route("/hero.png") { _ in
            heroGate.lock()
            let deadline = Date().addingTimeInterval(20)
            while !heroReleased, heroGate.wait(until: deadline) {}
            heroGate.unlock()
            return .ok(png, type: "image/png")
        }
        server.route("/river.jpg") { _ in .ok(jpeg, type: "image/jpeg") }
        let broken = Data(png.prefix(60))
        server.route("/broken.png") { _ in .ok(broken, type: "image/png") }
        // Past the 5 MB cap: the transfer stops there.
        let huge = Data([0xFF, 0xD8, 0xFF]) + Data(count: 6 * 1024 * 1024)
        server.route("/huge.jpg") { _ in .ok(huge, type: "image/jpeg") }

        let sandbox = try Sandbox()
        #expect(try BacaBinary.run(["feed", "add", server.url("/feed.xml").absoluteString], sandbox: sandbox).status == 0)
        let fetched = try BacaBinary.run(["fetch"], sandbox: sandbox)
        #expect(fetched.status == 0, "\(fetched.stderr)")

        let tmux = try TmuxSession("'\(BacaBinary.url.path)'", columns: 100, rows: 70, sandbox: sandbox)
        try tmux.waitFor("Jembatan Baja Sukaraja")
        try tmux.send("Enter")
        // While the hero loads, its rows are kept blank above its caption: the text stands
        // where it will stay.
        let loading = try tmux.waitFor { $0.contains("Jembatan baja dari tepi sungai") }
        let captionWhileLoading = try #require(Self.line(of: "Jembatan baja dari tepi sungai", in: loading))
        let loadingLines = loading.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(loadingLines[..<captionWhileLoading].allSatisfy { !Self.hasBlockSymbols($0) })
        heroGate.lock()
        heroReleased = true
        heroGate.broadcast()
        heroGate.unlock()
        // Every picture arrived or failed: two drawn, two notes.
        let screen = try tmux.waitFor(timeout: 20) {
            $0.contains("Papan nama jembatan") && $0.contains("gambar tidak dimuat: damaged PNG picture")
                && $0.contains("gambar tidak dimuat: picture too large (more than 5 MB)")
                && Self.hasBlockSymbols($0.split(separator: "\n", omittingEmptySubsequences: false)[(Self.line(of: "Sungai di bawah", in: $0) ?? 1) - 1])
        }
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        // The hero: symbols in the rows right above its caption, at most 12 of them.
        let hero = try #require(Self.line(of: "Jembatan baja dari tepi sungai", in: screen))
        #expect(Self.hasBlockSymbols(lines[hero - 1]))
        #expect(hero == captionWhileLoading)
        let heroRows = lines[..<hero].reversed().prefix { Self.hasBlockSymbols($0) }.count
        #expect(heroRows >= 4 && heroRows <= 12)
        // In colour: the picture's rows carry palette backgrounds.
        let coloured = try tmux.screen(colors: true).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(coloured[hero - 1].contains("48;5;"))
        // The JPEG figure likewise.
        let river = try #require(Self.line(of: "Sungai di bawah jembatan", in: screen))
        #expect(Self.hasBlockSymbols(lines[river - 1]))
        // The broken and the oversized pictures: the note on the line above their captions.
        let sign = try #require(Self.line(of: "Papan nama jembatan", in: screen))
        #expect(lines[sign - 1].contains("▢ gambar tidak dimuat: damaged PNG picture"))
        let map = try #require(Self.line(of: "Peta desa dari udara", in: screen))
        #expect(lines[map - 1].contains("▢ gambar tidak dimuat: picture too large (more than 5 MB)"))
        // The pictures are in the cache, the failed ones not.
        let cache = sandbox.root.appendingPathComponent(".cache/baca/images")
        let cached = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { !$0.hasPrefix(".") }
        #expect(cached.count == 2)

        // i: captions alone, as before pictures.
        try tmux.send("i")
        let hidden = try tmux.waitFor("Gambar disembunyikan")
        #expect(!hidden.split(separator: "\n").contains { Self.hasBlockSymbols($0) })
        #expect(!hidden.contains("gambar tidak dimuat"))
        let heroCaption = try #require(Self.line(of: "Jembatan baja dari tepi sungai", in: hidden))
        #expect(hidden.split(separator: "\n", omittingEmptySubsequences: false)[heroCaption].contains("▣ "))
        try tmux.send("i")
        let shown = try tmux.waitFor("Gambar ditampilkan")
        let again = try #require(Self.line(of: "Jembatan baja dari tepi sungai", in: shown))
        #expect(again == hero)
    }
}
