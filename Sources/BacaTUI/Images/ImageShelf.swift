import BacaCore

/// The reader's pictures: which are asked for, loading, drawn or failed, at which width, and
/// whether pictures are shown at all (the `toggle-images` key). One instance, in `AppContext`.
///
/// The layout asks it for room (`space`); a picture it has not seen is queued as a request, and
/// the app turns the queue into one background job (`takeJob`). The job's results come back
/// as `.imageLoaded` events (`store`), and `version` moves on so the reader lays itself out
/// again. Nothing here does I/O.
final class ImageShelf {
    enum State: Equatable {
        case loading
        case done(ImageOutcome)
    }

    let source: (any ImageSource)?
    /// The protocol pictures are drawn with (`.none`: no pictures).
    let mode: ImageProtocol
    let maxRows: Int
    /// False under `NO_COLOR` with a forced protocol: symbols without colour.
    let colors: Bool
    /// The `toggle-images` key's state.
    var isEnabled = true
    /// Moves on whenever what a layout would reserve changes.
    private(set) var version = 0
    private var states: [ImageRequest: State] = [:]
    private var queued: [ImageRequest] = []
    /// When each request was last asked about, for dropping the least recent drawings.
    private var lastUse: [ImageRequest: Int] = [:]
    private var clock = 0
    /// Drawings kept in memory (a symbols drawing is some 100 KB, a sixel up to a megabyte);
    /// one dropped is drawn again from the disk cache when its article is opened again.
    static let keptDrawings = 48

    init(source: (any ImageSource)?, mode: ImageProtocol, maxRows: Int, colors: Bool) {
        self.source = source
        self.mode = source == nil ? .none : mode
        self.maxRows = max(1, maxRows)
        self.colors = colors
    }

    /// Whether pictures can be shown in this terminal at all.
    var isAvailable: Bool { mode != .none }
    /// Whether the layout makes room for pictures now.
    var isActive: Bool { isAvailable && isEnabled }

    func toggle() {
        isEnabled.toggle()
        version += 1
    }

    func request(url: String, page: String?, columns: Int) -> ImageRequest {
        ImageRequest(url: url, page: page, columns: columns, maxRows: maxRows, mode: mode, colors: colors)
    }

    /// The room a picture takes: all `maxRows` while it loads (most pictures fill them: the
    /// text does not move when it arrives), its own height once drawn, a note when it failed.
    /// A picture not asked for yet is queued.
    func space(for request: ImageRequest, language: Language) -> PictureSpace? {
        guard isActive else { return nil }
        clock += 1
        lastUse[request] = clock
        switch states[request] {
        case nil:
            states[request] = .loading
            queued.append(request)
            return .rows(maxRows)
        case .loading:
            return .rows(maxRows)
        case .done(.drawn(let drawing)):
            return .rows(max(1, drawing.rows))
        case .done(.failed(let reason)):
            return .note(language.pick("gambar tidak dimuat: ", "picture not shown: ") + reason)
        }
    }

    func drawing(for request: ImageRequest) -> ImageDrawing? {
        if case .done(.drawn(let drawing)) = states[request] { return drawing }
        return nil
    }

    /// The queued requests as one background job, hero first (the order the layout asked in);
    /// nil when none are queued.
    func takeJob() -> BackgroundJob? {
        guard let source, !queued.isEmpty else { return nil }
        let requests = queued
        queued.removeAll()
        return BackgroundJob(name: "images") { post in
            for request in requests {
                post(.imageLoaded(request, source.load(request)))
            }
        }
    }

    func store(_ outcome: ImageOutcome, for request: ImageRequest) {
        states[request] = .done(outcome)
        version += 1
        dropLeastRecent()
    }

    /// Forgets the least recently asked-about finished pictures past `keptDrawings`.
    private func dropLeastRecent() {
        let finished = states.filter { $0.value != .loading }
        guard finished.count > Self.keptDrawings else { return }
        let oldest = finished.keys.sorted { (lastUse[$0] ?? 0) < (lastUse[$1] ?? 0) }
        for request in oldest.prefix(finished.count - Self.keptDrawings) {
            states[request] = nil
            lastUse[request] = nil
        }
    }
}
