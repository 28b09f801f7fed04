import Foundation

/// One GET, as a caller of any kind (feed, page, image) asks it: what it accepts, how large
/// a body it takes, and where it may connect.
public struct HTTPRequest: Sendable {
    public var url: URL
    /// The `Accept` header.
    public var accept: String
    /// The largest body after decoding; the transfer stops the moment it is passed.
    public var maximumBytes: Int
    /// The largest body as received (compressed); the same as `maximumBytes` unless set.
    public var maximumReceivedBytes: Int?
    /// Makes the request conditional (`If-None-Match`, `If-Modified-Since`).
    public var etag: String?
    public var lastModified: String?
    public var scope: AddressScope
    /// Overrides the client's total time-out for this request.
    public var totalTimeout: TimeInterval?

    public init(
        url: URL, accept: String, maximumBytes: Int, maximumReceivedBytes: Int? = nil, etag: String? = nil,
        lastModified: String? = nil, scope: AddressScope, totalTimeout: TimeInterval? = nil
    ) {
        self.url = url
        self.accept = accept
        self.maximumBytes = maximumBytes
        self.maximumReceivedBytes = maximumReceivedBytes
        self.etag = etag
        self.lastModified = lastModified
        self.scope = scope
        self.totalTimeout = totalTimeout
    }
}

/// GET over libcurl (see `CurlTransfer` for why not `URLSession`), with the limits a feed
/// reader needs on a hostile network.
///
/// - only `http` and `https`, on every hop of a redirect;
/// - redirects are followed here, one transfer a hop, up to `maximumRedirects`, so a loop is
///   named as one, each hop's addresses are checked, and a chain of permanent redirects (301,
///   308) is reported (`permanentlyMovedTo`);
/// - the address rule (`AddressScope`, `AddressRule`): names resolved by the rule's resolver,
///   addresses the scope refuses dropped, and each socket's address checked again as libcurl
///   opens it, before anything is sent;
/// - the body streams in under two running limits, decoded and received bytes, and memory
///   stays within the limit whatever the server sends;
/// - a connect time-out, a minimum rate (fewer than `lowSpeedBytes` in `lowSpeedSeconds`
///   drops the server) and a total time-out; cancelling the task stops the transfer;
/// - a conditional GET sends `If-None-Match` / `If-Modified-Since`; a 304 comes back as a
///   response with no body;
/// - `429` and `503` with a short `Retry-After` are waited out and tried once more;
/// - at most `concurrentFetches` requests at once and `fetchesPerHost` to one host.
public final class HTTPClient: Sendable {
    public let limits: FetchLimits
    public let userAgent: String
    public let addressRule: AddressRule
    let limiter: FetchLimiter

    public init(limits: FetchLimits = FetchLimits(), userAgent: String, addressRule: AddressRule = AddressRule()) {
        self.limits = limits
        self.userAgent = userAgent
        self.addressRule = addressRule
        self.limiter = FetchLimiter(total: limits.concurrentFetches, perHost: limits.fetchesPerHost)
    }

    /// GETs `url`. `etag` and `lastModified` make it conditional. The scope has no default:
    /// every caller says whose word the URL is (`.userNamed`, or `AddressScope.namedBy` the
    /// response that named it).
    public func get(
        _ url: URL, etag: String? = nil, lastModified: String? = nil, maximumBytes: Int, accept: String,
        scope: AddressScope
    ) async -> Result<HTTPResponse, FetchFailure> {
        await get(HTTPRequest(url: url, accept: accept, maximumBytes: maximumBytes, etag: etag, lastModified: lastModified, scope: scope))
    }

