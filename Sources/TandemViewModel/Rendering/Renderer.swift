import TandemCore

/// Lays the state out as a frame of cells: `render(state) -> Frame`, pure and width-aware.
public enum Renderer {
    public static func render(_ state: AppState) -> Frame {
        var canvas = Canvas(size: state.size)
        let size = state.size
        guard size.width >= Size.minimum.width, size.height >= Size.minimum.height else {
            let notice = tr("Terminal too small: needs {0}×{1}, has {2}×{3}", Size.minimum.width, Size.minimum.height, size.width, size.height)
            canvas.draw(notice, row: max(0, size.height / 2), column: 0, width: size.width, style: .error, align: .center)
            return canvas.frame
        }
        switch state.screens.last {
        case nil: drawListPage(state, &canvas)
        case .card(let card)?: ScreenRenderer.drawCard(card, state, &canvas)
        case .jobs(let jobs)?: ScreenRenderer.drawJobs(jobs, state, &canvas)
        case .jobErrors(let screen)?: ScreenRenderer.drawJobErrors(screen, state, &canvas)
        case .errors(let screen)?: MoreScreensRenderer.drawErrors(screen, state, &canvas)
        case .mappings(let view)?: MoreScreensRenderer.drawMappings(view, state, &canvas)
        }
        if state.screens.isEmpty { drawStatus(state, &canvas) } else { drawFooter(state, status: ScreenRenderer.status(state), &canvas) }
        if let modal = state.modal { DialogRenderer.draw(modal, state, &canvas) }
        return canvas.frame
    }

    /// The most rows a long status message takes; past them it is cut with an ellipsis.
    static let maximumStatusLines = 4

    /// The title row, the two panes side by side with a divider between them, and the footer's two rows.
    private static func drawListPage(_ state: AppState, _ canvas: inout Canvas) {
        let page = state.currentPage
        let erpSchema = state.schema(PaneID(page.kind, .erp)), crmSchema = state.schema(PaneID(page.kind, .crm))
        drawTitle("\(page.kind.title): ERP \(Captions.table(erpSchema)) ↔ CRM \(crmSchema.name)", state, &canvas)
        let body = Rect(state.size).splitTop(1).rest.splitBottom(2).rest
        let (left, right) = body.splitLeft((body.width - 1) / 2, gap: 1)
        drawPane(state, PaneID(page.kind, .erp), in: left, &canvas)
        for line in 0..<body.height { canvas.draw("│", row: body.row + line, column: left.column + left.width, width: 1, style: .dim) }
        drawPane(state, PaneID(page.kind, .crm), in: right, &canvas)
    }

    /// The title bar: "Tandem · what is shown" on the left, cut with an ellipsis where it meets the
    /// workspace's name on the right.
    static func drawTitle(_ title: String, _ state: AppState, _ canvas: inout Canvas) {
        let bar = Rect(state.size).line(0)
        let workspace = " " + tr("workspace: {0}", DisplayText.sanitized(state.workspaceName)) + " "
        let (left, right) = bar.splitRight(min(DisplayWidth.of(workspace), bar.width / 2))
        canvas.draw(" Tandem · \(title)", in: left, style: .title)
        canvas.draw(workspace, in: right, style: .title, align: .right)
    }

    static func mark(_ status: CouplingStatus) -> (String, StyleRole) {
        switch status {
        case .notCoupled: (" ", .dim)
        case .coupled: ("✓", .coupled)
        case .changed: ("✎", .changed)
        case .skipped: ("↷", .skipped)
        case .failed: ("✗", .failed)
        }
    }

