import Foundation

/// The side-by-side tables, as Markdown.
enum Report {
    static func table(_ result: SizeResult, newsboatVersion: String?) -> String {
        var out = "### N = \(Double(result.count).formatted(decimals: 0))\n\n"
        out += String(format: "Raw captures: %.1f MB (%.0f bytes each). ", Double(result.captureBytes) / 1e6,
                      Double(result.captureBytes) / Double(max(result.count, 1)))
        out += "Search words: " + result.probes.map {
            String(format: "%@ “%@” in %@ articles (%.2f %%)", $0.kind, $0.word,
                   Double($0.articles).formatted(decimals: 0), 100 * Double($0.articles) / Double(max(result.count, 1)))
        }.joined(separator: "; ") + ".\n\n"
        let newsboatName = newsboatVersion ?? "newsboat"
        out += "| median (min–max) | baca | \(newsboatName) | baca better by | target at 100k (✓/✗ from 100k) |\n"
        out += "|---|---:|---:|---:|---|\n"
        for figure in Figure.allCases {
            let baca = result.baca[figure]
            let newsboat = result.newsboat[figure]
            if baca == nil && newsboat == nil { continue }
            var ratio = ""
            if let baca, let newsboat, baca.median > 0, newsboat.median > 0 {
                let r = figure.higherIsBetter ? baca.median / newsboat.median : newsboat.median / baca.median
                ratio = r >= 10 ? String(format: "%.0f×", r) : String(format: "%.1f×", r)
            }
            var target = figure.target ?? ""
            if !target.isEmpty, result.count >= 100_000, let baca, let met = figure.meets(baca.median, newsboat: newsboat?.median) {
                target += met ? " ✓" : " ✗"
            }
            out += "| \(figure.label) | \(cell(baca, figure)) | \(cell(newsboat, figure)) | \(ratio) | \(target) |\n"
        }
        if !result.notes.isEmpty {
            out += "\n" + result.notes.map { "- \($0)\n" }.joined()
        }
        return out
    }

    static func cell(_ samples: Samples?, _ figure: Figure) -> String {
        guard let samples, !samples.isEmpty else { return "—" }
        let median = samples.median.formatted(decimals: figure.decimals)
        guard samples.count > 1 else { return median }
        return "\(median) (\(samples.min.formatted(decimals: figure.decimals))–\(samples.max.formatted(decimals: figure.decimals)))"
    }

    /// baca's medians across sizes: is memory flat in N, how do times grow.
    static func summary(_ results: [SizeResult]) -> String {
        guard results.count > 1 else { return "" }
        var out = "### baca across sizes (medians)\n\n| | " + results.map { "N = " + Double($0.count).formatted(decimals: 0) }.joined(separator: " | ") + " |\n"
        out += "|---|" + results.map { _ in "---:|" }.joined() + "\n"
        for figure in Figure.allCases where results.contains(where: { $0.baca[figure] != nil }) {
            out += "| \(figure.label) | " + results.map {
                $0.baca[figure].map { $0.median.formatted(decimals: figure.decimals) } ?? "—"
            }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}
