import TandemCore

/// *Match-based coupling*: the fields to match on, case and priority, and the options. On a screen too
/// short for every field the field rows scroll with the cursor; the options and OK always show.
struct MatchDialogWidget: Widget {
    let dialog: MatchDialog

    /// Rows that are not field rows: borders, the sentence, the header, a gap, two options and OK.
    static let fixedRows = 8

    func preferredSize(on screen: Size) -> Size { Size(width: 70, height: dialog.fields.count + Self.fixedRows + 1) }

    func render(in box: Rect, _ canvas: inout Canvas) {
        canvas.box(in: box, title: tr("Match-based coupling"))
        let x = box.column + 2, inner = box.width - 4
        let sentence = dialog.count.map {
            trn("Couple the {0} selected record to CRM records with the same:", "Couple the {0} selected records to CRM records with the same:", $0)
        } ?? tr("Couple every uncoupled ERP record to CRM records with the same:")
        canvas.draw(sentence, row: box.row + 1, column: x, width: inner, style: .dialogTitle)
        canvas.draw(tr("   Field                       Match  Case  Priority"), row: box.row + 2, column: x, width: inner, style: .dialogTitle)
        let shown = max(1, min(dialog.fields.count, box.height - Self.fixedRows))
        let cursorField = min(dialog.cursor, dialog.fields.count - 1)
        let first = max(0, min(cursorField - shown + 1, dialog.fields.count - shown))
        for (offset, field) in dialog.fields.dropFirst(first).prefix(shown).enumerated() {
            let index = first + offset
            let row = box.row + 3 + offset
            let style: StyleRole = index == dialog.cursor ? .focused : .dialog
            canvas.fill(row: row, column: x, width: inner, style: style)
            let more = (offset == 0 && first > 0) ? "↑" : (offset == shown - 1 && index < dialog.fields.count - 1) ? "↓" : " "
            canvas.draw(" \(more) \(Captions.field(field.erpField, on: .erp)) ↔ \(field.crmField)", row: row, column: x, width: 30, style: style)
            canvas.draw(field.on ? "[x]" : "[ ]", row: row, column: x + 31, width: 5, style: style)
            canvas.draw(field.caseSensitive ? "[x]" : "[ ]", row: row, column: x + 38, width: 5, style: style)
            canvas.draw(field.on ? String(field.priority) : "", row: row, column: x + 45, width: 4, style: style)
        }
        let options = [(tr("Create new if no match"), dialog.createNew), (tr("Synchronize after coupling"), dialog.synchronize)]
        for (offset, option) in options.enumerated() {
            let index = dialog.fields.count + offset
            canvas.draw("\(option.1 ? "[x]" : "[ ]") \(option.0)", row: box.row + 4 + shown + offset, column: x, width: inner,
                        style: index == dialog.cursor ? .focused : .dialog)
        }
        let button = "[ " + tr("Match") + " ]", buttonWidth = DisplayWidth.of(button)
        canvas.draw(button, row: box.row + box.height - 2, column: x + inner - 1 - buttonWidth, width: buttonWidth,
                    style: dialog.cursor == dialog.rowCount - 1 ? .focused : .dialog)
        if let error = dialog.error { canvas.draw(error, row: box.row + box.height - 2, column: x, width: inner - buttonWidth - 3, style: .error) }
    }
}
