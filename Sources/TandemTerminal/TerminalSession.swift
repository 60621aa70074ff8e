import CNCursesW
import Foundation
import TandemViewModel

/// The terminal in curses mode: started once, stopped once, restored on every way out.
/// All of its calls happen on the thread that created it.
final class TerminalSession {
    let colors: Bool
    private let extendedKeys: KeyDecoder.Extended

    /// Checks the environment, then starts ncurses: locale first, wide characters, no echo, keypad,
    /// Esc answered at once, no cursor, and colours unless NO_COLOR is set or the terminal has none.
    init() throws {
        setlocale(LC_ALL, "")
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        var codeset = String(cString: tandem_codeset())
        // A UTF-8 locale that is named but not installed (es_ES.UTF-8 where only C.UTF-8 exists):
        // the terminal runs in C.UTF-8, and the language stays the one the name asked for.
        if !LocaleFallback.isUTF8(codeset), LocaleFallback.mayFallBack(ProcessInfo.processInfo.environment),
           setlocale(LC_ALL, "C.UTF-8") != nil {
            codeset = String(cString: tandem_codeset())
        }
        guard LocaleFallback.isUTF8(codeset) else { throw TerminalError.notUTF8(codeset: codeset) }
        tandem_guard_terminal()
        guard initscr() != nil else { throw TerminalError.cannotStart }
        cbreak()
        noecho()
        nonl()
        keypad(tandem_stdscr(), true)
        if ProcessInfo.processInfo.environment["ESCDELAY"] == nil { set_escdelay(25) }
        curs_set(0)
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"] != nil
        colors = !noColor && has_colors()
        if colors {
            start_color()
            use_default_colors()
            Theme.definePairs()
        }
        // Reads never wait: `inputs(wakingOn:)` sleeps in poll until there is something to read.
        wtimeout(tandem_stdscr(), 0)
        extendedKeys = KeyDecoder.Extended.lookUp()
    }

    var size: Size { Size(width: Int(tandem_cols()), height: Int(tandem_lines())) }

    /// How long the terminal sleeps with nothing to do before it says so (`.idle`), so the screens
    /// can look whether others changed the workspace: one wake-up every 10 s, a few indexed reads.
    static let idleInterval: Int32 = 10_000

    /// Sleeps until a key, a resize or a wake-up arrives, or `idleInterval` passes, then returns
    /// every key and resize ncurses has — none when only `wakeUp` fired, `.idle` when nothing did.
    /// A resize interrupts `poll` (ncurses' SIGWINCH handler) and reads back as KEY_RESIZE.
    func inputs(wakingOn wakeUp: WakeUpPipe) -> [TerminalInput] {
        var watched = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakeUp.readEnd, events: Int16(POLLIN), revents: 0)]
        if poll(&watched, nfds_t(watched.count), Self.idleInterval) == 0 { return [.idle] }
        if watched[1].revents != 0 { wakeUp.drain() }
        var inputs: [TerminalInput] = [], keys: [Key] = []
        while true {
            var character: wint_t = 0
            let result = wget_wch(tandem_stdscr(), &character)
            if result == ERR { break }
            if result == KEY_CODE_YES && Int32(character) == KEY_RESIZE {
                inputs += EscapeSequences.fold(keys).map(TerminalInput.key)
                keys = []
                // What ncurses believes is on the screen is stale after a resize: repaint every cell once.
                clearok(tandem_stdscr(), true)
                inputs.append(.resize(size))
            } else if let key = KeyDecoder.decode(character, isKeyCode: result == KEY_CODE_YES, extended: extendedKeys) {
                keys.append(key)
            }
        }
        // Keys that arrived in one read: a sequence terminfo did not know is decoded here.
        return inputs + EscapeSequences.fold(keys).map(TerminalInput.key)
    }

    func paint(_ frame: Frame) { Painter.paint(frame, colors: colors) }

    /// Resizes also wake the loop through `wakeUp` (see `tandem_wake_on_resize`), until
    /// `stopWakingOnResize`, which must come before `wakeUp` closes.
    func wakeOnResize(_ wakeUp: WakeUpPipe) { tandem_wake_on_resize(wakeUp.writeEnd) }

    func stopWakingOnResize() { tandem_wake_on_resize(-1) }

    func stop() { endwin() }
}
