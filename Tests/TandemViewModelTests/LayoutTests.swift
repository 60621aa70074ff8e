import Testing
import TandemCore
@testable import TandemViewModel

/// Screens are laid out in rectangles, and a dialog draws only inside the rectangle it is given.
@Suite struct LayoutTests {
    @Test func splittingNeverYieldsANegativeSizeAndCoversTheWhole() {
        let screen = Rect(Size(width: 60, height: 16))
        let (top, rest) = screen.splitTop(1)
        #expect(top == Rect(column: 0, row: 0, width: 60, height: 1) && rest == Rect(column: 0, row: 1, width: 60, height: 15))
        let (left, right) = rest.splitLeft(29, gap: 1)
        #expect(left.width + 1 + right.width == 60 && right.column == 30)
        let (_, tail) = screen.splitRight(100)
        #expect(tail.width == 60)
        #expect(screen.splitTop(-3).top.height == 0 && screen.splitBottom(99).rest.height == 0)
        #expect(screen.centred(width: 20, height: 6) == Rect(column: 20, row: 5, width: 20, height: 6))
    }

    @Test func aDialogDrawsOnlyInsideItsRectangle() {
        let rect = Rect(column: 7, row: 3, width: 40, height: 9)
        let widgets: [any Widget] = [
            ConfirmWidget(confirm: ConfirmDialog(text: String(repeating: "A long question that wraps. ", count: 40),
                                                 purpose: .cleanup(olderThanDays: nil), defaultYes: true)),
            ProgressWidget(progress: ProgressState(title: "Synchronize", total: 10, token: 1)),
            LookupWidget(entries: (0..<30).map { LookupEntry(id: .generate(), label: "Account \($0)", detail: "Berlin", coupled: $0 % 2 == 0) },
                         cursor: 12),
        ]
        for widget in widgets {
            var canvas = Canvas(size: Size(width: 60, height: 16))
            canvas.clipped(to: rect) { widget.render(in: rect, &$0) }
            for row in 0..<16 {
                for column in 0..<60 where !(rect.row..<rect.row + rect.height).contains(row)
                    || !(rect.column..<rect.column + rect.width).contains(column) {
                    #expect(canvas.frame[row, column] == Cell(), "\(type(of: widget)) drew at \(row), \(column)")
                }
            }
        }
    }
}
