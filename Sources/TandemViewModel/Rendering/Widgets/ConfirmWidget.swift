/// A yes/no question.
struct ConfirmWidget: Widget {
    let confirm: ConfirmDialog

    private var lines: [String] { TextWrap.lines(confirm.text, width: 56) }

    func preferredSize(on screen: Size) -> Size { Size(width: 62, height: lines.count + 6) }

    func render(in box: Rect, _ canvas: inout Canvas) {
        canvas.box(in: box, title: tr("Confirm"))
        for (offset, line) in lines.enumerated() {
            canvas.draw(line, row: box.row + 2 + offset, column: box.column + 3, width: box.width - 6, style: .dialog)
        }
        let row = box.row + box.height - 2
        let (yes, no) = ("[ " + tr("Yes") + " ]", "[ " + tr("No") + " ]")
        canvas.draw(yes, row: row, column: box.column + box.width / 2 - 10, width: 7, style: confirm.yes ? .focused : .dialog)
        canvas.draw(no, row: row, column: box.column + box.width / 2 + 3, width: 6, style: confirm.yes ? .dialog : .focused)
    }
}
