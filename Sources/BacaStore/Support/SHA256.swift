import CLibCrypto

// MARK: - SHA-256

/// SHA-256 (FIPS 180-4), for the content hash that recognises an article already stored.
///
/// Through OpenSSL's libcrypto (`libssl-dev`): it uses the CPU's SHA instructions where there
/// are any. The hand-written rounds it replaces cost ~80 instructions a byte, a tenth of an
/// import (`docs/PERFORMANCE.md`); the digests are the same (the tests check the standard
/// vectors), so repositories written before keep their hashes.
public enum SHA256 {
    /// Nil when libcrypto is there with both functions used here, else one line naming the
    /// library, the missing function and the package. Checked before hashing, so a broken
    /// libcrypto fails an import or fetch cleanly instead of exiting (CLazyLoad).
    public static var unavailable: String? { LibCrypto.unavailable }

    /// The digest of `bytes` as 64 lowercase hexadecimal digits.
    public static func hexDigest<Bytes: Collection>(of bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digest = digest(of: bytes)
        return String(unsafeUninitializedCapacity: 64) { hex in
            let digits: StaticString = "0123456789abcdef"
            let table = digits.utf8Start
            for (index, byte) in digest.enumerated() {
                hex[2 * index] = table[Int(byte >> 4)]
                hex[2 * index + 1] = table[Int(byte & 0x0F)]
            }
            return 64
        }
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

/// Thrown instead of hashing when libcrypto is missing or lacks a function: its one line is the
/// whole reason (not wrapped as an article that cannot be encoded).
public struct LibCryptoMissing: Error, CustomStringConvertible, Sendable {
    public let description: String
}
