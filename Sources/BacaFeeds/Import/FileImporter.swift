import BacaCore
import BacaStore
import Foundation

/// What happened to one file of an import.
public struct FileImportReport: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case imported(id: Int64)
        case updated(id: Int64)
        case unchanged(id: Int64)
        case failed(reason: String)
    }

    public var path: String
    public var status: Status
    /// Set when the file was not UTF-8 and had to be decoded otherwise.
    public var decodedFrom: TextEncodingName?
    /// The failure's reason in either language, when it can say itself (`status` keeps the
    /// English text).
    public var reasonMessage: Message?

    init(path: String, status: Status, decodedFrom: TextEncodingName? = nil, reasonMessage: Message? = nil) {
        self.path = path
        self.status = status
        self.decodedFrom = decodedFrom
        self.reasonMessage = reasonMessage
    }

    /// A failed file's report, its reason from `error` (in either language when it can).
    static func failed(_ path: String, _ error: any Error, decodedFrom: TextEncodingName? = nil) -> FileImportReport {
        let message: Message? = switch error {
        case let problem as FileProblem: .fileProblem(problem)
        case let capture as CaptureError: .fileProblem(capture.problem)
        case let store as StoreError: store.message
        default: nil
        }
        return FileImportReport(path: path, status: .failed(reason: "\(error)"), decodedFrom: decodedFrom, reasonMessage: message)
    }

    /// `imported`, `updated`, `unchanged` or `failed: reason`, as the CLI prints it.
    public var statusText: String { statusText(in: .en) }

    /// `imported`, `failed: reason` … in `language` (the reason as given).
    public func statusText(in language: Language) -> String {
        switch status {
        case .imported: return language.say(.importLine(status: .imported, reason: nil))
        case .updated: return language.say(.importLine(status: .updated, reason: nil))
        case .unchanged: return language.say(.importLine(status: .unchanged, reason: nil))
        case .failed(let reason):
            return language.say(.importLine(status: .failed, reason: reasonMessage.map { language.say($0) } ?? reason))
        }
    }

    public var failed: Bool {
        if case .failed = status { return true }
        return false
    }
}

/// Totals of an import, for the summary line.
public struct ImportSummary: Sendable, Equatable {
    public var imported = 0
    public var updated = 0
    public var unchanged = 0
    public var failed = 0

    public init() {}

    public mutating func add(_ report: FileImportReport) {
        switch report.status {
        case .imported: imported += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        case .failed: failed += 1
        }
    }

    /// `12 files: 10 imported, 1 updated, 1 unchanged, 0 failed`.
    public var line: String { line(in: .en) }

    public func line(in language: Language) -> String {
        language.say(.importSummary(imported: imported, updated: updated, unchanged: unchanged, failed: failed))
    }
}

/// Imports capture files and folders of them into a repository, in batches of one transaction.
///
/// Files are the importer's business (walking folders, reading at most so many bytes of a
/// regular file, telling formats apart, decoding, preparing on every core); the repository only
/// stores what it is given (`PreparedArticle`, `ArticleStore.save`), in SQL.
public struct FileImporter: Sendable {
    public let store: ArticleStore
    /// File name endings that count as captures when a folder is walked.
    public var captureExtensions: Set<String> = ["txt"]
    /// Readers of other kinds of files, by file name ending (see `LoadedDocument`).
    public var loaders: [String: DocumentLoader] = [:]

    public init(store: ArticleStore) { self.store = store }

    /// The capture files that `paths` name: files as given, folders walked recursively (sorted,
    /// symlinked folders followed once, loops skipped). Paths that do not exist are returned too,
    /// so that the import reports them, and so are links to nowhere found in a folder walk.
    public func captureFiles(in paths: [String]) -> [String] {
        walk(paths).map(\.path)
    }

    /// A file to import, or a place in the walk that failed before any file could be read.
    struct WalkEntry: Equatable {
        var path: String
        var failure: String?
    }

