/// *Match-based coupling*: the fields to match on, case and priority, and the options.
struct MatchDialogWidget: Widget {
    let dialog: MatchDialog

    func preferredSize(on screen: Size) -> Size { Size(width: 70, height: dialog.rowCount + 7) }

    func render(in box: Rect, _ canvas: inout Canvas) {
        canvas.box(in: box, title: "Match-based coupling")
        let x = box.column + 2, inner = box.width - 4
        let scope = dialog.count.map { "the \($0) selected record\($0 == 1 ? "" : "s")" } ?? "every uncoupled ERP record"
        canvas.draw("Couple \(scope) to CRM records with the same:", row: box.row + 1, column: x, width: inner, style: .dialogTitle)
        canvas.draw("   Field                       Match  Case  Priority", row: box.row + 2, column: x, width: inner, style: .dialogTitle)
        for (index, field) in dialog.fields.enumerated() {
            let row = box.row + 3 + index
            let style: StyleRole = index == dialog.cursor ? .focused : .dialog
            canvas.fill(row: row, column: x, width: inner, style: style)
            canvas.draw("   \(field.erpField) ↔ \(field.crmField)", row: row, column: x, width: 30, style: style)
            canvas.draw(field.on ? "[x]" : "[ ]", row: row, column: x + 31, width: 5, style: style)
            canvas.draw(field.caseSensitive ? "[x]" : "[ ]", row: row, column: x + 38, width: 5, style: style)
            canvas.draw(field.on ? String(field.priority) : "", row: row, column: x + 45, width: 4, style: style)
        }
        let options = [("Create new if no match", dialog.createNew), ("Synchronize after coupling", dialog.synchronize)]
        for (offset, option) in options.enumerated() {
            let index = dialog.fields.count + offset
            canvas.draw("\(option.1 ? "[x]" : "[ ]") \(option.0)", row: box.row + 4 + index, column: x, width: inner,
                        style: index == dialog.cursor ? .focused : .dialog)
        }
        canvas.draw("[ Match ]", row: box.row + box.height - 2, column: x + inner - 10, width: 9,
                    style: dialog.cursor == dialog.rowCount - 1 ? .focused : .dialog)
        if let error = dialog.error { canvas.draw(error, row: box.row + box.height - 2, column: x, width: inner - 12, style: .error) }
    }
}
