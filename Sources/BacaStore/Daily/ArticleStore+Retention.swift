import BacaCore
import Foundation
import GRDB

// Limits on what a feed keeps (`baca prune`), tombstones, and the reload schedule.

extension ArticleStore {
    // MARK: - Feed policies

    /// The policies set on feeds, by feed id (feeds without one are absent).
    public func feedPolicies() throws -> [Int64: FeedPolicy] {
        try read("reading feed settings") { db in
            var policies: [Int64: FeedPolicy] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM feed_policy") {
                policies[row["feedId"]] = FeedPolicy(
                    reloadMinutes: row["reloadMinutes"], keepArticles: row["keepArticles"], keepDays: row["keepDays"])
            }
            return policies
        }
    }

    /// Replaces the policy of feed `id` (an empty policy: the global settings again).
    public func setFeedPolicy(_ policy: FeedPolicy, feedId id: Int64) throws {
        try write("setting feed \(id)") { db in
            guard try FeedRecord.exists(db, key: id) else { throw StoreError(.storeNoFeed(label: label, id: id)) }
            if policy == FeedPolicy() {
                try db.execute(sql: "DELETE FROM feed_policy WHERE feedId = ?", arguments: [id])
            } else {
                try db.execute(sql: """
                    INSERT INTO feed_policy (feedId, reloadMinutes, keepArticles, keepDays) VALUES (?, ?, ?, ?)
                    ON CONFLICT (feedId) DO UPDATE SET reloadMinutes = excluded.reloadMinutes, \
                    keepArticles = excluded.keepArticles, keepDays = excluded.keepDays
                    """, arguments: [id, policy.reloadMinutes, policy.keepArticles, policy.keepDays])
            }
        }
    }

    // MARK: - Reload schedule

    /// The feeds due at `now`: never fetched, or last fetched at least their interval ago (their
    /// own, else `defaultMinutes`). A feed whose server asked for a pause (`Retry-After`) is due
    /// only once the pause is over.
    public func dueFeeds(at now: Date = Date(), defaultMinutes: Int) throws -> [Feed] {
        let policies = try feedPolicies()
        return try feeds().map(\.feed).filter { feed in
            FeedSchedule.isDue(feed, minutes: policies[feed.id]?.reloadMinutes ?? defaultMinutes, at: now)
        }
    }

    // MARK: - Pruning

    /// The articles the limits remove: per feed, those beyond its newest `keepArticles` and
    /// those older than `keepDays` (the feed's own limits, else `global`), never a starred one.
    /// Articles that came from no feed (imported files) are never pruned. Removes them unless
    /// `dryRun`; a removed article's URL and item keys stay, so a fetch never brings it back.
    public func prune(global: RetentionLimits, at now: Date = Date(), dryRun: Bool) throws -> [PrunedArticle] {
        let policies = try feedPolicies()
        let today = FeedSchedule.day(of: now)
        let work = { (db: Database) throws -> [PrunedArticle] in
            var pruned: [PrunedArticle] = []
            var seen = Set<Int64>()
            for feed in try FeedRecord.fetchAll(db, sql: "SELECT * FROM feed ORDER BY id") {
                guard let feedId = feed.id else { continue }
                let policy = policies[feedId]
                let keep = policy?.keepArticles ?? global.keepArticles
                let days = policy?.keepDays ?? global.keepDays
                guard keep != nil || days != nil else { continue }
                let cutoff = days.map { FeedSchedule.day(today, minus: $0) }
                let rows = try Row.fetchAll(db, sql: """
                    SELECT a.id, a.title, substr(a.sortKey, 1, 10) AS day, COALESCE(s.starred, 0) AS starred \
                    FROM article a LEFT JOIN article_state s ON s.articleId = a.id \
                    WHERE a.feedId = ? ORDER BY a.sortKey DESC, a.id DESC
                    """, arguments: [feedId])
                for (rank, row) in rows.enumerated() {
                    let id: Int64 = row["id"]
                    let starred: Bool = row["starred"]
                    let day: String = row["day"]
                    let tooMany = keep.map { rank >= $0 } ?? false
                    let tooOld = cutoff.map { day < $0 } ?? false
                    guard !starred, tooMany || tooOld, seen.insert(id).inserted else { continue }
                    pruned.append(PrunedArticle(id: id, title: row["title"], feedId: feedId, reason: tooOld ? .age : .count))
                }
            }
            if !dryRun { try Self.bury(pruned.map(\.id), reason: "prune", at: now, in: db) }
            return pruned
        }
        return dryRun ? try read("pruning", work) : try write("pruning", work)
    }

    /// The number of tombstones (removed articles remembered so they do not return).
    public func tombstoneCount() throws -> Int {
        try read("counting tombstones") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tombstone") ?? 0 }
    }

    /// Deletes articles `ids`, leaving a tombstone for each: its URL (if any), and its feeds'
    /// item keys (kept, pointing at no article).
    static func bury(_ ids: [Int64], reason: String, at date: Date, in db: Database) throws {
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let list = chunk.map { _ in "?" }.joined(separator: ", ")
            let arguments = StatementArguments(chunk)
            try db.execute(sql: """
                INSERT INTO tombstone (url, reason, title, removedAt) SELECT url, ?, title, ? FROM article \
                WHERE id IN (\(list)) ON CONFLICT (url) DO NOTHING
                """, arguments: [reason, date] + arguments)
            try db.execute(sql: "UPDATE feed_item SET articleId = NULL WHERE articleId IN (\(list))", arguments: arguments)
            try db.execute(sql: "DELETE FROM article WHERE id IN (\(list))", arguments: arguments)
        }
    }

    static func hasTombstone(urls: [String], in db: Database) throws -> Bool {
        guard !urls.isEmpty else { return false }
        return try Bool.fetchOne(db, sql: """
            SELECT 1 FROM tombstone WHERE url IN (\(urls.map { _ in "?" }.joined(separator: ", "))) LIMIT 1
            """, arguments: StatementArguments(urls)) ?? false
    }
}

