import CCurl
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One HTTP request (one hop, no redirects followed) over libcurl's easy interface, blocking
/// the calling thread, with every limit checked while the body streams in.
///
/// Why libcurl and not `URLSession`: on Linux, `URLSession` buffers what the server sends
/// without back-pressure, undoes gzip before the delegate sees a byte and never says how many
/// compressed bytes came, and does not tell which address it connected to. A 1 MB gzip body
/// that expands to 1 GB took 1.1 GB of memory before its limit could be applied. libcurl hands
/// over each decoded chunk of at most 16 KB as it decodes it (the write callback refuses the one
/// past the limit, and the transfer stops), counts the bytes on the wire (the progress
/// callback), drops slow servers (`CURLOPT_LOW_SPEED_*`), and lets us open each socket
/// ourselves (`CURLOPT_OPENSOCKETFUNCTION`), which is where the address rule is checked, before
/// a connection exists and so before any byte is sent.
final class CurlTransfer: @unchecked Sendable {
    struct Request: Sendable {
        var url: URL
        var headers: [String]
        var userAgent: String
        /// The largest body after decoding (gzip, deflate, br, zstd).
        var maximumBytes: Int
        /// The largest body as received.
        var maximumReceivedBytes: Int
        var connectTimeout: TimeInterval
        /// What is left of the request's total time.
        var timeout: TimeInterval
        /// The total time-out, for the message.
        var totalTimeout: TimeInterval
        var lowSpeedBytes: Int
        var lowSpeedSeconds: Int
        /// The addresses the host may be connected at, checked already (nil: connect to the
        /// URL's address literal, checked by the socket callback too).
        var resolved: [NetworkAddress]?
        /// Checked on the very address of every socket opened.
        var allows: @Sendable (NetworkAddress) -> Bool
        /// Why an address is refused, for the message.
        var refusal: @Sendable (NetworkAddress) -> String
    }

    struct Response {
        var status: Int
        /// Names lower-cased.
        var headers: [String: String]
        var body: Data
        /// The address connected to.
        var remoteAddress: NetworkAddress?
    }

    private let lock = NSLock()
    private let request: Request
    /// The body as it came, in libcurl's chunks (at most 16 KB each): no buffer doubles and
    /// copies itself as it grows, so a transfer never holds much more than its limit.
    private var chunks: [Data] = []
    private var bodyBytes = 0
    private var headers: [String: String] = [:]
    private var failure: String?
    /// `failure` is the body passing its limit (`FetchFailure.isBodyTooLarge`).
    private var bodyTooLarge = false
    private var cancelled = false
    private var answered = false
    private var headerBytes = 0
    /// Response headers, all lines together: more is a hostile server, not a web site.
    static let maximumHeaderBytes = 256 * 1024
    private var timedOut = false
    private let started = Date()

    init(_ request: Request) {
        self.request = request
    }

    /// Asks a running transfer to stop (`perform` then returns "cancelled").
    func cancel() {
        lock.lock(); defer { lock.unlock() }
        cancelled = true
    }

    private var isCancelled: Bool {
        lock.lock(); defer { lock.unlock() }
        return cancelled
    }

    /// libcurl opened (the first fetch opens it: the reader's start does not) and its
    /// process-wide set-up done, once, before any thread uses it: nil, or why not (a one-line
    /// message naming the missing library).
    private static let unavailable: String? = {
        if let message = baca_curl_open() { return String(cString: message) }
        return curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK ? nil : "cannot start libcurl"
    }()

    /// The encodings this libcurl undoes, and so advertises in `Accept-Encoding`.
    static var decodings: [String] {
        guard unavailable == nil, let info = baca_curl_version_info()?.pointee else { return ["gzip", "deflate"] }
        var names = ["gzip", "deflate"]
        if info.features & CURL_VERSION_BROTLI != 0 { names.append("br") }
        if info.features & CURL_VERSION_ZSTD != 0 { names.append("zstd") }
        return names
    }

