/// Lets at most `total` requests run at once, and at most `perHost` to one host; the others
/// wait their turn in the order they asked.
actor FetchLimiter {
    let total: Int
    let perHost: Int
    private var running = 0
    private var runningByHost: [String: Int] = [:]
    private var waiting: [(host: String, continuation: CheckedContinuation<Void, Never>)] = []
    /// The most requests seen running at once (tests read it).
    private(set) var peak = 0

    init(total: Int, perHost: Int) {
        self.total = max(1, total)
        self.perHost = max(1, perHost)
    }

    func acquire(host: String) async {
        if waiting.isEmpty && canStart(host) {
            start(host)
            return
        }
        await withCheckedContinuation { continuation in
            waiting.append((host, continuation))
        }
    }

    func release(host: String) {
        running -= 1
        runningByHost[host, default: 1] -= 1
        if runningByHost[host] == 0 { runningByHost[host] = nil }
        var index = 0
        while index < waiting.count && running < total {
            if canStart(waiting[index].host) {
                let next = waiting.remove(at: index)
                start(next.host)
                next.continuation.resume()
            } else {
                index += 1
            }
        }
    }

    private func canStart(_ host: String) -> Bool {
        running < total && runningByHost[host, default: 0] < perHost
    }

    private func start(_ host: String) {
        running += 1
        runningByHost[host, default: 0] += 1
        peak = max(peak, running)
    }
}
