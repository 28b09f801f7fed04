import Foundation

/// One invented article, before it is written out as a capture or as a feed item.
struct GeneratedArticle {
    enum Block {
        case paragraph(String)
        /// The quotation with its marks, and what follows it (`kata Dewi.`).
        case quote(text: String, attribution: String, curly: Bool, twoLines: Bool)
        case caption(text: String, credit: String)
        case related(String)
        /// A paragraph that opens `Dilansir <outlet>,` or `Mengutip <outlet>,`.
        case cited(verb: String, outlet: String, text: String)
        /// A paragraph ending in a colon and the list lines right under it.
        case list(intro: String, items: [String], numbered: Bool)
    }

    var index: Int
    var title: String
    var slug: String
    var date: CorpusDate
    var city: String
    var hero: (text: String, credit: String)?
    var keyPoints: [String]
    /// The dateline paragraph's text after `City, IDN Times - `.
    var dateline: String
    var lead: [Block]
    var sections: [(heading: String, blocks: [Block])]
    var footerTopics: [String]
    var writer: String
    var editor: String
    var disclaimer: String?
    /// The topic words the article was written about (main first).
    var topicWords: [String]
}

/// A day between 2014 and 2025, with its weekday.
struct CorpusDate {
    var year: Int
    var month: Int
    var day: Int
    /// 0 = Sunday.
    var weekday: Int

    /// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    init(daysSinceEpoch z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        weekday = ((z0 % 7) + 7 + 4) % 7  // 1970-01-01 was a Thursday
    }

    /// 2014-01-01 and 2025-12-31 as days since the epoch.
    static let firstDay = 16071
    static let lastDay = 20453
}

/// Writes articles from a `CorpusPlan`; article `index` depends only on the seed and the index.
struct ArticleGenerator {
    let plan: CorpusPlan
    let seed: UInt64

    /// The main and second topic of article `index`: the first draws of its generator.
    static func topics(plan: CorpusPlan, seed: UInt64, index: Int) -> (main: Int, second: Int, random: SplitMix64) {
        var random = SplitMix64(seed: seed, stream: UInt64(index))
        let main = plan.topicDistribution.sample(&random)
        var second = main
        while second == main { second = plan.topicDistribution.sample(&random) }
        return (main, second, random)
    }

    func article(_ index: Int) -> GeneratedArticle {
        let (main, second, random) = Self.topics(plan: plan, seed: seed, index: index)
        var writer = Writer(plan: plan, random: random)
        writer.mainTopic = plan.topics[main]
        writer.secondTopic = plan.topics[second]

        let date = CorpusDate(daysSinceEpoch: writer.random.inRange(CorpusDate.firstDay...CorpusDate.lastDay))
        let city = writer.random.pick(Vocabulary.cities)
        writer.city = city

        let title = writer.title()
        let slug = title.lowercased().split(separator: " ").prefix(6)
            .map { $0.filter { $0.isLetter || $0.isNumber } }.filter { !$0.isEmpty }.joined(separator: "-")

        let hero = writer.random.chance(0.92) ? (writer.captionText(), writer.credit()) : nil
        let keyPoints = writer.random.chance(0.85)
            ? (0..<writer.random.inRange(2...4)).map { _ in writer.sentence(words: 9...16, end: "") }
            : []

        let weekday = Vocabulary.weekdays[date.weekday]
        let dateline = writer.sentence(words: 8...14, end: "", insert: "pada \(weekday) (\(date.day)/\(date.month)/\(date.year))")
            + ". " + writer.sentences(1...2)
        var lead: [GeneratedArticle.Block] = []
        for _ in 0..<writer.random.inRange(1...2) { lead.append(.paragraph(writer.sentences(2...4))) }
        if writer.random.chance(0.4) { lead.append(.related(writer.headline(words: 6...10))) }

        var sections: [(String, [GeneratedArticle.Block])] = []
        let sectionCount = writer.random.inRange(3...6)
        // The second topic is named at least once, in a paragraph of its own section.
        let secondAt = writer.random.below(sectionCount)
        for number in 0..<sectionCount {
            var blocks: [GeneratedArticle.Block] = []
            if writer.random.chance(0.5) { blocks.append(.caption(text: writer.captionText(), credit: writer.credit())) }
            let paragraphs = writer.random.inRange(2...3)
            for p in 0..<paragraphs {
                var text = writer.sentences(2...3)
                if number == secondAt && p == 0 {
                    text += " " + writer.sentence(words: 8...12, insert: writer.secondTopic)
                }
                blocks.append(.paragraph(text))
                if p == 0 && writer.random.chance(0.55) { blocks.append(writer.quote()) }
            }
            if writer.random.chance(0.25) {
                blocks.append(.cited(
                    verb: writer.random.chance(0.6) ? "Dilansir" : "Mengutip",
                    outlet: writer.random.pick(Vocabulary.outlets),
                    text: writer.sentence(words: 10...16, capitalized: false)))
            }
            if writer.random.chance(0.1) {
                blocks.append(.list(
                    intro: writer.sentence(words: 6...10, end: ":"),
                    items: (0..<writer.random.inRange(3...4)).map { _ in writer.sentence(words: 4...8, end: "") },
                    numbered: writer.random.chance(0.3)))
            }
            if writer.random.chance(0.15) { blocks.append(.related(writer.headline(words: 6...10))) }
            sections.append((writer.headline(words: 3...7), blocks))
        }

        var footerTopics: [String] = []
        if writer.random.chance(0.6) { footerTopics = [writer.mainTopic, writer.secondTopic].map(\.capitalizedFirst) }

        return GeneratedArticle(
            index: index, title: title, slug: slug, date: date, city: city, hero: hero,
            keyPoints: keyPoints, dateline: dateline, lead: lead, sections: sections,
            footerTopics: footerTopics, writer: writer.person(), editor: writer.person(),
            disclaimer: writer.random.chance(0.08) ? writer.random.pick(Vocabulary.disclaimers) : nil,
            topicWords: [writer.mainTopic, writer.secondTopic])
    }
}

