import BacaCore
import Foundation
import GRDB

// Saved searches and bulk changes of read state with their journal (undo).

extension ArticleStore {
    // MARK: - Saved searches

    /// Saves `query` under `name`, replacing a search of that name. The query is read first:
    /// an invalid one is never saved.
    public func saveSearch(name: String, query: String, at date: Date = Date()) throws(SavedSearchError) -> SavedSearchOutcome {
        let clean = Sanitizer.sanitizeLine(name).trimmingCharacters(in: .whitespaces)
        guard !clean.isEmpty else { throw .invalidName("a saved search needs a name") }
        do {
            _ = try LibraryQuery(query)
        } catch {
            throw .invalidQuery(error)
        }
        do {
            return try write("saving the search '\(clean)'") { db in
                let existed = try Bool.fetchOne(db, sql: "SELECT 1 FROM saved_search WHERE name = ?", arguments: [clean]) ?? false
                try db.execute(sql: """
                    INSERT INTO saved_search (name, query, createdAt) VALUES (?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET query = excluded.query
                    """, arguments: [clean, query, date])
                return existed ? .replaced(clean) : .saved(clean)
            }
        } catch {
            throw .store(storeError(error, doing: "saving the search '\(clean)'"))
        }
    }

    /// Deletes the saved search `name`; false when there was none.
    @discardableResult
    public func deleteSearch(name: String) throws -> Bool {
        try write("deleting the search '\(name)'") { db in
            try db.execute(sql: "DELETE FROM saved_search WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }

    /// The saved searches by name, each with its counts now. A query that no longer reads
    /// (saved by a newer baca) has no counts and its error.
    public func savedSearches() throws -> [SavedSearch] {
        let rows = try read("listing saved searches") { db in
            try Row.fetchAll(db, sql: "SELECT name, query FROM saved_search ORDER BY name COLLATE NOCASE")
        }
        return try rows.map { row in
            let name: String = row["name"]
            let text: String = row["query"]
            do {
                let query = try LibraryQuery(text)
                return SavedSearch(
                    name: name, query: text,
                    articleCount: try count(matching: query), unreadCount: try count(matching: query, unreadOnly: true))
            } catch let error as LibraryQueryError {
                return SavedSearch(name: name, query: text, articleCount: 0, unreadCount: 0, error: error.description)
            }
        }
    }

    public func savedSearch(name: String) throws -> SavedSearch? {
        try savedSearches().first { $0.name == name }
    }

    // MARK: - Bulk read state

    /// Marks every article `query` matches read, in one transaction, and writes the change in
    /// the journal (only the articles it changed). Nothing matched unread: no journal entry.
    public func markRead(matching query: LibraryQuery, describing description: String, at date: Date = Date()) throws -> BulkChange {
        let (conditions, arguments) = Self.condition(query)
        let select = """
            SELECT a.id FROM \(SummaryRow.source) \
            \(SummaryRow.whereClause(conditions + ["COALESCE(s.read, 0) = 0"]))
            """
        return try write("marking '\(description)' read") { db in
            let ids = try Int64.fetchAll(db, sql: select, arguments: arguments)
            return try Self.journalAndMarkRead(ids: ids, description: description, at: date, in: db)
        }
    }

    /// Marks articles `ids` read (the reader's current view), journalled as `markRead(matching:)`.
    public func markRead(ids: [Int64], describing description: String, at date: Date = Date()) throws -> BulkChange {
        try write("marking '\(description)' read") { db in
            var unread: [Int64] = []
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
                unread += try Int64.fetchAll(db, sql: """
                    SELECT a.id FROM \(SummaryRow.source) WHERE a.id IN (\(chunk.map { _ in "?" }.joined(separator: ", "))) \
                    AND COALESCE(s.read, 0) = 0
                    """, arguments: StatementArguments(chunk))
            }
            return try Self.journalAndMarkRead(ids: unread, description: description, at: date, in: db)
        }
    }

    private static func journalAndMarkRead(ids: [Int64], description: String, at date: Date, in db: Database) throws -> BulkChange {
        guard !ids.isEmpty else { return BulkChange(id: nil, description: description, count: 0, createdAt: date) }
        try db.execute(sql: "INSERT INTO bulk_change (description, createdAt) VALUES (?, ?)", arguments: [description, date])
        let changeId = db.lastInsertedRowID
        let item = try db.cachedStatement(sql: "INSERT INTO bulk_change_item (changeId, articleId, wasRead) VALUES (?, ?, 0)")
        let state = try db.cachedStatement(sql: """
            INSERT INTO article_state (articleId, read, updatedAt) VALUES (?, 1, ?)
            ON CONFLICT (articleId) DO UPDATE SET read = 1, updatedAt = excluded.updatedAt
            """)
        for id in ids {
            try item.execute(arguments: [changeId, id])
            try state.execute(arguments: [id, date])
        }
        // The journal keeps the last `kept` changes.
        try db.execute(sql: """
            DELETE FROM bulk_change WHERE id NOT IN (SELECT id FROM bulk_change ORDER BY id DESC LIMIT ?)
            """, arguments: [BulkChange.kept])
        return BulkChange(id: changeId, description: description, count: ids.count, createdAt: date)
    }

    /// The journal, newest first.
    public func bulkChanges() throws -> [BulkChange] {
        try read("reading the journal") { db in
            try Row.fetchAll(db, sql: """
                SELECT c.id, c.description, c.createdAt, COUNT(i.articleId) AS count FROM bulk_change c \
                LEFT JOIN bulk_change_item i ON i.changeId = c.id GROUP BY c.id ORDER BY c.id DESC
                """).map { BulkChange(id: $0["id"], description: $0["description"], count: $0["count"], createdAt: $0["createdAt"]) }
        }
    }

    /// Undoes the latest bulk change: each article it touched gets back the read state it had
    /// (articles deleted since are skipped), and the change leaves the journal. `nil`: nothing to undo.
    public func undoLastBulkChange(at date: Date = Date()) throws -> BulkChange? {
        try write("undoing the last bulk change") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, description, createdAt FROM bulk_change ORDER BY id DESC LIMIT 1")
            else { return nil }
            let changeId: Int64 = row["id"]
            try db.execute(sql: """
                UPDATE article_state SET read = (SELECT i.wasRead FROM bulk_change_item i \
                WHERE i.changeId = ? AND i.articleId = article_state.articleId), updatedAt = ? \
                WHERE articleId IN (SELECT articleId FROM bulk_change_item WHERE changeId = ?)
                """, arguments: [changeId, date, changeId])
            let restored = db.changesCount
            try db.execute(sql: "DELETE FROM bulk_change WHERE id = ?", arguments: [changeId])
            return BulkChange(id: changeId, description: row["description"], count: restored, createdAt: row["createdAt"])
        }
    }
}

/// A saved search with its counts.
public struct SavedSearch: Sendable, Equatable, Hashable {
    public var name: String
    public var query: String
    public var articleCount: Int
    public var unreadCount: Int
    /// Why the query no longer reads; `nil` when it does.
    public var error: String?
    public init(name: String, query: String, articleCount: Int, unreadCount: Int, error: String? = nil) {
        self.name = name
        self.query = query
        self.articleCount = articleCount
        self.unreadCount = unreadCount
        self.error = error
    }
}

public enum SavedSearchOutcome: Sendable, Equatable {
    case saved(String)
    case replaced(String)
}

public enum SavedSearchError: Error, Sendable, CustomStringConvertible, LocalizedMessage {
    case invalidName(String)
    case invalidQuery(LibraryQueryError)
    case store(StoreError)

    public var description: String {
        switch self {
        case .invalidName(let reason): return reason
        case .invalidQuery: return describe(in: .en)
        case .store(let error): return error.description
        }
    }

    public func describe(in language: Language) -> String {
        switch self {
        case .invalidQuery(let error): return language.say(.queryInvalid(reason: error.describe(in: language)))
        default: return description
        }
    }
}

/// One bulk change of read state in the journal.
public struct BulkChange: Sendable, Equatable, Hashable {
    /// How many changes the journal keeps.
    public static let kept = 50
    /// `nil` when nothing changed (and nothing was journalled).
    public var id: Int64?
    public var description: String
    /// The articles whose read state changed (restored, for an undo).
    public var count: Int
    public var createdAt: Date
    public init(id: Int64?, description: String, count: Int, createdAt: Date) {
        self.id = id
        self.description = description
        self.count = count
        self.createdAt = createdAt
    }
}