    /// The files to import, in order, with what went wrong on the way (an unreadable folder).
    func walk(_ paths: [String]) -> [WalkEntry] {
        Array(IteratorSequence(folderWalk(paths)))
    }

    /// The same walk, one entry at a time: what an import goes through (no list of every file).
    func folderWalk(_ paths: [String]) -> FolderWalk {
        FolderWalk(paths) { path in
            let fileExtension = PathText.lowercasedExtension(of: path)
            return captureExtensions.contains(fileExtension) || loaders[fileExtension] != nil
        }
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// How many files one transaction stores. 64: enough to amortise the commit and the index
    /// flush (512 was not measurably faster), small enough that a reader's own state write
    /// waits for the import's write lock only briefly and the prepared batch in memory is small.
    public var batchSize = 64

    /// A file read, parsed and turned into its row, or why it could not be.
    enum Prepared: Sendable {
        case ready(PreparedArticle, decodedFrom: TextEncodingName?)
        /// A file of another kind, read by its loader; stored on its own, in file order.
        case document(LoadedDocument, absolute: String)
        case failed(FileImportReport)

        /// The row to store, for a capture.
        var record: PreparedArticle? {
            if case .ready(let record, _) = self { record } else { nil }
        }

        var isDocument: Bool {
            if case .document = self { true } else { false }
        }

        /// What its report needs once the row is stored (nil for a document, stored on its own).
        var seed: ReportSeed? {
            switch self {
            case .ready(_, let decodedFrom): .row(decodedFrom: decodedFrom)
            case .failed(let report): .failed(report)
            case .document: nil
            }
        }
    }

    /// A capture or failure of a batch without the row: enough to report it once stored.
    enum ReportSeed {
        case row(decodedFrom: TextEncodingName?)
        case failed(FileImportReport)
    }

    /// Reads, decodes, parses and encodes one file: everything an import does but the write.
    /// Pure and thread-safe, so a batch is prepared on every core at once.
    func prepare(path: String, importedAt: Date, currentDirectory: String = PathText.currentDirectory) -> Prepared {
        let absolute = PathText.absolute(path, currentDirectory: currentDirectory)
        // The file is opened once and checked through that descriptor (`readCapture`): what is
        // read is what was checked, a regular file of at most `CaptureLoader.maximumBytes`.
        let data: Data
        switch Self.readCapture(atPath: absolute, limit: CaptureLoader.maximumBytes) {
        case .success(let bytes): data = bytes
        case .failure(let reason): return .failed(reason.report(path: path))
        }
        if !loaders.isEmpty, let loader = loaders[PathText.lowercasedExtension(of: path)] {
            do {
                return .document(try loader(data), absolute: absolute)
            } catch {
                return .failed(.failed(path, error))
            }
        }
        let loaded: LoadedCapture
        do {
            loaded = try CaptureLoader.load(data)
        } catch {
            return .failed(.failed(path, error))
        }
        let decodedFrom = loaded.encoding == .utf8 ? nil : loaded.encoding
        do {
            let record = try PreparedArticle(loaded.article, sourcePath: absolute, importedAt: importedAt)
            return .ready(record, decodedFrom: decodedFrom)
        } catch {
            let reason = "\(store.displayName): cannot encode the article '\(loaded.article.title)' (\(error))"
            return .failed(FileImportReport(path: path, status: .failed(reason: reason), decodedFrom: decodedFrom))
        }
    }

    /// Imports one file; never throws: a failure is a report.
    public func importFile(atPath path: String) -> FileImportReport {
        importBatch([path], importedAt: Date())[0]
    }

    /// Imports `files`: prepared on every core at once, then stored in one transaction.
    func importBatch(_ files: [String], importedAt: Date) -> [FileImportReport] {
        store(Self.concurrentMap(files) { prepare(path: $0, importedAt: importedAt) }, of: files)
    }

    /// Stores the prepared files of a batch, in order: the captures in one transaction (a
    /// document of another kind in between is stored on its own); a report for each file.
    private func store(_ prepared: [Prepared], of files: [String]) -> [FileImportReport] {
        var reports: [FileImportReport] = []
        var run: [Prepared] = []
        var runFiles: [String] = []
        func storeRun() {
            reports += Self.reports(run.map { $0.seed! }, of: runFiles, stored: store.save(run.compactMap(\.record)))
            run.removeAll()
            runFiles.removeAll()
        }
        for (item, file) in zip(prepared, files) {
            if case .document(let loaded, let absolute) = item {
                storeRun()
                reports.append(storeDocument(loaded, path: file, absolute: absolute))
            } else {
                run.append(item)
                runFiles.append(file)
            }
        }
        storeRun()
        return reports
    }

    /// The reports of a batch's captures and failures, given what storing the captures' rows
    /// did, in order.
    static func reports(
        _ seeds: [ReportSeed], of files: [String], stored: [Result<ImportOutcome, StoreError>]
    ) -> [FileImportReport] {
        var outcomes = stored.makeIterator()
        return zip(seeds, files).map { seed, file in
            switch seed {
            case .failed(let report):
                return report
            case .row(let decodedFrom):
                switch outcomes.next()! {
                case .success(.imported(let id)): return FileImportReport(path: file, status: .imported(id: id), decodedFrom: decodedFrom)
                case .success(.updated(let id)): return FileImportReport(path: file, status: .updated(id: id), decodedFrom: decodedFrom)
                case .success(.unchanged(let id)): return FileImportReport(path: file, status: .unchanged(id: id), decodedFrom: decodedFrom)
                case .failure(let error): return .failed(file, error, decodedFrom: decodedFrom)
                }
            }
        }
    }

    /// How many captures one transaction of a long import stores at most: a commit and a
    /// search-index segment for this many instead of one a batch (`saveInOneTransaction`).
    /// 1,024: CPU time of a 100,000-capture import −25 %, bytes written −50 %; more saves
    /// little and holds the reader's own writes (read, star) longer.
    public var transactionArticles = 1_024
    /// And for about how long (a transaction ends at the first batch boundary after it), so
    /// that a slow disk never holds another writer for long: well under SQLite's 5 s busy
    /// time-out. Not shorter: at full speed 1,024 captures take ~0.1 s and this limit never
    /// acts, but on a slow or busy machine (or under valgrind) a short one cut an import into
    /// many small transactions, and past 16 index segments FTS5 merges them: at 0.5 s the
    /// callgrind count of 1,000 captures rose from 1.15 M to 1.41 M an article with two other
    /// busy processes; at 2 s it stays at 1.16–1.17 M (`docs/PERFORMANCE.md`, sixth round).
    public var transactionSeconds = 2.0
    /// How many batches are read and prepared ahead of the one being stored. One kept a core
    /// idle whenever the writer or the preparing finished first; three keep both busy, for a
    /// few megabytes (`docs/PERFORMANCE.md`, fifth round).
    public var batchesAhead = 3

    /// Imports every capture that `paths` name, calling `report` after each file, in order.
    ///
    /// Files go in batches of `batchSize`: a batch is read and parsed on every core while the
    /// batch before it is written. Consecutive batches share one transaction, up to
    /// `transactionArticles` files or `transactionSeconds`; the reports of a transaction's
    /// files are made once it has committed (`docs/PERFORMANCE.md`).
    ///
    /// The files are walked as the import goes (`FolderWalk`): its memory does not grow with
    /// the number of files, only with the longest folder's names (about 30 bytes a name).
    @discardableResult
    public func importPaths(_ paths: [String], report: (FileImportReport) -> Void = { _ in }) -> ImportSummary {
        var summary = ImportSummary()
        var walk = folderWalk(paths)
        // A batch never holds more than a transaction may.
        let size = max(1, min(batchSize, transactionArticles))
        /// The next batch: up to `size` files, with the places the walk could not read (reported
        /// where the walk met them, in order with the files).
        func nextBatch() -> [WalkEntry] {
            var batch: [WalkEntry] = []
            var files = 0
            while files < size, let entry = walk.next() {
                batch.append(entry)
                if entry.failure == nil { files += 1 }
            }
            return batch
        }
        func emit(_ results: [FileImportReport]) {
            for result in results {
                summary.add(result)
                report(result)
            }
        }
        // The batches read and prepared ahead of the writer, in order.
        var queued: [(paths: [String], pending: Pending<[Prepared]>)] = []
        func queueBatches() {
            while queued.count < max(1, batchesAhead) {
                let batch = nextBatch()
                if batch.isEmpty { return }
                queued.append((batch.map(\.path), prepareInBackground(batch)))
            }
        }
        queueBatches()
        // A full first batch: likely many (before any transaction: it sets the writer up).
        // A bigger page cache for the writer (64 MiB at 100,000 captures: 17 → 10 s of system
        // time, 9 % less wall time, but the import's peak memory 85 → 154 MB; 24 MiB keeps it
        // under 100 MB).
        if queued.count > 1 { store.prepareForLongImport() }
        /// The next batch, once it is prepared (another one queued behind the others).
        func take() -> (paths: [String], prepared: [Prepared])? {
            guard !queued.isEmpty else { return nil }
            let (paths, pending) = queued.removeFirst()
            queueBatches()
            return (paths, pending.wait())
        }
        // When the writer last left the lock free for a moment (see the end of the loop).
        var lastPause = DispatchTime.now().uptimeNanoseconds
        while !queued.isEmpty {
            // One transaction: captures only (a batch with a document of another kind is
            // stored on its own, after it), until the limits.
            // The transaction's batches without their rows (a thousand articles' text and
            // index terms would double the import's memory): enough for the reports.
            var held: [(paths: [String], seeds: [ReportSeed])] = []
            var carried: (paths: [String], prepared: [Prepared])?
            var files = 0
            let started = DispatchTime.now().uptimeNanoseconds
            let limitNanoseconds = UInt64(min(max(0, transactionSeconds), 3_600) * 1e9)
            func nextRecords() -> [PreparedArticle]? {
                // The first batch always: a transaction makes progress whatever the limits.
                guard carried == nil,
                      held.isEmpty || (files < transactionArticles
                          && DispatchTime.now().uptimeNanoseconds - started < limitNanoseconds),
                      let (paths, prepared) = take()
                else { return nil }
                if prepared.contains(where: \.isDocument) {
                    carried = (paths, prepared)
                    return nil
                }
                held.append((paths, prepared.map { $0.seed! }))
                // Files stored, not places the walk could not read.
                files += prepared.count { $0.record != nil }
                return prepared.compactMap(\.record)
            }
            do {
                let outcomes = try store.saveInOneTransaction(nextRecords)
                for ((paths, seeds), stored) in zip(held, outcomes) {
                    emit(Self.reports(seeds, of: paths, stored: stored.map { .success($0) }))
                }
            } catch {
                // Nothing of the transaction was stored: its files read again and stored a batch
                // at a time, the way `importBatch` does (a bad article set apart in a
                // transaction of its own); failures before storing stay as they were.
                for (paths, seeds) in held {
                    var reports: [FileImportReport?] = seeds.map { if case .failed(let report) = $0 { report } else { nil } }
                    let again = reports.indices.filter { reports[$0] == nil }
                    for (index, report) in zip(again, importBatch(again.map { paths[$0] }, importedAt: Date())) {
                        reports[index] = report
                    }
                    emit(reports.map { $0! })
                }
                // Refused before any batch was taken (a repository opened read-only): the next
                // batch the single way, which reports why for each file, so the import goes on.
                if held.isEmpty, carried == nil, let (paths, prepared) = take() {
                    emit(store(prepared, of: paths))
                }
            }
            if let carried {
                emit(store(carried.prepared, of: carried.paths))
            }
            // Between transactions, after each half second of writing, a moment for another
            // process's writer (the reader marking an article read): SQLite's busy handler
            // polls every 100 ms at most, and a lock taken again at once would keep it out until
            // its 5 s time-out. 5 ms every half second costs 1 % of a long import.
            let now = DispatchTime.now().uptimeNanoseconds
            if !queued.isEmpty, now - lastPause >= 500_000_000 {
                usleep(5_000)
                lastPause = DispatchTime.now().uptimeNanoseconds
            }
        }
        return summary
    }

    /// Prepares the files of `entries` on other threads (a place the walk could not read is
    /// its failure); `wait()` returns the result.
    private func prepareInBackground(_ entries: [WalkEntry]) -> Pending<[Prepared]> {
        let pending = Pending<[Prepared]>()
        let importedAt = Date()
        let files = entries.map(\.path)
        let failures = entries.map(\.failure)
        let currentDirectory = PathText.currentDirectory
        Self.preparing.async {
            var prepared = Self.concurrentMap(files) { path in
                Self.yieldToWriter()
                return prepare(path: path, importedAt: importedAt, currentDirectory: currentDirectory)
            }
            for (index, failure) in failures.enumerated() {
                if let failure {
                    prepared[index] = .failed(FileImportReport(path: files[index], status: .failed(reason: failure)))
                }
            }
            pending.fulfil(prepared)
        }
        return pending
    }

    /// Gives the thread preparing files a lower priority than the writer (nice 10): the writer
    /// is the import's critical path, and on two cores the preparing threads took its core away
    /// about a sixth of the time; they have the time the writer leaves. (Linux applies it to the
    /// calling thread alone. It stays: an unprivileged process cannot raise a priority again, and
    /// the threads are the process's background workers, below what the user sees either way.)
    static func yieldToWriter() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #else
        _ = setpriority(PRIO_PROCESS, 0, 10)
        #endif
    }

