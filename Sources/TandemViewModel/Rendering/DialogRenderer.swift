import TandemCore

/// The modal dialogs, drawn centred over the screen.
enum DialogRenderer {
    static func draw(_ modal: Modal, _ state: AppState, _ canvas: inout Canvas) {
        switch modal {
        case .coupling(let dialog): drawCoupling(dialog, state.size, &canvas)
        case .syncQuestion(let dialog): drawSyncQuestion(dialog, state.size, &canvas)
        case .preview(let preview): drawPreview(preview, state.size, &canvas)
        case .progress(let progress): drawProgress(progress, state.size, &canvas)
        case .result(let result): drawResult(result, state.size, &canvas)
        case .confirm(let confirm): drawConfirm(confirm, state.size, &canvas)
        case .match(let dialog): drawMatch(dialog, state.size, &canvas)
        case .help: break
        }
    }

    /// A box of up to `width` × `height`, centred; returns its top-left corner and size.
    private static func frame(_ title: String, width: Int, height: Int, _ size: Size,
                              _ canvas: inout Canvas) -> (top: Int, left: Int, width: Int, height: Int) {
        let width = min(width, size.width - 2), height = min(height, size.height - 2)
        let top = (size.height - height) / 2, left = (size.width - width) / 2
        canvas.box(top: top, left: left, width: width, height: height, title: title)
        return (top, left, width, height)
    }

    private static func drawCoupling(_ dialog: CouplingDialog, _ size: Size, _ canvas: inout Canvas) {
        let box = frame("Set up coupling", width: 76, height: max(14, dialog.comparison.count + 12), size, &canvas)
        let x = box.left + 2, inner = box.width - 4
        func field(_ row: Int, _ label: String, _ value: String, focused: Bool, enabled: Bool = true) {
            canvas.draw(label, row: row, column: x, width: 22, style: .dialog)
            canvas.draw(value, row: row, column: x + 22, width: inner - 22,
                        style: focused ? .focused : enabled ? .dialog : .dim)
        }
        field(box.top + 2, "ERP record", dialog.erpLabel, focused: false)
        field(box.top + 3, "CRM record", dialog.createNew ? "(created from the ERP record)"
              : dialog.crmText + (dialog.focus == .crmRecord ? "▏" : "") + (dialog.crm == nil || dialog.crmText == dialog.crm?.label ? "" : "  → \(dialog.crm?.label ?? "")"),
              focused: dialog.focus == .crmRecord, enabled: !dialog.createNew)
        field(box.top + 4, "Create new", dialog.createNew ? "[x]" : "[ ]", focused: dialog.focus == .createNew)
        let sync = switch dialog.sync {
        case .no: "No"
        case .useERP: "Yes – use the ERP data"
        case .useCRM: "Yes – use the CRM data"
        }
        field(box.top + 5, "Synchronize after", "‹ \(sync) ›", focused: dialog.focus == .sync, enabled: !dialog.createNew)
        var row = box.top + 7
        if let error = dialog.error {
            canvas.draw(error, row: row, column: x, width: inner, style: .error)
            row += 1
        }
        if !dialog.comparison.isEmpty && !dialog.createNew {
            let half = (inner - 2) / 2
            canvas.draw("ERP", row: row, column: x + 2, width: half, style: .header)
            canvas.draw("CRM", row: row, column: x + 2 + half, width: inner - half - 2, style: .header)
            row += 1
            for pair in dialog.comparison where row < box.top + box.height - 3 {
                let style: StyleRole = pair.differs ? .conflict : .dialog
                canvas.draw(pair.differs ? "≠" : " ", row: row, column: x, width: 1, style: style)
                canvas.draw("\(pair.erpField): \(pair.erpValue)", row: row, column: x + 2, width: half - 1, style: style)
                canvas.draw("\(pair.crmField): \(pair.crmValue)", row: row, column: x + 2 + half, width: inner - half - 2, style: style)
                row += 1
            }
        }
        let buttons = box.top + box.height - 2
        canvas.draw("[ OK ]", row: buttons, column: x + inner - 20, width: 6, style: dialog.focus == .ok ? .focused : .dialog)
        canvas.draw("[ Cancel ]", row: buttons, column: x + inner - 10, width: 10, style: dialog.focus == .cancel ? .focused : .dialog)
        if let lookup = dialog.lookup { drawLookup(lookup, cursor: dialog.lookupCursor, size, &canvas) }
    }

