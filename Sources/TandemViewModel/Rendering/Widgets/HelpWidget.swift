import TandemCore

/// The help overlay: every binding of a context, from the table that drives dispatch, and on a list the
/// legend of the marks (`HelpEntries`), scrolled.
struct HelpWidget: Widget {
    let context: Context
    let offset: Int

    private var entries: [HelpEntries.Entry] { HelpEntries.entries(in: context) }

    func preferredSize(on screen: Size) -> Size {
        Size(width: min(screen.width - 4, 76), height: min(HelpLayout.rows(for: screen), entries.count) + 2)
    }

    func render(in box: Rect, _ canvas: inout Canvas) {
        let entries = entries
        let keyWidth = min(22, entries.map { DisplayWidth.of($0.key) }.max() ?? 0)
        let rows = box.height - 2
        canvas.box(in: box, title: tr("Keys on this screen"))
        for (index, entry) in entries.dropFirst(offset).prefix(rows).enumerated() {
            let row = box.row + 1 + index
            canvas.draw(entry.key, row: row, column: box.column + 2, width: keyWidth, style: .dialogTitle)
            canvas.draw(entry.text, row: row, column: box.column + 3 + keyWidth, width: box.width - keyWidth - 5, style: .dialog)
        }
        let more = " " + (offset + rows < entries.count ? tr("↓ more · {0} closes", Key.escape) : tr("{0} closes", Key.escape)) + " "
        canvas.draw(more, row: box.row + box.height - 1, column: box.column + box.width - DisplayWidth.of(more) - 2,
                    width: DisplayWidth.of(more), style: .dialog)
    }
}
