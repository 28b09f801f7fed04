import CImageCodecs
import Foundation

/// A picture's pixels: 4 bytes a pixel (RGBA, not premultiplied), row after row.
public struct DecodedPicture: Sendable {
    public var width: Int
    public var height: Int
    public var rgba: [UInt8]
}

/// Why a picture cannot be shown, as the one-line note under which its caption stands.
public struct PictureFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// Decodes PNG, JPEG and WebP with the system's libraries (libpng, libjpeg-turbo, libwebp),
/// choosing by the file's first bytes, never by its name or its `Content-Type`.
public enum PictureDecoder {
    /// The most pixels decoded (a 40-megapixel picture takes 160 MB as RGBA): larger ones are
    /// refused from their header, before any memory is taken.
    public static let maximumPixels = 40_000_000

    public enum Format: String, Sendable { case png = "PNG", jpeg = "JPEG", webp = "WebP" }

    public static func format(of data: Data) -> Format? {
        let bytes = [UInt8](data.prefix(12))
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.count >= 12, bytes[0..<4] == [0x52, 0x49, 0x46, 0x46], bytes[8..<12] == [0x57, 0x45, 0x42, 0x50] { return .webp }
        return nil
    }

    /// Opens the format's library (the first picture of each kind does): nil, or why it cannot
    /// be decoded (a one-line message naming the missing library).
    public static func unavailable(_ format: Format) -> String? {
        let message: UnsafePointer<CChar>?
        switch format {
        case .png: message = baca_png_open()
        case .jpeg: message = baca_jpeg_open()
        case .webp: message = baca_webp_open()
        }
        return message.map { String(cString: $0) }
    }

    public static func decode(_ data: Data, maximumPixels: Int = maximumPixels) throws -> DecodedPicture {
        guard let format = format(of: data) else {
            throw PictureFailure("not a PNG, JPEG or WebP picture")
        }
        if let missing = unavailable(format) { throw PictureFailure(missing) }
        return try data.withUnsafeBytes { raw -> DecodedPicture in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress else { throw PictureFailure("empty picture") }
            var width: UInt32 = 0, height: UInt32 = 0
            let sized: Bool
            switch format {
            case .png: sized = baca_png_size(base, bytes.count, &width, &height) == 0
            case .jpeg: sized = baca_jpeg_size(base, bytes.count, &width, &height) == 0
            case .webp:
                var w: Int32 = 0, h: Int32 = 0
                sized = WebPGetInfo(base, bytes.count, &w, &h) != 0
                width = UInt32(max(0, w))
                height = UInt32(max(0, h))
            }
            guard sized, width > 0, height > 0 else { throw PictureFailure("damaged \(format.rawValue) picture") }
            let pixels = Int(width) * Int(height)
            guard pixels <= maximumPixels else {
                throw PictureFailure("picture too large (\(width)×\(height) pixels)")
            }
            var rgba = [UInt8](repeating: 0, count: pixels * 4)
            let decoded = rgba.withUnsafeMutableBufferPointer { out -> Bool in
                switch format {
                case .png: return baca_png_decode(base, bytes.count, out.baseAddress, out.count) == 0
                case .jpeg: return baca_jpeg_decode(base, bytes.count, out.baseAddress, out.count) == 0
                case .webp:
                    return WebPDecodeRGBAInto(base, bytes.count, out.baseAddress, out.count, Int32(width) * 4) != nil
                }
            }
            guard decoded else { throw PictureFailure("damaged \(format.rawValue) picture") }
            return DecodedPicture(width: Int(width), height: Int(height), rgba: rgba)
        }
    }
}

/// Writes real PNG and JPEG files with the same libraries: for the tests and the benchmark,
/// which serve pictures of their own making.
public enum PictureEncoder {
    /// `rgba`: width × height × 4 bytes.
    public static func png(width: Int, height: Int, rgba: [UInt8]) -> Data? {
        var out: UnsafeMutablePointer<UInt8>?
        var size = 0
        guard PictureDecoder.unavailable(.png) == nil, rgba.count == width * height * 4,
              baca_png_encode(rgba, UInt32(width), UInt32(height), &out, &size) == 0, let out else { return nil }
        defer { free(out) }
        return Data(bytes: out, count: size)
    }

    /// `rgb`: width × height × 3 bytes.
    public static func jpeg(width: Int, height: Int, rgb: [UInt8], quality: Int = 85) -> Data? {
        var out: UnsafeMutablePointer<UInt8>?
        var size = 0
        guard PictureDecoder.unavailable(.jpeg) == nil, rgb.count == width * height * 3,
              baca_jpeg_encode(rgb, UInt32(width), UInt32(height), Int32(quality), &out, &size) == 0, let out else { return nil }
        defer { free(out) }
        return Data(bytes: out, count: size)
    }

    /// `rgba` as a lossless WebP.
    public static func webp(width: Int, height: Int, rgba: [UInt8]) -> Data? {
        var out: UnsafeMutablePointer<UInt8>?
        guard PictureDecoder.unavailable(.webp) == nil, rgba.count == width * height * 4 else { return nil }
        let size = WebPEncodeLosslessRGBA(rgba, Int32(width), Int32(height), Int32(width * 4), &out)
        guard size > 0, let out else { return nil }
        defer { WebPFree(out) }
        return Data(bytes: out, count: size)
    }

    /// A test card, RGBA, `width` × `height`: four coloured quarters (red, green, blue,
    /// yellow; the top-left is red throughout its corner), crossed by dark diagonal stripes and a
    /// white ring, so a drawing has edges in every cell row.
    public static func quarters(width: Int, height: Int) -> [UInt8] {
        var pixels = [UInt8](repeating: 255, count: width * height * 4)
        let centreX = Double(width) / 2, centreY = Double(height) / 2
        let radius = Double(min(width, height)) * 0.35
        for y in 0..<height {
            for x in 0..<width {
                let index = (y * width + x) * 4
                var colour: (UInt8, UInt8, UInt8)
                switch (x < width / 2, y < height / 2) {
                case (true, true): colour = (220, 30, 30)
                case (false, true): colour = (30, 180, 60)
                case (true, false): colour = (30, 60, 220)
                case (false, false): colour = (240, 210, 40)
                }
                let corner = x < width / 8 && y < height / 8
                if !corner, (x + y) % 16 < 4 { colour = (20, 20, 20) }
                let distance = ((Double(x) - centreX) * (Double(x) - centreX) + (Double(y) - centreY) * (Double(y) - centreY)).squareRoot()
                if !corner, abs(distance - radius) < 3 { colour = (250, 250, 250) }
                pixels[index] = colour.0
                pixels[index + 1] = colour.1
                pixels[index + 2] = colour.2
            }
        }
        return pixels
    }

    /// RGBA without its alpha, for `jpeg`.
    public static func rgb(_ rgba: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(rgba.count / 4 * 3)
        for index in stride(from: 0, to: rgba.count, by: 4) {
            out += [rgba[index], rgba[index + 1], rgba[index + 2]]
        }
        return out
    }
}
