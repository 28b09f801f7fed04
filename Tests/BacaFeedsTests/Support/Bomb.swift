import Foundation

/// Compression bombs for the fetch tests: a stream of zeros compressed by hand (no compressor
/// in the test), served as `repeated` units so that a bomb of any size costs the server nothing.
///
/// Each unit is a fixed-Huffman deflate block of `pairs` copies of <length 258, distance 1>
/// (13 bits each) followed by an empty stored block, which brings the stream back to a byte
/// boundary: units can follow one another as they are. 1007 pairs make 1,642 bytes that expand
/// to 259,806 zeros (158 to 1).
struct Bomb {
    /// Before the units: the container's header and a first block holding one zero byte.
    var prefix: Data
    var unit: Data
    var count: Int
    /// After the units: the last (empty) block and the container's trailer.
    var suffix: Data
    /// The size the whole body expands to.
    var expanded: Int

    var compressedSize: Int { prefix.count + unit.count * count + suffix.count }

    enum Container { case gzip, zlib }

    static let pairs = 1007

    /// A bomb that expands to at least `size` bytes.
    static func zeros(expandingTo size: Int, container: Container) -> Bomb {
        let perUnit = pairs * 258
        let count = max(1, (size - 1 + perUnit - 1) / perUnit)
        let expanded = 1 + count * perUnit

        var first = BitWriter()
        first.bits(0, 1); first.bits(1, 2)             // not final, fixed Huffman
        first.code(0x30, 8)                            // literal 0
        first.code(0, 7)                               // end of block
        first.storedEmpty(final: false)

        var unit = BitWriter()
        unit.bits(0, 1); unit.bits(1, 2)
        for _ in 0..<pairs {
            unit.code(0b1100_0101, 8)                  // length 258 (symbol 285)
            unit.code(0, 5)                            // distance 1 (code 0)
        }
        unit.code(0, 7)
        unit.storedEmpty(final: false)

        var last = BitWriter()
        last.storedEmpty(final: true)

        switch container {
        case .gzip:
            let header = Data([0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF])
            var trailer = last.data
            for value in [Self.crc32OfZeros(expanded), UInt32(truncatingIfNeeded: expanded)] {
                trailer.append(contentsOf: [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)])
            }
            return Bomb(prefix: header + first.data, unit: unit.data, count: count, suffix: trailer, expanded: expanded)
        case .zlib:
            // Adler-32 of n zeros: a = 1, b = n (mod 65521).
            let adler = UInt32(expanded % 65521) << 16 | 1
            var trailer = last.data
            trailer.append(contentsOf: [UInt8(adler >> 24), UInt8((adler >> 16) & 0xFF), UInt8((adler >> 8) & 0xFF), UInt8(adler & 0xFF)])
            return Bomb(prefix: Data([0x78, 0x01]) + first.data, unit: unit.data, count: count, suffix: trailer, expanded: expanded)
        }
    }

    /// The response: `Content-Encoding` set, the units streamed.
    func response(type: String, encoding: String, closeDelimited: Bool = false) -> LoopbackServer.Response {
        var response = LoopbackServer.Response(
            status: 200, headers: ["Content-Type": type, "Content-Encoding": encoding], body: prefix)
        response.repeated = (unit, count, suffix)
        response.closeDelimited = closeDelimited
        return response
    }

    /// The CRC-32 of `count` zero bytes, by squaring the zero-bit operator (as zlib's
    /// `crc32_combine` does), so that a gigabyte costs microseconds.
    static func crc32OfZeros(_ count: Int) -> UInt32 {
        func times(_ matrix: [UInt32], _ vector: UInt32) -> UInt32 {
            var sum: UInt32 = 0
            var vector = vector
            var index = 0
            while vector != 0 {
                if vector & 1 != 0 { sum ^= matrix[index] }
                vector >>= 1
                index += 1
            }
            return sum
        }
        func square(_ matrix: [UInt32]) -> [UInt32] { (0..<32).map { times(matrix, matrix[$0]) } }
        var odd = [UInt32](repeating: 0, count: 32)
        odd[0] = 0xEDB8_8320
        for n in 1..<32 { odd[n] = 1 << (n - 1) }
        var even = square(odd)
        odd = square(even)
        var crc: UInt32 = 0xFFFF_FFFF
        var length = count
        while length != 0 {
            even = square(odd)
            if length & 1 != 0 { crc = times(even, crc) }
            length >>= 1
            if length == 0 { break }
            odd = square(even)
            if length & 1 != 0 { crc = times(odd, crc) }
            length >>= 1
        }
        return ~crc
    }
}

/// Bits least significant first, as deflate packs them.
struct BitWriter {
    private(set) var data = Data()
    private var current: UInt32 = 0
    private var filled = 0

    /// `count` bits of `value`, least significant first (header fields, lengths).
    mutating func bits(_ value: UInt32, _ count: Int) {
        for index in 0..<count {
            current |= ((value >> UInt32(index)) & 1) << UInt32(filled)
            filled += 1
            if filled == 8 { flush() }
        }
    }

    /// A Huffman code, most significant bit first.
    mutating func code(_ value: UInt32, _ length: Int) {
        for index in stride(from: length - 1, through: 0, by: -1) { bits((value >> UInt32(index)) & 1, 1) }
    }

    /// An empty stored block: its header, padding to the byte, LEN 0 and NLEN 0xFFFF.
    mutating func storedEmpty(final: Bool) {
        bits(final ? 1 : 0, 1); bits(0, 2)
        if filled > 0 { flush() }
        data.append(contentsOf: [0x00, 0x00, 0xFF, 0xFF])
    }

    private mutating func flush() {
        data.append(UInt8(current & 0xFF))
        current = 0
        filled = 0
    }
}
