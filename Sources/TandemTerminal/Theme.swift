import CNCursesW
import TandemViewModel

/// Style roles as the terminal shows them. Whatever the terminal's own background — dark or light —
/// every coloured role brings its own background, chosen for at least 4.5:1 contrast with its
/// foreground (xterm's palette, WCAG's formula; `ThemeContrastTests`), and every other role keeps the
/// terminal's own foreground and background with attributes only. So nothing is yellow or cyan on
/// white, and nothing inside a dialog falls back to the terminal's background. With NO_COLOR or no
/// colours: reverse, bold and underline, chosen so the cursor, the selection and conflicts stay apart.
enum Theme {
    /// (foreground, background) per role that has a colour; a role not listed keeps the terminal's
    /// own colours.
    static let palette: [(role: StyleRole, foreground: Int16, background: Int16)] = [
        (.title, Int16(COLOR_BLACK), Int16(COLOR_CYAN)),
        (.status, Int16(COLOR_BLACK), Int16(COLOR_WHITE)),
        (.cursor, Int16(COLOR_BLACK), Int16(COLOR_CYAN)),
        (.selected, Int16(COLOR_BLACK), Int16(COLOR_YELLOW)),
        (.cursorSelected, Int16(COLOR_BLACK), Int16(COLOR_CYAN)),
        (.counterpart, Int16(COLOR_BLACK), Int16(COLOR_GREEN)),
        (.coupled, Int16(COLOR_BLACK), Int16(COLOR_GREEN)),
        (.changed, Int16(COLOR_BLACK), Int16(COLOR_YELLOW)),
        (.skipped, Int16(COLOR_WHITE), Int16(COLOR_BLUE)),
        (.failed, Int16(COLOR_RED), Int16(COLOR_WHITE)),
        (.conflict, Int16(COLOR_WHITE), Int16(COLOR_RED)),
        (.placeholder, Int16(COLOR_WHITE), Int16(COLOR_BLACK)),
        (.error, Int16(COLOR_WHITE), Int16(COLOR_RED)),
        (.dialog, Int16(COLOR_BLACK), Int16(COLOR_WHITE)),
        (.dialogTitle, Int16(COLOR_BLUE), Int16(COLOR_WHITE)),
        (.dialogNote, Int16(COLOR_BLUE), Int16(COLOR_WHITE)),
        (.focused, Int16(COLOR_WHITE), Int16(COLOR_BLUE)),
    ]

    static func definePairs() {
        for (index, entry) in palette.enumerated() { init_pair(Int16(index + 1), entry.foreground, entry.background) }
    }

    /// The attributes and colour pair for a role.
    static func style(_ role: StyleRole, colors: Bool) -> (attr_t, Int16) {
        let bold = tandem_a_bold(), reverse = tandem_a_reverse(), underline = tandem_a_underline(), dim = tandem_a_dim()
        if colors {
            let pair = palette.firstIndex { $0.role == role }.map { Int16($0 + 1) } ?? 0
            // Dim is left out: a dimmed foreground falls below 4.5:1 on one background or the other.
            switch role {
            case .title, .header, .dialogTitle, .focused, .conflict, .failed, .error: return (bold, pair)
            case .cursorSelected: return (bold | underline, pair)
            case .placeholder: return (underline, pair)
            default: return (tandem_a_normal(), pair)
            }
        }
        switch role {
        case .cursor, .title, .status, .focused: return (reverse, 0)
        case .cursorSelected: return (reverse | bold, 0)
        case .selected, .header, .dialogTitle: return (bold, 0)
        case .counterpart, .placeholder: return (underline, 0)
        case .conflict, .error: return (bold | underline, 0)
        case .failed: return (bold, 0)
        case .dim, .keyHint, .dialogNote: return (dim, 0)
        default: return (tandem_a_normal(), 0)
        }
    }
}
