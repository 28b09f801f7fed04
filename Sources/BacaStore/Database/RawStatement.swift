import Foundation
import GRDB
import GRDBSQLite

/// One run of a cached statement through SQLite's C API: bind, step, reset.
///
/// For the statements an import runs for every article. GRDB's `StatementArguments` box each
/// value as a `DatabaseValue` in arrays and bind it through generic code: with the look-ups,
/// the two inserts and the count, ~35 k instructions an article (callgrind, `docs/PERFORMANCE.md`
/// sixth round). Values are bound `SQLITE_TRANSIENT` (SQLite copies them), so nothing bound
/// has to outlive the call; the statement is reset and its bindings cleared when the run ends,
/// as GRDB leaves a statement, so GRDB may run it next.
struct RawStatement {
    private let handle: OpaquePointer
    private let connection: OpaquePointer

    init(_ sql: String, in db: Database) throws {
        handle = try db.cachedStatement(sql: sql).sqliteStatement
        connection = db.sqliteConnection!
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// `SQLITE_TRANSIENT`: SQLite copies the value before the bind call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Binds `text` (NULL when nil) to parameter `index` (from 1).
    func bind(_ index: Int32, _ text: String?) throws {
        guard var text else { return try check(sqlite3_bind_null(handle, index)) }
        let code = text.withUTF8 { bytes in
            if let base = bytes.baseAddress {
                return sqlite3_bind_text(
                    handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                    Self.transient)
            }
            // An empty buffer may have no address, and a NULL pointer would bind NULL, not "".
            return sqlite3_bind_text(handle, index, "", 0, Self.transient)
        }
        try check(code)
    }

    func bind(_ index: Int32, _ value: Int64?) throws {
        guard let value else { return try check(sqlite3_bind_null(handle, index)) }
        try check(sqlite3_bind_int64(handle, index, value))
    }

    func bind(_ index: Int32, _ data: Data) throws {
        let code = data.withUnsafeBytes { bytes in
            // Empty data as a zero-length blob (never NULL: `bodyZ` is never empty anyway).
            if let base = bytes.baseAddress {
                return sqlite3_bind_blob(handle, index, base, Int32(bytes.count), Self.transient)
            }
            return sqlite3_bind_zeroblob(handle, index, 0)
        }
        try check(code)
    }

    /// A bind that fails (a value too big, no memory) must not leave its parameter NULL: a NULL
    /// index text would leave a row its later delete cannot find.
    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else {
            let error = self.error(code)
            finish()
            throw error
        }
    }

    /// Steps the statement to its end (a write).
    func run() throws {
        defer { finish() }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw error(code) }
    }

    /// Steps once and reads the first row with `read` (given the statement), or nil when there
    /// is none.
    func firstRow<Value>(_ read: (OpaquePointer) -> Value) throws -> Value? {
        defer { finish() }
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return read(handle)
        case SQLITE_DONE: return nil
        case let code: throw error(code)
        }
    }

    /// Column `index` (from 0) of the current row as text, nil when NULL.
    static func text(_ statement: OpaquePointer, _ index: Int32) -> String? {
        guard let bytes = sqlite3_column_text(statement, index) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, index))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    private func finish() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)),
            sql: String(cString: sqlite3_sql(handle)))
    }
}
