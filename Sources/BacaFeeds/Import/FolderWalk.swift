import Foundation

/// The files an import reads, one at a time in walk order, without a list of them all.
///
/// An import of a folder of a million captures used to build every path first (about 200 bytes
/// a file: the import's memory grew with the number of files). The walk keeps one stack of open
/// folders instead, and of each folder at most `PackedNames.chunk` names at a time, the next
/// ones in sorted order, packed into one byte buffer; a path is made when its turn comes. So the
/// walk's memory is bounded (a few MB) however many files a folder holds; the price is one
/// more reading of a folder's entries for every `chunk` names (a folder of a million: 20
/// readings, about as many seconds of a 20-minute import).
struct FolderWalk: IteratorProtocol {
    typealias Entry = FileImporter.WalkEntry

    private let isImported: (String) -> Bool
    /// The paths given, still to walk, in order.
    private var roots: ArraySlice<String>
    /// The folders being walked, outermost first: each with its names and the next to visit.
    private var stack: [(path: String, names: PackedNames, next: Int)] = []
    /// Folders already walked (resolved), so a symlinked folder is walked once and loops end.
    private var visited = Set<String>()
    /// Entries found but not handed out yet (at most one).
    private var ready: Entry?

    /// A walk of `paths` in which a file met inside a folder counts when `isImported` says so.
    init(_ paths: [String], isImported: @escaping (String) -> Bool) {
        roots = paths[...]
        self.isImported = isImported
    }

    mutating func next() -> Entry? {
        while true {
            if let entry = ready {
                ready = nil
                return entry
            }
            if var top = stack.popLast() {
                if top.next == top.names.count, top.names.hasMore, let last = top.names.last {
                    // The next names of a long folder, after the last one walked.
                    switch PackedNames.read(folder: top.path, after: last) {
                    case .success(let names):
                        top.names = names
                        top.next = 0
                    case .failure(let reason):
                        ready = Entry(path: top.path, failure: "cannot read the folder (\(reason.text))")
                        continue
                    }
                }
                guard top.next < top.names.count else { continue }
                let name = top.names[top.next]
                let kind = top.names.kind(top.next)
                top.next += 1
                let folder = top.path
                stack.append(top)
                let path = PathText.joined(folder, name)
                // A regular file as the folder listed it (no `stat`): what happens to it
                // since is the import's to report (gone, or a folder now).
                if kind == UInt8(DT_REG) {
                    if isImported(path) { ready = Entry(path: path) }
                } else {
                    visit(path, explicit: false)
                }
            } else if let root = roots.popFirst() {
                visit(root, explicit: true)
            } else {
                return nil
            }
        }
    }

    /// Looks at one path: a file becomes the ready entry, a folder goes on the stack.
    private mutating func visit(_ path: String, explicit: Bool) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            // Named on the command line: the import says why it cannot read it. Found in a folder:
            // only a link to nowhere (or to itself) is worth a line; anything else vanished.
            if explicit || (Self.isSymbolicLink(path) && (isImported(path) || Self.linkLoops(path))) {
                ready = Entry(path: path)
            }
            return
        }
        guard isDirectory.boolValue else {
            if explicit || isImported(path) { ready = Entry(path: path) }
            return
        }
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard visited.insert(resolved).inserted else { return }
        switch PackedNames.read(folder: path, after: nil) {
        case .success(let names):
            stack.append((path, names, 0))
        case .failure(let reason):
            ready = Entry(path: path, failure: "cannot read the folder (\(reason.text))")
        }
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    private static func linkLoops(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) != 0 && errno == ELOOP
    }
}

/// Up to `chunk` of a folder's visible names (not starting with `.`): the first ones in sorted
/// order after a given name, in one byte buffer.
///
/// Hand-written rather than `FileManager.contentsOfDirectory` + `sorted()`: those hold every
/// name as a `String` (a heap object each for names over 15 bytes) twice over while sorting,
/// 100 MB and more for a folder of a million captures. Names sort by their UTF-8 bytes: the
/// order of `String` for names in one normal form.
struct PackedNames {
    /// How many names a reading keeps: about 3 MB of memory for names of 50 bytes.
    static let chunk = 50_000

