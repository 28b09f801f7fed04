import Foundation

/// Repeated observations of one figure.
struct Samples: Codable {
    var values: [Double] = []

    init(_ values: [Double] = []) { self.values = values }

    mutating func add(_ value: Double) { values.append(value) }

    var isEmpty: Bool { values.isEmpty }
    var count: Int { values.count }

    var median: Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
    var min: Double { values.min() ?? .nan }
    var max: Double { values.max() ?? .nan }
}

/// The rows of the table, in order. Each says how its numbers read and which way is better.
enum Figure: String, CaseIterable, Codable {
    case importRate, importSeconds, importCPUSeconds, importPeakMB
    case startMs, startToArticlesMs, openFeedMs
    case cursorMs, pageDownMs, openMs, endMs, fullPassS
    case searchRareMs, searchMediumMs, searchCommonMs
    case queryRareMs, queryMediumMs, queryCommonMs, readArticleMs, countsMs
    case memStartMB, memScrollMB, memSearchMB
    case repoMB, repoRatio

    var label: String {
        switch self {
        case .importRate: return "import, captures/s (items/s)"
        case .importSeconds: return "import, total s"
        case .importCPUSeconds: return "import, CPU s (user + system)"
        case .importPeakMB: return "import, peak RSS MB"
        case .startMs: return "start → first screen, ms"
        case .startToArticlesMs: return "start → list of articles on screen, ms"
        case .openFeedMs: return "open the big feed → article list, ms"
        case .cursorMs: return "cursor down → frame, ms"
        case .pageDownMs: return "page down → frame, ms"
        case .openMs: return "open article Enter → frame, ms"
        case .endMs: return "jump to end (G / End) → frame, ms"
        case .fullPassS: return "page through whole list, s"
        case .searchRareMs: return "search rare, Enter → results, ms"
        case .searchMediumMs: return "search medium, Enter → results, ms"
        case .searchCommonMs: return "search common, Enter → results, ms"
        case .queryRareMs: return "query alone rare, ms"
        case .queryMediumMs: return "query alone medium, ms"
        case .queryCommonMs: return "query alone common, ms"
        case .readArticleMs: return "read one article alone (store), ms"
        case .countsMs: return "list header counts alone (store), ms"
        case .memStartMB: return "peak RSS after start, MB"
        case .memScrollMB: return "peak RSS after whole list, MB"
        case .memSearchMB: return "peak RSS after 10 searches, MB"
        case .repoMB: return "repository on disk, MB"
        case .repoRatio: return "repository ÷ raw capture bytes"
        }
    }

    /// Whether a larger value is better (throughput) or worse (time, memory, size).
    var higherIsBetter: Bool { self == .importRate }

    var decimals: Int {
        switch self {
        case .importRate: return 0
        case .repoRatio: return 2
        case .importSeconds, .fullPassS, .memStartMB, .memScrollMB, .memSearchMB, .importPeakMB, .repoMB: return 1
        default: return 1
        }
    }

    /// The target for baca at 100,000 articles, when there is one.
    var target: String? {
        switch self {
        case .importRate: return "≥ 5,000"
        case .startMs: return "≤ 100, ≥ 10× nb"
        case .cursorMs, .openMs: return "≤ 10"
        case .searchMediumMs: return "≤ 30"
        case .memStartMB, .memScrollMB, .memSearchMB: return "≤ 60, flat"
        case .repoRatio: return "≤ 1.6"
        default: return nil
        }
    }

    /// Whether a baca value meets the target (nil when there is none or it needs newsboat's).
    func meets(_ value: Double, newsboat: Double?) -> Bool? {
        switch self {
        case .importRate: return value >= 5000
        case .startMs:
            guard let newsboat else { return value <= 100 }
            return value <= 100 && newsboat / value >= 10
        case .cursorMs, .openMs: return value <= 10
        case .searchMediumMs: return value <= 30
        case .memStartMB, .memScrollMB, .memSearchMB: return value <= 60
        case .repoRatio: return value <= 1.6
        default: return nil
        }
    }
}

/// Everything measured at one corpus size.
struct SizeResult: Codable {
    var count: Int
    var captureBytes: Int
    var probes: [CorpusManifest.ProbeCount]
    var baca: [Figure: Samples] = [:]
    var newsboat: [Figure: Samples] = [:]
    var notes: [String] = []
}

extension Double {
    func formatted(decimals: Int) -> String {
        guard isFinite else { return "—" }
        let text = String(format: "%.\(decimals)f", self)
        // Thousands separators for the integer part.
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        let negative = integer.hasPrefix("-")
        if negative { integer.removeFirst() }
        var grouped = ""
        for (i, c) in integer.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { grouped.append(",") }
            grouped.append(c)
        }
        let result = (negative ? "-" : "") + String(grouped.reversed())
        return parts.count > 1 ? result + "." + parts[1] : result
    }
}