    /// Where batches are prepared, one after another (each on every core): the first queued is
    /// the first ready.
    private static let preparing = DispatchQueue(label: "baca.import.preparing")

    /// A value computed on another thread.
    private final class Pending<Value: Sendable>: @unchecked Sendable {
        private let ready = DispatchSemaphore(value: 0)
        private var value: Value?

        func fulfil(_ value: Value) {
            self.value = value
            ready.signal()
        }

        func wait() -> Value {
            ready.wait()
            return value!
        }
    }

    /// `items.map(transform)`, the items spread over every core.
    static func concurrentMap<T: Sendable>(_ items: [String], _ transform: @Sendable (String) -> T) -> [T] {
        guard items.count > 1 else { return items.map(transform) }
        // Each iteration writes its own element only.
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results[index] = transform(items[index])
        }
        return results.map { $0! }
    }

    /// Why a file could not be read, as the report says it.
    struct ReadFailure: Error, Equatable {
        var text: String
        /// The same in either language, when it is one of baca's own reasons.
        var problem: FileProblem?

        init(text: String) { self.text = text }

        init(_ problem: FileProblem) {
            self.text = problem.description
            self.problem = problem
        }

        /// Equal when they say the same (in English).
        static func == (lhs: Self, rhs: Self) -> Bool { lhs.text == rhs.text }

        func report(path: String) -> FileImportReport {
            FileImportReport(path: path, status: .failed(reason: text), reasonMessage: problem.map { .fileProblem($0) })
        }
    }

    /// The bytes of the regular file at `path`, at most `limit` of them.
    static func readCapture(atPath path: String, limit: Int) -> Result<Data, ReadFailure> {
        // O_NONBLOCK: opening a FIFO must not wait for a writer. Cleared again before reading.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(ReadFailure(openFailure(errno, path: path))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(ReadFailure(text: describe(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(ReadFailure(.isFolder))
        default: return .failure(ReadFailure(.notRegularFile))
        }
        let size = Int(info.st_size)
        if size > limit {
            return .failure(ReadFailure(.tooLarge(bytes: size, limit: limit)))
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var data = Data(count: min(size, limit) + 1)
        var filled = 0
        while true {
            if filled == data.count {
                // Grew since fstat: read on up to one byte past the limit, to tell.
                guard data.count <= limit else { break }
                data.count = min(limit + 1, data.count * 2)
            }
            let count = data.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count > 0 {
                filled += count
            } else if count == 0 {
                break
            } else if errno != EINTR {
                return .failure(ReadFailure(.cannotRead(reason: describe(errno))))
            }
        }
        if filled > limit {
            return .failure(ReadFailure(.tooLarge(bytes: filled, limit: limit)))
        }
        data.count = filled
        return .success(data)
    }

    /// Why `open` failed, in the words of a report.
    static func openFailure(_ code: Int32, path: String) -> FileProblem {
        switch code {
        case ENOENT: return isSymbolicLink(path) ? .brokenSymbolicLink : .noSuchFile
        case ELOOP: return .symbolicLinkLoop
        case EACCES, EPERM: return .permissionDenied
        case ENOTDIR: return .pathPartNotFolder
        case ENAMETOOLONG: return .pathTooLong
        default: return .cannotOpen(reason: describe(code))
        }
    }

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    static func readFailure(_ error: any Error, path: String) -> String {
        let nsError = error as NSError
        let posix = (nsError.userInfo[NSUnderlyingErrorKey] as? NSError)?.code ?? nsError.code
        switch posix {
        case Int(ENOENT), NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file"
        case Int(EACCES), NSFileReadNoPermissionError: return "permission denied"
        case Int(EISDIR): return "is a folder"
        default: return "cannot read the file (\(nsError.localizedDescription))"
        }
    }
}

