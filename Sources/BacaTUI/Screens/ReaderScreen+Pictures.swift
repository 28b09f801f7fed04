import BacaCore

/// The reader's pictures: room in the layout above each caption with an address, the drawing
/// put into that room, and the key that turns them off and on (`ImageShelf` holds their state).
extension ReaderScreen {
    /// Lays the article out (when the width, the mode or the pictures changed), with room for
    /// the pictures when they are on.
    func preparePictureLayout(_ context: AppContext) {
        let shelf = context.images
        let width = textWidth(context)
        guard shelf.isActive else {
            model.prepareLayout(width: width, language: context.language)
            return
        }
        let page = origin(context)
        let language = context.language
        model.prepareLayout(
            width: width,
            pictures: { url in shelf.space(for: shelf.request(url: url, page: page, columns: width), language: language) },
            version: shelf.version, language: language)
    }

    /// Draws the pictures whose rows are on screen: symbols into the cells, row by row (a
    /// picture half scrolled away shows its visible half); a terminal-drawn picture only when
    /// all of it is on screen, as a placement the backend writes after the frame.
    func drawPictures(into buffer: inout ScreenBuffer, layout: ArticleLayout, context: AppContext) {
        let shelf = context.images
        guard shelf.isActive else { return }
        let left = leftMargin(context)
        let width = textWidth(context)
        let page = origin(context)
        let height = height(context)
        for offset in 0..<height {
            let index = model.top + offset
            guard index < layout.lines.count, let picture = layout.lines[index].picture else { continue }
            let request = shelf.request(url: picture.url, page: page, columns: width)
            guard let drawing = shelf.drawing(for: request) else { continue }
            let column = left + max(0, (width - drawing.columns) / 2)
            switch drawing {
            case .cells(let rows):
                guard picture.row < rows.count else { continue }
                var next = column
                // Chafa's cells are one column each (wide symbols are left out of its map).
                for cell in rows[picture.row] where !cell.text.isEmpty {
                    buffer.place(cell, row: offset, column: next)
                    next += 1
                }
            case .sequence(let sequence, let columns, let rows):
                guard picture.row == 0, offset + rows <= height else { continue }
                buffer.graphics.append(GraphicPlacement(
                    row: offset, column: column, columns: columns, rows: rows, mode: shelf.mode, sequence: sequence))
            }
        }
    }

    /// `i`: pictures off (captions alone) or on again.
    func togglePictures(_ context: AppContext) -> EventResult {
        let shelf = context.images
        guard shelf.isAvailable else {
            return .perform(.message(.info(context.tr(
                "Gambar tidak tersedia di terminal ini ([images] protocol di config.toml)",
                "Pictures are not available in this terminal ([images] protocol in config.toml)"))))
        }
        shelf.toggle()
        preparePictureLayout(context)
        return .perform(.message(.info(shelf.isEnabled ? context.tr("Gambar ditampilkan", "Pictures shown")
                                                       : context.tr("Gambar disembunyikan", "Pictures hidden"))))
    }
}
