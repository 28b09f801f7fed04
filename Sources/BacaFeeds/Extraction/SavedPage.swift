import BacaCore
import BacaStore
import Foundation

/// Saved article pages (`baca import page.html`): the same extractor as fetched pages, offline.
public enum SavedPage {
    /// The loaders to register on a `FileImporter` for `.html` and `.htm` files.
    public static var loaders: [String: DocumentLoader] {
        ["html": load, "htm": load, "xhtml": load]
    }

    /// The article of a saved page, under its canonical URL when the page names one.
    @Sendable public static func load(_ data: Data) throws -> LoadedDocument {
        let page = try ArticleExtractor.extract(data, url: nil)
        let encoding = page.encoding.lowercased()
        let decodedFrom: TextEncodingName? = ["windows-1252", "cp1252", "iso-8859-1"].contains(encoding) ? .windows1252
            : encoding.hasPrefix("utf-16") ? .utf16 : nil
        return LoadedDocument(
            article: page.article, decodedFrom: decodedFrom,
            url: page.canonicalURL.map(FeedFetcher.normalised)?.absoluteString)
    }
}
