// What Swift needs from ncursesw and cannot import by itself. SwiftPM drops pkg-config's -D flags,
// so the wide-character API is switched on here, before curses.h.
#ifndef TANDEM_CNCURSESW_SHIM_H
#define TANDEM_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <errno.h>
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

// C globals and function-like macros, as functions.
static inline WINDOW *tandem_stdscr(void) { return stdscr; }
static inline int tandem_lines(void) { return LINES; }
static inline int tandem_cols(void) { return COLS; }
static inline int tandem_key_f(int n) { return KEY_F(n); }
static inline int tandem_wcwidth(wchar_t c) { return wcwidth(c); }
static inline attr_t tandem_a_normal(void) { return A_NORMAL; }
static inline attr_t tandem_a_bold(void) { return A_BOLD; }
static inline attr_t tandem_a_reverse(void) { return A_REVERSE; }
static inline attr_t tandem_a_underline(void) { return A_UNDERLINE; }
static inline attr_t tandem_a_dim(void) { return A_DIM; }
static inline chtype tandem_acs_vline(void) { return ACS_VLINE; }
static inline chtype tandem_acs_hline(void) { return ACS_HLINE; }
static inline const char *tandem_codeset(void) { return nl_langinfo(CODESET); }
/// The key code ncurses gives an extended terminfo key such as "kUP" (Shift-Up in xterm-like
/// terminals), or 0 when the terminal does not define it.
static inline int tandem_extended_key(const char *name) {
    char *sequence = tigetstr(name);
    if (sequence == NULL || sequence == (char *)-1) return 0;
    int code = key_defined(sequence);
    return code > 0 ? code : 0;
}

// Restoring the terminal on every way out. The terminal's settings are saved before ncurses changes
// them; a signal handler that only makes async-signal-safe calls (write, tcsetattr, signal, raise)
// puts them back, leaves the alternate screen, shows the cursor, and re-raises the signal with its
// default action, so a crash still prints its backtrace and a kill still ends the process.
// Everything that touches the saved state is in this one function's translation unit.
static struct termios *tandem_saved_termios(void) {
    static struct termios saved;
    return &saved;
}

static volatile sig_atomic_t *tandem_have_termios(void) {
    static volatile sig_atomic_t have = 0;
    return &have;
}

static void tandem_restore_terminal(void) {
    static const char sequence[] = "\033[0m\033[?25h\033[?1l\033>\033[?1049l\r\n";
    ssize_t ignored = write(STDOUT_FILENO, sequence, sizeof sequence - 1);
    (void)ignored;
    if (*tandem_have_termios()) tcsetattr(STDIN_FILENO, TCSANOW, tandem_saved_termios());
}

static void tandem_on_signal(int signal_number) {
    tandem_restore_terminal();
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

/// Saves the terminal's settings and installs the restoring handler for interrupts, termination,
/// hang-up and crashes (a Swift trap arrives as SIGILL or SIGTRAP).
static inline void tandem_guard_terminal(void) {
    if (tcgetattr(STDIN_FILENO, tandem_saved_termios()) == 0) *tandem_have_termios() = 1;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = tandem_on_signal;
    sigemptyset(&action.sa_mask);
    const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE };
    sigset_t handled;
    sigemptyset(&handled);
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        sigaction(signals[i], &action, NULL);
        sigaddset(&handled, signals[i]);
    }
    // A process can start with these blocked (its parent's mask is inherited); unblock them here.
    pthread_sigmask(SIG_UNBLOCK, &handled, NULL);
}

// Waking the terminal's loop on a resize. ncurses' own SIGWINCH handler (installed by initscr) only
// notes the resize for its next read, while the loop sleeps in poll, and the signal may land on any
// of the process's threads. This handler calls ncurses' one, then writes a byte to the loop's
// wake-up pipe (write is async-signal-safe), so poll returns whichever thread took the signal, even
// one that arrived while the loop was busy drawing.
static struct sigaction *tandem_ncurses_winch(void) {
    static struct sigaction previous;
    return &previous;
}

static volatile sig_atomic_t *tandem_winch_fd(void) {
    static volatile sig_atomic_t fd = -1;
    return &fd;
}

static void tandem_on_winch(int signal_number) {
    int saved = errno;
    struct sigaction *previous = tandem_ncurses_winch();
    if (previous->sa_flags & SA_SIGINFO) {
        if (previous->sa_sigaction != NULL) previous->sa_sigaction(signal_number, NULL, NULL);
    } else if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN) {
        previous->sa_handler(signal_number);
    }
    int fd = *tandem_winch_fd();
    if (fd >= 0) {
        char byte = 'r';
        ssize_t ignored = write(fd, &byte, 1);
        (void)ignored;
    }
    errno = saved;
}

/// Makes every resize also write to `fd` (after initscr); -1 stops writing (before `fd` closes).
static inline void tandem_wake_on_resize(int fd) {
    if (fd < 0) {
        *tandem_winch_fd() = -1;
        return;
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = tandem_on_winch;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    struct sigaction current;
    sigaction(SIGWINCH, NULL, &current);
    // Installed once: a second call only changes the descriptor, never chains the handler to itself.
    if (current.sa_handler != tandem_on_winch) sigaction(SIGWINCH, &action, tandem_ncurses_winch());
    *tandem_winch_fd() = fd;
}

/// Draws one grapheme (a base character and up to four combining marks) at (row, column).
static inline int tandem_put(WINDOW *window, int row, int column, const wchar_t *text, attr_t attributes, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, pair, NULL) != OK) return ERR;
    return mvwadd_wch(window, row, column, &cell);
}

#endif