/// A feed's own settings; `nil` values follow the global settings.
public struct FeedPolicy: Sendable, Equatable, Hashable {
    public var reloadMinutes: Int?
    public var keepArticles: Int?
    public var keepDays: Int?
    public init(reloadMinutes: Int? = nil, keepArticles: Int? = nil, keepDays: Int? = nil) {
        self.reloadMinutes = reloadMinutes
        self.keepArticles = keepArticles
        self.keepDays = keepDays
    }
}

/// How much each feed keeps, unless it has its own limits.
public struct RetentionLimits: Sendable, Equatable, Hashable {
    public var keepArticles: Int?
    public var keepDays: Int?
    public init(keepArticles: Int? = nil, keepDays: Int? = nil) {
        self.keepArticles = keepArticles
        self.keepDays = keepDays
    }
}

/// An article `prune` removes (or would).
public struct PrunedArticle: Sendable, Equatable, Hashable {
    public enum Reason: String, Sendable { case count, age }
    public var id: Int64
    public var title: String
    public var feedId: Int64
    public var reason: Reason
    public init(id: Int64, title: String, feedId: Int64, reason: Reason) {
        self.id = id
        self.title = title
        self.feedId = feedId
        self.reason = reason
    }
}

/// When a feed is due, and day arithmetic on `yyyy-mm-dd`.
public enum FeedSchedule {
    /// Due: never fetched, or fetched at least `minutes` before `now`, and no `Retry-After` running.
    public static func isDue(_ feed: Feed, minutes: Int, at now: Date) -> Bool {
        if let retryAfter = feed.retryAfter, retryAfter > now { return false }
        guard let last = feed.lastFetchedAt else { return true }
        return now.timeIntervalSince(last) >= Double(max(0, minutes)) * 60
    }

    /// The local day of `date`, `yyyy-mm-dd`.
    static func day(of date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// `day` minus `days` days.
    static func day(_ day: String, minus days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = calendar.timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        guard let date = formatter.date(from: day), let earlier = calendar.date(byAdding: .day, value: -days, to: date) else { return day }
        return formatter.string(from: earlier)
    }
}
