import GRDB

// MARK: - Every connection's set-up

/// What every connection to a baca repository needs before it runs a statement: the search
/// index's tokenizer (`StemmingTokenizer`), the search's ranking function (`SearchRankFunction`)
/// and the functions that read the compressed text (`StoreFunctions`). The store, the file check, the migrations and the
/// tests that open a repository directly all configure their connections here, and only here;
/// a connection configured otherwise fails with "no such tokenizer: baca_stem" when it reads or
/// writes the index.
public enum StoreConnection {
    /// Adds baca's set-up to `configuration` (keeps what it already prepares).
    public static func prepare(_ configuration: inout Configuration) {
        configuration.prepareDatabase { db in
            db.add(tokenizer: StemmingTokenizer.self)
            SearchRankFunction.register(in: db)
            StoreFunctions.register(in: db)
        }
    }

    /// A configuration with baca's set-up and nothing else.
    public static func configuration() -> Configuration {
        var configuration = Configuration()
        prepare(&configuration)
        return configuration
    }
}
