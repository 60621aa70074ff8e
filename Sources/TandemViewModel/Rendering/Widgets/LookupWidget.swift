/// The coupling dialog's lookup list: CRM records, the coupled ones marked, the cursor's row kept in
/// view.
struct LookupWidget: Widget {
    let entries: [LookupEntry]
    let cursor: Int

    func preferredSize(on screen: Size) -> Size { Size(width: 70, height: min(screen.height - 4, entries.count + 4)) }

    func render(in box: Rect, _ canvas: inout Canvas) {
        canvas.box(in: box, title: tr("CRM records (✓ coupled already)"))
        let rows = box.height - 2
        let first = max(0, min(cursor - rows / 2, entries.count - rows))
        for (offset, entry) in entries.dropFirst(first).prefix(rows).enumerated() {
            let row = box.row + 1 + offset
            let style: StyleRole = first + offset == cursor ? .cursor : entry.coupled ? .dialogNote : .dialog
            canvas.fill(row: row, column: box.column + 1, width: box.width - 2, style: style)
            canvas.draw(entry.coupled ? "✓" : " ", row: row, column: box.column + 2, width: 1, style: style)
            canvas.draw(entry.label, row: row, column: box.column + 4, width: (box.width - 6) * 3 / 5, style: style)
            canvas.draw(entry.detail, row: row, column: box.column + 5 + (box.width - 6) * 3 / 5,
                        width: box.width - 7 - (box.width - 6) * 3 / 5, style: style)
        }
        if entries.isEmpty { canvas.draw(tr("No CRM records match."), row: box.row + 1, column: box.column + 2, width: box.width - 4, style: .dialogNote) }
    }
}
