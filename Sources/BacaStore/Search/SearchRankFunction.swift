import Foundation
import GRDB
import GRDBSQLite

// MARK: - The search's ranking function

/// `baca_rank(article_fts, mode, keep, exactPhrases, wTitle, wKeyPoints, wBody)`: the FTS5
/// auxiliary function the search ranks with (`SearchRanking.hitsSQL`). Mode 0 gives a row's
/// rank, exactly `bm25(article_fts, wTitle, wKeyPoints, wBody)` (the same formula, the same
/// floating-point operations in the same order as SQLite's `fts5_aux.c`); mode 1 whether the row
/// holds the forms as typed (`exactPhrases`), which used to be a second full-text query.
///
/// Why hand-written: a medium word matches 1 % of the articles, and bm25 looks up every
/// match's length in `article_fts_docsize` (a B-tree search a row), then SQLite's sorter takes
/// every row. Only the first `keep` rows are shown (offset + limit), so the function keeps the
/// best `keep` rows it has scored so far, and a row that cannot beat the worst of them even at
/// the shortest length its matches allow (the length only lowers bm25) gets `+∞` without the
/// look-up: it sorts after the `keep` rows that are better than it, so the page is the same
/// rows in the same order. At a million articles this was most of a medium search
/// (`docs/PERFORMANCE.md`, "Fourth round").
///
/// `exactPhrases` is `"P|a,b;c"`: the expression has P phrases, and a row is exact when every
/// group (`;`) has a phrase (`,`, FTS5's phrase numbers) with a match in the row. Empty: every
/// row is exact (the query has no other forms). A phrase count other than P fails the
/// statement (the store then runs the plain SQL, `SearchRanking.referenceHitsSQL`).
enum SearchRankFunction {
    static let name = "baca_rank"

    /// Registers the function on one connection (`StoreConnection`).
    static func register(in db: Database) {
        let api = FTS5.api(db)
        _ = api.pointee.xCreateFunction!(UnsafeMutablePointer(mutating: api), name, nil, function, nil)
    }

    /// bm25's constants (`fts5_aux.c`).
    private static let k1 = 1.2
    private static let b = 0.75

    /// One query's state, kept by FTS5 for the statement's cursor (`xSetAuxdata`).
    ///
    /// Read and written for every match: the per-phrase arrays are raw buffers and the
    /// properties unchecked for exclusive access (only FTS5's one call at a time touches them);
    /// Swift's checks on a class's arrays cost more than bm25 itself.
    final class QueryState {
        let phraseCount: Int
        let averageLength: Double
        let idf: UnsafeMutableBufferPointer<Double>
        let frequencies: UnsafeMutableBufferPointer<Double>
        let matched: UnsafeMutableBufferPointer<Bool>
        /// Phrase numbers, by group: exact when every group has a phrase in the row.
        let exactGroups: [[Int]]
        /// The rows scored so far that are among the best `keep`, worst first.
        @exclusivity(unchecked) var best: BoundedHeap
        @exclusivity(unchecked) var lastRowid: Int64 = .min
        @exclusivity(unchecked) var lastExact = true
        @exclusivity(unchecked) var lastRank = 0.0

        init(idf: [Double], averageLength: Double, exactGroups: [[Int]], keep: Int) {
            phraseCount = idf.count
            self.averageLength = averageLength
            self.idf = .allocate(capacity: idf.count)
            _ = self.idf.initialize(from: idf)
            frequencies = .allocate(capacity: idf.count)
            frequencies.initialize(repeating: 0)
            matched = .allocate(capacity: idf.count)
            matched.initialize(repeating: false)
            self.exactGroups = exactGroups
            best = BoundedHeap(capacity: keep)
        }

        deinit {
            idf.deallocate()
            frequencies.deallocate()
            matched.deallocate()
        }

        /// Whether every group has a phrase in the row (`matched`).
        var isExact: Bool {
            for group in exactGroups {
                var found = false
                for phrase in group where matched[phrase] {
                    found = true
                    break
                }
                if !found { return false }
            }
            return true
        }

