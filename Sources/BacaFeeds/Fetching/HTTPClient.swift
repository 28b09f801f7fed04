import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// GET over `URLSession`, with the limits a feed reader needs.
///
/// - only `http` and `https`, on every hop of a redirect;
/// - redirects are followed here, not by the session, up to `maximumRedirects`, so a loop is
///   named as one and a chain of permanent redirects (301, 308) is reported
///   (`permanentlyMovedTo`);
/// - a conditional GET sends `If-None-Match` / `If-Modified-Since`; a 304 comes back as a
///   response with no body;
/// - gzip (and deflate) bodies are undone by the session (libcurl), and the size limit counts
///   the undone bytes, so a small bomb cannot fill memory;
/// - a connect time-out (until the response headers) and a total one;
/// - `429` and `503` with a short `Retry-After` are waited out and tried once more;
/// - at most `concurrentFetches` requests at once and `fetchesPerHost` to one host.
public final class HTTPClient: Sendable {
    public let limits: FetchLimits
    public let userAgent: String
    let limiter: FetchLimiter
    private let session: URLSession
    private let delegate: SessionDelegate

    public init(limits: FetchLimits = FetchLimits(), userAgent: String) {
        self.limits = limits
        self.userAgent = userAgent
        self.limiter = FetchLimiter(total: limits.concurrentFetches, perHost: limits.fetchesPerHost)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        // The session's own time-outs are a backstop only, later than ours (`perform`), which
        // name the limit that was hit. (libcurl's Foundation counts them in whole seconds.)
        configuration.timeoutIntervalForRequest = Self.backstop(limits)
        configuration.timeoutIntervalForResource = Self.backstop(limits)
        configuration.httpMaximumConnectionsPerHost = max(1, limits.fetchesPerHost)
        let delegate = SessionDelegate()
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        self.delegate = delegate
        self.session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: queue)
    }

    deinit {
        session.invalidateAndCancel()
    }

    /// GETs `url`. `etag` and `lastModified` make it conditional.
    public func get(
        _ url: URL, etag: String? = nil, lastModified: String? = nil, maximumBytes: Int, accept: String
    ) async -> Result<HTTPResponse, FetchFailure> {
        guard Self.isFetchable(url) else {
            return .failure(FetchFailure("only http and https URLs are fetched, not \(Self.shortDescription(url))"))
        }
        let deadline = Date().addingTimeInterval(limits.totalTimeout)
        var current = url
        var visited = [url]
        var allPermanent: Bool?
        var retried = false
        while true {
            var request = URLRequest(url: current)
            request.httpMethod = "GET"
            request.cachePolicy = .reloadIgnoringLocalCacheData
            request.timeoutInterval = Self.backstop(limits)
            request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
            request.setValue(accept, forHTTPHeaderField: "Accept")
            if current == url {
                if let etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
                if let lastModified { request.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }
            }
            let host = current.host?.lowercased() ?? ""
            await limiter.acquire(host: host)
            let hop = await perform(request, deadline: deadline, maximumBytes: maximumBytes)
            await limiter.release(host: host)

            let response: HTTPURLResponse
            let body: Data
            switch hop {
            case .failure(let failure): return .failure(failure)
            case .success(let (received, data)):
                response = received
                body = data
            }
            let status = response.statusCode
            let headers = Self.headers(of: response)

            if (300...399).contains(status) && status != 304 {
                guard let location = headers["location"],
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
                guard let retryAt = headers["retry-after"].flatMap(Self.retryDate) else {
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
                return .failure(FetchFailure("HTTP \(status) \(HTTPURLResponse.localizedString(forStatusCode: status).capitalizedPhrase)"))
            }
            return .success(HTTPResponse(
                status: status, headers: headers, body: body, url: current,
                permanentlyMovedTo: allPermanent == true ? current : nil))
        }
    }

    // MARK: - One request

    private func perform(_ request: URLRequest, deadline: Date, maximumBytes: Int) async -> Result<(HTTPURLResponse, Data), FetchFailure> {
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else { return .failure(FetchFailure("timed out after \(Self.seconds(limits.totalTimeout))")) }
        let task = session.dataTask(with: request)
        let transfer = Transfer(limit: maximumBytes)
        let connectTimeout = min(limits.connectTimeout, remaining)
        let totalTimeout = limits.totalTimeout
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<(HTTPURLResponse, Data), FetchFailure>, Never>) in
                transfer.continuation = continuation
                delegate.register(task, transfer)
                DispatchQueue.global().asyncAfter(deadline: .now() + connectTimeout) { [weak task] in
                    if transfer.cancelIfNoResponse("no answer within \(Self.seconds(connectTimeout)) (connect time-out)") {
                        task?.cancel()
                    }
                }
                DispatchQueue.global().asyncAfter(deadline: .now() + remaining) { [weak task] in
                    if transfer.cancel("timed out after \(Self.seconds(totalTimeout))") { task?.cancel() }
                }
                task.resume()
            }
        } onCancel: {
            if transfer.cancel("cancelled") { task.cancel() }
        }
    }

    // MARK: - Helpers

    static func backstop(_ limits: FetchLimits) -> TimeInterval {
        max(1, limits.totalTimeout.rounded(.up)) + 5
    }

    static func isFetchable(_ url: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return false }
        return !(url.host ?? "").isEmpty
    }

    static func shortDescription(_ url: URL) -> String {
        url.scheme.map { "\($0): URLs" } ?? "'\(url.absoluteString.prefix(60))'"
    }

    static func headers(of response: HTTPURLResponse) -> [String: String] {
        var headers: [String: String] = [:]
        for (key, value) in response.allHeaderFields {
            guard let name = key as? String, let text = value as? String else { continue }
            headers[name.lowercased()] = text
        }
        return headers
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

    /// A failed transfer, said plainly.
    static func reason(for error: any Error, url: URL?) -> String {
        let host = url?.host ?? "the server"
        guard let urlError = error as? URLError else { return "\(error.localizedDescription)" }
        switch urlError.code {
        case .timedOut: return "timed out"
        case .cannotFindHost, .dnsLookupFailed: return "cannot find host \(host) (DNS)"
        case .cannotConnectToHost: return "cannot connect to \(host) (connection refused)"
        case .networkConnectionLost: return "the connection to \(host) was lost"
        case .notConnectedToInternet: return "no network connection"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected,
             .clientCertificateRequired:
            return "TLS failure with \(host) (\(urlError.localizedDescription))"
        case .badServerResponse, .cannotParseResponse: return "bad response from \(host)"
        case .httpTooManyRedirects: return "too many redirects"
        case .unsupportedURL, .badURL: return "unsupported URL"
        case .cancelled: return "cancelled"
        default: return "\(urlError.localizedDescription) (\(urlError.code.rawValue))"
        }
    }
}

