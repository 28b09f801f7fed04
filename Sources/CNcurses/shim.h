#ifndef BACA_NCURSES_SHIM_H
#define BACA_NCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

// Macros and globals that Swift cannot import, as functions.
static inline WINDOW *baca_stdscr(void) { return stdscr; }
static inline int baca_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline unsigned int baca_a_bold(void) { return A_BOLD; }
static inline unsigned int baca_a_dim(void) { return A_DIM; }
static inline unsigned int baca_a_italic(void) { return A_ITALIC; }
static inline unsigned int baca_a_underline(void) { return A_UNDERLINE; }
static inline unsigned int baca_a_reverse(void) { return A_REVERSE; }
static inline unsigned int baca_a_normal(void) { return A_NORMAL; }
static inline int baca_colors(void) { return COLORS; }
static inline int baca_color_pairs(void) { return COLOR_PAIRS; }
static inline int baca_key_code_yes(void) { return KEY_CODE_YES; }
static inline int baca_err(void) { return ERR; }

#endif
