// libFuzzer target for the search-query translator (built by fuzz.sh, not by SwiftPM).
//
// The first byte picks the mode: even, the rest is the query as text (UTF-8, invalid bytes
// replaced); odd, the rest chooses a query of words, operators and odd characters. Every
// expression runs against a real FTS5 table with baca's tokenizer (QueryInvariants).
import CSQLite
import Foundation

private struct SQLiteError: Error, CustomStringConvertible {
    var description: String
}

nonisolated(unsafe) private var database: OpaquePointer? = {
    var db: OpaquePointer?
    guard sqlite3_open(":memory:", &db) == SQLITE_OK,
          sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')", nil, nil, nil) == SQLITE_OK
    else { fatalError("cannot set up FTS5") }
    return db
}()

private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

private func count(_ expression: String, _ document: String) throws -> Int {
    let db = database
    sqlite3_exec(db, "DELETE FROM t", nil, nil, nil)
    var insert: OpaquePointer?
    sqlite3_prepare_v2(db, "INSERT INTO t (body) VALUES (?)", -1, &insert, nil)
    sqlite3_bind_text(insert, 1, document, -1, transient)
    sqlite3_step(insert)
    sqlite3_finalize(insert)
    var select: OpaquePointer?
    guard sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?", -1, &select, nil) == SQLITE_OK else {
        throw SQLiteError(description: String(cString: sqlite3_errmsg(db)))
    }
    defer { sqlite3_finalize(select) }
    sqlite3_bind_text(select, 1, expression, -1, transient)
    guard sqlite3_step(select) == SQLITE_ROW else {
        throw SQLiteError(description: String(cString: sqlite3_errmsg(db)))
    }
    return Int(sqlite3_column_int64(select, 0))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSearchQuery(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let rest = Array(bytes.dropFirst())
    let text = bytes[0] & 1 == 0 ? String(decoding: rest, as: UTF8.self) : QueryInvariants.query(rest)
    let problems = QueryInvariants.check(text, match: count)
    if !problems.isEmpty {
        FileHandle.standardError.write(Data(("query invariant broken:\n" + problems.joined(separator: "\n") + "\n").utf8))
        abort()
    }
    return 0
}
