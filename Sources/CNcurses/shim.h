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

// --- Added for BacaTerminal ---------------------------------------------------------------

static inline WINDOW *baca_curscr(void) { return curscr; }
static inline int baca_ok(void) { return OK; }

// From <term.h>, which is not included because its many short macros (`lines`, `columns`, …)
// would leak into everything after it.
struct term;
extern struct term *cur_term;
extern int setupterm(const char *, int, int *);
extern int del_curterm(struct term *);

/// Looks a terminal type up in terminfo without touching the screen.
/// Returns 2 when found (and sets *has_cup), else setupterm's error code:
/// 1 hard-copy terminal, 0 not found, -1 no terminfo database.
static inline int baca_probe_terminal(const char *name, int fd, int *has_cup) {
    int err = 0;
    *has_cup = 0;
    if (setupterm(name, fd, &err) != OK) {
        return err;
    }
    char *cup = tigetstr("cup");
    *has_cup = (cup != NULL && cup != (char *)-1);
    del_curterm(cur_term);
    return 2;
}

/// A terminfo string capability, or NULL when absent or not a string.
static inline const char *baca_tigetstr(const char *name) {
    char *s = tigetstr(name);
    if (s == NULL || s == (char *)-1) return NULL;
    return s;
}


/// The columns a wide character takes (glibc declares wcwidth only under _XOPEN_SOURCE).
extern int wcwidth(wchar_t);
static inline int baca_wcwidth(wchar_t c) { return wcwidth(c); }

#endif
