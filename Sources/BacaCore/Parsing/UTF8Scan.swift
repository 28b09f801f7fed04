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

// MARK: - Validation

extension UTF8Scan {
    /// Whether `bytes` are well-formed UTF-8: what `String(validating:as: UTF8.self)` accepts
    /// (no overlong forms, no surrogates, nothing above U+10FFFF, no cut sequence).
    ///
    /// Written here because the standard library's check goes byte by byte through the whole
    /// buffer as soon as it holds one non-ASCII byte (about six instructions a byte: 0.04 M a
    /// capture of Indonesian news, whose curly quotes and dashes are rarely missing). This one
    /// skips ASCII eight bytes at a time and checks each multi-byte sequence against the
    /// Unicode standard's table of well-formed sequences (Table 3-7). `UTF8ValidationTests`
    /// holds it to the standard library's answer on edge cases and random bytes.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count,
               UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            @inline(__always) func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
                index + offset < count && (low...high).contains(base[index + offset])
            }
            switch lead {
            case 0xC2...0xDF:
                guard continuation(1) else { return false }
                index += 2
            case 0xE0:
                guard continuation(1, 0xA0), continuation(2) else { return false }
                index += 3
            case 0xE1...0xEC, 0xEE...0xEF:
                guard continuation(1), continuation(2) else { return false }
                index += 3
            case 0xED:
                guard continuation(1, 0x80, 0x9F), continuation(2) else { return false }
                index += 3
            case 0xF0:
                guard continuation(1, 0x90), continuation(2), continuation(3) else { return false }
                index += 4
            case 0xF1...0xF3:
                guard continuation(1), continuation(2), continuation(3) else { return false }
                index += 4
            case 0xF4:
                guard continuation(1, 0x80, 0x8F), continuation(2), continuation(3) else { return false }
                index += 4
            default:
                return false
            }
        }
        return true
    }
}
