import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 and a random port, for the fetch tests: POSIX sockets,
/// a thread per connection, `Connection: close` on every response. Routes are closures; the
/// server logs every request it gets and every body byte it sends.
final class LoopbackServer: @unchecked Sendable {
    struct Request: Sendable {
        var method: String
        var path: String
        var headers: [String: String]
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    struct Response: Sendable {
        var status: Int
        var headers: [String: String] = [:]
        var body: Data = Data()
        /// Never answer: hold the connection open until the server stops.
        var hang = false
        /// Send the headers and half the body, then hold the connection open.
        var stallBody = false
        /// Streamed after `body`, as long as the client reads: `count` copies of `unit`, then
        /// `suffix` (bombs of any size without holding them in memory).
        var repeated: (unit: Data, count: Int, suffix: Data)?
        /// Seconds between body bytes (a drip server): each byte of `body` is sent on its own.
        var drip: TimeInterval?
        /// No `Content-Length`: the body ends when the connection closes.
        var closeDelimited = false

        static func ok(_ body: String, type: String = "text/html; charset=utf-8") -> Response {
            Response(status: 200, headers: ["Content-Type": type], body: Data(body.utf8))
        }
        static func ok(_ body: Data, type: String) -> Response {
            Response(status: 200, headers: ["Content-Type": type], body: body)
        }
        static func status(_ status: Int, headers: [String: String] = [:]) -> Response {
            Response(status: status, headers: headers, body: Data("status \(status)".utf8))
        }
        static func redirect(_ status: Int, to location: String) -> Response {
            Response(status: status, headers: ["Location": location])
        }
    }

    struct LogEntry: Sendable {
        var request: Request
        var status: Int
        var bodyBytes: Int
    }

    private let lock = NSLock()
    private var listener: Int32 = -1
    private(set) var port: UInt16 = 0
    private var routes: [String: @Sendable (Request) -> Response] = [:]
    private var entries: [LogEntry] = []
    private var stopped = false
    private var open: Set<Int32> = []
    private var inFlight = 0
    private var inFlightByHost: [String: Int] = [:]
    private(set) var peakInFlight = 0
    private(set) var peakInFlightByHost: [String: Int] = [:]
    /// Added to every response, to let requests overlap (concurrency tests).
    var delay: TimeInterval = 0

    /// The loopback address the server listens on (any of 127/8, e.g. `127.0.0.2`).
    let address: String

    init(address: String = "127.0.0.1") throws {
        self.address = address
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr(self.address)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 128) == 0 else { close(listener); throw POSIXError(.EADDRINUSE) }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = UInt16(bigEndian: actual.sin_port)
        let thread = Thread { [weak self] in self?.acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    var base: String { "http://\(address):\(port)" }
    func url(_ path: String) -> URL { URL(string: base + path)! }

    func route(_ path: String, _ handler: @escaping @Sendable (Request) -> Response) {
        lock.lock(); defer { lock.unlock() }
        routes[path] = handler
    }

    /// Serves `text` at `path`.
    func serve(_ path: String, _ text: String, type: String = "text/html; charset=utf-8") {
        route(path) { _ in .ok(text, type: type) }
    }

    var log: [LogEntry] {
        lock.lock(); defer { lock.unlock() }
        return entries
    }

    func requests(to path: String) -> [LogEntry] { log.filter { $0.request.path == path } }

    func stop() {
        lock.lock()
        guard !stopped else { lock.unlock(); return }
        stopped = true
        let sockets = open
        lock.unlock()
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for socket in sockets { shutdown(socket, Int32(SHUT_RDWR)) }
    }

    // MARK: - Serving

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            lock.lock()
            let isStopped = stopped
            if client >= 0 && !isStopped { open.insert(client) }
            lock.unlock()
            if isStopped {
                if client >= 0 { close(client) }
                return
            }
            guard client >= 0 else { continue }
            let thread = Thread { [weak self] in
                self?.handle(client)
                close(client)
            }
            thread.start()
        }
    }