    private static func drawLookup(_ entries: [LookupEntry], cursor: Int, _ size: Size, _ canvas: inout Canvas) {
        let box = frame("CRM records (✓ coupled already)", width: 70, height: min(size.height - 4, entries.count + 4), size, &canvas)
        let rows = box.height - 2
        let first = max(0, min(cursor - rows / 2, entries.count - rows))
        for (offset, entry) in entries.dropFirst(first).prefix(rows).enumerated() {
            let row = box.top + 1 + offset
            let style: StyleRole = first + offset == cursor ? .cursor : entry.coupled ? .dim : .dialog
            canvas.fill(row: row, column: box.left + 1, width: box.width - 2, style: style)
            canvas.draw(entry.coupled ? "✓" : " ", row: row, column: box.left + 2, width: 1, style: style)
            canvas.draw(entry.label, row: row, column: box.left + 4, width: (box.width - 6) * 3 / 5, style: style)
            canvas.draw(entry.detail, row: row, column: box.left + 5 + (box.width - 6) * 3 / 5,
                        width: box.width - 7 - (box.width - 6) * 3 / 5, style: style)
        }
        if entries.isEmpty { canvas.draw("No CRM records match.", row: box.top + 1, column: box.left + 2, width: box.width - 4, style: .dim) }
    }

    private static func drawSyncQuestion(_ dialog: SyncDialog, _ size: Size, _ canvas: inout Canvas) {
        let (title, warning) = switch dialog.question {
        case .menu(let title, _, _, let warning): (title, warning)
        case .confirm(let text, _, _): (text, nil as String?)
        case .setUpCoupling(let text): (text, nil)
        }
        let warningLines = warning.map { wrap($0, width: 66) } ?? []
        let box = frame("Synchronize now", width: 72, height: dialog.options.count + warningLines.count + 7, size, &canvas)
        var row = box.top + 2
        canvas.draw(title, row: row, column: box.left + 2, width: box.width - 4, style: .dialogTitle)
        row += 1
        for line in warningLines {
            canvas.draw(line, row: row, column: box.left + 2, width: box.width - 4, style: .conflict)
            row += 1
        }
        row += 1
        let recommended: SyncChoice? = if case .menu(_, _, let choice, _) = dialog.question { choice } else { nil }
        for (index, option) in dialog.options.enumerated() {
            let isRecommended = recommended.map { SyncDialog.label($0) == option } ?? false
            canvas.draw((index == dialog.cursor ? "▸ " : "  ") + option + (isRecommended ? "  (recommended)" : ""),
                        row: row, column: box.left + 4, width: box.width - 8, style: index == dialog.cursor ? .focused : .dialog)
            row += 1
        }
    }

    private static func drawPreview(_ preview: PreviewState, _ size: Size, _ canvas: inout Canvas) {
        let box = frame("Preview: nothing is written yet", width: size.width - 4, height: size.height - 2, size, &canvas)
        canvas.draw(preview.summary, row: box.top + 1, column: box.left + 2, width: box.width - 4, style: .dialogTitle)
        let rows = box.height - 4
        for (offset, line) in preview.lines.dropFirst(preview.scroll).prefix(rows).enumerated() {
            let style: StyleRole = line.contains("skipped —") || line.contains("fails —") ? .conflict : .dialog
            canvas.draw(line, row: box.top + 2 + offset, column: box.left + 2, width: box.width - 4, style: style)
        }
        canvas.draw("Enter synchronizes · Esc goes back", row: box.top + box.height - 2, column: box.left + 2, width: box.width - 4,
                    style: .dim)
    }