    private var bytes: [UInt8] = []
    /// Where each name is in `bytes`, in sorted order: `starts[i] ..< ends[i]`.
    private var starts: [UInt32] = []
    private var ends: [UInt32] = []
    /// Each name's `d_type` (`DT_REG`, `DT_DIR`, `DT_LNK`, `DT_UNKNOWN` …).
    private var kinds: [UInt8] = []
    /// Whether the folder has names after these (another reading gets them).
    private(set) var hasMore = false

    var count: Int { starts.count }

    subscript(index: Int) -> String {
        String(decoding: bytes[Int(starts[index])..<Int(ends[index])], as: UTF8.self)
    }

    /// The `d_type` of name `index`.
    func kind(_ index: Int) -> UInt8 { kinds[index] }

    /// The bytes of the last name, where the next reading starts.
    var last: [UInt8]? {
        guard let start = starts.last, let end = ends.last else { return nil }
        return Array(bytes[Int(start)..<Int(end)])
    }

    /// The first `limit` names in `folder` after `after` (all: `nil`), or why it cannot be read.
    static func read(folder: String, after: [UInt8]?, limit: Int = chunk) -> Result<PackedNames, FileImporter.ReadFailure> {
        guard let directory = opendir(folder) else {
            return .failure(FileImporter.ReadFailure(text: describe(errno)))
        }
        defer { closedir(directory) }
        var names = PackedNames()
        while true {
            errno = 0
            guard let entry = readdir(directory) else { break }
            let kind = entry.pointee.d_type
            withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: 256) { name in
                    let length = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
                    guard length > 0, name[0] != UInt8(ascii: ".") else { return }
                    let bytes = UnsafeBufferPointer(start: name, count: length)
                    if let after, !after.lexicographicallyPrecedes(bytes) { return }
                    names.append(bytes, kind: kind)
                }
            }
            // Keep the smallest `limit` (sorting and dropping the rest at twice that).
            if names.count >= 2 * limit { names.keepFirst(limit) }
        }
        // `readdir` returned nil: the end, or a failure when it set errno.
        if errno != 0 { return .failure(FileImporter.ReadFailure(text: describe(errno))) }
        names.keepFirst(limit)
        return .success(names)
    }

    private mutating func append(_ name: UnsafeBufferPointer<UInt8>, kind: UInt8) {
        starts.append(UInt32(bytes.count))
        bytes.append(contentsOf: name)
        ends.append(UInt32(bytes.count))
        kinds.append(kind)
    }

    /// Sorts the names and keeps the first `limit` (compacting the bytes); `hasMore` when some
    /// were dropped.
    private mutating func keepFirst(_ limit: Int) {
        var order = Array(0..<starts.count)
        let (starts, ends) = (self.starts, self.ends)
        bytes.withUnsafeBufferPointer { buffer in
            order.sort { a, b in
                UnsafeBufferPointer(rebasing: buffer[Int(starts[a])..<Int(ends[a])])
                    .lexicographicallyPrecedes(UnsafeBufferPointer(rebasing: buffer[Int(starts[b])..<Int(ends[b])]))
            }
        }
        if order.count > limit {
            order.removeLast(order.count - limit)
            hasMore = true
        }
        var kept = PackedNames()
        kept.hasMore = hasMore
        kept.bytes.reserveCapacity(order.reduce(0) { $0 + Int(ends[$1] - starts[$1]) })
        bytes.withUnsafeBufferPointer { buffer in
            for index in order {
                kept.append(UnsafeBufferPointer(rebasing: buffer[Int(starts[index])..<Int(ends[index])]), kind: kinds[index])
            }
        }
        self = kept
    }

    private static func describe(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES, EPERM: return "permission denied"
        default: return "cannot read the file (\(String(cString: strerror(code))))"
        }
    }
}
