import BacaFeeds
import BacaTUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The reader's `ImageSource`: a picture from the cache or over HTTP (the same client, limits,
/// time-outs and address rule as pages, and a size cap), decoded, then drawn with chafa.
/// Decoded pictures of the last few requests stay in memory, so a new width costs a drawing,
/// not a decoding.
public final class ImageLibrary: ImageSource, @unchecked Sendable {
    /// The largest picture file fetched.
    public static let defaultMaximumBytes = 5 * 1024 * 1024
    /// Decoded pixels kept in memory, all pictures together.
    static let keptPixelBytes = 64 * 1024 * 1024

    let client: HTTPClient
    let cache: PictureCache?
    let maximumBytes: Int
    /// The pixel size of one cell, for sixel, kitty and iTerm2 (nil: asked of the terminal).
    let cellPixels: (width: Int, height: Int)?
    private let lock = NSLock()
    private var decoded: [(url: String, picture: DecodedPicture)] = []

    public init(
        client: HTTPClient, cache: PictureCache?, maximumBytes: Int = ImageLibrary.defaultMaximumBytes,
        cellPixels: (width: Int, height: Int)? = nil
    ) {
        self.client = client
        self.cache = cache
        self.maximumBytes = maximumBytes
        self.cellPixels = cellPixels
    }

    public func load(_ request: ImageRequest) -> ImageOutcome {
        if let missing = ChafaDrawing.unavailable { return .failed(missing) }
        let picture: DecodedPicture
        switch decodedPicture(request) {
        case .failure(let failure): return .failed(failure.reason)
        case .success(let found): picture = found
        }
        let cell = cellPixels ?? Self.terminalCellPixels() ?? (10, 20)
        guard let drawing = ChafaDrawing.draw(
            picture, columns: request.columns, maxRows: request.maxRows, mode: request.mode, colors: request.colors,
            cellWidth: cell.width, cellHeight: cell.height)
        else { return .failed("chafa could not draw it") }
        return .drawn(drawing)
    }

    /// The picture's pixels: from memory, from the cache, or fetched (and then cached).
    public func decodedPicture(_ request: ImageRequest) -> Result<DecodedPicture, PictureFailure> {
        lock.lock()
        let kept = decoded.first { $0.url == request.url }?.picture
        lock.unlock()
        if let kept { return .success(kept) }
        let data: Data
        let fromCache: Bool
        if let cached = cache?.read(request.url) {
            data = cached
            fromCache = true
        } else {
            fromCache = false
            switch fetch(request) {
            case .failure(let failure): return .failure(failure)
            case .success(let fetched): data = fetched
            }
        }
        let picture: DecodedPicture
        do {
            picture = try PictureDecoder.decode(data)
        } catch let failure as PictureFailure {
            return .failure(failure)
        } catch {
            return .failure(PictureFailure("\(error)"))
        }
        // Cached only once it decodes: a broken file is fetched again next time, not kept.
        if !fromCache { cache?.write(data, for: request.url) }
        // Kept for another width (a resize), within a memory budget: a large picture is
        // decoded again instead.
        if picture.rgba.count <= Self.keptPixelBytes / 4 {
            lock.lock()
            decoded.append((request.url, picture))
            while decoded.count > 8 || decoded.reduce(0, { $0 + $1.picture.rgba.count }) > Self.keptPixelBytes {
                decoded.removeFirst()
            }
            lock.unlock()
        }
        return .success(picture)
    }

    private func fetch(_ request: ImageRequest) -> Result<Data, PictureFailure> {
        guard let url = URL(string: request.url) else { return .failure(PictureFailure("not an http/https address")) }
        let http = HTTPRequest(
            url: url, accept: "image/png,image/jpeg,image/webp;q=0.9,*/*;q=0.1", maximumBytes: maximumBytes,
            scope: scope(forPage: request.page))
        let client = client
        switch waitForAsync({ await client.get(http) }) {
        case .success(let response)?: return .success(response.body)
        case .failure(let failure)?:
            if failure.isBodyTooLarge {
                return .failure(PictureFailure("picture too large (more than \(Self.describe(bytes: maximumBytes)))"))
            }
            return .failure(PictureFailure(failure.reason))
        case nil: return .failure(PictureFailure("cancelled"))
        }
    }

    /// `5 MB`, `976 KB`.
    static func describe(bytes: Int) -> String {
        bytes >= 1024 * 1024 ? "\(bytes / (1024 * 1024)) MB" : "\(bytes / 1024) KB"
    }

    /// Whose word the picture's address is: the page's server's, as for anything a page names.
    /// A page on a private or loopback address (the user's own server) may name its neighbours;
    /// one on a public address, or an article with no page, only public addresses (unless
    /// `allow_private_addresses`).
    func scope(forPage page: String?) -> AddressScope {
        let rule = client.addressRule
        guard let page, let host = URL(string: page)?.host, !host.isEmpty else { return .publicOnly }
        if let literal = NetworkAddress(host) { return AddressScope.namedBy(literal, rule: rule) }
        guard let addresses = try? rule.resolver.addresses(of: host, port: 80), let first = addresses.first else {
            return .publicOnly
        }
        return AddressScope.namedBy(first, rule: rule)
    }

    /// The pixel size of a cell, from the terminal's window size in pixels (xterm, kitty, foot
    /// and others report it); nil when it says nothing.
    static func terminalCellPixels() -> (width: Int, height: Int)? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0,
              size.ws_xpixel > 0, size.ws_ypixel > 0
        else { return nil }
        return (Int(size.ws_xpixel) / Int(size.ws_col), Int(size.ws_ypixel) / Int(size.ws_row))
    }
}