extension String {
    /// `not found` → `Not Found`.
    var capitalizedPhrase: String {
        split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}

// MARK: - The session's delegate

/// The state of one transfer, shared by the delegate's queue and the timers.
final class Transfer: @unchecked Sendable {
    private let lock = NSLock()
    let limit: Int
    var continuation: CheckedContinuation<Result<(HTTPURLResponse, Data), FetchFailure>, Never>?
    private var data = Data()
    private var response: HTTPURLResponse?
    private var cancelReason: String?
    private var finished = false

    init(limit: Int) { self.limit = limit }

    /// Marks the transfer cancelled for `reason`; `false` when it has finished already.
    func cancel(_ reason: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard !finished, cancelReason == nil else { return false }
        cancelReason = reason
        return true
    }

    func cancelIfNoResponse(_ reason: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard !finished, cancelReason == nil, response == nil else { return false }
        cancelReason = reason
        return true
    }

    func receive(_ response: HTTPURLResponse) -> Bool {
        lock.lock(); defer { lock.unlock() }
        self.response = response
        let expected = response.expectedContentLength
        if expected > Int64(limit), cancelReason == nil {
            cancelReason = "body over the limit of \(limit) bytes (\(expected) announced)"
            return false
        }
        return cancelReason == nil
    }

    /// Appends received bytes; `false` when the body went over the limit.
    func append(_ chunk: Data) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard cancelReason == nil else { return false }
        data.append(chunk)
        if data.count > limit {
            cancelReason = "body over the limit of \(limit) bytes"
            data = Data()
            return false
        }
        return true
    }

    func finish(task: URLSessionTask, error: (any Error)?) {
        lock.lock()
        guard !finished else { lock.unlock(); return }
        finished = true
        let continuation = self.continuation
        self.continuation = nil
        let result: Result<(HTTPURLResponse, Data), FetchFailure>
        if let cancelReason {
            result = .failure(FetchFailure(cancelReason))
        } else if let error {
            result = .failure(FetchFailure(HTTPClient.reason(for: error, url: task.originalRequest?.url)))
        } else if let response = response ?? task.response as? HTTPURLResponse {
            result = .success((response, data))
        } else {
            result = .failure(FetchFailure("no response"))
        }
        lock.unlock()
        continuation?.resume(returning: result)
    }

    func finishedWithoutResponse(_ response: HTTPURLResponse?) {
        lock.lock(); defer { lock.unlock() }
        if self.response == nil { self.response = response }
    }
}

final class SessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var transfers: [Int: Transfer] = [:]

    func register(_ task: URLSessionTask, _ transfer: Transfer) {
        lock.lock(); defer { lock.unlock() }
        transfers[task.taskIdentifier] = transfer
    }

    private func transfer(_ task: URLSessionTask, remove: Bool = false) -> Transfer? {
        lock.lock(); defer { lock.unlock() }
        return remove ? transfers.removeValue(forKey: task.taskIdentifier) : transfers[task.taskIdentifier]
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        guard let transfer = transfer(dataTask), let http = response as? HTTPURLResponse else {
            completionHandler(.cancel)
            return
        }
        completionHandler(transfer.receive(http) ? .allow : .cancel)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard let transfer = transfer(dataTask) else { return }
        if !transfer.append(data) { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        // Redirects are followed by `HTTPClient.get`, which checks each hop.
        transfer(task)?.finishedWithoutResponse(response)
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        transfer(task, remove: true)?.finish(task: task, error: error)
    }
}
