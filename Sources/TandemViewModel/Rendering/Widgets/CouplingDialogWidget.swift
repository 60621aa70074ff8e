import TandemCore

/// *Set up coupling*: the two records, create new, synchronize after, the fields side by side, and
/// the lookup list over it when open.
struct CouplingDialogWidget: Widget {
    let dialog: CouplingDialog

    func preferredSize(on screen: Size) -> Size { Size(width: 76, height: max(14, dialog.comparison.count + 12)) }

    func render(in box: Rect, _ canvas: inout Canvas) {
        canvas.box(in: box, title: tr("Set up coupling"))
        let x = box.column + 2, inner = box.width - 4
        func field(_ row: Int, _ label: String, _ value: String, focused: Bool, enabled: Bool = true) {
            canvas.draw(label, row: row, column: x, width: 22, style: .dialog)
            canvas.draw(value, row: row, column: x + 22, width: inner - 22,
                        style: focused ? .focused : enabled ? .dialog : .dialogNote)
        }
        field(box.row + 2, tr("ERP record"), dialog.erpLabel, focused: false)
        field(box.row + 3, tr("CRM record"), dialog.createNew ? tr("(created from the ERP record)")
              : dialog.crmText + (dialog.focus == .crmRecord ? "▏" : "") + (dialog.crm == nil || dialog.crmText == dialog.crm?.label ? "" : "  → \(dialog.crm?.label ?? "")"),
              focused: dialog.focus == .crmRecord, enabled: !dialog.createNew)
        field(box.row + 4, tr("Create new"), dialog.createNew ? "[x]" : "[ ]", focused: dialog.focus == .createNew)
        let sync = switch dialog.sync {
        case .no: tr("No")
        case .useERP: tr("Yes – use the ERP data")
        case .useCRM: tr("Yes – use the CRM data")
        }
        field(box.row + 5, tr("Synchronize after"), "‹ \(sync) ›", focused: dialog.focus == .sync, enabled: !dialog.createNew)
        var row = box.row + 7
        if let error = dialog.error {
            canvas.draw(error, row: row, column: x, width: inner, style: .error)
            row += 1
        }
        if !dialog.comparison.isEmpty && !dialog.createNew {
            let half = (inner - 2) / 2
            canvas.draw("ERP", row: row, column: x + 2, width: half, style: .dialogTitle)
            canvas.draw("CRM", row: row, column: x + 2 + half, width: inner - half - 2, style: .dialogTitle)
            row += 1
            for pair in dialog.comparison where row < box.row + box.height - 3 {
                let style: StyleRole = pair.differs ? .conflict : .dialog
                canvas.draw(pair.differs ? "≠" : " ", row: row, column: x, width: 1, style: style)
                canvas.draw("\(Captions.field(pair.erpField, on: .erp)): \(pair.erpValue)", row: row, column: x + 2, width: half - 1, style: style)
                canvas.draw("\(pair.crmField): \(pair.crmValue)", row: row, column: x + 2 + half, width: inner - half - 2, style: style)
                row += 1
            }
        }
        let buttons = box.row + box.height - 2
        // The buttons end at the right edge, four columns apart, as wide as their words.
        let (ok, cancel) = ("[ " + tr("OK") + " ]", "[ " + tr("Cancel") + " ]")
        let cancelColumn = x + inner - DisplayWidth.of(cancel)
        canvas.draw(ok, row: buttons, column: cancelColumn - 4 - DisplayWidth.of(ok), width: DisplayWidth.of(ok),
                    style: dialog.focus == .ok ? .focused : .dialog)
        canvas.draw(cancel, row: buttons, column: cancelColumn, width: DisplayWidth.of(cancel), style: dialog.focus == .cancel ? .focused : .dialog)
    }
}