    /// A pane's title row, its column headers, and its rows below them, within `rect`.
    private static func drawPane(_ state: AppState, _ id: PaneID, in rect: Rect, _ canvas: inout Canvas) {
        let column = rect.column, width = rect.width
        let (heading, rows) = rect.splitTop(2)
        let pane = state[id]
        let page = state.currentPage
        let focused = page.focus == id.side
        let schema = state.schema(id)
        // A table its service does not carry stays in the local side database: its pane names no service.
        let side = state.services[id.side]?.service(of: schema.name).map { tr("{0} in {1}", id.side.displayName, $0) }
            ?? id.side.displayName
        var title = " \(side) · \(shortName(schema)) · \(pane.counting ? "…" : Format.integer(pane.total))"
        if !pane.filter.isEmpty { title += " · /\(DisplayText.sanitized(pane.filter))" }
        if focused && page.editingFilter { title += "▏" }
        canvas.draw(title, in: heading.line(0), style: focused ? .focused : .header)
        let columns = ListColumn.layout(id.page.columns(on: id.side), width: width - 3)
        var x = column + 3
        canvas.fill(row: heading.line(1).row, column: column, width: width, style: .header)
        for field in columns {
            canvas.draw(field.title, row: heading.line(1).row, column: x, width: field.width, style: .header)
            x += field.width + 1
        }
        // The other pane's cursor row is shown only when it is the counterpart of the focused row.
        let focusedRow = page[page.focus].currentRow
        let showsCounterpart = !focused && focusedRow?.counterpart != nil && pane.currentRow?.id == focusedRow?.counterpart
        for line in 0..<min(state.visibleRows, rows.height) {
            let index = pane.scroll + line
            let row = rows.line(line).row
            guard pane.rows.indices.contains(index) else {
                if line == 0 && pane.rows.isEmpty && !pane.loading {
                    canvas.draw("  " + (pane.filter.isEmpty ? tr("(no records)") : tr("(nothing matches the filter)")), row: row,
                                column: column, width: width, style: .dim)
                }
                continue
            }
            let record = pane.rows[index]
            let selected = pane.selection.contains(record.id)
            let isCursor = index == pane.cursor
            let base: StyleRole = isCursor && focused ? (selected ? .cursorSelected : .cursor)
                : isCursor && showsCounterpart ? .counterpart
                : selected ? .selected : .normal
            canvas.fill(row: row, column: column, width: width, style: base)
            canvas.draw(selected ? "+" : " ", row: row, column: column, width: 1, style: base)
            let (symbol, markStyle) = mark(record.status)
            canvas.draw(symbol, row: row, column: column + 1, width: 1, style: base == .normal ? markStyle : base)
            var x = column + 3
            for field in columns {
                canvas.draw(record[field.field], row: row, column: x, width: field.width, style: base)
                x += field.width + 1
            }
        }
    }

    private static func drawStatus(_ state: AppState, _ canvas: inout Canvas) {
        let page = state.currentPage
        let pane = page[page.focus]
        var parts = [count(pane.counting ? nil : pane.total, of: state.schema(pane.id))]
        let selected = pane.selection.count(of: pane.total)
        if selected > 0 { parts.append(trn("{0} selected", "{0} selected", selected)) }
        if pane.rangeMode { parts.append(tr("range mode")) }
        if !pane.filter.isEmpty { parts.append(tr("filter: {0}", DisplayText.sanitized(pane.filter))) }
        if pane.loading { parts.append(tr("loading…")) }
        drawFooter(state, status: parts.joined(separator: " · "), &canvas)
    }

    /// A table's name in the current language without the word CRM ("account", "Cuenta"): the side is
    /// said beside it.
    static func shortName(_ schema: TableSchema) -> String {
        Captions.table(schema).replacingOccurrences(of: "CRM ", with: "").replacingOccurrences(of: " CRM", with: "")
    }

    /// "160 customers", "160 clientes"; nil while counting ("… customers"). A table Tandem does not
    /// know by name counts its English noun with an s, and its records in Spanish.
    static func count(_ total: Int?, of schema: TableSchema) -> String {
        switch schema.displayName {
        case "Customer": return total.map { trn("{0} customer", "{0} customers", $0) } ?? tr("… customers")
        case "CRM account": return total.map { trn("{0} account", "{0} accounts", $0) } ?? tr("… accounts")
        case "Contact", "CRM contact": return total.map { trn("{0} contact", "{0} contacts", $0) } ?? tr("… contacts")
        case "Salesperson": return total.map { trn("{0} salesperson", "{0} salespeople", $0) } ?? tr("… salespeople")
        case "CRM user": return total.map { trn("{0} user", "{0} users", $0) } ?? tr("… users")
        default:
            guard Language.current == .english else { return total.map { trn("{0} record", "{0} records", $0) } ?? tr("… records") }
            let noun = schema.displayName.lowercased().replacingOccurrences(of: "crm ", with: "")
            return total.map { "\($0) \(noun)\($0 == 1 ? "" : "s")" } ?? "… \(noun)s"
        }
    }

    /// The status line (a message when there is one) and the key hints of the context. A message too
    /// long for one line wraps upwards over the rows above, up to `maximumStatusLines`, so it is read
    /// whole instead of cut.
    static func drawFooter(_ state: AppState, status: String, _ canvas: inout Canvas) {
        let size = state.size
        let text = state.message.map { status + " · " + DisplayText.sanitized($0) } ?? status
        let style: StyleRole = state.message != nil && state.messageIsError ? .error : .status
        var lines = DisplayWidth.of(text) < size.width ? [text] : TextWrap.lines(text, width: size.width - 2)
        if lines.count > maximumStatusLines {
            lines = Array(lines.prefix(maximumStatusLines - 1)) + [lines.dropFirst(maximumStatusLines - 1).joined(separator: " ")]
        }
        for (offset, line) in lines.enumerated() {
            let row = size.height - 1 - lines.count + offset
            canvas.draw(" " + line, row: row, column: 0, width: size.width, style: style)
        }
        canvas.draw(" " + Bindings.hints(in: state.context, width: size.width - 1, unavailable: state.unavailableCommands), row: size.height - 1, column: 0,
                    width: size.width, style: .keyHint)
    }
}
