import CNCursesW
import TandemViewModel

/// Paints a frame with the wide-character API: every cell, then one `doupdate`. ncurses compares
/// with what is on the screen and sends only the difference, so there is no flicker and no clear().
enum Painter {
    static func paint(_ frame: Frame, colors: Bool, window: UnsafeMutablePointer<WINDOW>? = tandem_stdscr()) {
        guard let window else { return }
        for row in 0..<frame.size.height {
            for column in 0..<frame.size.width {
                let cell = frame[row, column]
                if cell.isContinuation { continue }
                let (attributes, pair) = Theme.style(cell.style, colors: colors)
                var text = cell.text.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
                if text.isEmpty { text = [wchar_t(32)] }
                text.append(0)
                _ = tandem_put(window, Int32(row), Int32(column), text, attributes, pair)
            }
        }
        wnoutrefresh(window)
        doupdate()
    }
}