    private func handle(_ client: Int32) {
        defer {
            lock.lock()
            open.remove(client)
            lock.unlock()
        }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 8192)
        var received = Data()
        while received.range(of: Data("\r\n\r\n".utf8)) == nil && received.count < 65536 {
            let count = recv(client, &buffer, buffer.count, 0)
            if count <= 0 { return }
            received.append(contentsOf: buffer[0..<count])
        }
        guard let request = Self.parse(received) else { return }
        let host = request.header("host") ?? ""
        lock.lock()
        let handler = routes[request.path]
        inFlight += 1
        inFlightByHost[host, default: 0] += 1
        peakInFlight = max(peakInFlight, inFlight)
        peakInFlightByHost[host] = max(peakInFlightByHost[host] ?? 0, inFlightByHost[host]!)
        let wait = delay
        lock.unlock()
        var left = false
        /// Out of flight once the answer is ready to go: the client cannot start its next
        /// request before it has this one.
        func leave() {
            guard !left else { return }
            left = true
            lock.lock()
            inFlight -= 1
            inFlightByHost[host, default: 1] -= 1
            lock.unlock()
        }
        defer { leave() }
        if wait > 0 { Thread.sleep(forTimeInterval: wait) }
        let response = handler?(request) ?? .status(404)
        if response.hang {
            record(LogEntry(request: request, status: 0, bodyBytes: 0))
            while recv(client, &buffer, buffer.count, 0) > 0 {}
            return
        }
        let body = request.method == "HEAD" || response.status == 304 ? Data() : response.body
        var head = "HTTP/1.1 \(response.status) \(Self.phrase(response.status))\r\n"
        var headers = response.headers
        let streamed = response.repeated.map { $0.unit.count * $0.count + $0.suffix.count } ?? 0
        if !response.closeDelimited { headers["Content-Length"] = headers["Content-Length"] ?? String(body.count + streamed) }
        headers["Connection"] = "close"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        var bytes = Data(head.utf8)
        if response.drip == nil { bytes.append(response.stallBody ? body.prefix(body.count / 2) : body) }
        record(LogEntry(request: request, status: response.status, bodyBytes: body.count))
        leave()
        guard Self.send(bytes, to: client) else { return }
        if let pause = response.drip {
            for byte in body {
                Thread.sleep(forTimeInterval: pause)
                guard Self.send(Data([byte]), to: client) else { return }
            }
        }
        if let repeated = response.repeated, request.method != "HEAD" {
            var sent = 0
            for _ in 0..<repeated.count {
                guard Self.send(repeated.unit, to: client) else { break }
                sent += repeated.unit.count
            }
            if sent == repeated.unit.count * repeated.count { _ = Self.send(repeated.suffix, to: client) }
            streamedBytes(sent)
        }
        if response.stallBody { while recv(client, &buffer, buffer.count, 0) > 0 {} }
    }

    /// Every byte of `data`; false when the client has gone.
    private static func send(_ data: Data, to client: Int32) -> Bool {
        data.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let count = Glibc.send(client, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                if count <= 0 { return false }
                sent += count
            }
            return true
        }
    }

    /// Bytes of `repeated` bodies sent before the client stopped reading (or all of them).
    private(set) var streamed = 0

    private func streamedBytes(_ count: Int) {
        lock.lock(); defer { lock.unlock() }
        streamed += count
    }

    private func record(_ entry: LogEntry) {
        lock.lock(); defer { lock.unlock() }
        entries.append(entry)
    }

    static func parse(_ data: Data) -> Request? {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Request(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers)
    }

    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 304: return "Not Modified"
        case 308: return "Permanent Redirect"
        case 404: return "Not Found"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}

// MARK: - gzip

/// gzip with stored (uncompressed) deflate blocks: a valid gzip stream without a compressor,
/// enough to test that the client undoes `Content-Encoding: gzip`.
enum Gzip {
    static func wrap(_ data: Data) -> Data {
        var out = Data([0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF])
        var offset = 0
        repeat {
            let chunk = data[data.startIndex + offset ..< data.startIndex + min(data.count, offset + 65535)]
            offset += chunk.count
            out.append(offset >= data.count ? 0x01 : 0x00)
            let length = UInt16(chunk.count)
            out.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)])
            out.append(chunk)
        } while offset < data.count
        let crc = crc32(data)
        let size = UInt32(truncatingIfNeeded: data.count)
        for value in [crc, size] {
            out.append(contentsOf: [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)])
        }
        return out
    }

    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }
}