// MARK: - Other kinds of files

/// A file that a registered loader read (a saved HTML page): the article, the encoding the
/// file was read in when not UTF-8, and the page's canonical URL, under which the article is
/// stored so that the same page fetched from a feed is the same article.
public struct LoadedDocument: Sendable {
    public var article: Article
    public var decodedFrom: TextEncodingName?
    public var url: String?
    public init(article: Article, decodedFrom: TextEncodingName? = nil, url: String? = nil) {
        self.article = article
        self.decodedFrom = decodedFrom
        self.url = url
    }
}

/// Reads a file's bytes into an article; what it throws is the report's reason.
///
/// The extension point for other kinds of files: the CLI (and the reader's `:import`) register
/// the HTML page extractor (`SavedPage.loaders`) for `.html` and `.htm`.
public typealias DocumentLoader = @Sendable (Data) throws -> LoadedDocument

extension FileImporter {
    func importDocument(_ data: Data, with loader: DocumentLoader, path: String, absolute: String) -> FileImportReport {
        let loaded: LoadedDocument
        do {
            loaded = try loader(data)
        } catch {
            return .failed(path, error)
        }
        return storeDocument(loaded, path: path, absolute: absolute)
    }

    /// Stores a document a loader has read, in a transaction of its own.
    func storeDocument(_ loaded: LoadedDocument, path: String, absolute: String) -> FileImportReport {
        do {
            let outcome = if let url = loaded.url {
                try store.importArticle(loaded.article, url: url, sourcePath: absolute)
            } else {
                try store.importArticle(loaded.article, sourcePath: absolute)
            }
            let status: FileImportReport.Status
            switch outcome {
            case .imported(let id): status = .imported(id: id)
            case .updated(let id): status = .updated(id: id)
            case .unchanged(let id): status = .unchanged(id: id)
            }
            return FileImportReport(path: path, status: status, decodedFrom: loaded.decodedFrom)
        } catch {
            return .failed(path, error, decodedFrom: loaded.decodedFrom)
        }
    }
}
