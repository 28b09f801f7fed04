import BacaCore
import BacaStore
import BacaTestSupport
import Foundation
import Testing
@testable import BacaFeeds

/// A resolver for tests: names mapped to loopback addresses, so that a "public" name can
/// resolve to the user's own machine.
struct MapResolver: HostResolver {
    var names: [String: String]

    func addresses(of host: String, port: Int) throws -> [NetworkAddress] {
        guard let text = names[host.lowercased()], let address = NetworkAddress(text) else {
            throw FetchFailure("cannot find host \(host) (DNS)")
        }
        return [address]
    }
}

/// The hostile network, on loopback: compression bombs, a drip server, redirects and item
/// links that lead to private addresses, and a site's home page given as a feed.
///
/// The address rule is tested with two loopback addresses: 127.0.0.2 plays the public internet
/// (its classification is overridden) and 127.0.0.1 stays what it is, the user's own machine.
@Suite("A hostile network", .serialized)
struct HostileNetworkTests {
    static let megabyte = 1024 * 1024
    static let gigabyte = 1024 * megabyte

    /// `news.example` → 127.0.0.2 (public, for the test); `intranet.example` → 127.0.0.1.
    static func rule(allowsPrivate: Bool = false) -> AddressRule {
        AddressRule(
            resolver: MapResolver(names: ["news.example": "127.0.0.2", "intranet.example": "127.0.0.1"]),
            allowsPrivateAddresses: allowsPrivate,
            classify: { $0.description == "127.0.0.2" ? .public : $0.kind })
    }

    static func client(_ limits: FetchLimits = FetchLimits(), rule: AddressRule = rule()) -> HTTPClient {
        HTTPClient(limits: limits, userAgent: "baca/0.1.0 (test)", addressRule: rule)
    }

    // MARK: - Bombs

    @Test("the test's bombs are valid streams: a small one is read whole, gzip and deflate")
    func bombsAreValid() async throws {
        #expect(Bomb.crc32OfZeros(100_000) == Gzip.crc32(Data(count: 100_000)))
        let server = try LoopbackServer()
        defer { server.stop() }
        let gzip = Bomb.zeros(expandingTo: 2 * Self.megabyte, container: .gzip)
        let zlib = Bomb.zeros(expandingTo: 2 * Self.megabyte, container: .zlib)
        server.route("/gzip") { _ in gzip.response(type: "application/octet-stream", encoding: "gzip") }
        server.route("/deflate") { _ in zlib.response(type: "application/octet-stream", encoding: "deflate") }
        for (path, bomb) in [("/gzip", gzip), ("/deflate", zlib)] {
            let result = await Self.client().get(server.url(path), maximumBytes: 4 * Self.megabyte, accept: "*/*", scope: .userNamed)
            let response = try result.get()
            #expect(response.body.count == bomb.expanded)
            #expect(response.body.allSatisfy { $0 == 0 })
            #expect(bomb.compressedSize * 100 < bomb.expanded)
        }
        // What is asked for is what libcurl can undo: gzip and deflate, br and zstd when built in.
        let asked = Set((server.log.first?.request.header("accept-encoding") ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        })
        #expect(asked == Set(CurlTransfer.decodings), "\(asked)")
    }

