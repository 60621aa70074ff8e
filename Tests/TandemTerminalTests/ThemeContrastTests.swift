import CNCursesW
import Foundation
import TandemCore
import Testing
import TandemViewModel
@testable import TandemTerminal

/// The colours hold on dark and light terminals alike: every coloured role brings its own background
/// at 4.5:1 or more (WCAG), so nothing depends on the terminal's background being dark.
@Suite struct ThemeContrastTests {
    /// xterm's default palette for the eight ANSI colours, as 0–255 sRGB. Other terminals differ a
    /// little; xterm's is the common reference (and the darkest "white" of the common ones).
    static let xterm: [Int16: (Double, Double, Double)] = [
        Int16(COLOR_BLACK): (0, 0, 0), Int16(COLOR_RED): (205, 0, 0), Int16(COLOR_GREEN): (0, 205, 0),
        Int16(COLOR_YELLOW): (205, 205, 0), Int16(COLOR_BLUE): (0, 0, 238), Int16(COLOR_MAGENTA): (205, 0, 205),
        Int16(COLOR_CYAN): (0, 205, 205), Int16(COLOR_WHITE): (229, 229, 229),
    ]

    /// WCAG 2 relative luminance of an sRGB colour.
    static func luminance(_ rgb: (Double, Double, Double)) -> Double {
        func linear(_ channel: Double) -> Double {
            let c = channel / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(rgb.0) + 0.7152 * linear(rgb.1) + 0.0722 * linear(rgb.2)
    }

    static func contrast(_ a: Int16, _ b: Int16) throws -> Double {
        let la = luminance(try #require(xterm[a])), lb = luminance(try #require(xterm[b]))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    @Test func everyColouredRoleBringsItsOwnBackgroundAtFourAndAHalfToOne() throws {
        for entry in Theme.palette {
            #expect(entry.background >= 0, "\(entry.role) leaves its background to the terminal")
            let ratio = try Self.contrast(entry.foreground, entry.background)
            #expect(ratio >= 4.5, "\(entry.role): \(ratio):1")
        }
    }

    @Test func theRolesWithoutAColourKeepTheTerminalsOwnColoursAndAreNotDimmed() {
        let coloured = Set(Theme.palette.map(\.role))
        for role in StyleRole.allCases where !coloured.contains(role) {
            let (attributes, pair) = Theme.style(role, colors: true)
            #expect(pair == 0, "\(role)")
            #expect(attributes & tandem_a_dim() == 0, "\(role) is dimmed: below 4.5:1 on one background or the other")
        }
    }

    /// A dialog never shows the terminal's background through it: every cell inside the box of the
    /// coupling dialog's lookup (coupled rows included), the match dialog and the result has a
    /// coloured role.
    @Test func nothingInsideADialogFallsBackToTheTerminalsBackground() throws {
        let coloured = Set(Theme.palette.map(\.role))
        var state = AppState(size: Size(width: 80, height: 24), workspaceName: "w")
        var dialog = CouplingDialog(page: .customers, erpID: RecordID("e"), erpLabel: "C00010 Adatum")
        dialog.lookup = [LookupEntry(id: RecordID("a"), label: "Adatum", detail: "Berlin", coupled: true),
                         LookupEntry(id: RecordID("b"), label: "Bexley", detail: "", coupled: false)]
        dialog.lookupCursor = 1
        let result = ResultState(summary: "Synchronized 1 of 2 records.", jobID: 4, problems: ["C00020 Bexley: failed"])
        let match = MatchDialog(page: .customers, target: nil, count: nil,
                                fields: [MatchFieldRow(erpField: "Name", crmField: "name", on: true, caseSensitive: false, priority: 0)])
        let under = Renderer.render(state)
        for modal in [Modal.coupling(dialog), .result(result), .match(match)] {
            state.modal = modal
            let frame = Renderer.render(state)
            // The cells the dialog drew: every one that differs from the screen under it.
            var drawn: Set<StyleRole> = []
            // The footer's two rows are left out: their hints follow the dialog, but they are not in it.
            for row in 0..<(frame.size.height - 2) {
                for column in 0..<frame.size.width where frame[row, column] != under[row, column] {
                    drawn.insert(frame[row, column].style)
                }
            }
            #expect(drawn.contains(.dialog))
            for role in drawn { #expect(coloured.contains(role), "\(modal): \(role) inside a dialog") }
        }
    }
}
