import BacaCore
import Foundation

/// An article encoded for the repository (its text compressed, its search text made), ready
/// to store. Made on any thread, so that an import (`FileImporter`, in BacaFeeds) prepares a
/// batch on every core while the batch before it is written; the store only writes it.
public struct PreparedArticle: Sendable {
    let record: ArticleRecord

    public var title: String { record.title }

    public init(_ article: Article, sourcePath: String, importedAt: Date) throws {
        record = try ArticleRecord(article: article, sourcePath: sourcePath, importedAt: importedAt)
    }
}

extension ArticleStore {
    /// Stores prepared articles in one transaction, in order (see `save(_:)` of records): one
    /// bad article never takes the others with it.
    public func save(_ articles: [PreparedArticle]) -> [Result<ImportOutcome, StoreError>] {
        save(articles.map(\.record))
    }

    /// Stores the batches `nextBatch` hands out, in order, all in ONE transaction, until it
    /// returns nil; the outcomes of each batch. Throws, and stores none of them, when one fails
    /// (the caller stores those batches again with `save(_:)`, which sets a bad article apart).
    ///
    /// What a long import does: a commit, and the search index's flush of its pending terms,
    /// once for many batches instead of once a batch. With the index's pending terms kept in
    /// memory up to `IndexMergeSettings.hashBytes`, each flush writes a larger segment, which
    /// FTS5 merges fewer times (`docs/PERFORMANCE.md`, fifth round). `nextBatch` runs on the
    /// writer's queue: it decides how long the transaction lasts, and so how long another
    /// writer (the reader marking an article read) may wait.
    public func saveInOneTransaction(_ nextBatch: () -> [PreparedArticle]?) throws -> [[ImportOutcome]] {
        try write("importing articles") { db in
            var outcomes: [[ImportOutcome]] = []
            while let batch = nextBatch() {
                outcomes.append(try batch.map { try Self.save($0.record, in: db) })
            }
            return outcomes
        }
    }

    /// Gives the file system back the pages a long import left free (FTS5's merges free the
    /// segments they replace). Only a repository made with `auto_vacuum = INCREMENTAL` (every
    /// repository created since schema v10) can; for an older one it does nothing, and its
    /// free pages are used again by the next writes.
    public func releaseFreePages() {
        guard !isReadOnly else { return }
        _ = try? writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA incremental_vacuum")
        }
    }

    /// How large a long import lets the log grow between checkpoints: 256 MiB (at 100,000
    /// captures 128 MiB wrote 8 % more and took 5 % longer; the file is emptied at the end).
    static let longImportLogBytes = 256 << 20

    /// Readies the writer for an import of many batches: a bigger page cache for the writer
    /// (64 MiB at 100,000 captures gave 17 → 10 s of system time but a peak of 154 MB; 24 MiB
    /// keeps the import under 100 MB) and a longer log between checkpoints.
    public func prepareForLongImport() {
        setWriterCacheSize(mebibytes: 24)
        setWriterCheckpointBytes(Self.longImportLogBytes)
    }

    /// How the store names itself in messages (its file).
    public var displayName: String { label }
}
