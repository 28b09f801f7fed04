import BacaCore
import Foundation
import GRDB

// MARK: - Ignore rules

/// A rule applied to each article as it arrives from a feed (`[[rule]]` in `config.toml`).
///
/// Every criterion given must hold; within one criterion any of its values will do. Words and
/// phrases match whole words, case and accents ignored (`banjir` matches `Banjir,` but not
/// `banjirnya`; `sepak bola` matches the two words in a row).
public struct ArrivalRule: Sendable, Equatable, Hashable {
    public enum Action: String, Sendable, CaseIterable {
        /// The article is not stored; its item and URL are remembered so it never arrives.
        case hide
        /// The article is stored, read.
        case markRead = "mark-read"
    }

    public var name: String
    /// Feeds by id, or a part of their URL or title (as `feed:` in a query).
    public var feeds: [String]
    /// Tags of the feed (case ignored).
    public var tags: [String]
    /// Words or phrases of the title.
    public var title: [String]
    /// A part of the author's name (case ignored).
    public var authors: [String]
    /// Words or phrases anywhere: title, key points, text.
    public var words: [String]
    public var action: Action

    public init(
        name: String, feeds: [String] = [], tags: [String] = [], title: [String] = [], authors: [String] = [],
        words: [String] = [], action: Action
    ) {
        self.name = name
        self.feeds = feeds
        self.tags = tags
        self.title = title
        self.authors = authors
        self.words = words
        self.action = action
    }

    /// A rule with no criterion would match every article: refused when read.
    public var hasCriteria: Bool {
        !(feeds.isEmpty && tags.isEmpty && title.isEmpty && authors.isEmpty && words.isEmpty)
    }

    /// Whether the rule matches `candidate`.
    public func matches(_ candidate: RuleCandidate) -> Bool {
        guard hasCriteria else { return false }
        if !feeds.isEmpty && !feeds.contains(where: { name in candidate.feeds.contains { $0.matchesName(name) } }) { return false }
        if !tags.isEmpty {
            let folded = Set(candidate.feeds.flatMap(\.tags).map(WordMatcher.fold))
            if !tags.contains(where: { folded.contains(WordMatcher.fold($0)) }) { return false }
        }
        if !authors.isEmpty {
            let author = WordMatcher.fold(candidate.author ?? "")
            if !authors.contains(where: { author.contains(WordMatcher.fold($0)) }) { return false }
        }
        if !title.isEmpty && !WordMatcher(title).matches(candidate.title) { return false }
        if !words.isEmpty && !WordMatcher(words).matches(candidate.title + "\n" + candidate.text) { return false }
        return true
    }

    /// The first rule of `rules` that matches `candidate`.
    public static func first(of rules: [ArrivalRule], matching candidate: RuleCandidate) -> ArrivalRule? {
        rules.first { $0.matches(candidate) }
    }
}

/// What a rule looks at in an article.
public struct RuleCandidate: Sendable {
    public struct FeedIdentity: Sendable {
        public var id: Int64
        public var url: String
        public var titles: [String]
        public var tags: [String]

        public init(_ feed: Feed) {
            id = feed.id
            url = feed.url
            titles = [feed.title, feed.feedTitle].compactMap { $0 }
            tags = feed.tags
        }

        /// As `feed:` in a query: the id, or a part of the URL or a title (case ignored).
        public func matchesName(_ name: String) -> Bool {
            if let number = Int64(name) { return number == id }
            let needle = name.lowercased()
            return url.lowercased().contains(needle) || titles.contains { $0.lowercased().contains(needle) }
        }
    }

    public var title: String
    public var author: String?
    /// Key points and body text.
    public var text: String
    /// The feeds it came from (none for an imported file).
    public var feeds: [FeedIdentity]

    public init(title: String, author: String?, text: String, feeds: [FeedIdentity]) {
        self.title = title
        self.author = author
        self.text = text
        self.feeds = feeds
    }

    public init(article: Article, feeds: [Feed]) {
        self.init(
            title: article.title, author: article.author,
            text: (article.keyPoints + [article.bodyText]).joined(separator: "\n"), feeds: feeds.map(FeedIdentity.init))
    }
}

/// Whole-word matching of words and phrases, case and accents folded.
///
/// Hand-written: the full-text index cannot judge an article before it is stored, and a rule
/// must say the same thing before (on arrival) and after (`baca rules test`).
struct WordMatcher {
    let phrases: [[String]]

    init(_ texts: [String]) {
        phrases = texts.map(WordMatcher.words).filter { !$0.isEmpty }
    }

    func matches(_ text: String) -> Bool {
        let words = WordMatcher.words(text)
        return phrases.contains { phrase in
            guard phrase.count <= words.count else { return false }
            for start in 0...(words.count - phrase.count) where words[start] == phrase[0] {
                if phrase.indices.allSatisfy({ words[start + $0] == phrase[$0] }) { return true }
            }
            return false
        }
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The folded words of `text`: runs of letters and digits.
    static func words(_ text: String) -> [String] {
        fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}

/// The rules a store applies as articles arrive; set by whoever runs a fetch.
final class ArrivalRuleBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storedRules: [ArrivalRule] = []

    var rules: [ArrivalRule] {
        get { lock.lock(); defer { lock.unlock() }; return storedRules }
        set { lock.lock(); storedRules = newValue; lock.unlock() }
    }
}

/// A stored article a rule matches (`baca rules test`).
public struct RuleMatch: Sendable, Equatable {
    public var rule: ArrivalRule
    public var id: Int64
    public var title: String
}

extension ArticleStore {
    /// For each stored article, the first of `rules` that matches it, as on arrival (with the
    /// feed it came from first). Oldest first.
    public func ruleMatches(_ rules: [ArrivalRule]) throws -> [RuleMatch] {
        guard !rules.isEmpty else { return [] }
        let feeds = Dictionary(try feeds().map { ($0.feed.id, $0.feed) }, uniquingKeysWith: { first, _ in first })
        let links = try read("reading feed items") { db in
            try Row.fetchAll(db, sql: """
                SELECT id AS articleId, feedId FROM article WHERE feedId IS NOT NULL
                """)
        }
        var feedsOf: [Int64: [Feed]] = [:]
        for row in links {
            let articleId: Int64 = row["articleId"]
            if let feed = feeds[row["feedId"]], !(feedsOf[articleId]?.contains(feed) ?? false) {
                feedsOf[articleId, default: []].append(feed)
            }
        }
        let ids = try read("listing articles") { db in try Int64.fetchAll(db, sql: "SELECT id FROM article ORDER BY id") }
        var matches: [RuleMatch] = []
        for id in ids {
            guard let stored = try article(id: id) else { continue }
            let candidate = RuleCandidate(article: stored.article, feeds: feedsOf[id] ?? [])
            if let rule = ArrivalRule.first(of: rules, matching: candidate) {
                matches.append(RuleMatch(rule: rule, id: id, title: Sanitizer.sanitizeLine(stored.article.title)))
            }
        }
        return matches
    }
}
