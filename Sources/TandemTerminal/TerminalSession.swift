import CNCursesW
import Foundation
import TandemViewModel

/// Why the terminal UI cannot start here, in words for the person who tried.
public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case notUTF8(codeset: String)
    case cannotStart

    public var description: String {
        switch self {
        case .notATerminal:
            "The terminal UI needs a terminal, and standard input or output is not one. Use the commands instead (tandem --help)."
        case .notUTF8(let codeset):
            "The terminal UI needs a UTF-8 locale, and this one is \(codeset). Try LANG=C.UTF-8."
        case .cannotStart:
            "ncurses could not start on this terminal (is TERM set?)."
        }
    }
}

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
        let codeset = String(cString: tandem_codeset())
        guard codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8" else {
            throw TerminalError.notUTF8(codeset: codeset)
        }
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
        wtimeout(tandem_stdscr(), 50)
        extendedKeys = KeyDecoder.Extended.lookUp()
    }

    var size: Size { Size(width: Int(tandem_cols()), height: Int(tandem_lines())) }

    /// The next key, nil when none came within the tick (or a resize, reported as `.resize`).
    func nextInput() -> TerminalInput? {
        var character: wint_t = 0
        let result = wget_wch(tandem_stdscr(), &character)
        if result == ERR { return nil }
        if result == KEY_CODE_YES && Int32(character) == KEY_RESIZE {
            // What ncurses believes is on the screen is stale after a resize: repaint every cell once.
            clearok(tandem_stdscr(), true)
            return .resize(size)
        }
        return KeyDecoder.decode(character, isKeyCode: result == KEY_CODE_YES, extended: extendedKeys).map(TerminalInput.key)
    }

    func paint(_ frame: Frame) { Painter.paint(frame, colors: colors) }

    func stop() { endwin() }
}

/// What the terminal reports between ticks.
enum TerminalInput: Equatable {
    case key(Key)
    case resize(Size)
}
