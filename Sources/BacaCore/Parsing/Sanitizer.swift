import Foundation

/// Makes untrusted text safe to store and to show on a terminal.
///
/// Everything that reaches the reader from outside (a capture today, feeds and pages later)
/// goes through here once, at the edge, before it is parsed or stored. What comes out:
/// - line ends are `\n` (CRLF, and CR in a file that has no LF at all, become `\n`);
/// - every kind of space (NBSP, the U+2000 family, ideographic space, TAB, and VT, FF, NEL)
///   is U+0020;
/// - no C0 control but `\n`, no DEL, no C1 control: an escape sequence is removed whole
///   (`ESC [ … final`, `ESC ] … BEL`, `ESC P … ESC \`, and their C1 forms U+009B, U+009D …),
///   so `ESC ] 0;pwned BEL` leaves neither the ESC nor `]0;pwned`;
/// - a CR inside a line (a trick to overwrite what was printed) becomes a space;
/// - no bidirectional control (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and no
///   invisible character (zero-width space, BOM, word joiner, tags, interlinear annotation);
/// - no white space at the end of a line or of the text.
///
/// The zero-width joiner and non-joiner stay: emoji sequences and some scripts need them.
///
/// Runs in one pass over the scalars, so it is linear in the length of the text.
public enum Sanitizer {
    /// Sanitises text of many lines, keeping its lines and their leading spaces.
    public static func sanitize(_ text: String) -> String {
        var text = text
        return text.withUTF8 { sanitize(utf8: $0) }
    }

    /// `sanitize` over UTF-8 that is known to be valid (a `String`'s).
    ///
    /// Fast path: a clean line (printable ASCII and scalars kept as they are, no space at its
    /// end, which is most lines of any capture) is copied whole; only the other lines go
    /// through the scanner scalar by scalar. Every escape sequence ends at a line feed (see
    /// `Scanner.consume`), so a line can be judged on its own. A text with no clean line to
    /// skip costs one extra check a byte.
    static func sanitize(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        let output = sanitizedUTF8(bytes)
        return String(decoding: output, as: UTF8.self)
    }

