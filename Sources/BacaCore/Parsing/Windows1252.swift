/// The Windows-1252 code page, the encoding a capture saved by an older Windows editor arrives in.
///
/// Bytes `0x00`–`0x7F` are ASCII and `0xA0`–`0xFF` are Latin-1; the block `0x80`–`0x9F` holds the
/// typographic characters (curly quotes, dashes, `€`, `…`) that make cp1252 differ from Latin-1.
public enum Windows1252 {
    /// The characters of `0x80`–`0x9F`. The five bytes the code page leaves undefined
    /// (`0x81`, `0x8D`, `0x8F`, `0x90`, `0x9D`) decode as U+FFFD: decoding them as C1 controls
    /// would hand the sanitiser a string introducer (`0x90` DCS, `0x9D` OSC) that swallows text.
    static let upperControlBlock: [Unicode.Scalar] = [
        "\u{20AC}", "\u{FFFD}", "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", "\u{FFFD}", "\u{017D}", "\u{FFFD}",
        "\u{FFFD}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", "\u{FFFD}", "\u{017E}", "\u{0178}",
    ]

    /// The character a byte stands for.
    @inline(__always)
    public static func scalar(for byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte < 0xA0 { return upperControlBlock[Int(byte - 0x80)] }
        return Unicode.Scalar(byte)
    }

    /// Decodes bytes; every byte sequence is valid Windows-1252.
    public static func decode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes { scalars.append(scalar(for: byte)) }
        return String(scalars)
    }
}
