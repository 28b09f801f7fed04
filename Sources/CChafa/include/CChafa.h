#ifndef BACA_CCHAFA_H
#define BACA_CCHAFA_H

// libchafa (`libchafa-dev` and `libglib2.0-dev` to build, `libchafa0` to run): draws decoded
// pixels as Unicode symbols with colours, or as sixel, kitty or iTerm2 graphics. It decodes no
// file formats itself (CImageCodecs does). Opened on first use (chafa.c; see CLazyLoad), so
// this header shows Swift only baca's own small drawing interface: chafa's headers need GLib's
// include folders, which only the C file is compiled with (Package.swift).

#include <stdint.h>

typedef enum {
    BACA_CHAFA_SYMBOLS = 0,
    BACA_CHAFA_SIXEL = 1,
    BACA_CHAFA_KITTY = 2,
    BACA_CHAFA_ITERM = 3,
} baca_chafa_mode;

/// NULL when libchafa is there (opening it the first time), else a one-line message naming it.
const char *baca_chafa_open(void);

/// The cells a `width` × `height` picture takes within `*columns` × `*rows`, its proportions
/// kept (`cell_ratio`: a cell's width over its height); chafa_calc_canvas_geometry.
void baca_chafa_fit(int32_t width, int32_t height, int32_t *columns, int32_t *rows, float cell_ratio);

/// A canvas of `columns` × `rows` cells with the RGBA pixels drawn on it (symbols: block
/// elements and spaces, 240 colours or foreground/background only; the others in true colour),
/// or NULL. Freed with `baca_chafa_canvas_free`.
void *baca_chafa_canvas(const uint8_t *rgba, int32_t width, int32_t height, int32_t columns, int32_t rows,
                        int32_t cell_width, int32_t cell_height, baca_chafa_mode mode, int32_t colors);

uint32_t baca_chafa_char_at(void *canvas, int32_t x, int32_t y);
void baca_chafa_colors_at(void *canvas, int32_t x, int32_t y, int32_t *foreground, int32_t *background);

/// The canvas as the terminal's escape sequence (sixel, kitty, iTerm2), malloc'ed (free it),
/// or NULL.
char *baca_chafa_print(void *canvas);

void baca_chafa_canvas_free(void *canvas);

#endif
