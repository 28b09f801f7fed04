import Foundation

/// The files an import reads, one at a time in walk order, without a list of them all.
///
/// An import of a folder of a million captures used to build every path first (about 200 bytes
/// a file: the import's memory grew with the number of files). The walk keeps one stack of open
/// folders instead, and of each folder only its sorted names, packed into one byte buffer
/// (`PackedNames`, about 30 bytes a name where an array of `String` takes about 80); a path is
/// made when its turn comes.
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
                guard top.next < top.names.count else { continue }
                let name = top.names[top.next]
                let kind = top.names.kind(top.next)
                top.next += 1
                let folder = top.path
                stack.append(top)
                let path = (folder as NSString).appendingPathComponent(name)
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
        switch PackedNames.read(folder: path) {
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

/// A folder's visible names (not starting with `.`), sorted, in one byte buffer.
///
/// Hand-written rather than `FileManager.contentsOfDirectory` + `sorted()`: those hold every
/// name as a `String` (a heap object each for names over 15 bytes) twice over while sorting.
/// Names sort by their UTF-8 bytes: the order of `String` for names in one normal form.
struct PackedNames {
    private var bytes: [UInt8] = []
    /// Where each name starts in `bytes`, in sorted order; `starts[i] ..< ends[i]`.
    private var starts: [UInt32] = []
    private var ends: [UInt32] = []
    /// Each name's `d_type` (`DT_REG`, `DT_DIR`, `DT_LNK`, `DT_UNKNOWN` …).
    private var kinds: [UInt8] = []

    var count: Int { starts.count }

    /// The `d_type` of name `index`.
    func kind(_ index: Int) -> UInt8 { kinds[index] }

    subscript(index: Int) -> String {
        String(decoding: bytes[Int(starts[index])..<Int(ends[index])], as: UTF8.self)
    }

    /// The names in `folder`, or why it cannot be read.
    static func read(folder: String) -> Result<PackedNames, FileImporter.ReadFailure> {
        guard let directory = opendir(folder) else {
            return .failure(FileImporter.ReadFailure(text: describe(errno)))
        }
        defer { closedir(directory) }
        var names = PackedNames()
        var unsortedStarts: [UInt32] = []
        var unsortedEnds: [UInt32] = []
        var unsortedKinds: [UInt8] = []
        errno = 0
        while let entry = readdir(directory) {
            withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: 256) { name in
                    let length = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
                    guard length > 0, name[0] != UInt8(ascii: ".") else { return }
                    unsortedStarts.append(UInt32(names.bytes.count))
                    names.bytes.append(contentsOf: UnsafeBufferPointer(start: name, count: length))
                    unsortedEnds.append(UInt32(names.bytes.count))
                    unsortedKinds.append(entry.pointee.d_type)
                }
            }
        }
        if errno != 0 { return .failure(FileImporter.ReadFailure(text: describe(errno))) }
        var order = Array(0..<UInt32(unsortedStarts.count))
        names.bytes.withUnsafeBufferPointer { buffer in
            order.sort { a, b in
                let left = UnsafeBufferPointer(rebasing: buffer[Int(unsortedStarts[Int(a)])..<Int(unsortedEnds[Int(a)])])
                let right = UnsafeBufferPointer(rebasing: buffer[Int(unsortedStarts[Int(b)])..<Int(unsortedEnds[Int(b)])])
                return left.lexicographicallyPrecedes(right)
            }
        }
        names.starts = order.map { unsortedStarts[Int($0)] }
        names.ends = order.map { unsortedEnds[Int($0)] }
        names.kinds = order.map { unsortedKinds[Int($0)] }
        return .success(names)
    }

    private static func describe(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES, EPERM: return "permission denied"
        default: return "cannot read the file (\(String(cString: strerror(code))))"
        }
    }
}
