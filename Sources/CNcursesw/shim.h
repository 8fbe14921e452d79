#ifndef TANACS_NCURSESW_SHIM_H
#define TANACS_NCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D flags, so the wide-character API must be switched on here.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift cannot import macros built from casts and shifts, nor the C globals under strict concurrency.
static inline WINDOW *tanacs_stdscr(void) { return stdscr; }
static inline WINDOW *tanacs_curscr(void) { return curscr; }
static inline int tanacs_lines(void) { return LINES; }
static inline int tanacs_cols(void) { return COLS; }
static inline int tanacs_colors(void) { return COLORS; }
static inline int tanacs_color_pairs(void) { return COLOR_PAIRS; }

#include <langinfo.h>
#include <stdio.h>
// The locale's character set, e.g. "UTF-8"; valid after setlocale.
static inline const char *tanacs_codeset(void) { return nl_langinfo(CODESET); }
// A screen on the process's own stdin and stdout; NULL when the terminal type is unusable.
static inline SCREEN *tanacs_newterm(void) { return newterm(NULL, stdout, stdin); }

// True when the terminal has an alternate screen (smcup), which endwin leaves to restore the shell's.
static inline int tanacs_has_alternate_screen(void) {
    char *s = tigetstr("smcup");
    return s != NULL && s != (char *)-1 && *s != 0;
}

static inline attr_t tanacs_a_normal(void) { return A_NORMAL; }
static inline attr_t tanacs_a_bold(void) { return A_BOLD; }
static inline attr_t tanacs_a_dim(void) { return A_DIM; }
static inline attr_t tanacs_a_underline(void) { return A_UNDERLINE; }
static inline attr_t tanacs_a_reverse(void) { return A_REVERSE; }
static inline attr_t tanacs_a_italic(void) { return A_ITALIC; }

static inline mmask_t tanacs_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t tanacs_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t tanacs_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t tanacs_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t tanacs_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t tanacs_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t tanacs_button5_pressed(void) {
#ifdef BUTTON5_PRESSED
    return BUTTON5_PRESSED;
#else
    return 0;
#endif
}

// Paints one grapheme cluster (a short wide string) with attributes and a colour pair.
static inline int tanacs_put_cell(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) == ERR) return ERR;
    return mvadd_wch(y, x, &cell);
}

#endif
