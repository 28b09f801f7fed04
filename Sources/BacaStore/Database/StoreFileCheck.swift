import Foundation
import GRDB

// MARK: - Checking a file before opening it

/// What an existing file holds, learned without writing a byte to it.
///
/// Opening a `DatabasePool` already writes (it switches the file to WAL), so everything that
/// can refuse a file is decided first: the first sixteen bytes, then a read-only connection that
/// reads `user_version`, the table names and the applied migrations.
enum StoreFileCheck {
    /// How a file's schema relates to this build's.
    enum Compatibility: Equatable {
        /// No tables yet: a new repository.
        case empty
        /// Every known migration applied, and no other.
        case current
        /// An older baca's repository: migrations to run.
        case needsMigration
        /// A SQLite database of another program.
        case foreign
        /// Written by a newer baca: `detail` says how that shows.
        case newer(detail: String)
    }

    /// The header every SQLite 3 database file starts with.
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// Inspects the file at `path`, which exists and is not empty.
    static func inspect(path: String, schema: StoreSchema) throws -> Compatibility {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError("cannot read \(path): permission denied; check the file's permissions")
        }
        let header = (try? handle.read(upToCount: sqliteHeader.count)) ?? nil
        try? handle.close()
        guard let header, Array(header) == sqliteHeader else {
            throw StoreError.notADatabase(path)
        }

        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        configuration.label = "baca.check"
        do {
            let probe = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? probe.close() }
            return try probe.read { db in
                let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                let tables = try Set(String.fetchAll(db, sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                    """))
                let applied = tables.contains("grdb_migrations")
                    ? try schema.migrator.appliedIdentifiers(db) : []
                return compatibility(tables: tables, userVersion: userVersion, applied: applied, schema: schema)
            }
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB: throw StoreError.notADatabase(path)
            case .SQLITE_CORRUPT: throw StoreError.damaged(path, error)
            default: throw StoreError.from(error, label: path, doing: "checking the repository")
            }
        }
    }

    /// Decides from what a file holds whether this build may open it (pure, for tests).
    static func compatibility(
        tables: Set<String>, userVersion: Int, applied: Set<String>, schema: StoreSchema
    ) -> Compatibility {
        if tables.isEmpty && userVersion == 0 { return .empty }
        if !tables.contains("grdb_migrations") { return .foreign }
        let known = Set(schema.identifiers)
        if userVersion > schema.version {
            return .newer(detail: "schema \(userVersion), this baca reads up to \(schema.version)")
        }
        if let unknown = applied.subtracting(known).sorted().first {
            return .newer(detail: "unknown migration '\(unknown)'")
        }
        return applied == known ? .current : .needsMigration
    }
}

// MARK: - Errors

extension StoreError {
    static func notADatabase(_ path: String) -> StoreError {
        StoreError("\(path) is not a baca repository (file is not a database); choose another file with --db")
    }

    static func foreign(_ path: String) -> StoreError {
        StoreError("\(path) is not a baca repository (it holds another program's tables); choose another file with --db")
    }

    static func newer(_ path: String, detail: String) -> StoreError {
        StoreError("\(path) was written by a newer baca (\(detail)); update baca to open it")
    }

    static func damaged(_ path: String, _ error: DatabaseError) -> StoreError {
        StoreError("\(path) is damaged (\(error.message ?? "\(error.resultCode)")); restore it from a backup or import again into a new file")
    }

    /// One line for a database error met while `doing` something with the repository `label`.
    static func from(_ error: DatabaseError, label: String, doing: String) -> StoreError {
        let reason = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError("\(label) is busy (another baca is writing to it); try again in a moment")
        case .SQLITE_READONLY:
            return StoreError("\(label) is read-only; \(doing) needs write access to the file and its folder")
        case .SQLITE_FULL:
            return StoreError("\(label): the disk is full while \(doing); free some space and try again")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return damaged(label, error)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return StoreError("cannot open \(label) (\(reason)); check the path and its permissions")
        case .SQLITE_IOERR:
            return StoreError("\(label): input/output error while \(doing) (\(reason)); check the disk")
        default:
            return StoreError("\(label): \(doing) failed (\(reason))")
        }
    }
}