    /// Runs the request on the calling thread.
    func perform() -> Result<Response, FetchFailure> {
        if let reason = Self.unavailable { return .failure(FetchFailure(reason)) }
        guard let handle = curl_easy_init() else { return .failure(FetchFailure("cannot start libcurl")) }
        defer { curl_easy_cleanup(handle) }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }
        var list: UnsafeMutablePointer<curl_slist>?
        for header in request.headers { list = curl_slist_append(list, header) }
        defer { curl_slist_free_all(list) }
        var resolveList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(resolveList) }

        let host = request.url.host ?? ""
        let port = request.url.port ?? (request.url.scheme?.lowercased() == "https" ? 443 : 80)
        if let resolved = request.resolved, !resolved.isEmpty {
            // libcurl connects to these and never asks a resolver of its own.
            let addresses = resolved.map { $0.isIPv4 ? $0.description : "[\($0.description)]" }.joined(separator: ",")
            let bareHost = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
            resolveList = curl_slist_append(resolveList, "\(bareHost):\(port):\(addresses)")
        }

        let context = Unmanaged.passUnretained(self).toOpaque()
        baca_curl_set_string(handle, CURLOPT_URL, request.url.absoluteString)
        baca_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        baca_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        baca_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
        // A proxy would be the only address ever connected to; the address rule could not hold.
        baca_curl_set_string(handle, CURLOPT_PROXY, "")
        baca_curl_set_string(handle, CURLOPT_USERAGENT, request.userAgent)
        baca_curl_set_list(handle, CURLOPT_HTTPHEADER, list)
        baca_curl_set_list(handle, CURLOPT_RESOLVE, resolveList)
        // "" asks for every encoding this libcurl can undo (gzip, deflate, and br, zstd when built in).
        baca_curl_set_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        baca_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        baca_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(min(request.connectTimeout, request.timeout)))
        baca_curl_set_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(request.timeout))
        baca_curl_set_long(handle, CURLOPT_LOW_SPEED_LIMIT, max(1, request.lowSpeedBytes / max(1, request.lowSpeedSeconds)))
        baca_curl_set_long(handle, CURLOPT_LOW_SPEED_TIME, max(1, request.lowSpeedSeconds))
        baca_curl_set_offset(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.maximumReceivedBytes))
        baca_curl_set_pointer(handle, CURLOPT_WRITEDATA, context)
        baca_curl_set_write_function(handle, curlWrite)
        baca_curl_set_pointer(handle, CURLOPT_HEADERDATA, context)
        baca_curl_set_header_function(handle, curlHeader)
        baca_curl_set_long(handle, CURLOPT_NOPROGRESS, 0)
        baca_curl_set_pointer(handle, CURLOPT_XFERINFODATA, context)
        baca_curl_set_progress_function(handle, curlProgress)
        baca_curl_set_pointer(handle, CURLOPT_OPENSOCKETDATA, context)
        baca_curl_set_open_socket_function(handle, curlOpenSocket)

        let code = curl_easy_perform(handle)
        defer { releaseMemory() }

        var connected: UnsafeMutablePointer<CChar>?
        baca_curl_get_string(handle, CURLINFO_PRIMARY_IP, &connected)
        let remoteAddress = connected.flatMap { NetworkAddress(String(cString: $0)) }

        lock.lock(); defer { lock.unlock() }
        if let failure { return .failure(FetchFailure(failure, isRefusal: !timedOut, isBodyTooLarge: bodyTooLarge)) }
        if cancelled { return .failure(FetchFailure("cancelled")) }
        guard code == CURLE_OK else {
            let reason = describe(code, message: String(cString: errorBuffer), handle: handle, host: host)
            let tooLarge = code == CURLE_FILESIZE_EXCEEDED
            return .failure(FetchFailure(reason, isRefusal: tooLarge, isBodyTooLarge: tooLarge))
        }
        var status = 0
        baca_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var body = Data(capacity: bodyBytes)
        for chunk in chunks { body.append(chunk) }
        chunks = []
        return .success(Response(status: status, headers: headers, body: body, remoteAddress: remoteAddress))
    }

    /// Hands the memory of a large body back to the system. Each transfer runs on a thread of
    /// its own, and glibc gives threads arenas of their own: without this, the 16 KB chunks of
    /// one refused bomb after another stay in the process as freed but unreturned memory, and
    /// five bombs in a row took 111 MB where two at a time should take 70.
    private func releaseMemory() {
        lock.lock()
        let large = bodyBytes >= 1024 * 1024
        lock.unlock()
        if large { baca_release_free_memory() }
    }

    // MARK: - Callbacks

    /// A decoded chunk of the body; returning less than its size stops the transfer.
    fileprivate func receive(_ chunk: UnsafeRawBufferPointer) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard !cancelled, failure == nil else { return false }
        if bodyBytes + chunk.count > request.maximumBytes {
            chunks = []
            bodyBytes = request.maximumBytes
            let limit = Self.size(request.maximumBytes)
            if let encoding = headers["content-encoding"], !encoding.isEmpty, encoding.lowercased() != "identity" {
                failure = "body expanded past the limit of \(limit) (\(encoding.lowercased()))"
            } else {
                failure = "body over the limit of \(limit)"
            }
            bodyTooLarge = true
            return false
        }
        chunks.append(Data(chunk))
        bodyBytes += chunk.count
        return true
    }

    /// One header line (the status line included); false stops the transfer.
    fileprivate func header(_ line: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        headerBytes += line.utf8.count
        if headerBytes > Self.maximumHeaderBytes {
            failure = "response headers over the limit of \(Self.size(Self.maximumHeaderBytes))"
            headers = [:]
            return false
        }
        if line.hasPrefix("HTTP/") {
            answered = true
            headers = [:]  // a 100 Continue before the real answer
            return true
        }
        guard let colon = line.firstIndex(of: ":") else { return true }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        headers[name] = headers[name].map { $0 + ", " + value } ?? value
        return true
    }

    /// Bytes received so far, on the wire (before decoding); false stops the transfer.
    fileprivate func progress(received: Int64) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard !cancelled, failure == nil else { return false }
        if received > Int64(request.maximumReceivedBytes) {
            chunks = []
            bodyBytes = max(bodyBytes, Int(received))
            failure = "body over the limit of \(Self.size(request.maximumReceivedBytes)) received"
            bodyTooLarge = true
            return false
        }
        // A server that accepts and never answers.
        let patience = min(request.connectTimeout, request.timeout)
        if !answered && Date().timeIntervalSince(started) > patience {
            failure = "no answer within \(HTTPClient.seconds(patience)) (connect time-out)"
            timedOut = true
            return false
        }
        return true
    }

    /// The address rule, on the very address a socket is about to be opened for.
    fileprivate func mayConnect(to address: NetworkAddress?) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard !cancelled else { return false }
        guard let address else {
            failure = "refused to connect: an address of an unknown kind"
            return false
        }
        guard request.allows(address) else {
            failure = request.refusal(address)
            return false
        }
        return true
    }

    // MARK: - Messages

    private func describe(_ code: CURLcode, message: String, handle: UnsafeMutableRawPointer, host: String) -> String {
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            if message.lowercased().contains("too slow") {
                return "too slow: fewer than \(request.lowSpeedBytes) bytes in \(request.lowSpeedSeconds) s"
            }
            var connectTime: curl_off_t = 0
            baca_curl_get_offset(handle, CURLINFO_CONNECT_TIME_T, &connectTime)
            if connectTime == 0 && message.lowercased().contains("connect") {
                return "cannot connect to \(host) within \(HTTPClient.seconds(min(request.connectTimeout, request.timeout))) (connect time-out)"
            }
            return "timed out after \(HTTPClient.seconds(request.totalTimeout))"
        case CURLE_FILESIZE_EXCEEDED:
            var announced: curl_off_t = -1
            baca_curl_get_offset(handle, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &announced)
            let detail = announced > 0 ? " (\(Self.size(Int(announced))) announced)" : ""
            return "body over the limit of \(Self.size(request.maximumReceivedBytes))\(detail)"
        case CURLE_COULDNT_RESOLVE_HOST: return "cannot find host \(host) (DNS)"
        case CURLE_COULDNT_CONNECT: return "cannot connect to \(host) (connection refused)"
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE:
            return "TLS failure with \(host) (\(message.isEmpty ? "handshake failed" : message))"
        case CURLE_GOT_NOTHING: return "\(host) closed the connection without an answer"
        case CURLE_RECV_ERROR, CURLE_PARTIAL_FILE: return "the connection to \(host) was lost"
        case CURLE_BAD_CONTENT_ENCODING: return "bad compressed body from \(host) (\(message))"
        case CURLE_WEIRD_SERVER_REPLY: return "bad response from \(host)"
        case CURLE_UNSUPPORTED_PROTOCOL: return "only http and https URLs are fetched"
        case CURLE_ABORTED_BY_CALLBACK, CURLE_WRITE_ERROR: return "cancelled"
        default:
            let text = message.isEmpty ? String(cString: curl_easy_strerror(code)) : message
            return "\(text) (libcurl \(code.rawValue))"
        }
    }

    static func milliseconds(_ interval: TimeInterval) -> Int {
        max(1, Int((interval * 1000).rounded(.up)))
    }

    /// `10 MB`, `512 KB`, `100 bytes`.
    static func size(_ bytes: Int) -> String {
        if bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 { return "\(bytes / (1024 * 1024)) MB" }
        if bytes >= 1024 && bytes % 1024 == 0 { return "\(bytes / 1024) KB" }
        return "\(bytes) bytes"
    }
}

