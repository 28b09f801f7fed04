import CZstd
import Foundation

/// zstd compression of an article's stored text (`libzstd-dev`, through the `CZstd` module).
///
/// One frame a value, with its size in the frame header, so a value decompresses on its own.
/// Level 1: on ~5 KB of article JSON level 3 (zstd's default) cost ~0.3 M instructions an
/// article (callgrind) for a few per cent; higher levels cost more for less. Matches of seven
/// bytes or more (level 1 takes five on values this small): 244 k → 225 k instructions an
/// article for 3.7 % more bytes (`docs/PERFORMANCE.md`, sixth round).
enum Zstd {
    static let level: Int32 = 1
    static let minimumMatch: Int32 = 7

    /// The compressed frame of `bytes`.
    static func compress(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        let bound = ZSTD_compressBound(bytes.count)
        // Not zeroed first: zstd writes what it returns.
        return [UInt8](unsafeUninitializedCapacity: bound) { out, count in
            let size = Context.forThisThread.compress(into: UnsafeMutableRawBufferPointer(out), from: bytes)
            // Compressing into a buffer of ZSTD_compressBound bytes cannot fail.
            precondition(ZSTD_isError(size) == 0, "zstd: \(String(cString: ZSTD_getErrorName(size)))")
            count = size
        }
    }

    static func compress(_ data: Data) -> [UInt8] {
        data.withUnsafeBytes { compress($0) }
    }

    /// Why a stored value could not be decompressed (a damaged or foreign file).
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The bytes of one frame; refuses a frame without its size or larger than `limit`.
    static func decompress(_ frame: UnsafeRawBufferPointer, limit: Int = 64 << 20) throws(Failure) -> [UInt8] {
        guard let base = frame.baseAddress, frame.count > 0 else { throw Failure(description: "an empty compressed value") }
        let size = ZSTD_getFrameContentSize(base, frame.count)
        guard size != ZSTD_CONTENTSIZE_ERROR, size != ZSTD_CONTENTSIZE_UNKNOWN, size <= UInt64(limit) else {
            throw Failure(description: "a compressed value that is not a zstd frame of known size")
        }
        var output = [UInt8](repeating: 0, count: Int(size))
        let written = output.withUnsafeMutableBytes { out in
            ZSTD_decompress(out.baseAddress, out.count, base, frame.count)
        }
        guard ZSTD_isError(written) == 0, written == Int(size) else {
            throw Failure(description: "a damaged compressed value (\(String(cString: ZSTD_getErrorName(written))))")
        }
        return output
    }

    /// A compression context for each thread: making one for every article allocates and
    /// clears its tables every time.
    final class Context {
        private let context: OpaquePointer

        private init() {
            context = ZSTD_createCCtx()
            // Kept by the context across frames (`ZSTD_compress2` starts each one afresh).
            for (parameter, value) in [(ZSTD_c_compressionLevel, Zstd.level), (ZSTD_c_minMatch, Zstd.minimumMatch)] {
                let code = ZSTD_CCtx_setParameter(context, parameter, value)
                precondition(ZSTD_isError(code) == 0, "zstd: \(String(cString: ZSTD_getErrorName(code)))")
            }
        }
        deinit { ZSTD_freeCCtx(context) }

        func compress(into output: UnsafeMutableRawBufferPointer, from input: UnsafeRawBufferPointer) -> Int {
            ZSTD_compress2(context, output.baseAddress, output.count, input.baseAddress, input.count)
        }

        /// The thread's context, kept under a POSIX thread-specific key (the thread dictionary
        /// and its dynamic cast cost ~7 k instructions a call); freed when the thread ends.
        static var forThisThread: Context {
            if let stored = pthread_getspecific(key) { return Unmanaged<Context>.fromOpaque(stored).takeUnretainedValue() }
            let context = Context()
            pthread_setspecific(key, Unmanaged.passRetained(context).toOpaque())
            return context
        }

        private static let key: pthread_key_t = {
            var key = pthread_key_t()
            let made = pthread_key_create(&key) { stored in
                if let stored { Unmanaged<Context>.fromOpaque(stored).release() }
            }
            precondition(made == 0, "zstd: no thread-specific key")
            return key
        }()
    }
}
