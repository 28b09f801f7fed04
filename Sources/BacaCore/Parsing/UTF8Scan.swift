/// Helpers for the loops that walk valid UTF-8 (a `String`'s) byte by byte: most text is
/// ASCII, and a loop over bytes with the odd scalar decoded by hand costs a fraction of
/// iterating `unicodeScalars` (`docs/PERFORMANCE.md`).
enum UTF8Scan {
    /// The scalar whose lead byte is at `index` of valid UTF-8, and its length in bytes;
    /// `nil` when the sequence is cut short by the end of the buffer.
    @inline(__always)
    static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, length: Int)? {
        let byte = bytes[index]
        if byte < 0x80 { return (Unicode.Scalar(byte), 1) }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return nil }
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
