import TandemCore

/// *Synchronize now*: the question, its warning, and the choices with the recommended one marked.
struct SyncQuestionWidget: Widget {
    let dialog: SyncDialog

    private var title: String {
        switch dialog.question {
        case .menu(let title, _, _, _): title
        case .confirm(let text, _, _): text
        case .setUpCoupling(let text): text
        }
    }

    /// The warning wrapped to the text width of a box `boxWidth` wide (72 at most), so a narrow screen
    /// gets more lines, not cut ones.
    private func warningLines(boxWidth: Int) -> [String] {
        guard case .menu(_, _, _, let warning?) = dialog.question else { return [] }
        return TextWrap.lines(warning, width: max(10, boxWidth - 4))
    }

    func preferredSize(on screen: Size) -> Size {
        let width = min(72, screen.width - 2)
        return Size(width: 72, height: dialog.options.count + warningLines(boxWidth: width).count + 7)
    }

    func render(in box: Rect, _ canvas: inout Canvas) {
        canvas.box(in: box, title: tr("Synchronize now"))
        var row = box.row + 2
        canvas.draw(title, row: row, column: box.column + 2, width: box.width - 4, style: .dialogTitle)
        row += 1
        for line in warningLines(boxWidth: box.width) {
            canvas.draw(line, row: row, column: box.column + 2, width: box.width - 4, style: .conflict)
            row += 1
        }
        row += 1
        let recommended: SyncChoice? = if case .menu(_, _, let choice, _) = dialog.question { choice } else { nil }
        for (index, option) in dialog.options.enumerated() {
            let isRecommended = recommended.map { SyncDialog.label($0) == option } ?? false
            canvas.draw((index == dialog.cursor ? "▸ " : "  ") + option + (isRecommended ? "  (" + tr("recommended") + ")" : ""),
                        row: row, column: box.column + 4, width: box.width - 8, style: index == dialog.cursor ? .focused : .dialog)
            row += 1
        }
    }
}