/// The sentence-level writer: running words drawn from the filler law, the main topic sprinkled
/// in, now and then a city, a person or a number (never first in a sentence).
private struct Writer {
    let plan: CorpusPlan
    var random: SplitMix64
    var mainTopic = ""
    var secondTopic = ""
    var city = ""

    init(plan: CorpusPlan, random: SplitMix64) {
        self.plan = plan
        self.random = random
    }

    mutating func word() -> String {
        let roll = random.unit()
        if roll < 0.025 { return mainTopic }
        if roll < 0.035 { return city }
        if roll < 0.042 { return String(random.inRange(2...950)) }
        return plan.filler[plan.fillerDistribution.sample(&random)]
    }

    /// One sentence; `insert` (a phrase) goes somewhere after the first word.
    mutating func sentence(
        words: ClosedRange<Int>, end: String = ".", insert: String? = nil, capitalized: Bool = true
    ) -> String {
        let count = random.inRange(words)
        var parts: [String] = []
        parts.reserveCapacity(count + 2)
        // The first word is always a filler word: no number or list marker opens a paragraph.
        parts.append(plan.filler[plan.fillerDistribution.sample(&random)])
        for _ in 1..<count {
            parts.append(word())
            if random.chance(0.06) { parts[parts.count - 1] += "," }
        }
        if let insert { parts.insert(insert, at: 1 + random.below(parts.count)) }
        if parts[parts.count - 1].hasSuffix(",") { parts[parts.count - 1].removeLast() }
        var text = parts.joined(separator: " ")
        if capitalized { text = text.capitalizedFirst }
        return text + end
    }

    mutating func sentences(_ count: ClosedRange<Int>) -> String {
        (0..<random.inRange(count)).map { _ in sentence(words: 8...16) }.joined(separator: " ")
    }

    /// Title Case words with the main topic among them, sometimes `di <City>`.
    mutating func title() -> String {
        var words = (0..<random.inRange(4...8)).map { _ in plan.filler[plan.fillerDistribution.sample(&random)] }
        words.insert(mainTopic, at: random.below(words.count + 1))
        if random.chance(0.4) { words += ["di", city] }
        var title = words.map(\.capitalizedFirst).joined(separator: " ")
        if random.chance(0.08) { title = "\(random.inRange(3...9)) Fakta " + title }
        return title
    }

    mutating func headline(words: ClosedRange<Int>) -> String {
        sentence(words: words, end: "")
    }

    mutating func captionText() -> String {
        sentence(words: 6...12, end: "")
    }

    mutating func person() -> String {
        random.pick(Vocabulary.firstNames) + " " + random.pick(Vocabulary.lastNames)
    }

    mutating func credit() -> String {
        random.chance(0.85) ? "IDN Times/\(person())" : "dok. \(person())"
    }

    mutating func quote() -> GeneratedArticle.Block {
        var text = sentences(1...2)
        text.removeLast()  // the final period becomes the comma before the attribution
        let speaker = random.pick(Vocabulary.firstNames)
        let attribution = random.chance(0.6)
            ? "\(random.pick(Vocabulary.quoteVerbs)) \(speaker)."
            : "\(random.pick(Vocabulary.quoteSuffixVerbs))."
        return .quote(text: text + ",", attribution: attribution, curly: random.chance(0.4), twoLines: random.chance(0.15))
    }
}

extension String {
    var capitalizedFirst: String {
        guard let first = first else { return self }
        return first.uppercased() + dropFirst()
    }
}
