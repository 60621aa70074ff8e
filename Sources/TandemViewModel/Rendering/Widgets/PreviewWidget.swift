/// The preview of a synchronization: what will change, scrolled, before anything is written.
struct PreviewWidget: Widget {
    let preview: PreviewState

    func preferredSize(on screen: Size) -> Size { Size(width: screen.width - 4, height: screen.height - 2) }

    func render(in box: Rect, _ canvas: inout Canvas) {
        canvas.box(in: box, title: tr("Preview: nothing is written yet"))
        canvas.draw(preview.summary, row: box.row + 1, column: box.column + 2, width: box.width - 4, style: .dialogTitle)
        let rows = box.height - 4
        for (offset, line) in preview.lines.dropFirst(preview.scroll).prefix(rows).enumerated() {
            // The lines' own words mark a skip or a failure, in whichever language they were made.
            let style: StyleRole = line.contains(tr("{0}: skipped — {1}", "", "")) || line.contains(tr("{0}: fails — {1}", "", ""))
                ? .conflict : .dialog
            canvas.draw(line, row: box.row + 2 + offset, column: box.column + 2, width: box.width - 4, style: style)
        }
        canvas.draw(tr("{0} synchronizes · {1} goes back", Key.enter, Key.escape), row: box.row + box.height - 2, column: box.column + 2, width: box.width - 4,
                    style: .dialogNote)
    }
}
