import CLibCrypto

// MARK: - SHA-256

/// SHA-256 (FIPS 180-4): the picture cache's file names, and the content hash of the articles
/// stored before schema v9 (`LegacyContentHash`; new ones get a `ContentFingerprint`).
///
/// Through OpenSSL's libcrypto (`libssl-dev`): it uses the CPU's SHA instructions where there
/// are any. The hand-written rounds it replaces cost ~80 instructions a byte, a tenth of an
/// import (`docs/PERFORMANCE.md`); the digests are the same (the tests check the standard
/// vectors), so the hashes of repositories written before are still recognised.
public enum SHA256 {
    /// Nil when libcrypto is there with both functions used here, else one line naming the
    /// library, the missing function and the package. Checked before hashing, so a broken
    /// libcrypto fails a picture's caching or an older hash's comparison cleanly instead of
    /// exiting (CLazyLoad).
    public static var unavailable: String? { LibCrypto.unavailable }

    /// The digest of `bytes` as 64 lowercase hexadecimal digits.
    public static func hexDigest<Bytes: Collection>(of bytes: Bytes) -> String where Bytes.Element == UInt8 {
        digest(of: bytes).withUnsafeBytes { Hex.lowercase($0) }
    }

    /// The 32-byte digest of `bytes`.
    static func digest<Bytes: Collection>(of bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var output = [UInt8](repeating: 0, count: 32)
        let hashed: Bool? = bytes.withContiguousStorageIfAvailable { buffer in
            hash(UnsafeRawBufferPointer(buffer), into: &output)
        }
        if hashed == nil {
            let copy = Array(bytes)
            _ = copy.withUnsafeBytes { hash($0, into: &output) }
        }
        return output
    }

    private static func hash(_ buffer: UnsafeRawBufferPointer, into output: inout [UInt8]) -> Bool {
        var length: UInt32 = 0
        let done = output.withUnsafeMutableBufferPointer { out in
            // A null base address (an empty buffer) is allowed with a length of 0.
            EVP_Digest(buffer.baseAddress, buffer.count, out.baseAddress, &length, EVP_sha256(), nil)
        }
        // EVP_Digest fails only without memory for its context; SHA-256 is always there.
        precondition(done == 1 && length == 32, "libcrypto's SHA-256 failed")
        return true
    }
}

/// Whether libcrypto (SHA-256) can be used; see `SHA256.unavailable`.
public enum LibCrypto {
    public static var unavailable: String? { baca_crypto_open().map { String(cString: $0) } }
}