    private static func drawProgress(_ progress: ProgressState, _ size: Size, _ canvas: inout Canvas) {
        let box = frame(progress.title, width: 60, height: 7, size, &canvas)
        let inner = box.width - 4
        let filled = progress.total == 0 ? 0 : inner * min(progress.done, progress.total) / progress.total
        canvas.draw(String(repeating: "█", count: filled) + String(repeating: "░", count: inner - filled),
                    row: box.top + 2, column: box.left + 2, width: inner, style: .dialog)
        let counted = progress.total > 0 ? "\(progress.done) of \(progress.total) records" : "working…"
        canvas.draw(counted + (progress.cancelRequested ? " · cancelling after this batch…" : ""),
                    row: box.top + 3, column: box.left + 2, width: inner, style: .dialog)
        if progress.token != nil {
            canvas.draw("Esc cancels between batches", row: box.top + 4, column: box.left + 2, width: inner, style: .dim)
        }
    }

    private static func drawResult(_ result: ResultState, _ size: Size, _ canvas: inout Canvas) {
        let problems = result.problems.prefix(size.height - 10)
        let box = frame("Synchronize now", width: 76, height: problems.count + 7, size, &canvas)
        canvas.draw(result.summary, row: box.top + 2, column: box.left + 2, width: box.width - 4, style: .dialogTitle)
        for (offset, problem) in problems.enumerated() {
            canvas.draw(problem, row: box.top + 3 + offset, column: box.left + 2, width: box.width - 4, style: .conflict)
        }
        canvas.draw(result.jobID.map { "Enter opens job \($0) · Esc closes" } ?? "Esc closes", row: box.top + box.height - 2,
                    column: box.left + 2, width: box.width - 4, style: .dim)
    }

    private static func drawConfirm(_ confirm: ConfirmDialog, _ size: Size, _ canvas: inout Canvas) {
        let lines = wrap(confirm.text, width: 56)
        let box = frame("Confirm", width: 62, height: lines.count + 6, size, &canvas)
        for (offset, line) in lines.enumerated() {
            canvas.draw(line, row: box.top + 2 + offset, column: box.left + 3, width: box.width - 6, style: .dialog)
        }
        let row = box.top + box.height - 2
        canvas.draw("[ Yes ]", row: row, column: box.left + box.width / 2 - 10, width: 7, style: confirm.yes ? .focused : .dialog)
        canvas.draw("[ No ]", row: row, column: box.left + box.width / 2 + 3, width: 6, style: confirm.yes ? .dialog : .focused)
    }

    private static func drawMatch(_ dialog: MatchDialog, _ size: Size, _ canvas: inout Canvas) {
        let box = frame("Match-based coupling", width: 70, height: dialog.rowCount + 7, size, &canvas)
        let x = box.left + 2, inner = box.width - 4
        let scope = dialog.count.map { "the \($0) selected record\($0 == 1 ? "" : "s")" } ?? "every uncoupled ERP record"
        canvas.draw("Couple \(scope) to CRM records with the same:", row: box.top + 1, column: x, width: inner, style: .dialogTitle)
        canvas.draw("   Field                       Match  Case  Priority", row: box.top + 2, column: x, width: inner, style: .header)
        for (index, field) in dialog.fields.enumerated() {
            let row = box.top + 3 + index
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
            canvas.draw("\(option.1 ? "[x]" : "[ ]") \(option.0)", row: box.top + 4 + index, column: x, width: inner,
                        style: index == dialog.cursor ? .focused : .dialog)
        }
        canvas.draw("[ Match ]", row: box.top + box.height - 2, column: x + inner - 10, width: 9,
                    style: dialog.cursor == dialog.rowCount - 1 ? .focused : .dialog)
        if let error = dialog.error { canvas.draw(error, row: box.top + box.height - 2, column: x, width: inner - 12, style: .error) }
    }

    /// Words wrapped to `width` columns.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && DisplayWidth.of(line) + 1 + DisplayWidth.of(String(word)) > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
