/// Why the terminal UI cannot start here, in words for the person who tried.
public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case notUTF8(codeset: String)
    case cannotStart

    public var description: String {
        switch self {
        case .notATerminal:
            tr("The terminal UI needs a terminal, and standard input or output is not one. Use the commands instead (tandem --help).")
        case .notUTF8(let codeset):
            tr("The terminal UI needs a UTF-8 locale, and this one is {0}. Try LANG=C.UTF-8.", codeset)
        case .cannotStart:
            tr("ncurses could not start on this terminal (is TERM set?).")
        }
    }
}