        /// `-score`, as `fts5Bm25Function` computes it from the phrases' weighted frequencies
        /// and the row's length in tokens.
        func rank(length: Double) -> Double {
            let k1 = SearchRankFunction.k1, b = SearchRankFunction.b
            var score = 0.0
            for index in 0..<phraseCount {
                let frequency = frequencies[index]
                score += idf[index] * ((frequency * (k1 + 1.0)) / (frequency + k1 * (1 - b + b * length / averageLength)))
            }
            return -1.0 * score
        }
    }

    /// A row as the hits are ordered: exact first, then lower rank, then the later article.
    struct Entry {
        var exact: Bool
        var rank: Double
        var rowid: Int64

        /// Whether `self` comes before `other` in `ORDER BY exact DESC, rank, rowid DESC`.
        func precedes(_ other: Entry) -> Bool {
            if exact != other.exact { return exact }
            if rank != other.rank { return rank < other.rank }
            return rowid > other.rowid
        }
    }

    /// The best `capacity` entries seen, the worst at the root.
    struct BoundedHeap {
        let capacity: Int
        private(set) var entries: [Entry] = []

        init(capacity: Int) {
            self.capacity = capacity
            entries.reserveCapacity(min(capacity, 4096))
        }

        var isFull: Bool { entries.count >= capacity }
        var worst: Entry? { entries.first }

