import BacaCore

/// The bytes that make a frame's links (`HitMap.links`) OSC 8 hyperlinks, written straight to
/// the terminal after the frame is drawn: for each link, the cursor goes to its first cell and
/// its cells are written again, the same text in the same style, between `ESC ] 8 ; ; URL ESC \`
/// and `ESC ] 8 ; ; ESC \`. Then the attributes are reset, as the curses library leaves them
/// after a frame; the backend then tells the library where the cursor is (`mvcur`), so its idea
/// of the screen stays true.
///
/// Nothing the cells do not hold is written: a cell's text is written only when it is one
/// printable scalar, otherwise a space (as the backend draws it). A link over a wide or
/// composed grapheme is left plain: the terminal's idea of its width might differ from the
/// frame's, and a written-over row must take exactly the cells it took.
public enum HyperlinkOverlay {
    /// `sgr` gives the full SGR parameters of a style (`1;38;5;33`), as the backend draws it.
    public static func bytes(
        for buffer: ScreenBuffer, visibleRows: Int, visibleColumns: Int, sgr: (StyleName) -> String
    ) -> [UInt8] {
        let links = buffer.hitMap.links.filter { link in
            link.row < visibleRows && link.columns.upperBound <= visibleColumns
                && link.columns.allSatisfy { buffer[link.row, $0].text.unicodeScalars.count == 1 }
        }
        guard !links.isEmpty else { return [] }
        var out = ""
        for link in links {
            out += "\u{1B}[\(link.row + 1);\(link.columns.lowerBound + 1)H"
            out += "\u{1B}]8;;\(link.url)\u{1B}\\"
            var style: StyleName?
            for column in link.columns {
                let cell = buffer[link.row, column]
                if cell.style != style {
                    style = cell.style
                    out += "\u{1B}[0;\(sgr(cell.style))m"
                }
                out += printable(cell.text)
            }
            out += "\u{1B}]8;;\u{1B}\\"
        }
        out += "\u{1B}[0m"
        return Array(out.utf8)
    }

    /// The one-scalar grapheme when it is narrow and safe to show, else a space.
    static func printable(_ text: String) -> String {
        guard let scalar = text.unicodeScalars.first, text.unicodeScalars.count == 1, scalar.value >= 0x20,
              !(0x7F..<0xA0).contains(scalar.value), Sanitizer.isDisplaySafe(scalar), Character(scalar).displayWidth == 1
        else { return " " }
        return text
    }
}
