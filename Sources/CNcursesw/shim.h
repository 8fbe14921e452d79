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
// use_tioctl: the size comes from the terminal (TIOCGWINSZ) even when a stale COLUMNS or LINES is
// exported; ncurses would otherwise prefer the environment.
static inline SCREEN *tanacs_newterm(void) {
    use_env(TRUE);
    use_tioctl(TRUE);
    return newterm(NULL, stdout, stdin);
}

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

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

// --- Signals -------------------------------------------------------------------------------------
// Handlers live in C so they can be installed with sigaction on every platform and stay small.

// The bytes that switch bracketed paste off again, sent by the fatal-signal handler too (write(2) is
// async-signal-safe); empty when the terminal has no bracketed paste.
static inline char *tanacs_paste_off_buffer(void) { static char buffer[32]; return buffer; }
static inline volatile sig_atomic_t *tanacs_continued_flag(void) { static volatile sig_atomic_t flag; return &flag; }

static void tanacs_fatal_signal(int sig) {
    const char *off = tanacs_paste_off_buffer();
    if (*off) { ssize_t ignored = write(STDOUT_FILENO, off, strlen(off)); (void)ignored; }
    endwin();
    // SA_RESETHAND has put the default action back and the signal stays blocked while this runs: raising
    // it again ends the process as the signal would (status, core dump) as soon as the handler returns.
    raise(sig);
}

static void tanacs_continue_signal(int sig) {
    (void)sig;
    *tanacs_continued_flag() = 1;
}

// Every signal whose default action ends the process (or dumps core) restores the terminal first.
// The handlers block every other signal while they run, and are installed without SA_RESTART so a
// blocking read returns EINTR and the main loop sees the flag set by SIGCONT.
static inline void tanacs_install_signal_handlers(void) {
    static const int fatal[] = {
        SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGUSR1, SIGSEGV, SIGUSR2,
        SIGPIPE, SIGALRM, SIGTERM, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGSYS,
#ifdef SIGSTKFLT
        SIGSTKFLT,
#endif
#ifdef SIGIO
        SIGIO,
#endif
#ifdef SIGPWR
        SIGPWR,
#endif
#ifdef SIGEMT
        SIGEMT,
#endif
#ifdef SIGLOST
        SIGLOST,
#endif
    };
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = tanacs_fatal_signal;
    sigfillset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++) sigaction(fatal[i], &action, NULL);
#ifdef SIGRTMIN
    // Real-time signals end the process by default as well.
    for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++) sigaction(sig, &action, NULL);
#endif
    struct sigaction resume;
    memset(&resume, 0, sizeof resume);
    resume.sa_handler = tanacs_continue_signal;
    sigfillset(&resume.sa_mask);
    sigaction(SIGCONT, &resume, NULL);
}

// True once after SIGCONT: the process was stopped from outside (SIGSTOP) and the shell may have put
// the terminal back in its own modes.
static inline int tanacs_take_continued(void) {
    if (!*tanacs_continued_flag()) return 0;
    *tanacs_continued_flag() = 0;
    return 1;
}

// Switches bracketed paste on when the terminal describes it (terminfo BE/BD/PS), so pasted text
// arrives between ESC[200~ and ESC[201~ and is never read as keys.
static inline void tanacs_bracketed_paste_on(void) {
    char *on = tigetstr("BE"), *off = tigetstr("BD"), *start = tigetstr("PS");
    if (on == NULL || on == (char *)-1 || off == NULL || off == (char *)-1 || start == NULL || start == (char *)-1) return;
    if (strlen(off) >= 32) return;
    strcpy(tanacs_paste_off_buffer(), off);
    putp(on);
    fflush(stdout);
}

static inline void tanacs_bracketed_paste_off(void) {
    char *off = tanacs_paste_off_buffer();
    if (!*off) return;
    putp(off);
    fflush(stdout);
    *off = 0;
}

// --- Input that ends -----------------------------------------------------------------------------

// True when stdin has hung up or failed (a closed pty, a killed pane): nothing more will come.
static inline int tanacs_input_closed(void) {
    struct pollfd fd = { .fd = STDIN_FILENO, .events = POLLIN, .revents = 0 };
    if (poll(&fd, 1, 0) < 0) return errno != EINTR;
    return (fd.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}


// Clears O_NONBLOCK on a descriptor, returning its old flags (-1 on error), so a non-blocking
// terminal inherited from a parent neither makes reads fail at once nor makes writes busy-wait.
static inline int tanacs_make_blocking(int fd) {
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0 && (flags & O_NONBLOCK)) fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    return flags;
}
static inline void tanacs_restore_flags(int fd, int flags) {
    if (flags >= 0) fcntl(fd, F_SETFL, flags);
}

// --- Crashes in the commands -----------------------------------------------------------------------
// A command that runs out of memory dies in the Swift runtime with SIGSEGV, SIGILL or SIGTRAP; instead
// of the runtime's page-long backtrace it prints one line, then ends as the signal would.
static void tanacs_crash_signal(int sig) {
    static const char message[] =
        "tanacs: stopped by a fatal signal: out of memory (or a bug; TANACS_BACKTRACE=1 shows a backtrace)\n";
    ssize_t ignored = write(STDERR_FILENO, message, sizeof message - 1);
    (void)ignored;
    raise(sig);
}

static inline void tanacs_install_crash_report(void) {
    static const int crashes[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT };
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = tanacs_crash_signal;
    sigfillset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    for (size_t i = 0; i < sizeof crashes / sizeof crashes[0]; i++) sigaction(crashes[i], &action, NULL);
}

#endif