    /// What `sanitize` returns, as its UTF-8 (valid: only whole scalars are written): the
    /// capture loader splits it into lines without making one `String` of it first.
    static func sanitizedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var scanner = Scanner(crIsLineEnd: usesCarriageReturnLineEnds(bytes))
        scanner.output.reserveCapacity(bytes.count)
        var start = 0
        // Clean lines (with their line feeds) are copied in runs, from `uncopied` up to the
        // next line the scanner must read, rather than line by line.
        var uncopied = 0
        while start < bytes.count {
            let end = lineEnd(in: bytes, from: start)
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if !(scanner.isAtLineStart && isClean(line)) {
                scanner.output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[uncopied..<start]))
                var iterator = UnsafeBufferPointer(rebasing: bytes[start..<min(end + 1, bytes.count)]).makeIterator()
                var decoder = UTF8()
                while case .scalarValue(let scalar) = decoder.decode(&iterator) { scanner.consume(scalar) }
                uncopied = min(end + 1, bytes.count)
            }
            start = end + 1
        }
        scanner.output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[uncopied..<bytes.count]))
        return scanner.finishUTF8()
    }

    /// The index of the first line feed at or after `start`, or the end (`memchr`: the C
    /// library's search reads a vector of bytes at a time).
    @inline(__always)
    static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress, start < bytes.count,
              let found = memchr(base + start, 0x0A, bytes.count - start) else { return bytes.count }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// The scanner alone over every scalar, without the clean-line fast path: what `sanitize`
    /// must equal (tests).
    static func sanitizeScalarByScalar(_ text: String) -> String {
        var scanner = Scanner(crIsLineEnd: usesCarriageReturnLineEnds(text))
        for scalar in text.unicodeScalars { scanner.consume(scalar) }
        return scanner.finish()
    }

    /// Whether `sanitizeLine` would return the text unchanged: a clean line with no space at
    /// its start and no run of spaces.
    static func isCleanLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return true }
        return first != 0x20 && isClean(bytes, allowsSpaceRuns: false)
    }

    /// Whether a line (without its line feed) comes out of the scanner unchanged: no control,
    /// no space of another kind, no bidi or invisible scalar, no space at its end (and, unless
    /// `allowsSpaceRuns`, no two spaces in a row).
    static func isClean(_ line: UnsafeBufferPointer<UInt8>, allowsSpaceRuns: Bool = true) -> Bool {
        guard let base = line.baseAddress, !line.isEmpty else { return true }
        if line[line.count - 1] == 0x20 { return false }
        var previous: UInt8 = 0
        var index = 0
        while index < line.count {
            // Eight bytes at a time while they are printable ASCII.
            guard skipPrintableASCII(base, line.count, &index, &previous, allowsSpaceRuns: allowsSpaceRuns) else { return false }
            guard index < line.count else { break }
            let byte = line[index]
            if byte < 0x80 {
                guard byte >= 0x20 && byte != 0x7F else { return false }
                if !allowsSpaceRuns && byte == 0x20 && previous == 0x20 { return false }
                previous = byte
                index += 1
                continue
            }
            // A lead byte: decode the scalar (the text is valid UTF-8) and ask its kind.
            guard let (scalar, length) = UTF8Scan.scalar(at: index, in: line), kind(of: scalar) == .keep
            else { return false }
            previous = byte
            index += length
        }
        return true
    }

    /// Skips the eight-byte words of printable ASCII from `index` on (no high bit, no byte
    /// below 0x20, no DEL), leaving `index` at the first word that is not or fewer than eight
    /// bytes before `count`, and `previous` at the last byte skipped. Unless `allowsSpaceRuns`,
    /// returns false at two spaces in a row (one may be `previous`).
    ///
    /// Each test is exact byte by byte: with every high bit clear no sum carries, so `x + 0x60` has its high bit set when
    /// x ≥ 0x20, `x + 0x01` when x is DEL, and `x + 0x5F` for every byte but the space. A word
    /// with a high bit set fails on that byte whatever carries (a carry starts only at such a
    /// byte). `CaptureSanitizingTests` compare the outcome with the scanner's.
    @inline(__always)
    private static func skipPrintableASCII(
        _ base: UnsafePointer<UInt8>, _ count: Int, _ index: inout Int, _ previous: inout UInt8, allowsSpaceRuns: Bool
    ) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        var position = index
        var spaceBefore: UInt64 = previous == 0x20 ? 0x80 : 0
        var skipped = false
        var last: UInt64 = 0
        while position + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            let printable = (word &+ 0x60 &* ones) & ~(word &+ ones) & ~word & high
            guard printable == high else { break }
            if !allowsSpaceRuns {
                let spaces = ~(word &+ 0x5F &* ones) & high
                if spaces & (spaces << 8 | spaceBefore) != 0 { return false }
                spaceBefore = spaces >> 56
            }
            last = word
            skipped = true
            position += 8
        }
        if skipped { previous = UInt8(truncatingIfNeeded: last >> 56) }
        index = position
        return true
    }

    /// Sanitises text meant to be one line (a title, a name): line ends become spaces, runs
    /// of spaces collapse to one, and the ends are trimmed.
    public static func sanitizeLine(_ text: String) -> String {
        // Fast path: text already one clean line (what the parser hands over) comes back as is.
        var copy = text
        if copy.withUTF8({ isCleanLine($0) }) { return text }
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in sanitize(text).unicodeScalars {
            if scalar == " " || scalar == "\n" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(scalar)
        }
        return String(result)
    }

    /// Whether a scalar may be shown as is inside a line: the text `sanitize` returns has no
    /// scalar but these and `\n`.
    public static func isDisplaySafe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || kind(of: scalar) == .keep
    }

    /// Old Mac files end lines with a lone CR; anywhere else a lone CR is an attack or noise.
    static func usesCarriageReturnLineEnds(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { usesCarriageReturnLineEnds($0) }
    }

    static func usesCarriageReturnLineEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var sawCR = false
        for byte in bytes {
            if byte == 0x0A { return false }
            if byte == 0x0D { sawCR = true }
        }
        return sawCR
    }

    // MARK: - Classifying scalars

    /// What the scanner does with one scalar outside an escape sequence.
    enum Kind {
        case keep
        case space
        case lineEnd
        case carriageReturn
        case drop
        /// ESC: the start of a sequence whose kind the next scalar tells.
        case escape
        /// C1 CSI (U+009B): like `ESC [`.
        case controlSequence
        /// C1 DCS, SOS, OSC, PM, APC: like `ESC P`, `ESC X`, `ESC ]`, `ESC ^`, `ESC _`.
        case controlString
    }

    static func kind(of scalar: Unicode.Scalar) -> Kind {
        let value = scalar.value
        switch value {
        case 0x0A, 0x2028, 0x2029: return .lineEnd
        case 0x0D: return .carriageReturn
        // VT, FF and NEL become spaces rather than line ends: inside a line they must not
        // split it (a split title loses its second half to the body).
        case 0x09, 0x0B, 0x0C, 0x85, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        case 0x1B: return .escape
        case 0x9B: return .controlSequence
        case 0x90, 0x98, 0x9D, 0x9E, 0x9F: return .controlString
        case 0x00...0x1F, 0x7F...0x9F: return .drop
        // Bidirectional controls.
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return .drop
        // Invisible characters: zero-width space, word joiner, invisible operators, deprecated
        // format controls, Mongolian vowel separator, BOM, interlinear annotation, tags.
        case 0x200B, 0x2060...0x2064, 0x206A...0x206F, 0x180E, 0xFEFF, 0xFFF9...0xFFFB,
             0xE0000...0xE007F:
            return .drop
        // Noncharacters.
        case 0xFFFE, 0xFFFF: return .drop
        default: return .keep
        }
    }

    // MARK: - The scanner

    /// A state machine over scalars; `state` says where inside an escape sequence it is.
    struct Scanner {
        enum State {
            case text
            /// After ESC.
            case escape
            /// After ESC and intermediate bytes (`ESC ( B`).
            case escapeIntermediate
            /// Inside `ESC [` parameters, up to the final byte.
            case controlSequence
            /// Inside an OSC, DCS, SOS, PM or APC string, up to BEL or ST.
            case controlString
            /// After ESC inside a control string: `\` ends it (ST).
            case controlStringEscape
        }

        let crIsLineEnd: Bool
        var state = State.text
        /// The result as UTF-8: appending bytes is much cheaper than appending to a `String`.
        var output: [UInt8] = []
        /// Spaces seen but not written: written before the next visible scalar, dropped at a line end.
        var pendingSpaces = 0
        /// A CR whose meaning the next scalar tells: CRLF is one line end, else a space.
        var pendingCarriageReturn = false

        init(crIsLineEnd: Bool) {
            self.crIsLineEnd = crIsLineEnd
        }

        /// Nothing carried over from the line before: a clean line may be copied as it is.
        var isAtLineStart: Bool { state == .text && pendingSpaces == 0 && !pendingCarriageReturn }

        mutating func consume(_ scalar: Unicode.Scalar) {
            let value = scalar.value
            switch state {
            case .text:
                consumeText(scalar)
            case .escape:
                switch value {
                case 0x5B: state = .controlSequence                        // [
                case 0x5D, 0x50, 0x58, 0x5E, 0x5F: state = .controlString  // ] P X ^ _
                case 0x20...0x2F: state = .escapeIntermediate
                case 0x30...0x7E: state = .text                            // ESC c, ESC 7 …
                case 0x1B: state = .escape
                default: state = .text; consumeText(scalar)
                }
            case .escapeIntermediate:
                switch value {
                case 0x20...0x2F: break
                case 0x30...0x7E: state = .text
                default: state = .text; consumeText(scalar)
                }
            case .controlSequence:
                switch value {
                case 0x20...0x3F: break
                case 0x40...0x7E: state = .text
                default: state = .text; consumeText(scalar)   // malformed: abort, keep the scalar
                }
            case .controlString:
                switch value {
                case 0x07, 0x9C: state = .text
                case 0x1B: state = .controlStringEscape
                // A string left open ends at the line: it may not swallow the article.
                case 0x0A, 0x0D: state = .text; consumeText(scalar)
                default: break
                }
            case .controlStringEscape:
                if value == 0x5C {                                      // ESC \ (ST)
                    state = .text
                } else {
                    state = .escape
                    consume(scalar)
                }
            }
        }

        mutating func consumeText(_ scalar: Unicode.Scalar) {
            // Fast path: printable ASCII other than the space, most of any capture.
            if scalar.value > 0x20 && scalar.value < 0x7F && !pendingCarriageReturn {
                writePendingSpaces()
                output.append(UInt8(truncatingIfNeeded: scalar.value))
                return
            }
            let kind = Sanitizer.kind(of: scalar)
            if pendingCarriageReturn {
                pendingCarriageReturn = false
                if kind != .lineEnd { pendingSpaces += 1 }
            }
            switch kind {
            case .keep:
                writePendingSpaces()
                output.append(contentsOf: scalar.utf8)
            case .space:
                pendingSpaces += 1
            case .lineEnd:
                pendingSpaces = 0
                output.append(0x0A)
            case .carriageReturn:
                if crIsLineEnd {
                    pendingSpaces = 0
                    output.append(0x0A)
                } else {
                    pendingCarriageReturn = true
                }
            case .drop:
                break
            case .escape:
                state = .escape
            case .controlSequence:
                state = .controlSequence
            case .controlString:
                state = .controlString
            }
        }

        mutating func writePendingSpaces() {
            guard pendingSpaces > 0 else { return }
            output.append(contentsOf: repeatElement(0x20, count: pendingSpaces))
            pendingSpaces = 0
        }

        /// The sanitised text, without trailing white space or line ends.
        mutating func finish() -> String {
            String(decoding: finishUTF8(), as: UTF8.self)
        }

        /// The same, as UTF-8.
        mutating func finishUTF8() -> [UInt8] {
            while output.last == 0x0A { output.removeLast() }
            return output
        }
    }
}