    @Test("gzip and deflate bombs, feeds and pages, are refused with one line each, exit 1, under 100 MB")
    func bombsThroughTheCommand() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let baca = try BacaProcess()
        defer { baca.remove() }
        let gzip = Bomb.zeros(expandingTo: Self.gigabyte, container: .gzip)
        let zlib = Bomb.zeros(expandingTo: Self.gigabyte, container: .zlib)
        // 16 GB with no Content-Length: nothing announced to refuse it by.
        let endless = Bomb.zeros(expandingTo: 16 * Self.gigabyte, container: .gzip)
        server.route("/gzip.xml") { _ in gzip.response(type: "application/rss+xml", encoding: "gzip") }
        server.route("/deflate.xml") { _ in zlib.response(type: "application/rss+xml", encoding: "deflate") }
        server.route("/endless.xml") { _ in endless.response(type: "application/rss+xml", encoding: "gzip", closeDelimited: true) }
        server.route("/page-gzip.html") { _ in gzip.response(type: "text/html", encoding: "gzip") }
        server.route("/page-deflate.html") { _ in zlib.response(type: "text/html", encoding: "deflate") }
        server.serve("/pages.xml", """
            <rss version="2.0"><channel><title>Bom</title>
            <item><title>Satu</title><link>\(server.base)/page-gzip.html</link><guid>1</guid><description>Ringkasan satu.</description></item>
            <item><title>Dua</title><link>\(server.base)/page-deflate.html</link><guid>2</guid><description>Ringkasan dua.</description></item>
            </channel></rss>
            """, type: "application/rss+xml")
        for path in ["/gzip.xml", "/deflate.xml", "/endless.xml", "/pages.xml"] {
            #expect(try baca.run(["feed", "add", server.base + path]).status == 0)
        }

