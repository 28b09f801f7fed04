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

    /// Inspects the file at `path`, which exists and is not empty, without creating anything
    /// beside it (see `probeName(path:)`).
    static func inspect(path: String, schema: StoreSchema) throws -> Compatibility {
        try inspection(path: path, schema: schema).compatibility
    }

    /// `inspect`, and whether the file has work left for the writer: v5's re-indexing unfinished
    /// (`search_reindex`). A current file without it needs nothing from the migrator at all.
    static func inspection(path: String, schema: StoreSchema) throws -> (compatibility: Compatibility, reindexing: Bool) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(.storeCannotReadFile(path: path))
        }
        let header = (try? handle.read(upToCount: 100)) ?? nil
        let fileSize = (try? handle.seekToEnd()).map(Int.init) ?? 0
        try? handle.close()
        guard let header, header.count >= sqliteHeader.count, Array(header.prefix(sqliteHeader.count)) == sqliteHeader else {
            throw StoreError.notADatabase(path)
        }
        if let detail = truncation(header: Array(header), fileSize: fileSize) {
            throw StoreError.truncated(path, detail: detail)
        }

        var configuration = StoreConnection.configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        configuration.label = "baca.check"
        do {
            let probe = try DatabaseQueue(path: probeName(path: path), configuration: configuration)
            defer { try? probe.close() }
            return try probe.read { db in
                let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                let tables = try Set(String.fetchAll(db, sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                    """))
                let applied = tables.contains("grdb_migrations")
                    ? try schema.migrator.appliedIdentifiers(db) : []
                return (compatibility(tables: tables, userVersion: userVersion, applied: applied, schema: schema),
                        tables.contains("search_reindex"))
            }
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB: throw StoreError.notADatabase(path)
            case .SQLITE_CORRUPT: throw StoreError.damaged(path, error)
            default: throw StoreError.from(error, label: path, doing: "checking the repository")
            }
        }
    }

    /// Why a database file is shorter than its own header says, or nil when it is not.
    ///
    /// The header (the first 100 bytes) holds the page size (offset 16) and, when it is valid,
    /// the number of pages (offset 28: valid when the change counter at offset 24 equals the
    /// number at offset 92). A file cut short, by a full disk or a copy that stopped, is refused
    /// before SQLite reads it: opening it for writing would build on a damaged file.
    static func truncation(header: [UInt8], fileSize: Int) -> String? {
        guard header.count >= 100 else {
            return "\(fileSize) bytes, shorter than a database header"
        }
        func number(_ offset: Int, _ count: Int) -> Int {
            header[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
        }
        let rawPageSize = number(16, 2)
        let pageSize = rawPageSize == 1 ? 65536 : rawPageSize
        // No valid page size: not a database at all, which SQLite itself says next.
        guard pageSize >= 512, pageSize & (pageSize - 1) == 0 else { return nil }
        let pages = number(28, 4)
        let headerIsValid = pages > 0 && number(24, 4) == number(92, 4)
        if headerIsValid, pages * pageSize > fileSize {
            return "\(fileSize) bytes where its header counts \(pages) pages of \(pageSize) bytes"
        }
        if fileSize < pageSize {
            return "\(fileSize) bytes, less than one page of \(pageSize)"
        }
        return nil
    }

    /// What the check opens the file at `path` by: with no `-wal` beside it, the database file
    /// holds everything and nobody has it open, so it is read `immutable` (see
    /// `readOnlyName(path:)`), which creates no `-wal` or `-shm`: a file that is refused is left
    /// exactly as it was found, with nothing beside it.
    static func probeName(path: String) -> String {
        guard !FileManager.default.fileExists(atPath: path + "-wal"), sqliteUsesURIs,
              let uri = immutableURI(path) else { return path }
        return uri
    }

    static func immutableURI(_ path: String) -> String? {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed).map { "file:\($0)?immutable=1" }
    }

    /// What to open the file at `path` by, read-only.
    ///
    /// A WAL database opens read-only only when SQLite can use its `-shm` file, or create it.
    /// In a folder this user may not write, with no `-shm` there, that fails; SQLite's
    /// `immutable` URI parameter then reads the database file as it is, without locks or the
    /// `-shm`. (What the `-wal` holds then is not seen: the file is read as of its last
    /// checkpoint.) Needs a SQLite built with URI support (`SQLITE_USE_URI`), as Debian's is.
    static func readOnlyName(path: String) -> String {
        guard !canOpenReadOnly(path), sqliteUsesURIs, let uri = immutableURI(path) else { return path }
        return canOpenReadOnly(uri) ? uri : path
    }

    private static func canOpenReadOnly(_ name: String) -> Bool {
        var configuration = StoreConnection.configuration()
        configuration.readonly = true
        configuration.label = "baca.probe"
        guard let queue = try? DatabaseQueue(path: name, configuration: configuration) else { return false }
        defer { try? queue.close() }
        return (try? queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }) != nil
    }

    /// Whether this SQLite reads `file:` URIs as such.
    static let sqliteUsesURIs: Bool = {
        guard let queue = try? DatabaseQueue(configuration: StoreConnection.configuration()) else { return false }
        let options = (try? queue.read { db in try String.fetchAll(db, sql: "PRAGMA compile_options") }) ?? []
        return options.contains("USE_URI=1") || options.contains("USE_URI")
    }()

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
        StoreError(.storeNotADatabase(path: path))
    }

    static func truncated(_ path: String, detail: String) -> StoreError {
        StoreError(.storeTruncated(path: path, detail: detail))
    }

    static func foreign(_ path: String) -> StoreError {
        StoreError(.storeForeign(path: path))
    }

    static func newer(_ path: String, detail: String) -> StoreError {
        StoreError(.storeNewer(path: path, detail: detail))
    }

    static func damaged(_ path: String, _ error: DatabaseError) -> StoreError {
        StoreError(.storeDamaged(path: path, reason: error.message ?? "\(error.resultCode)"))
    }

    /// One line for a database error met while `doing` something with the repository `label`.
    static func from(_ error: DatabaseError, label: String, doing: String) -> StoreError {
        let reason = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(.storeBusy(label: label))
        case .SQLITE_READONLY:
            return StoreError(.storeReadOnly(label: label, doing: doing))
        case .SQLITE_FULL:
            return StoreError(.storeDiskFull(label: label, doing: doing))
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return damaged(label, error)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return StoreError(.storeCannotOpen(label: label, reason: reason))
        case .SQLITE_IOERR:
            return StoreError(.storeIOError(label: label, doing: doing, reason: reason))
        default:
            return StoreError(.storeFailed(label: label, doing: doing, reason: reason))
        }
    }
}
