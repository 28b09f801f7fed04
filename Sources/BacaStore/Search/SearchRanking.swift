import GRDB

// MARK: - Ranking

/// How search results are ordered, like a search engine's: articles with the exact forms typed
/// first, then by bm25 with a title match weighing most and key points more than the body, newer
/// articles ahead when scores tie, the latest import last of all.
struct SearchRanking {
    /// How much a match weighs in each indexed column (bm25).
    static let weights = (title: 10.0, keyPoints: 4.0, body: 1.0)

    /// Every form of the words (`SearchQuery.ftsExpression`).
    let expression: String
    /// The forms as typed, when the query has other forms too.
    let exactExpression: String?
    let scope: ListScope

    init?(query: SearchQuery, scope: ListScope) {
        guard let expression = query.ftsExpression else { return nil }
        self.expression = expression
        let exact = query.exactExpression
        exactExpression = exact == expression ? nil : exact
        self.scope = scope
    }

    /// One page of hits: `id`, `exact`, `rank`, `sortKey`, ordered. Reads the index, the state
    /// table when the scope needs it, and the covering index `article_on_id_sortKey` (the day
    /// for ties) — never the article rows.
    var hitsSQL: String {
        let weights = Self.weights
        let exact = exactExpression == nil
            ? "1"
            : "(article_fts.rowid IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?))"
        return """
            SELECT article_fts.rowid AS id, \(exact) AS exact, \
            bm25(article_fts, \(weights.title), \(weights.keyPoints), \(weights.body)) AS rank, \
            (SELECT k.sortKey FROM article k INDEXED BY article_on_id_sortKey WHERE k.id = article_fts.rowid) AS sortKey \
            FROM \(ArticleStore.matchSource(scope)) \
            \(SummaryRow.whereClause(["article_fts MATCH ?", SummaryRow.condition(scope)])) \
            ORDER BY exact DESC, rank, sortKey DESC, article_fts.rowid DESC LIMIT ? OFFSET ?
            """
    }

    /// The same order on the CTE `hit`.
    static let outerOrder = "hit.exact DESC, hit.rank, hit.sortKey DESC, hit.id DESC"

    /// The arguments of `hitsSQL`, in order.
    func arguments(limit: Int, offset: Int) -> StatementArguments {
        var arguments: StatementArguments = []
        if let exactExpression { arguments += [exactExpression] }
        arguments += [expression, limit, max(0, offset)]
        return arguments
    }
}
