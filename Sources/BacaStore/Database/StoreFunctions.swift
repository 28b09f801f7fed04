import BacaCore
import Foundation
import GRDB

/// The SQL functions the schema itself uses (v6): the view `article_text` decompresses
/// `bodyZ` into `body` and `bodyText`, the search index reads `bodyText` through it for
/// snippets and highlights, and the triggers for the old text of an article they re-index. Every connection to a repository must have them:
/// the store's writer, readers and observer, the file check and tests that open a file
/// directly all add them here, and only here; a connection without them fails with
/// "no such function: baca_unzstd" as soon as it reads those columns.
public enum StoreFunctions {
    /// Adds the functions to every connection `configuration` opens (keeps what it already
    /// prepares).
    public static func prepare(_ configuration: inout Configuration) {
        configuration.prepareDatabase { db in register(in: db) }
    }

    /// Adds the functions to one open connection.
    public static func register(in db: Database) {
        db.add(function: compress)
        db.add(function: decompress)
        db.add(function: bodyText)
    }

    /// `baca_zstd(text)`: the zstd frame of a text's UTF-8 (the v6 migration's conversion).
    static let compress = DatabaseFunction("baca_zstd", argumentCount: 1, pure: true) { values in
        guard let text = String.fromDatabaseValue(values[0]) else { return nil }
        var copy = text
        return Data(copy.withUTF8 { Zstd.compress(UnsafeRawBufferPointer($0)) })
    }

    /// `baca_unzstd(blob)`: the text in a zstd frame (`article_text.body`, the article's JSON).
    static let decompress = DatabaseFunction("baca_unzstd", argumentCount: 1, pure: true) { values in
        guard let frame = Data.fromDatabaseValue(values[0]) else { return nil }
        let bytes = try frame.withUnsafeBytes { try Zstd.decompress($0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `baca_body_text(blob)`: the search index's text of the article in a `bodyZ` value,
    /// `Article.bodyText`, what the import indexed.
    static let bodyText = DatabaseFunction("baca_body_text", argumentCount: 1, pure: true) { values in
        guard let frame = Data.fromDatabaseValue(values[0]) else { return nil }
        return try ArticleRecord.article(compressedJSON: frame).bodyText
    }
}
