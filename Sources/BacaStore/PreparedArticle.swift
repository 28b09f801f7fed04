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

    /// Readies the writer for an import of many batches: a bigger page cache for the writer
    /// (64 MiB at 100,000 captures gave 17 → 10 s of system time but a peak of 154 MB; 24 MiB
    /// keeps the import under 100 MB) and a longer log between checkpoints.
    public func prepareForLongImport() {
        setWriterCacheSize(mebibytes: 24)
        setWriterCheckpointPages(8000)
    }

    /// How the store names itself in messages (its file).
    public var displayName: String { label }
}
