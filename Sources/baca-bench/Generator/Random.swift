/// SplitMix64: a small, fast generator whose stream depends on the seed alone, so a corpus is
/// the same bytes on every machine and every run (Swift's `SystemRandomNumberGenerator` is not
/// seedable, and Foundation's generators differ between platforms).
struct SplitMix64: RandomNumberGenerator {
    private(set) var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The generator of one article: a function of the corpus seed and the article's index, so
    /// the first N articles of a larger corpus are the corpus of size N.
    init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
        state = mixer.next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound`.
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(next() % UInt64(bound))
    }

    /// A uniform integer in `range`.
    mutating func inRange(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// A uniform double in `[0, 1)`.
    mutating func unit() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// A discrete distribution over ranks `0..<weights.count`, sampled by binary search over the
/// cumulative weights.
struct RankDistribution: Sendable {
    let cumulative: [Double]
    let probabilities: [Double]

    init(weights: [Double]) {
        var total = 0.0
        var cumulative: [Double] = []
        cumulative.reserveCapacity(weights.count)
        for weight in weights {
            total += weight
            cumulative.append(total)
        }
        self.cumulative = cumulative.map { $0 / total }
        self.probabilities = weights.map { $0 / total }
    }

    /// Zipf–Mandelbrot: rank r (from 1) weighs 1 / (r + shift)^exponent.
    static func zipf(count: Int, exponent: Double = 1, shift: Double = 0) -> RankDistribution {
        RankDistribution(weights: (1...count).map { rank in
            1 / pow(Double(rank) + shift, exponent)
        })
    }

    func sample(_ random: inout SplitMix64) -> Int {
        let u = random.unit()
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] <= u { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

import Foundation