        let started = Date()
        // baca reports its own VmHWM at exit: a parent's `wait4` rusage would include the
        // parent's high-water mark, which a child started by `posix_spawn` (vfork) inherits.
        let fetch = try baca.run(["fetch"], environment: ["BACA_PEAK_MEMORY_REPORT": "1"])
        let peakLine = fetch.stderr.split(separator: "\n").first { $0.hasPrefix("baca: peak memory ") }
        let peakMemory = (peakLine?.split(separator: " ").dropFirst(3).first.flatMap { Int($0) } ?? 0) * 1024
        let elapsed = Date().timeIntervalSince(started)
        let lines = fetch.stdout.split(separator: "\n").map(String.init)
        #expect(fetch.status == 1)
        #expect(lines.contains("failed: body expanded past the limit of 10 MB (gzip)  \(server.base)/gzip.xml"), "\(lines)")
        #expect(lines.contains("failed: body expanded past the limit of 10 MB (deflate)  \(server.base)/deflate.xml"))
        #expect(lines.contains("failed: body expanded past the limit of 10 MB (gzip)  \(server.base)/endless.xml"))
        #expect(lines.contains("page refused: body expanded past the limit of 8 MB (gzip)  \(server.base)/page-gzip.html"))
        #expect(lines.contains("page refused: body expanded past the limit of 8 MB (deflate)  \(server.base)/page-deflate.html"))
        #expect(lines.contains("ok  2 new (2 summary only)  \(server.base)/pages.xml"))
        #expect(peakMemory > 0 && peakMemory < 100 * Self.megabyte, "\(fetch.stderr)")
        // Not a time limit (those are the benchmark's): the figure for docs/RELIABILITY.md.
        print("bombs: 5 refused, peak \(peakMemory / Self.megabyte) MB, \(String(format: "%.2f", elapsed)) s, "
              + "\(server.streamed / 1024) KB of \((gzip.compressedSize * 3 + zlib.compressedSize * 2 + endless.compressedSize) / 1024) KB sent")
        // The server stopped once the client closed: what it sent is what the kernel's buffers
        // took, a fraction of the bombs.
        #expect(server.streamed < (gzip.compressedSize * 2 + zlib.compressedSize * 2 + endless.compressedSize) / 2)
    }

    // MARK: - Time

    @Test("a server that drips a byte at a time is dropped by the minimum rate, well before the total time-out")
    func dripServer() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/drip.xml") { _ in
            var response = LoopbackServer.Response.ok(String(repeating: "x", count: 4096), type: "application/rss+xml")
            response.drip = 0.05
            return response
        }
        var limits = FetchLimits()
        limits.lowSpeedBytes = 1024
        limits.lowSpeedSeconds = 2
        limits.totalTimeout = 120
        let result = await Self.client(limits).get(server.url("/drip.xml"), maximumBytes: Self.megabyte, accept: "*/*", scope: .userNamed)
        #expect(result.failure?.reason == "too slow: fewer than 1024 bytes in 2 s")
        // The default window is at most 10 s, so a byte a second is dropped within 20 s.
        #expect(FetchLimits().lowSpeedSeconds <= 10 && FetchLimits().lowSpeedBytes > 10)
    }

    @Test("endless response headers are cut at their limit")
    func headerFlood() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        var headers: [String: String] = [:]
        for index in 0..<2000 { headers["X-Filler-\(index)"] = String(repeating: "h", count: 500) }
        let flood = headers
        server.route("/flood.xml") { _ in LoopbackServer.Response(status: 200, headers: flood, body: Data("x".utf8)) }
        let result = await Self.client().get(server.url("/flood.xml"), maximumBytes: Self.megabyte, accept: "*/*", scope: .userNamed)
        #expect(result.failure?.reason == "response headers over the limit of 256 KB")
    }

    @Test("cancelling the task stops a transfer under way")
    func cancellation() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/slow.xml") { _ in
            var response = LoopbackServer.Response.ok(String(repeating: "x", count: 100_000), type: "application/rss+xml")
            response.drip = 0.001
            return response
        }
        let client = Self.client()
        let task = Task { await client.get(server.url("/slow.xml"), maximumBytes: Self.megabyte, accept: "*/*", scope: .userNamed) }
        let deadline = Date().addingTimeInterval(20)
        while server.requests(to: "/slow.xml").isEmpty, Date() < deadline { try await Task.sleep(nanoseconds: 10_000_000) }
        #expect(!server.requests(to: "/slow.xml").isEmpty, "the request never reached the server")
        task.cancel()
        #expect(await task.value.failure?.reason == "cancelled")
    }

    // MARK: - Addresses

    @Test("addresses are told apart: loopback, private, link-local, reserved, public; IPv4 inside IPv6 too")
    func addressKinds() {
        let kinds: [(String, NetworkAddress.Kind)] = [
            ("127.0.0.1", .loopback), ("127.9.9.9", .loopback), ("::1", .loopback), ("::ffff:127.0.0.1", .loopback),
            ("10.1.2.3", .private), ("172.16.0.1", .private), ("172.31.255.255", .private), ("192.168.1.1", .private),
            ("100.64.0.1", .private), ("fd00::1", .private),
            ("169.254.169.254", .linkLocal), ("fe80::1%eth0", .linkLocal), ("::ffff:169.254.169.254", .linkLocal),
            ("0.0.0.0", .reserved), ("::", .reserved), ("224.0.0.1", .reserved), ("255.255.255.255", .reserved),
            ("192.0.2.1", .reserved), ("2001:db8::1", .reserved), ("64:ff9b::10.0.0.1", .private),
            ("93.184.216.34", .public), ("172.32.0.1", .public), ("8.8.8.8", .public), ("2606:4700::1111", .public),
            ("2002:0808:0808::1", .public), ("2002:7f00:0001::1", .loopback),
        ]
        for (text, kind) in kinds {
            #expect(NetworkAddress(text)?.kind == kind, "\(text)")
        }
        #expect(NetworkAddress("not-an-address") == nil)
    }

    @Test("a redirect chain that ends on a private address is refused before any connection to it")
    func redirectToPrivate() async throws {
        let outside = try LoopbackServer(address: "127.0.0.2")
        let inside = try LoopbackServer()
        defer { outside.stop(); inside.stop() }
        inside.serve("/secret", "the router's admin page")
        outside.route("/r1") { _ in .redirect(302, to: "/r2") }
        outside.route("/r2") { _ in .redirect(302, to: inside.url("/secret").absoluteString) }
        outside.route("/meta") { _ in .redirect(301, to: "http://169.254.169.254/latest/meta-data/") }
        outside.route("/by-name") { _ in .redirect(302, to: "http://intranet.example:\(inside.port)/secret") }
        let client = Self.client()
        let base = "http://news.example:\(outside.port)"

        for scope in [AddressScope.publicOnly, .userNamed] {
            let chain = await client.get(HTTPRequest(url: URL(string: base + "/r1")!, accept: "*/*", maximumBytes: 1000, scope: scope))
            #expect(chain.failure?.reason.hasPrefix("refused: 127.0.0.1, a loopback address") == true, "\(String(describing: chain.failure))")
            #expect(chain.failure?.isRefusal == true)
        }
        let metadata = await client.get(HTTPRequest(url: URL(string: base + "/meta")!, accept: "*/*", maximumBytes: 1000, scope: .publicOnly))
        #expect(metadata.failure?.reason.hasPrefix("refused: 169.254.169.254, a link-local address") == true)
        let byName = await client.get(HTTPRequest(url: URL(string: base + "/by-name")!, accept: "*/*", maximumBytes: 1000, scope: .publicOnly))
        #expect(byName.failure?.reason.hasPrefix("refused: intranet.example is 127.0.0.1, a loopback address") == true)
        #expect(inside.log.isEmpty, "nothing reached the private server")
        #expect(outside.requests(to: "/r2").count == 2)

        // The user's own choice stands: a URL the user names on loopback is fetched.
        let named = await client.get(HTTPRequest(url: inside.url("/secret"), accept: "*/*", maximumBytes: 1000, scope: .userNamed))
        #expect(named.success?.body == Data("the router's admin page".utf8))
        // And the setting lifts the rule.
        let allowed = await Self.client(rule: Self.rule(allowsPrivate: true))
            .get(HTTPRequest(url: URL(string: base + "/r1")!, accept: "*/*", maximumBytes: 1000, scope: .publicOnly))
        #expect(allowed.success?.status == 200)
    }

    @Test("a public feed whose items link to loopback is read without fetching those pages")
    func itemLinksToLoopback() async throws {
        let outside = try LoopbackServer(address: "127.0.0.2")
        let inside = try LoopbackServer()
        defer { outside.stop(); inside.stop() }
        inside.serve("/admin.html", "<html><body><article><p>internal</p></article></body></html>")
        inside.serve("/status.html", "<html><body><article><p>internal</p></article></body></html>")
        let page = Fixture.data("pages/jembatan.html")
        outside.route("/jembatan.html") { _ in .ok(page, type: "text/html") }
        outside.serve("/feed.xml", """
            <rss version="2.0"><channel><title>Kabar Luar</title>
            <item><title>Admin</title><link>\(inside.base)/admin.html</link><guid>a</guid><description>Satu.</description></item>
            <item><title>Status</title><link>http://intranet.example:\(inside.port)/status.html</link><guid>b</guid><description>Dua.</description></item>
            <item><title>Jembatan</title><link>http://news.example:\(outside.port)/jembatan.html</link><guid>c</guid></item>
            </channel></rss>
            """, type: "application/rss+xml")

        let store = try ArticleStore.inMemory()
        let feed = try store.addFeed(url: "http://news.example:\(outside.port)/feed.xml").feed
        let outcome = await FeedFetcher(store: store, client: Self.client()).fetch(feed)
        #expect(outcome.status == .fetched)
        #expect(outcome.newArticles == 3)
        #expect(outcome.summaryOnly == 2)
        #expect(outcome.refusedPages.map(\.url).sorted() == ["\(inside.base)/admin.html", "http://intranet.example:\(inside.port)/status.html"])
        #expect(inside.log.isEmpty, "no request reached the loopback server")
        #expect(outside.requests(to: "/jembatan.html").count == 1, "the public page was read")

        // With allow_private_addresses, the same feed's pages are read.
        let open = try ArticleStore.inMemory()
        let again = try open.addFeed(url: "http://news.example:\(outside.port)/feed.xml").feed
        let allowed = await FeedFetcher(store: open, client: Self.client(rule: Self.rule(allowsPrivate: true))).fetch(again)
        #expect(allowed.refusedPages.isEmpty)
        #expect(inside.log.count == 2)
    }

    // MARK: - Discovery

    @Test("feed add on a home page subscribes to the feed it names; several are listed; none is an error")
    func homePageDiscovery() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let baca = try BacaProcess()
        defer { baca.remove() }
        let rss = """
            <rss version="2.0"><channel><title>Kabar Situs</title>
            <item><title>Pertama</title><link>/missing.html</link><guid>p</guid><description>Isi pertama.</description></item>
            </channel></rss>
            """
        server.serve("/", """
            <!doctype html><html><head><title>Situs</title>
            <link rel="stylesheet" href="/gaya.css">
            <link rel="alternate" type="application/rss+xml" title="Kabar" href="/kabar.xml">
            </head><body><p>Beranda.</p></body></html>
            """)
        server.serve("/kabar.xml", rss, type: "application/rss+xml")
        let added = try baca.run(["feed", "add", server.base + "/"])
        #expect(added.status == 0)
        #expect(added.stdout == "added  1  \(server.base)/kabar.xml  (the feed of \(server.base)/)\n", "\(added.stdout)\(added.stderr)")
        #expect(try baca.run(["fetch"]).stdout.contains("ok  1 new (1 summary only)  \(server.base)/kabar.xml"))

        // A page that names none: the usual paths.
        server.serve("/blog/", "<!doctype html><html><head><title>Blog</title></head><body>Tulisan.</body></html>")
        server.serve("/feed", rss, type: "application/rss+xml")
        let usual = try baca.run(["feed", "add", server.base + "/blog/"])
        #expect(usual.stdout.hasPrefix("added  2  \(server.base)/feed  "), "\(usual.stdout)\(usual.stderr)")

        // Several: listed for the user to choose, nothing subscribed.
        server.serve("/dua.xml", rss.replacingOccurrences(of: "Kabar Situs", with: "Kabar Dua"), type: "application/rss+xml")
        server.serve("/ganda.html", """
            <html><head>
            <link rel="alternate" type="application/rss+xml" href="/kabar.xml">
            <link rel="alternate" type="application/atom+xml" href="dua.xml">
            </head><body></body></html>
            """)
        let several = try baca.run(["feed", "add", server.base + "/ganda.html"])
        #expect(several.status == 1)
        #expect(several.stdout.contains("baca feed add \(server.base)/kabar.xml  Kabar Situs"))
        #expect(several.stdout.contains("baca feed add \(server.base)/dua.xml  Kabar Dua"))

        // A page with no feed anywhere: an error, nothing subscribed.
        server.route("/feed") { _ in .status(404) }
        let none = try baca.run(["feed", "add", server.base + "/blog/"])
        #expect(none.status != 0)
        #expect(none.stderr.contains("no feed found at \(server.base)/blog/"), "\(none.stderr)")
        #expect(try baca.run(["feed", "list", "--json"]).stdout.split(separator: "\n").count == 2)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }

    var success: Success? {
        if case .success(let success) = self { return success }
        return nil
    }
}

