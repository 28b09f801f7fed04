import BacaCore
import BacaFeeds
@testable import BacaImages
import BacaTUI
import Foundation
import Testing

/// Pictures as the reader gets them: real PNG and JPEG files (written here with libpng and
/// libjpeg) decoded, drawn by chafa, fetched under the pages' address rule with a size cap,
/// and kept in a cache that stays under its limit.
@Suite("Pictures: decoding, drawing, fetching, the cache", .serialized)
struct PictureTests {
    static let card = PictureEncoder.quarters(width: 64, height: 48)

    static func png() throws -> Data { try #require(PictureEncoder.png(width: 64, height: 48, rgba: card)) }
    static func jpeg() throws -> Data { try #require(PictureEncoder.jpeg(width: 64, height: 48, rgb: PictureEncoder.rgb(card))) }

    /// A scratch folder of this test's own.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pictures-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a PNG and a JPEG decode to their size and colours; other bytes are named, not decoded")
    func decoding() throws {
        for data in [try Self.png(), try Self.jpeg()] {
            let picture = try PictureDecoder.decode(data)
            #expect(picture.width == 64 && picture.height == 48)
            // The top-left corner is red (the JPEG within its loss).
            #expect(picture.rgba[0] > 180 && picture.rgba[1] < 80 && picture.rgba[2] < 80)
        }
        // The PNG and the lossless WebP are exact: every pixel as written.
        #expect(try PictureDecoder.decode(try Self.png()).rgba == Self.card)
        let webp = try #require(PictureEncoder.webp(width: 64, height: 48, rgba: Self.card))
        #expect(PictureDecoder.format(of: webp) == .webp)
        #expect(try PictureDecoder.decode(webp).rgba == Self.card)
        #expect(throws: PictureFailure("not a PNG, JPEG or WebP picture")) { try PictureDecoder.decode(Data("<svg/>".utf8)) }
        var truncated = try Self.png()
        truncated.removeLast(truncated.count / 2)
        #expect(throws: PictureFailure("damaged PNG picture")) { try PictureDecoder.decode(truncated) }
    }

    @Test("a picture larger than the pixel limit is refused from its header")
    func pixelLimit() throws {
        #expect(throws: PictureFailure("picture too large (64×48 pixels)")) {
            try PictureDecoder.decode(try Self.png(), maximumPixels: 1000)
        }
    }

    @Test("chafa draws symbols in palette colours within the width and the height limit")
    func symbols() throws {
        let picture = try PictureDecoder.decode(try Self.png())
        let drawing = try #require(ChafaDrawing.draw(picture, columns: 40, maxRows: 12, mode: .symbols, colors: true))
        guard case .cells(let rows) = drawing else { Issue.record("not cells"); return }
        #expect(rows.count <= 12 && rows.count >= 8)
        #expect(rows.allSatisfy { $0.count <= 40 })
        let styles = Set(rows.joined().map(\.style.rawValue))
        #expect(styles.allSatisfy { $0.hasPrefix("image:") })
        // Four quarters: at least four colours, red among them (palette 160 or 196 …).
        #expect(styles.count >= 4)
        // A wide short picture takes fewer rows than the limit.
        let wide = try PictureDecoder.decode(try #require(PictureEncoder.png(width: 200, height: 20, rgba: PictureEncoder.quarters(width: 200, height: 20))))
        let banner = try #require(ChafaDrawing.draw(wide, columns: 40, maxRows: 12, mode: .symbols, colors: true))
        #expect(banner.rows < 12)
    }

    @Test("sixel and kitty drawings are escape sequences covering the fitted cells")
    func graphics() throws {
        let picture = try PictureDecoder.decode(try Self.jpeg())
        guard case .sequence(let sixel, let columns, let rows)? = ChafaDrawing.draw(picture, columns: 40, maxRows: 12, mode: .sixel, colors: true) else {
            Issue.record("no sixel"); return
        }
        #expect(sixel.hasPrefix("\u{1B}P") && columns <= 40 && rows <= 12)
        guard case .sequence(let kitty, _, _)? = ChafaDrawing.draw(picture, columns: 40, maxRows: 12, mode: .kitty, colors: true) else {
            Issue.record("no kitty"); return
        }
        #expect(kitty.contains("\u{1B}_G"))
    }

    @Test("the cache keeps files under its limit, the least recently used going first")
    func cacheLimit() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = PictureCache(directory: folder, limitBytes: 25_000)
        for index in 0..<5 {
            cache.write(Data(repeating: UInt8(index), count: 10_000), for: "http://news.example/\(index).png")
            #expect(cache.totalBytes <= 25_000)
            // Reading marks a file used: the first one is read after each write and stays.
            Thread.sleep(forTimeInterval: 0.01)
            _ = cache.read("http://news.example/0.png")
        }
        #expect(cache.read("http://news.example/0.png")?.first == 0)
        #expect(cache.read("http://news.example/4.png")?.first == 4)
        #expect(cache.read("http://news.example/1.png") == nil)
        // No temporary files are left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.count == 2 && names.allSatisfy { !$0.hasPrefix(".") })
        // A file larger than the whole limit is not stored.
        cache.write(Data(count: 30_000), for: "http://news.example/big.png")
        #expect(cache.read("http://news.example/big.png") == nil)
    }

    static func library(_ folder: URL, allowsPrivate: Bool = false, maximumBytes: Int = ImageLibrary.defaultMaximumBytes) -> ImageLibrary {
        ImageLibrary(
            client: HostileNetworkTests.client(rule: HostileNetworkTests.rule(allowsPrivate: allowsPrivate)),
            cache: PictureCache(directory: folder, limitBytes: 10_000_000), maximumBytes: maximumBytes, cellPixels: (10, 20))
    }

    static func request(_ url: URL, page: String?) -> ImageRequest {
        ImageRequest(url: url.absoluteString, page: page, columns: 40, maxRows: 12, mode: .symbols)
    }

    @Test("a picture a public page names on a private address is refused like a page, unless allowed")
    func addressRule() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inside = try LoopbackServer()  // 127.0.0.1: the user's own machine
        defer { inside.stop() }
        let png = try Self.png()
        inside.route("/p.png") { _ in .ok(png, type: "image/png") }
        let picture = URL(string: "http://intranet.example:\(inside.port)/p.png")!

        let refused = Self.library(folder).load(Self.request(picture, page: "http://news.example/article.html"))
        guard case .failed(let reason) = refused else { Issue.record("fetched: \(refused)"); return }
        #expect(reason.hasPrefix("refused: intranet.example is 127.0.0.1, a loopback address"))
        #expect(inside.requests(to: "/p.png").isEmpty)
        // An article with no page (an imported file) counts as public too.
        guard case .failed = Self.library(folder).load(Self.request(picture, page: nil)) else {
            Issue.record("fetched without a page"); return
        }

        // Allowed by the setting; and a page on the user's own machine may name its neighbours.
        guard case .drawn(.cells) = Self.library(folder, allowsPrivate: true).load(Self.request(picture, page: "http://news.example/a.html")) else {
            Issue.record("not drawn when allowed"); return
        }
        let ownFolder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: ownFolder) }
        guard case .drawn(.cells) = Self.library(ownFolder).load(Self.request(picture, page: "http://intranet.example/a.html")) else {
            Issue.record("not drawn for the user's own page"); return
        }
    }

    @Test("a broken, a missing and an oversized picture each fail with one line")
    func failures() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try LoopbackServer()
        defer { server.stop() }
        let broken = Data(try Self.jpeg().prefix(40))
        server.route("/broken.jpg") { _ in .ok(broken, type: "image/jpeg") }
        let huge = Data([0x89, 0x50, 0x4E, 0x47]) + Data(count: 2_000_000)
        server.route("/huge.png") { _ in .ok(huge, type: "image/png") }
        let library = Self.library(folder, allowsPrivate: true, maximumBytes: 1_000_000)
        func reason(_ path: String) -> String? {
            if case .failed(let reason) = library.load(Self.request(server.url(path), page: nil)) { return reason }
            return nil
        }
        #expect(reason("/broken.jpg") == "damaged JPEG picture")
        #expect(reason("/missing.png") == "HTTP 404 Not Found")
        #expect(reason("/huge.png") == "picture too large (more than 976 KB)")
        // Nothing that failed is cached.
        #expect(PictureCache(directory: folder, limitBytes: 10_000_000).totalBytes == 0)
    }
}
