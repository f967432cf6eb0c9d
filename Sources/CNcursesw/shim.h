#ifndef DOJO_CNCURSESW_SHIM_H
#define DOJO_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE, so the wide-character API must be asked for here.
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncurses.h>

// Swift 6 rejects C globals as shared mutable state and cannot see function-like macros:
// every one the toolkit needs goes through a static inline function.
static inline WINDOW *dojo_stdscr(void) { return stdscr; }
static inline int dojo_cols(void) { return COLS; }
static inline int dojo_lines(void) { return LINES; }
static inline int dojo_colors(void) { return COLORS; }
static inline int dojo_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t dojo_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static inline attr_t dojo_a_bold(void) { return A_BOLD; }
static inline attr_t dojo_a_dim(void) { return A_DIM; }
static inline attr_t dojo_a_underline(void) { return A_UNDERLINE; }
static inline attr_t dojo_a_reverse(void) { return A_REVERSE; }
static inline attr_t dojo_a_normal(void) { return A_NORMAL; }
static inline int dojo_key_resize(void) { return KEY_RESIZE; }
static inline int dojo_err(void) { return ERR; }
static inline int dojo_key_code_yes(void) { return KEY_CODE_YES; }
static inline const char *dojo_curses_version(void) { return curses_version(); }

// wcwidth is declared by <wchar.h> only under _XOPEN_SOURCE; declared again so Swift sees it.
int wcwidth(wchar_t c);

// From <term.h>, which is not included: its macros (`lines`, `columns`, …) would collide with
// ordinary Swift names. Used by the doctor to read terminfo without starting curses.
int setupterm(const char *term, int filedes, int *errret);
#endif