// MARK: - C callbacks (no captures: the transfer comes back through the context pointer)

private func transfer(_ context: UnsafeMutableRawPointer?) -> CurlTransfer? {
    context.map { Unmanaged<CurlTransfer>.fromOpaque($0).takeUnretainedValue() }
}

private let curlWrite: baca_curl_data_callback = { data, size, count, context in
    let length = size * count
    guard let transfer = transfer(context) else { return 0 }
    guard length > 0, let data else { return length }
    return transfer.receive(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

private let curlHeader: baca_curl_data_callback = { data, size, count, context in
    let length = size * count
    guard let transfer = transfer(context), let data else { return length }
    let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
    return transfer.header(line) ? length : 0
}

private let curlProgress: baca_curl_progress_callback = { context, _, downloadNow, _, _ in
    guard let transfer = transfer(context) else { return 1 }
    return transfer.progress(received: Int64(downloadNow)) ? 0 : 1
}

private let curlOpenSocket: baca_curl_open_socket_callback = { context, purpose, address in
    guard let transfer = transfer(context), let address, purpose == CURLSOCKTYPE_IPCXN else { return baca_curl_socket_bad() }
    let offset = MemoryLayout<curl_sockaddr>.offset(of: \curl_sockaddr.addr) ?? 16
    let socketAddress = UnsafeRawPointer(address).advanced(by: offset).assumingMemoryBound(to: sockaddr.self)
    guard transfer.mayConnect(to: NetworkAddress(socketAddress: socketAddress)) else { return baca_curl_socket_bad() }
    return socket(address.pointee.family, address.pointee.socktype, address.pointee.protocol)
}
