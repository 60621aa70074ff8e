import TandemCore

/// The undo preview: what goes back and what is refused, scrolled, before anything is written.
struct UndoPreviewWidget: Widget {
    let dialog: UndoPreviewDialog

    /// The furthest the lines scroll: the last one on the box's last row.
    static func lastScroll(_ count: Int, on size: Size) -> Int { max(0, count - max(1, size.height - 6)) }

    func preferredSize(on screen: Size) -> Size { Size(width: screen.width - 4, height: min(screen.height - 2, dialog.lines.count + 5)) }

    func render(in box: Rect, _ canvas: inout Canvas) {
        canvas.box(in: box, title: tr("Undo: nothing is written yet"))
        canvas.draw(dialog.summary, row: box.row + 1, column: box.column + 2, width: box.width - 4, style: .dialogTitle)
        let rows = box.height - 4
        for (offset, line) in dialog.lines.dropFirst(dialog.scroll).prefix(rows).enumerated() {
            let style: StyleRole = line.hasPrefix(tr("Refused (changed or deleted since the job):")) ? .conflict : .dialog
            canvas.draw(line, row: box.row + 2 + offset, column: box.column + 2, width: box.width - 4, style: style)
        }
        let more = dialog.lines.count - dialog.scroll - rows
        canvas.draw((more > 0 ? tr("↓ {0} more", Format.integer(more)) + " · " : "") + tr("{0} undoes · {1} keeps the job as it is", Key.enter, Key.escape),
                    row: box.row + box.height - 2, column: box.column + 2, width: box.width - 4, style: .dialogNote)
    }
}
