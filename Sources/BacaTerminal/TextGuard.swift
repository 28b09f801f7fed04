#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BacaCore
import CNcurses

/// Turns a cell's grapheme into the wide characters handed to ncurses.
///
/// Defence in depth: the text never carries control characters to the terminal (C0, DEL and C1
/// become `?`, and so do bidirectional controls, invisible format characters and tags, which
/// `Sanitizer.isDisplaySafe` refuses), and a grapheme always takes exactly the columns the buffer gave it, even when the
/// C library's `wcwidth` disagrees with the layout's idea of its width (emoji sequences, lone
/// combining marks), so that one odd character cannot shift the rest of the row.
enum TextGuard {
    private static let space = wchar_t(0x20)
    private static let question = wchar_t(0x3F)

    static func appendBlank(to buffer: inout [wchar_t]) {
        buffer.append(space)
    }

    /// Appends `grapheme` so that it takes `width` (1 or 2) columns.
    static func append(_ grapheme: String, width: Int, to buffer: inout [wchar_t]) {
        let scalars = grapheme.unicodeScalars
        // Fast path: one printable ASCII character.
        if width == 1, grapheme.utf8.count == 1, let byte = grapheme.utf8.first, byte >= 0x20, byte < 0x7F {
            buffer.append(wchar_t(byte))
            return
        }
        let start = buffer.count
        var columns = 0
        var firstWidth = -1
        for scalar in scalars {
            var value = wchar_t(bitPattern: scalar.value)
            var scalarWidth: Int
            if isControl(scalar.value) || !Sanitizer.isDisplaySafe(scalar) {
                value = question
                scalarWidth = 1
            } else {
                scalarWidth = Int(baca_wcwidth(value))
                if scalarWidth < 0 {
                    value = question
                    scalarWidth = 1
                }
            }
            if firstWidth < 0 { firstWidth = scalarWidth }
            columns += scalarWidth
            buffer.append(value)
        }
        if firstWidth > 0 && columns == width {
            return
        }
        if firstWidth > 0 && columns < width {
            // Narrower than the layout thought (an emoji presentation selector, say): pad.
            for _ in columns..<width { buffer.append(space) }
            return
        }
        // Wider than its cells, empty, or starting with a zero-width mark: keep the first
        // character when it fits exactly, else show `?`.
        buffer.removeSubrange(start...)
        if let first = scalars.first, !isControl(first.value), Sanitizer.isDisplaySafe(first),
           Int(baca_wcwidth(wchar_t(bitPattern: first.value))) == width {
            buffer.append(wchar_t(bitPattern: first.value))
            return
        }
        buffer.append(question)
        for _ in 1..<max(width, 1) { buffer.append(space) }
    }

    /// C0 controls, DEL and C1 controls.
    static func isControl(_ value: UInt32) -> Bool {
        value < 0x20 || (value >= 0x7F && value <= 0x9F)
    }
}
