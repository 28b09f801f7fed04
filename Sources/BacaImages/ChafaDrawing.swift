import BacaCore
import BacaTUI
import CChafa
import Foundation

/// Draws decoded pixels with libchafa: Unicode block symbols with palette colours into cells,
/// or a sixel, kitty or iTerm2 escape sequence. Pure: pixels in, drawing out.
public enum ChafaDrawing {
    /// The cells a picture takes: as wide as `columns` allows and as tall as `maxRows` allows,
    /// its proportions kept (a cell is `cellWidth` × `cellHeight` pixels).
    public static func fit(
        width: Int, height: Int, columns: Int, maxRows: Int, cellWidth: Int, cellHeight: Int
    ) -> (columns: Int, rows: Int) {
        var fittedColumns = Int32(max(1, columns)), fittedRows = Int32(max(1, maxRows))
        let ratio = Float(max(1, cellWidth)) / Float(max(1, cellHeight))
        baca_chafa_fit(Int32(width), Int32(height), &fittedColumns, &fittedRows, ratio)
        return (Int(max(1, fittedColumns)), Int(max(1, fittedRows)))
    }

    /// Why pictures cannot be drawn (libchafa missing: a one-line message naming it), or nil.
    /// The first call opens libchafa.
    public static var unavailable: String? {
        baca_chafa_open().map { String(cString: $0) }
    }

    public static func draw(
        _ picture: DecodedPicture, columns: Int, maxRows: Int, mode: ImageProtocol, colors: Bool,
        cellWidth: Int = 10, cellHeight: Int = 20
    ) -> ImageDrawing? {
        let chafaMode: baca_chafa_mode
        switch mode {
        case .none: return nil
        case .symbols: chafaMode = BACA_CHAFA_SYMBOLS
        case .sixel: chafaMode = BACA_CHAFA_SIXEL
        case .kitty: chafaMode = BACA_CHAFA_KITTY
        case .iterm: chafaMode = BACA_CHAFA_ITERM
        }
        guard unavailable == nil else { return nil }
        let size = fit(
            width: picture.width, height: picture.height, columns: columns, maxRows: maxRows,
            cellWidth: cellWidth, cellHeight: cellHeight)
        let drawn = picture.rgba.withUnsafeBufferPointer { pixels in
            baca_chafa_canvas(
                pixels.baseAddress, Int32(picture.width), Int32(picture.height), Int32(size.columns),
                Int32(size.rows), Int32(cellWidth), Int32(cellHeight), chafaMode, colors ? 1 : 0)
        }
        guard let canvas = drawn else { return nil }
        defer { baca_chafa_canvas_free(canvas) }
        if mode == .symbols {
            return .cells(cells(of: canvas, columns: size.columns, rows: size.rows, colors: colors))
        }
        guard let printed = baca_chafa_print(canvas) else { return nil }
        defer { free(printed) }
        let sequence = String(cString: printed)
        return sequence.isEmpty ? nil : .sequence(sequence, columns: size.columns, rows: size.rows)
    }

    /// The canvas's symbols and their palette colours, as cells.
    private static func cells(of canvas: UnsafeMutableRawPointer, columns: Int, rows: Int, colors: Bool) -> [[Cell]] {
        var result: [[Cell]] = []
        result.reserveCapacity(rows)
        for y in 0..<rows {
            var row: [Cell] = []
            row.reserveCapacity(columns)
            for x in 0..<columns {
                let code = baca_chafa_char_at(canvas, Int32(x), Int32(y))
                // One column each, as the screen places them (`ScreenBuffer.place`); anything
                // else (a control, a wide or zero-width symbol) is a blank.
                let symbol = Unicode.Scalar(code).map(Character.init)
                let text = symbol.flatMap { $0.displayWidth == 1 && !($0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) ? String($0) : nil } ?? " "
                var style: StyleName = .text
                if colors {
                    var foreground: Int32 = -1, background: Int32 = -1
                    baca_chafa_colors_at(canvas, Int32(x), Int32(y), &foreground, &background)
                    style = ImageColors.style(foreground: Int(foreground), background: Int(background))
                }
                row.append(Cell(text: text, style: style))
            }
            result.append(row)
        }
        return result
    }
}
