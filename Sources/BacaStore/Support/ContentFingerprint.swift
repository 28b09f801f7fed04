import CXXHash

// MARK: - Content fingerprint

/// XXH3-128 (xxHash), for the content hash that recognises an article already stored (schema v9).
///
/// Not cryptographic, and it need not be: it only tells an article's own earlier copy from a
/// different article, among the user's own repository, and at 128 bits an accidental collision
/// is negligible (below 2⁻⁶⁴ even among 2³² articles). A collision crafted on purpose would
/// need the exact text of an article the user stored, and could at worst make a hostile page
/// pass for it. It costs 3.4 k instructions an article of the
/// benchmark's corpus where libcrypto's SHA-256 cost 160 k (callgrind, which hides the CPU's SHA
/// instructions; with them SHA-256 is still many times slower), and it is compiled in from
/// xxHash's header, so an import opens no library for it (`docs/PERFORMANCE.md`, fifth round).
enum ContentFingerprint {
    /// The length of a fingerprint in hexadecimal: 32 digits, where SHA-256's are 64
    /// (`LegacyContentHash.isLegacy` tells them apart by it).
    static let hexLength = 32

    /// The fingerprint of `bytes` as 32 lowercase hexadecimal digits (xxHash's canonical,
    /// big-endian order: what `xxh128sum` prints).
    static func hexDigest(of bytes: UnsafeRawBufferPointer) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { digest in
            baca_xxh3_128(bytes.baseAddress, bytes.count, digest.baseAddress!)
            return Hex.lowercase(UnsafeRawBufferPointer(digest))
        }
    }

    static func hexDigest(of bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { hexDigest(of: $0) }
    }
}

/// Bytes as lowercase hexadecimal digits, two a byte.
enum Hex {
    static func lowercase(_ bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: 2 * bytes.count) { hex in
            let digits: StaticString = "0123456789abcdef"
            let table = digits.utf8Start
            for (index, byte) in bytes.enumerated() {
                hex[2 * index] = table[Int(byte >> 4)]
                hex[2 * index + 1] = table[Int(byte & 0x0F)]
            }
            return 2 * bytes.count
        }
    }
}
