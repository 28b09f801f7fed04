import Foundation

/// Text recovered from the bytes of a file, with the encoding it was found in.
public struct DecodedText: Sendable, Equatable {
    public var text: String
    public var encoding: TextEncodingName

    public init(text: String, encoding: TextEncodingName) {
        self.text = text
        self.encoding = encoding
    }
}

/// A text file's text as UTF-8 bytes, and the encoding it was read in.
public struct DecodedUTF8: Sendable, Equatable {
    public var utf8: ArraySlice<UInt8>
    public var encoding: TextEncodingName
}

/// Turns the bytes of a text file into a `String`, refusing what is not text.
///
/// The order of the checks matters:
/// 1. size first, so a huge file is refused before any of it is looked at;
/// 2. a UTF-16 byte-order mark, because UTF-16 text is full of NUL bytes;
/// 3. NUL bytes or too many other control bytes mean a binary file;
/// 4. valid UTF-8 (with or without its byte-order mark) is UTF-8;
/// 5. anything else is read as Windows-1252, unless it is mostly non-ASCII, which no
///    Indonesian text saved in that code page is.
///
/// The result is not sanitised yet: that is `Sanitizer`'s job.
public enum CaptureDecoder {
    /// Above this share of control bytes (other than white space and ESC), a file is binary.
    static let maximumControlShare = 0.10
    /// Above this share of bytes `0x80`–`0xFF`, a file that is not UTF-8 is binary.
    static let maximumHighByteShare = 0.30

    public static func decode(_ data: Data, limit: Int = CaptureLoader.maximumBytes) throws(CaptureError) -> DecodedText {
        let decoded = try decodeUTF8(data, limit: limit)
        return DecodedText(text: String(decoding: decoded.utf8, as: UTF8.self), encoding: decoded.encoding)
    }

    /// What `decode` gives, as UTF-8 bytes: a UTF-8 file's own bytes (its BOM dropped), with no
    /// `String` made of them (what an import reads: the parser takes bytes).
    public static func decodeUTF8(_ data: Data, limit: Int = CaptureLoader.maximumBytes) throws(CaptureError) -> DecodedUTF8 {
        guard data.count <= limit else { throw .tooLarge(bytes: data.count, limit: limit) }
        guard !data.isEmpty else { throw .empty }
        let bytes = [UInt8](data)

        if bytes.count >= 2, (bytes[0], bytes[1]) == (0xFF, 0xFE) || (bytes[0], bytes[1]) == (0xFE, 0xFF) {
            let text = decodeUTF16(bytes.dropFirst(2), bigEndian: bytes[0] == 0xFE)
            if text.unicodeScalars.contains(where: { $0.value == 0 }) { throw .binary }
            if isMostlyControls(text.unicodeScalars.map { $0.value < 0x80 ? UInt8($0.value) : 0x80 }[...]) {
                throw .binary
            }
            return DecodedUTF8(utf8: Array(text.utf8)[...], encoding: .utf16)
        }

        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // One pass for both checks (`isMostlyControls` and no NUL), eight bytes at a time.
        guard let controls = countControls(body) else { throw .binary }
        if Double(controls) > Double(body.count) * maximumControlShare { throw .binary }

        if body.withUnsafeBufferPointer(UTF8Scan.isValid) {
            return DecodedUTF8(utf8: body, encoding: .utf8)
        }
        let highBytes = body.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
        if Double(highBytes) > Double(body.count) * maximumHighByteShare { throw .binary }
        return DecodedUTF8(utf8: Array(Windows1252.decode(body).utf8)[...], encoding: .windows1252)
    }

    /// Lone surrogates and an odd trailing byte become U+FFFD.
    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 + 1)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        if index < bytes.endIndex { units.append(0xFFFD) }
        return String(decoding: units, as: UTF16.self)
    }

    /// The bytes `isMostlyControls` counts as controls, or nil when there is a NUL byte.
    /// Eight bytes at a time: a word with no byte below 0x20 and no DEL has none (the usual
    /// bit tricks; each is exact as a test of whether any byte is one).
    static func countControls(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return 0 }
            var controls = 0
            var index = 0
            while index < buffer.count {
                if index + 8 <= buffer.count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    if Self.hasNoControl(word) {
                        index += 8
                        continue
                    }
                }
                let byte = buffer[index]
                if byte == 0 { return nil }
                if byte < 0x09 || (byte > 0x0D && byte < 0x20 && byte != 0x1B) || byte == 0x7F { controls += 1 }
                index += 1
            }
            return controls
        }
    }

    /// Whether no byte of `word` is below 0x20 or DEL, exactly, byte by byte: with the high
    /// bits cleared no sum carries into the next byte, so `low + 0x60` has its high bit set
    /// when `low` ≥ 0x20 and `low + 0x01` when `low` is 0x7F; a byte from 0x80 on is no control
    /// (its own high bit). Five operations and one test, where two borrow tricks took a dozen.
    @inline(__always)
    static func hasNoControl(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low = word & ~high
        let printable = (low &+ 0x6060_6060_6060_6060) & ~(low &+ 0x0101_0101_0101_0101)
        return (printable | word) & high == high
    }

    /// Whether more than `maximumControlShare` of the bytes are controls that no text file has
    /// many of: C0 other than TAB, LF, VT, FF, CR and ESC, and DEL.
    static func isMostlyControls(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        var controls = 0
        for byte in bytes where byte < 0x20 || byte == 0x7F {
            if byte < 0x09 || (byte > 0x0D && byte != 0x1B) || byte == 0x7F { controls += 1 }
        }
        return Double(controls) > Double(bytes.count) * maximumControlShare
    }
}