    public func get(_ request: HTTPRequest) async -> Result<HTTPResponse, FetchFailure> {
        let url = request.url
        guard Self.isFetchable(url) else {
            return .failure(FetchFailure("only http and https URLs are fetched, not \(Self.shortDescription(url))"))
        }
        let totalTimeout = request.totalTimeout ?? limits.totalTimeout
        // The total time-out runs from when the request gets its connection slot, not from when
        // it joined the queue: many feeds on one host wait their turn (2 at a time), and waiting
        // in line is not the server being slow.
        var started: Date?
        var scope = request.scope
        var current = url
        var visited = [url]
        var allPermanent: Bool?
        var retried = false
        while true {
            var headers = ["Accept: \(request.accept)"]
            if current == url {
                if let etag = request.etag { headers.append("If-None-Match: \(etag)") }
                if let lastModified = request.lastModified { headers.append("If-Modified-Since: \(lastModified)") }
            }
            let host = current.host?.lowercased() ?? ""
            await limiter.acquire(host: host)
            let start = started ?? Date()
            started = start
            let deadline = start.addingTimeInterval(totalTimeout)
            let hop = await perform(current, headers: headers, request: request, scope: scope, deadline: deadline, totalTimeout: totalTimeout)
            await limiter.release(host: host)

            let response: CurlTransfer.Response
            switch hop {
            case .failure(let failure): return .failure(failure)
            case .success(let received): response = received
            }
            // What the user named is trusted; what a public server names is not.
            if scope == .userNamed { scope = AddressScope.namedBy(response.remoteAddress, rule: addressRule) }
            let status = response.status
            let headerFields = response.headers

            if (300...399).contains(status) && status != 304 {
                guard let location = headerFields["location"],
                      let next = URL(string: location.trimmingCharacters(in: .whitespaces), relativeTo: current)?.absoluteURL
                else { return .failure(FetchFailure("HTTP \(status) redirect without a Location")) }
                guard Self.isFetchable(next) else {
                    return .failure(FetchFailure("redirect to \(Self.shortDescription(next)) refused: only http and https URLs are fetched"))
                }
                if visited.contains(next) {
                    return .failure(FetchFailure("redirect loop (\(current.absoluteString) → \(next.absoluteString))"))
                }
                if visited.count > limits.maximumRedirects {
                    return .failure(FetchFailure("too many redirects (more than \(limits.maximumRedirects))"))
                }
                allPermanent = (allPermanent ?? true) && (status == 301 || status == 308)
                visited.append(next)
                current = next
                continue
            }

            if status == 429 || status == 503 {
                let phrase = status == 429 ? "Too Many Requests" : "Service Unavailable"
                guard let retryAt = headerFields["retry-after"].flatMap(Self.retryDate) else {
                    return .failure(FetchFailure("HTTP \(status) \(phrase)"))
                }
                let wait = retryAt.timeIntervalSinceNow
                if !retried && wait <= limits.maximumRetryWait && Date().addingTimeInterval(wait) < deadline {
                    retried = true
                    if wait > 0 { try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000)) }
                    continue
                }
                return .failure(FetchFailure(
                    "HTTP \(status) \(phrase); the server asks to wait until \(Self.describe(retryAt))", retryAfter: retryAt))
            }
            if status >= 400 {
                return .failure(FetchFailure("HTTP \(status) \(Self.phrase(status))"))
            }
            return .success(HTTPResponse(
                status: status, headers: headerFields, body: status == 304 ? Data() : response.body, url: current,
                permanentlyMovedTo: allPermanent == true ? current : nil, remoteAddress: response.remoteAddress))
        }
    }

    // MARK: - One hop

    private func perform(
        _ url: URL, headers: [String], request: HTTPRequest, scope: AddressScope, deadline: Date, totalTimeout: TimeInterval
    ) async -> Result<CurlTransfer.Response, FetchFailure> {
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else { return .failure(FetchFailure("timed out after \(Self.seconds(totalTimeout))")) }
        let rule = addressRule
        let hostText = url.host ?? ""
        let port = url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80)
        let base = CurlTransfer.Request(
            url: url, headers: headers, userAgent: userAgent,
            maximumBytes: request.maximumBytes, maximumReceivedBytes: request.maximumReceivedBytes ?? request.maximumBytes,
            connectTimeout: limits.connectTimeout, timeout: remaining, totalTimeout: totalTimeout,
            lowSpeedBytes: limits.lowSpeedBytes, lowSpeedSeconds: limits.lowSpeedSeconds, resolved: nil,
            allows: { rule.allows($0, in: scope) },
            refusal: { Self.refusal(host: hostText, address: $0, rule: rule) })
        let box = TransferBox()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<CurlTransfer.Response, FetchFailure>, Never>) in
                // libcurl's easy interface blocks: one thread a transfer, at most `concurrentFetches` of them.
                let thread = Thread {
                    var transferRequest = base
                    if NetworkAddress(hostText) == nil {
                        switch Self.resolve(hostText, port: port, scope: scope, rule: rule) {
                        case .failure(let failure):
                            continuation.resume(returning: .failure(failure))
                            return
                        case .success(let addresses):
                            transferRequest.resolved = addresses
                        }
                    }
                    let transfer = CurlTransfer(transferRequest)
                    guard box.start(transfer) else {
                        continuation.resume(returning: .failure(FetchFailure("cancelled")))
                        return
                    }
                    continuation.resume(returning: transfer.perform())
                }
                thread.stackSize = 1 << 20
                thread.start()
            }
        } onCancel: {
            box.cancel()
        }
    }

    /// The host's addresses the scope lets through; a failure naming the host and the kind of
    /// address when it lets none.
    static func resolve(_ host: String, port: Int, scope: AddressScope, rule: AddressRule) -> Result<[NetworkAddress], FetchFailure> {
        let all: [NetworkAddress]
        do {
            all = try rule.resolver.addresses(of: host, port: port)
        } catch let failure as FetchFailure {
            return .failure(failure)
        } catch {
            return .failure(FetchFailure("cannot find host \(host) (DNS)"))
        }
        let allowed = all.filter { rule.allows($0, in: scope) }
        guard !allowed.isEmpty else {
            guard let first = all.first else { return .failure(FetchFailure("cannot find host \(host) (DNS)")) }
            return .failure(FetchFailure(refusal(host: host, address: first, rule: rule), isRefusal: true))
        }
        return .success(allowed)
    }

    /// `refused: intranet.example is 10.0.0.5, a private address (…)`.
    static func refusal(host: String, address: NetworkAddress, rule: AddressRule) -> String {
        let subject = NetworkAddress(host) != nil ? "\(address)" : "\(host) is \(address)"
        return "refused: \(subject), a \(rule.classify(address).rawValue) address (only public addresses are fetched for what a public server names; allow_private_addresses in config.toml lifts this)"
    }

    // MARK: - Helpers

    static func isFetchable(_ url: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return false }
        return !(url.host ?? "").isEmpty
    }

    static func shortDescription(_ url: URL) -> String {
        url.scheme.map { "\($0): URLs" } ?? "'\(url.absoluteString.prefix(60))'"
    }

    /// `Retry-After: 120` or an HTTP date.
    static func retryDate(_ value: String) -> Date? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed), seconds >= 0 { return Date().addingTimeInterval(seconds) }
        return FeedDate(trimmed)?.date
    }

    static func describe(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func seconds(_ interval: TimeInterval) -> String {
        interval == interval.rounded() ? "\(Int(interval)) s" : String(format: "%.1f s", interval)
    }

    /// `Not Found` for 404.
    static func phrase(_ status: Int) -> String {
        switch status {
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 406: return "Not Acceptable"
        case 408: return "Request Timeout"
        case 410: return "Gone"
        case 429: return "Too Many Requests"
        case 451: return "Unavailable For Legal Reasons"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return status < 500 ? "Client Error" : "Server Error"
        }
    }
}

/// Hands a cancellation to the transfer whether it comes before or after the transfer starts.
final class TransferBox: @unchecked Sendable {
    private let lock = NSLock()
    private var transfer: CurlTransfer?
    private var cancelled = false

    /// False when cancelled already.
    func start(_ transfer: CurlTransfer) -> Bool {
        lock.lock(); defer { lock.unlock() }
        self.transfer = transfer
        return !cancelled
    }

    func cancel() {
        lock.lock()
        cancelled = true
        let transfer = self.transfer
        lock.unlock()
        transfer?.cancel()
    }
}
