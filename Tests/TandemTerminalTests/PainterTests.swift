import CNCursesW
import Foundation
import Testing
import TandemCore
@testable import TandemTerminal
import TandemViewModel

/// Paints frames into a real ncurses screen (on /dev/null) and reads every cell back.
@Suite(.serialized) struct PainterTests {
    /// Reads the grapheme ncurses holds at a cell: its spacing character and combining marks.
    func cellText(_ window: UnsafeMutablePointer<WINDOW>, _ row: Int, _ column: Int) -> String {
        var cell = cchar_t()
        guard mvwin_wch(window, Int32(row), Int32(column), &cell) == OK else { return "?" }
        var text = [wchar_t](repeating: 0, count: 8)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        guard getcchar(&cell, &text, &attributes, &pair, nil) == OK else { return "?" }
        return String(String.UnicodeScalarView(text.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
    }

    @Test func whatIsPaintedIsWhatTheFrameHoldsIncludingWideAndCombiningCharacters() throws {
        setlocale(LC_ALL, "C.UTF-8")
        let output = fopen("/dev/null", "w"), input = fopen("/dev/null", "r")
        defer { fclose(output); fclose(input) }
        let screen = try #require(newterm("xterm-256color", output, input))
        defer {
            endwin()
            delscreen(screen)
        }
        set_term(screen)
        let size = Size(width: 40, height: 6)
        resizeterm(Int32(size.height), Int32(size.width))
        var canvas = Canvas(size: size)
        canvas.draw("株式会社山田製作所 Tokyo", row: 0, column: 0, width: 40)
        canvas.draw("Cafe\u{301} de l'Ope\u{301}ra", row: 1, column: 2, width: 30, style: .cursor)
        canvas.draw(DisplayText.sanitized("Evil\u{1B}[31m\r\u{8}"), row: 2, column: 0, width: 40)
        canvas.draw("🍣 Sushi · شركة النور", row: 3, column: 0, width: 40, style: .selected)
        canvas.draw(String(repeating: "東", count: 30), row: 4, column: 0, width: 40)
        let frame = canvas.frame
        let window = try #require(tandem_stdscr())
        Painter.paint(frame, colors: false, window: window)
        for row in 0..<size.height {
            for column in 0..<size.width where !frame[row, column].isContinuation {
                #expect(cellText(window, row, column) == frame[row, column].text, "row \(row) column \(column)")
            }
        }
        // The cursor role is drawn reversed when there are no colours.
        var cell = cchar_t()
        mvwin_wch(window, 1, 2, &cell)
        var text = [wchar_t](repeating: 0, count: 8)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        getcchar(&cell, &text, &attributes, &pair, nil)
        #expect(attributes & tandem_a_reverse() != 0)
    }

    @Test func keysDecodeFromGetWch() {
        #expect(KeyDecoder.decode(wint_t(KEY_UP), isKeyCode: true) == .up)
        #expect(KeyDecoder.decode(wint_t(KEY_SF), isKeyCode: true) == .shiftDown)
        #expect(KeyDecoder.decode(wint_t(KEY_NPAGE), isKeyCode: true) == .pageDown)
        #expect(KeyDecoder.decode(wint_t(tandem_key_f(4)), isKeyCode: true) == .function(4))
        #expect(KeyDecoder.decode(wint_t(KEY_BTAB), isKeyCode: true) == .backTab)
        #expect(KeyDecoder.decode(13, isKeyCode: false) == .enter)
        #expect(KeyDecoder.decode(27, isKeyCode: false) == .escape)
        #expect(KeyDecoder.decode(127, isKeyCode: false) == .backspace)
        #expect(KeyDecoder.decode(9, isKeyCode: false) == .tab)
        #expect(KeyDecoder.decode(12, isKeyCode: false) == .control("l"))
        #expect(KeyDecoder.decode(wint_t(0x00E9), isKeyCode: false) == .character("é"))
        #expect(KeyDecoder.decode(wint_t(0x6771), isKeyCode: false) == .character("東"))
        #expect(KeyDecoder.decode(wint_t(0x20), isKeyCode: false) == .space)
    }

    @Test func monochromeKeepsCursorSelectionAndConflictsApart() {
        let roles: [StyleRole] = [.cursor, .selected, .cursorSelected, .conflict, .counterpart, .normal]
        let styles = roles.map { Theme.style($0, colors: false).0 }
        #expect(Set(styles).count == roles.count)
    }
}
