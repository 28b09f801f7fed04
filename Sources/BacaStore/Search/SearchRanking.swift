import GRDB

// MARK: - Ranking

/// How search results are ordered, like a search engine's: articles with the exact forms typed
/// first, then by bm25 with a title match weighing most and key points more than the body, newer
/// articles ahead when scores tie.
struct SearchRanking {
    /// How much a match weighs in each indexed column (bm25).
    static let weights = (title: 10.0, keyPoints: 4.0, body: 1.0)

    /// Every form of the words (`SearchQuery.ftsExpression`).
    let expression: String
    /// The forms as typed, when the query has other forms too.
    let exactExpression: String?
    /// `baca_rank`'s description of the exact forms (`SearchRankFunction`): the phrase count
    /// and, for each group of the query, the FTS5 phrase numbers of its words as typed; `nil`
    /// when the query has no other forms.
    var exactPhrases: String?
    let scope: ListScope

    init?(query: SearchQuery, scope: ListScope) {
        guard let expression = query.ftsExpression else { return nil }
        self.expression = expression
        let exact = query.exactExpression
        exactExpression = exact == expression ? nil : exact
        exactPhrases = exactExpression == nil ? nil : Self.exactPhrases(of: query)
        self.scope = scope
    }

    /// FTS5 numbers the phrases of `ftsExpression` as they are written: each group's words in
    /// order, each word as typed and then its other forms (`Term.ftsForms`), then the excluded
    /// words' forms.
    static func exactPhrases(of query: SearchQuery) -> String {
        var next = 0
        var groups: [[Int]] = []
        for group in query.groups {
            var typed: [Int] = []
            for term in group {
                typed.append(next)
                next += term.formCount
            }
            groups.append(typed)
        }
        for term in query.excluded { next += term.formCount }
        return "\(next)|" + groups.map { $0.map(String.init).joined(separator: ",") }.joined(separator: ";")
    }

    /// One page of hits: `id`, `exact`, `rank`, ordered. Reads the index and the state table
    /// when the scope needs it, never the article rows (the page's rows are read afterwards).
    ///
    /// Ranked by `baca_rank` (`SearchRankFunction`): bm25 and the exact forms in one pass over
    /// the matches, skipping the length look-up of rows that cannot reach the page. The same
    /// rows in the same order as `referenceHitsSQL` (`SearchRankingTests`).
    ///
    /// Scores that tie are put newer first within the page (`outerOrder`, on the page's own
    /// rows); across a page boundary the later import goes first. Looking up every match's day
    /// to sort on it cost a B-tree search per match (10,000 for a common word at 100,000
    /// articles), for ties that bm25 makes rare.
    var hitsSQL: String {
        let weights = Self.weights
        let arguments = "?, ?, \(weights.title), \(weights.keyPoints), \(weights.body)"
        return """
            SELECT article_fts.rowid AS id, \(SearchRankFunction.name)(article_fts, 1, \(arguments)) AS exact, \
            \(SearchRankFunction.name)(article_fts, 0, \(arguments)) AS rank \
            FROM \(ArticleStore.matchSource(scope)) \
            \(SummaryRow.whereClause(["article_fts MATCH ?", SummaryRow.condition(scope)])) \
            ORDER BY exact DESC, rank, article_fts.rowid DESC LIMIT ? OFFSET ?
            """
    }

    /// The arguments of `hitsSQL`, in order.
    func arguments(limit: Int, offset: Int) -> StatementArguments {
        let keep = max(0, offset) + limit
        let spec = exactPhrases ?? ""
        return [keep, spec, keep, spec, expression, limit, max(0, offset)]
    }

    /// `hitsSQL` in plain SQL: bm25, and a second full-text query for the exact forms. What
    /// the store runs when `baca_rank` refuses the query (its phrases are not the ones
    /// `exactPhrases` counted), and what the tests compare `hitsSQL` with.
    var referenceHitsSQL: String {
        let weights = Self.weights
        let exact = exactExpression == nil
            ? "1"
            : "(article_fts.rowid IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?))"
        return """
            SELECT article_fts.rowid AS id, \(exact) AS exact, \
            bm25(article_fts, \(weights.title), \(weights.keyPoints), \(weights.body)) AS rank \
            FROM \(ArticleStore.matchSource(scope)) \
            \(SummaryRow.whereClause(["article_fts MATCH ?", SummaryRow.condition(scope)])) \
            ORDER BY exact DESC, rank, article_fts.rowid DESC LIMIT ? OFFSET ?
            """
    }

    /// The arguments of `referenceHitsSQL`, in order.
    func referenceArguments(limit: Int, offset: Int) -> StatementArguments {
        var arguments: StatementArguments = []
        if let exactExpression { arguments += [exactExpression] }
        arguments += [expression, limit, max(0, offset)]
        return arguments
    }

    /// The page's order on the CTE `hit` joined with its article rows `a`.
    static let outerOrder = "hit.exact DESC, hit.rank, a.sortKey DESC, hit.id DESC"
}
