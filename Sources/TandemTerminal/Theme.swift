import CNCursesW
import TandemViewModel

/// Style roles as the terminal shows them: colour pairs on the terminal's own background, or, with
/// NO_COLOR or no colours, reverse, bold and underline chosen so the cursor, the selection and
/// conflicts stay apart.
enum Theme {
    /// (foreground, background) per role that has a colour; -1 is the terminal's default.
    private static let palette: [(StyleRole, Int16, Int16)] = [
        (.title, Int16(COLOR_BLACK), Int16(COLOR_CYAN)),
        (.status, Int16(COLOR_BLACK), Int16(COLOR_WHITE)),
        (.cursor, Int16(COLOR_BLACK), Int16(COLOR_CYAN)),
        (.selected, Int16(COLOR_YELLOW), -1),
        (.cursorSelected, Int16(COLOR_BLACK), Int16(COLOR_YELLOW)),
        (.counterpart, Int16(COLOR_BLACK), Int16(COLOR_GREEN)),
        (.coupled, Int16(COLOR_GREEN), -1),
        (.changed, Int16(COLOR_YELLOW), -1),
        (.skipped, Int16(COLOR_MAGENTA), -1),
        (.failed, Int16(COLOR_RED), -1),
        (.conflict, Int16(COLOR_RED), -1),
        (.placeholder, Int16(COLOR_MAGENTA), -1),
        (.error, Int16(COLOR_WHITE), Int16(COLOR_RED)),
        (.dialog, Int16(COLOR_BLACK), Int16(COLOR_WHITE)),
        (.dialogTitle, Int16(COLOR_BLUE), Int16(COLOR_WHITE)),
        (.focused, Int16(COLOR_WHITE), Int16(COLOR_BLUE)),
        (.keyHint, Int16(COLOR_CYAN), -1),
    ]

    static func definePairs() {
        for (index, entry) in palette.enumerated() { init_pair(Int16(index + 1), entry.1, entry.2) }
    }

    /// The attributes and colour pair for a role.
    static func style(_ role: StyleRole, colors: Bool) -> (attr_t, Int16) {
        let bold = tandem_a_bold(), reverse = tandem_a_reverse(), underline = tandem_a_underline(), dim = tandem_a_dim()
        if colors {
            let pair = palette.firstIndex { $0.0 == role }.map { Int16($0 + 1) } ?? 0
            switch role {
            case .title, .header, .dialogTitle, .focused, .conflict, .failed, .cursorSelected: return (bold, pair)
            case .dim: return (dim, pair)
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
        case .dim, .keyHint: return (dim, 0)
        default: return (tandem_a_normal(), 0)
        }
    }
}
