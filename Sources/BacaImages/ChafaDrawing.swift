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
        chafa_calc_canvas_geometry(Int32(width), Int32(height), &fittedColumns, &fittedRows, ratio, 1, 0)
        return (Int(max(1, fittedColumns)), Int(max(1, fittedRows)))
    }

    public static func draw(
        _ picture: DecodedPicture, columns: Int, maxRows: Int, mode: ImageProtocol, colors: Bool,
        cellWidth: Int = 10, cellHeight: Int = 20
    ) -> ImageDrawing? {
        guard mode != .none else { return nil }
        let size = fit(
            width: picture.width, height: picture.height, columns: columns, maxRows: maxRows,
            cellWidth: cellWidth, cellHeight: cellHeight)
        guard let config = chafa_canvas_config_new() else { return nil }
        defer { chafa_canvas_config_unref(config) }
        chafa_canvas_config_set_geometry(config, Int32(size.columns), Int32(size.rows))
        chafa_canvas_config_set_cell_geometry(config, Int32(cellWidth), Int32(cellHeight))
        let symbols = chafa_symbol_map_new()
        defer { chafa_symbol_map_unref(symbols) }
        switch mode {
        case .symbols:
            chafa_canvas_config_set_pixel_mode(config, CHAFA_PIXEL_MODE_SYMBOLS)
            chafa_canvas_config_set_canvas_mode(config, colors ? CHAFA_CANVAS_MODE_INDEXED_240 : CHAFA_CANVAS_MODE_FGBG)
            // Block elements and spaces: one column each, in every terminal font.
            chafa_symbol_map_add_by_tags(symbols, ChafaSymbolTags(rawValue: CHAFA_SYMBOL_TAG_BLOCK.rawValue | CHAFA_SYMBOL_TAG_SPACE.rawValue))
            chafa_symbol_map_remove_by_tags(symbols, CHAFA_SYMBOL_TAG_WIDE)
            chafa_canvas_config_set_symbol_map(config, symbols)
        case .sixel:
            chafa_canvas_config_set_pixel_mode(config, CHAFA_PIXEL_MODE_SIXELS)
            chafa_canvas_config_set_canvas_mode(config, CHAFA_CANVAS_MODE_TRUECOLOR)
        case .kitty:
            chafa_canvas_config_set_pixel_mode(config, CHAFA_PIXEL_MODE_KITTY)
            chafa_canvas_config_set_canvas_mode(config, CHAFA_CANVAS_MODE_TRUECOLOR)
        case .iterm:
            chafa_canvas_config_set_pixel_mode(config, CHAFA_PIXEL_MODE_ITERM2)
            chafa_canvas_config_set_canvas_mode(config, CHAFA_CANVAS_MODE_TRUECOLOR)
        case .none:
            return nil
        }
        guard let canvas = chafa_canvas_new(config) else { return nil }
        defer { chafa_canvas_unref(canvas) }
        picture.rgba.withUnsafeBufferPointer { pixels in
            chafa_canvas_draw_all_pixels(
                canvas, CHAFA_PIXEL_RGBA8_UNASSOCIATED, pixels.baseAddress,
                Int32(picture.width), Int32(picture.height), Int32(picture.width * 4))
        }
        if mode == .symbols {
            return .cells(cells(of: canvas, columns: size.columns, rows: size.rows, colors: colors))
        }
        guard let info = chafa_term_db_get_fallback_info(chafa_term_db_get_default()) else { return nil }
        defer { chafa_term_info_unref(info) }
        guard let printed = chafa_canvas_print(canvas, info) else { return nil }
        defer { baca_gstring_free(printed) }
        let sequence = String(cString: printed.pointee.str)
        return sequence.isEmpty ? nil : .sequence(sequence, columns: size.columns, rows: size.rows)
    }

    /// The canvas's symbols and their palette colours, as cells.
    private static func cells(of canvas: OpaquePointer, columns: Int, rows: Int, colors: Bool) -> [[Cell]] {
        var result: [[Cell]] = []
        result.reserveCapacity(rows)
        for y in 0..<rows {
            var row: [Cell] = []
            row.reserveCapacity(columns)
            for x in 0..<columns {
                let code = chafa_canvas_get_char_at(canvas, Int32(x), Int32(y))
                let text = Unicode.Scalar(code).map { String(Character($0)) } ?? " "
                var style: StyleName = .text
                if colors {
                    var foreground: Int32 = -1, background: Int32 = -1
                    chafa_canvas_get_raw_colors_at(canvas, Int32(x), Int32(y), &foreground, &background)
                    style = ImageColors.style(foreground: Int(foreground), background: Int(background))
                }
                row.append(Cell(text: text, style: style))
            }
            result.append(row)
        }
        return result
    }
}