        mutating func offer(_ entry: Entry) {
            if entries.count < capacity {
                entries.append(entry)
                var child = entries.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    // The root is the worst: a parent comes after its children.
                    guard entries[parent].precedes(entries[child]) else { break }
                    entries.swapAt(parent, child)
                    child = parent
                }
            } else if let root = entries.first, entry.precedes(root) {
                entries[0] = entry
                var parent = 0
                while true {
                    let left = 2 * parent + 1, right = left + 1
                    var last = parent
                    if left < entries.count, entries[last].precedes(entries[left]) { last = left }
                    if right < entries.count, entries[last].precedes(entries[right]) { last = right }
                    if last == parent { break }
                    entries.swapAt(parent, last)
                    parent = last
                }
            }
        }
    }

    /// `"P|a,b;c"` read, or `nil` when empty (every row exact).
    static func parse(exactPhrases: String) -> (phraseCount: Int, groups: [[Int]])? {
        guard let bar = exactPhrases.firstIndex(of: "|"), let count = Int(exactPhrases[..<bar]) else { return nil }
        let groups = exactPhrases[exactPhrases.index(after: bar)...].split(separator: ";").map {
            $0.split(separator: ",").compactMap { Int($0) }
        }
        return (count, groups)
    }

    // MARK: The C entry point

    private static let function: fts5_extension_function = { api, fts, context, valueCount, values in
        guard let api = api?.pointee, let fts, let context, let values, valueCount >= 3 else { return }
        let mode = sqlite3_value_int(values[0])
        let rowid = api.xRowid!(fts)
        let state: QueryState
        if let raw = api.xGetAuxdata!(fts, 0) {
            state = Unmanaged<QueryState>.fromOpaque(raw).takeUnretainedValue()
        } else {
            let keep = Int(max(0, sqlite3_value_int64(values[1])))
            let spec = sqlite3_value_text(values[2]).map { String(cString: $0) } ?? ""
            switch makeState(api: api, fts: fts, keep: keep, exactPhrases: spec) {
            case .success(let made): state = made
            case .failure(let code, let message):
                if let message { sqlite3_result_error(context, message, -1) } else { sqlite3_result_error_code(context, code) }
                return
            }
            let retained = Unmanaged.passRetained(state).toOpaque()
            let code = api.xSetAuxdata!(fts, retained) { raw in
                if let raw { Unmanaged<QueryState>.fromOpaque(raw).release() }
            }
            guard code == SQLITE_OK else {
                sqlite3_result_error_code(context, code)
                return
            }
        }
        if state.lastRowid != rowid {
            let code = score(api: api, fts: fts, state: state, rowid: rowid, weights: values + 3, weightCount: Int(valueCount) - 3)
            guard code == SQLITE_OK else {
                sqlite3_result_error_code(context, code)
                return
            }
        }
        if mode == 1 {
            sqlite3_result_int(context, state.lastExact ? 1 : 0)
        } else {
            sqlite3_result_double(context, state.lastRank)
        }
    }

    private enum Made {
        case success(QueryState)
        case failure(Int32, String?)
    }

    /// What `fts5Bm25GetData` computes once a query: the average row length and each phrase's
    /// idf (a pass over each phrase's matches, `xQueryPhrase`).
    private static func makeState(api: Fts5ExtensionApi, fts: OpaquePointer, keep: Int, exactPhrases: String) -> Made {
        let phraseCount = Int(api.xPhraseCount!(fts))
        var exactGroups: [[Int]] = []
        if let parsed = parse(exactPhrases: exactPhrases) {
            guard parsed.phraseCount == phraseCount, parsed.groups.allSatisfy({ $0.allSatisfy { (0..<phraseCount).contains($0) } })
            else { return .failure(SQLITE_ERROR, "\(name): the query has \(phraseCount) phrases, not \(parsed.phraseCount)") }
            exactGroups = parsed.groups
        }
        var rowCount: Int64 = 0
        var tokenCount: Int64 = 0
        var code = api.xRowCount!(fts, &rowCount)
        guard code == SQLITE_OK else { return .failure(code, nil) }
        code = api.xColumnTotalSize!(fts, -1, &tokenCount)
        guard code == SQLITE_OK else { return .failure(code, nil) }
        let averageLength = Double(tokenCount) / Double(rowCount)
        var idf: [Double] = []
        for phrase in 0..<phraseCount {
            var hits: Int64 = 0
            code = api.xQueryPhrase!(fts, Int32(phrase), &hits) { _, _, counter in
                counter?.assumingMemoryBound(to: Int64.self).pointee += 1
                return SQLITE_OK
            }
            guard code == SQLITE_OK else { return .failure(code, nil) }
            var value = log((Double(rowCount - hits) + 0.5) / (Double(hits) + 0.5))
            if value <= 0.0 { value = 1e-6 }
            idf.append(value)
        }
        return .success(QueryState(idf: idf, averageLength: averageLength, exactGroups: exactGroups, keep: keep))
    }

    /// Scores the current row into `state.last…`: its phrases' weighted frequencies, whether it
    /// is exact, and its rank, or `+∞` when it cannot be among the best `keep`.
    private static func score(
        api: Fts5ExtensionApi, fts: OpaquePointer, state: QueryState, rowid: Int64,
        weights: UnsafeMutablePointer<OpaquePointer?>, weightCount: Int
    ) -> Int32 {
        var instanceCount: Int32 = 0
        var code = api.xInstCount!(fts, &instanceCount)
        guard code == SQLITE_OK else { return code }
        for index in 0..<state.phraseCount {
            state.frequencies[index] = 0
            state.matched[index] = false
        }
        // The last token position matched in each column: the row is at least that long.
        var lastPosition = (Int32(-1), Int32(-1), Int32(-1))
        for instance in 0..<instanceCount {
            var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
            code = api.xInst!(fts, instance, &phrase, &column, &offset)
            guard code == SQLITE_OK else { return code }
            let weight = weightCount > Int(column) ? sqlite3_value_double(weights[Int(column)]) : 1.0
            state.frequencies[Int(phrase)] += weight
            state.matched[Int(phrase)] = true
            switch column {
            case 0: lastPosition.0 = max(lastPosition.0, offset)
            case 1: lastPosition.1 = max(lastPosition.1, offset)
            default: lastPosition.2 = max(lastPosition.2, offset)
            }
        }
        let exact = state.isExact
        state.lastRowid = rowid
        state.lastExact = exact
        if state.best.isFull, let worst = state.best.worst {
            let shortest = Double(Int(lastPosition.0) + 1 + Int(lastPosition.1) + 1 + Int(lastPosition.2) + 1)
            if !exact && worst.exact
                || exact == worst.exact && state.rank(length: shortest) > worst.rank {
                // Worse than `keep` rows already scored whatever its length: never shown.
                state.lastRank = .infinity
                return SQLITE_OK
            }
        }
        var length: Int32 = 0
        code = api.xColumnSize!(fts, -1, &length)
        guard code == SQLITE_OK else { return code }
        state.lastRank = state.rank(length: Double(length))
        state.best.offer(Entry(exact: exact, rank: state.lastRank, rowid: rowid))
        return SQLITE_OK
    }
}
