// libchafa opened on first use (see CLazyLoad/include/baca_lazy.h for why): the drawing the
// reader asks for, with chafa's and GLib's functions called through pointers looked up once,
// their types taken from <chafa.h>. GLib comes in as libchafa's own dependency.
#include "CChafa.h"
#include "baca_lazy.h"

#include <chafa.h>
#include <stdlib.h>
#include <string.h>

static baca_lazy_library library = BACA_LAZY_LIBRARY("libchafa.so.0", "libchafa0");

#define BACA_CHAFA_FUNCTIONS(X) \
    X(chafa_calc_canvas_geometry) X(chafa_canvas_config_new) X(chafa_canvas_config_unref) \
    X(chafa_canvas_config_set_geometry) X(chafa_canvas_config_set_cell_geometry) \
    X(chafa_canvas_config_set_pixel_mode) X(chafa_canvas_config_set_canvas_mode) \
    X(chafa_canvas_config_set_symbol_map) X(chafa_symbol_map_new) X(chafa_symbol_map_unref) \
    X(chafa_symbol_map_add_by_tags) X(chafa_symbol_map_remove_by_tags) X(chafa_canvas_new) \
    X(chafa_canvas_unref) X(chafa_canvas_draw_all_pixels) X(chafa_canvas_get_char_at) \
    X(chafa_canvas_get_raw_colors_at) X(chafa_canvas_print) X(chafa_term_db_get_default) \
    X(chafa_term_db_get_fallback_info) X(chafa_term_info_unref) X(g_string_free)

#define BACA_RESOLVE_chafa(name) chafa_functions.name = (__typeof__(&name))baca_lazy_function(&library, #name);
BACA_LAZY_TABLE(chafa, library, BACA_CHAFA_FUNCTIONS, BACA_RESOLVE_chafa)
#define CHAFA_FN BACA_LAZY_CALL(chafa)

void baca_chafa_fit(int32_t width, int32_t height, int32_t *columns, int32_t *rows, float cell_ratio) {
    gint fitted_columns = *columns, fitted_rows = *rows;
    CHAFA_FN.chafa_calc_canvas_geometry(width, height, &fitted_columns, &fitted_rows, cell_ratio, TRUE, FALSE);
    *columns = fitted_columns;
    *rows = fitted_rows;
}

void *baca_chafa_canvas(const uint8_t *rgba, int32_t width, int32_t height, int32_t columns, int32_t rows,
                        int32_t cell_width, int32_t cell_height, baca_chafa_mode mode, int32_t colors) {
    ChafaCanvasConfig *config = CHAFA_FN.chafa_canvas_config_new();
    if (!config) return NULL;
    CHAFA_FN.chafa_canvas_config_set_geometry(config, columns, rows);
    CHAFA_FN.chafa_canvas_config_set_cell_geometry(config, cell_width, cell_height);
    ChafaSymbolMap *symbols = CHAFA_FN.chafa_symbol_map_new();
    switch (mode) {
    case BACA_CHAFA_SYMBOLS:
        CHAFA_FN.chafa_canvas_config_set_pixel_mode(config, CHAFA_PIXEL_MODE_SYMBOLS);
        CHAFA_FN.chafa_canvas_config_set_canvas_mode(config, colors ? CHAFA_CANVAS_MODE_INDEXED_240 : CHAFA_CANVAS_MODE_FGBG);
        // Block elements and spaces: one column each, in every terminal font.
        CHAFA_FN.chafa_symbol_map_add_by_tags(symbols, CHAFA_SYMBOL_TAG_BLOCK | CHAFA_SYMBOL_TAG_SPACE);
        CHAFA_FN.chafa_symbol_map_remove_by_tags(symbols, CHAFA_SYMBOL_TAG_WIDE);
        CHAFA_FN.chafa_canvas_config_set_symbol_map(config, symbols);
        break;
    case BACA_CHAFA_SIXEL:
        CHAFA_FN.chafa_canvas_config_set_pixel_mode(config, CHAFA_PIXEL_MODE_SIXELS);
        CHAFA_FN.chafa_canvas_config_set_canvas_mode(config, CHAFA_CANVAS_MODE_TRUECOLOR);
        break;
    case BACA_CHAFA_KITTY:
        CHAFA_FN.chafa_canvas_config_set_pixel_mode(config, CHAFA_PIXEL_MODE_KITTY);
        CHAFA_FN.chafa_canvas_config_set_canvas_mode(config, CHAFA_CANVAS_MODE_TRUECOLOR);
        break;
    case BACA_CHAFA_ITERM:
        CHAFA_FN.chafa_canvas_config_set_pixel_mode(config, CHAFA_PIXEL_MODE_ITERM2);
        CHAFA_FN.chafa_canvas_config_set_canvas_mode(config, CHAFA_CANVAS_MODE_TRUECOLOR);
        break;
    }
    ChafaCanvas *canvas = CHAFA_FN.chafa_canvas_new(config);
    CHAFA_FN.chafa_symbol_map_unref(symbols);
    CHAFA_FN.chafa_canvas_config_unref(config);
    if (!canvas) return NULL;
    CHAFA_FN.chafa_canvas_draw_all_pixels(canvas, CHAFA_PIXEL_RGBA8_UNASSOCIATED, rgba, width, height, width * 4);
    return canvas;
}

uint32_t baca_chafa_char_at(void *canvas, int32_t x, int32_t y) {
    return (uint32_t)CHAFA_FN.chafa_canvas_get_char_at((ChafaCanvas *)canvas, x, y);
}

void baca_chafa_colors_at(void *canvas, int32_t x, int32_t y, int32_t *foreground, int32_t *background) {
    gint fg = -1, bg = -1;
    CHAFA_FN.chafa_canvas_get_raw_colors_at((ChafaCanvas *)canvas, x, y, &fg, &bg);
    *foreground = fg;
    *background = bg;
}

char *baca_chafa_print(void *canvas) {
    ChafaTermInfo *info = CHAFA_FN.chafa_term_db_get_fallback_info(CHAFA_FN.chafa_term_db_get_default());
    if (!info) return NULL;
    GString *printed = CHAFA_FN.chafa_canvas_print((ChafaCanvas *)canvas, info);
    CHAFA_FN.chafa_term_info_unref(info);
    if (!printed) return NULL;
    char *copy = strdup(printed->str);
    // In parentheses: newer GLibs also define g_string_free as a macro.
    (CHAFA_FN.g_string_free)(printed, TRUE);
    return copy;
}

void baca_chafa_canvas_free(void *canvas) { CHAFA_FN.chafa_canvas_unref((ChafaCanvas *)canvas); }
