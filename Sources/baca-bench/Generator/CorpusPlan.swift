import Foundation

/// The statistics of a corpus, fixed before any article is written: the word lists, their
/// distributions, and the search words whose share of articles is known in advance.
struct CorpusPlan: Sendable {
    /// Bumped whenever the generator's output changes, so a cached corpus is rebuilt.
    static let generatorVersion = 3

    let filler: [String]
    let fillerDistribution: RankDistribution
    let topics: [String]
    let topicDistribution: RankDistribution
    /// For every topic, the share of articles that contain its word (as main or second topic).
    let topicShares: [Double]
    private(set) var probes: [Probe]

    /// A search word and the share of articles expected to contain it.
    struct Probe: Sendable, Codable, Equatable {
        /// `rare`, `medium` or `common`.
        var kind: String
        var word: String
        var targetShare: Double
        var expectedShare: Double
    }

    static let probeTargets: [(kind: String, share: Double)] = [
        ("rare", 0.001), ("medium", 0.01), ("common", 0.10),
    ]

    /// - Parameter seed: the probes are chosen so that each is in at least one of the first
    ///   1,000 articles of this seed's corpus (a rare word with no hit at N = 1,000 measures
    ///   nothing), among the topics within a factor 1.5 of the target share.
    init(seed: UInt64) {
        var seen = Set<String>()
        let topics = Vocabulary.topicWords.filter { seen.insert($0).inserted }
        precondition(topics.count == Vocabulary.topicWords.count, "a topic word is listed twice")
        let filler = Vocabulary.fillerWords.filter { seen.insert($0).inserted }
        self.topics = topics
        self.filler = filler

        fillerDistribution = .zipf(count: filler.count, exponent: 1, shift: 2.7)
        topicDistribution = .zipf(count: topics.count, exponent: 1, shift: 0)

        // Main topic t with p[t]; the second topic is redrawn until it differs from the main one,
        // so it is r with probability p[r] / (1 - p[t]).
        let p = topicDistribution.probabilities
        var shares = p
        for t in p.indices {
            let scale = p[t] / (1 - p[t])
            for r in p.indices where r != t { shares[r] += p[r] * scale }
        }
        topicShares = shares

        // Every word a capture may contain, for the prefix check below.
        let allWords = topics + filler + Vocabulary.cities.map { $0.lowercased() }
            + Vocabulary.firstNames.map { $0.lowercased() } + Vocabulary.lastNames.map { $0.lowercased() }
            + Vocabulary.outlets.flatMap { $0.lowercased().split(separator: " ").map(String.init) }
        probes = []
        var firstThousand = Set<Int>()
        let counter = self
        for index in 1...1000 {
            let (main, second, _) = ArticleGenerator.topics(plan: counter, seed: seed, index: index)
            firstThousand.insert(main)
            firstThousand.insert(second)
        }
        var chosen: [Probe] = []
        for target in Self.probeTargets {
            // The topic nearest the target whose word begins no other word (a prefix search for
            // it must hit only its own articles).
            let candidates = topics.indices.sorted {
                abs(log(shares[$0] / target.share)) < abs(log(shares[$1] / target.share))
            }
            let usable = candidates.filter { index in
                let word = topics[index]
                return !allWords.contains { $0 != word && $0.hasPrefix(word) }
                    && !chosen.contains { $0.word == word }
            }
            let index = usable.first { firstThousand.contains($0) && abs(log(shares[$0] / target.share)) < log(1.5) }
                ?? usable[0]
            chosen.append(Probe(
                kind: target.kind, word: topics[index], targetShare: target.share,
                expectedShare: shares[index]))
        }
        probes = chosen
    }
}

/// What `generate` leaves beside the captures: enough for the benchmark to know what it reads.
struct CorpusManifest: Codable, Equatable {
    var generatorVersion: Int
    var seed: UInt64
    var count: Int
    /// The bytes of all captures together.
    var captureBytes: Int
    /// The feed of the same articles for newsboat, when written.
    var feedPath: String?
    var feedBytes: Int?
    var probes: [ProbeCount]

    struct ProbeCount: Codable, Equatable {
        var kind: String
        var word: String
        var targetShare: Double
        var expectedShare: Double
        /// How many articles of this corpus contain the word.
        var articles: Int
    }

    static let fileName = "corpus.json"

    static func read(directory: String) -> CorpusManifest? {
        guard let data = FileManager.default.contents(atPath: directory + "/" + fileName) else { return nil }
        return try? JSONDecoder().decode(CorpusManifest.self, from: data)
    }

    func write(directory: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: directory + "/" + Self.fileName))
    }
}
