import GRDB

extension ArticleStore {
    /// Moves what the write-ahead log holds into the repository file and empties the log, so
    /// that `baca.sqlite` alone is a complete copy after a command ends. Best effort: when
    /// another process is reading, SQLite leaves the log for a later checkpoint.
    public func checkpoint() {
        guard writer is DatabasePool else { return }
        _ = try? writer.writeWithoutTransaction { db in
            try db.checkpoint(.truncate)
        }
    }
}