/// `:feed add` in the real reader, on a site's home page.
@Suite("Feed discovery in the reader", .serialized)
struct ReaderFeedDiscoveryTests {
    @Test(":feed add on a home page subscribes to the feed the page names")
    func feedAddInTheReader() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.serve("/", """
            <!doctype html><html><head><title>Situs</title>
            <link rel="alternate" type="application/atom+xml" href="/atom.xml"></head><body>Beranda.</body></html>
            """)
        server.serve("/atom.xml", """
            <?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Kabar Atom</title>
            <id>urn:kabar</id><updated>2024-11-06T02:00:00Z</updated></feed>
            """, type: "application/atom+xml")
        let sandbox = try Sandbox()
        let tmux = try TmuxSession("'\(BacaBinary.url.path)'", columns: 120, rows: 30, sandbox: sandbox)
        try tmux.waitFor("0 artikel")
        try tmux.send(":")
        try tmux.type("feed add \(server.base)/")
        try tmux.send("Enter")
        try tmux.waitFor("Langganan ditambahkan")
        let list = try BacaBinary.run(["feed", "list", "--json"], sandbox: sandbox)
        #expect(list.stdout.contains(#""url":"\#(server.base)/atom.xml""#), "\(list.stdout)")
        #expect(server.requests(to: "/atom.xml").count == 1)
    }
}
