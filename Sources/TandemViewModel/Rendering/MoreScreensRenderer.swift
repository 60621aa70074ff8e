import TandemCore

/// The coupled-data errors list and the mappings screen.
enum MoreScreensRenderer {
    static func drawErrors(_ screen: ErrorsState, _ state: AppState, _ canvas: inout Canvas) {
        let size = state.size
        Renderer.drawTitle("Coupled data synchronization errors", state, &canvas)
        canvas.draw("   Table     Record                    Coupled to                ERP  CRM  Skipped", row: 1, column: 0,
                    width: size.width, style: .header)
        var row = 2
        for (index, error) in screen.rows.enumerated() where row < size.height - 3 {
            let style: StyleRole = index == screen.cursor ? .cursor : .normal
            let text = "   " + DisplayWidth.fit(error.table, to: 9) + " "
                + DisplayWidth.fit(error.erpLabel ?? "(deleted)", to: 25) + " " + DisplayWidth.fit(error.crmLabel ?? "(deleted)", to: 25)
                + " " + (error.erpLabel == nil ? "gone " : "ok   ") + (error.crmLabel == nil ? "gone " : "ok   ")
                + (error.skipped ? "yes" : "no")
            canvas.draw(text, row: row, column: 0, width: size.width, style: style)
            let detail = "     " + (error.failedOn.map { ScreenRenderer.short($0, in: state.timeZone) + "  " } ?? "") + (error.lastError ?? "")
            canvas.draw(detail, row: row + 1, column: 0, width: size.width, style: style == .cursor ? .cursor : .failed)
            row += 2
        }
        if screen.loaded && screen.rows.isEmpty {
            canvas.draw("   No skipped or failed couplings.", row: 2, column: 0, width: size.width, style: .dim)
        }
    }

    static func drawMappings(_ view: MappingsState, _ state: AppState, _ canvas: inout Canvas) {
        let size = state.size
        guard let mapping = view.mappings[safe: view.selected] else {
            Renderer.drawTitle("Mappings", state, &canvas)
            return
        }
        Renderer.drawTitle("Mapping \(mapping.name): \(mapping.caption(nil))", state, &canvas)
        canvas.draw(" Direction \(mapping.direction.rawValue) · update conflicts \(mapping.updateConflict.rawValue)"
                    + " · deletion \(mapping.deletionConflict.rawValue)", row: 1, column: 0, width: size.width, style: .header)
        if let prompt = view.prompt {
            let what: String
            switch prompt.purpose {
            case .filter(let side): what = "\(side.displayName) filter (Field=Value;Field!=Value;Field=)"
            case .constant(let index): what = "constant of \(mapping.fields[safe: index]?.erpField ?? "the field") (empty: none)"
            }
            canvas.draw(" \(what): " + DisplayText.sanitized(prompt.text) + "▏", row: 2, column: 0, width: size.width, style: .focused)
            if let error = prompt.error {
                canvas.draw(" " + DisplayText.sanitized(error), row: 3, column: 0, width: size.width, style: .error)
                return
            }
        } else {
            canvas.draw(" \(mapping.onlyCoupled ? "Only coupled records" : "Creates uncoupled records")"
                        + " · filters: ERP \(DisplayText.sanitized(mapping.erpFilter.summary)) · CRM \(DisplayText.sanitized(mapping.crmFilter.summary))"
                        + (mapping.dependsOn.isEmpty ? "" : " · depends on \(mapping.dependsOn.joined(separator: ", "))"),
                        row: 2, column: 0, width: size.width, style: .dim)
        }
        canvas.draw("   ERP field            CRM field              Direction     On   Match", row: 3, column: 0,
                    width: size.width, style: .header)
        let visible = size.height - 6
        let first = max(0, min(view.cursor - visible / 2, mapping.fields.count - visible))
        for (offset, field) in mapping.fields.dropFirst(first).prefix(visible).enumerated() {
            let index = first + offset
            let style: StyleRole = index == view.cursor ? .cursor : field.isEnabled ? .normal : .dim
            let match = field.matchOn ? "@\(field.matchPriority)\(field.caseSensitive ? " cs" : "")" : ""
            // A lookup field is translated through another mapping and never matched on: say which.
            let text = "   " + DisplayWidth.fit(field.erpField, to: 20) + " " + DisplayWidth.fit(field.crmField, to: 22) + " "
                + DisplayWidth.fit(field.direction.rawValue, to: 13) + " " + (field.isEnabled ? "yes  " : "no   ")
                + (field.lookupMapping.map { "via \($0)" } ?? match)
                + (field.constant.map { " = \"" + DisplayText.sanitized($0) + "\"" } ?? "")
            canvas.draw(text, row: 4 + offset, column: 0, width: size.width, style: style)
        }
    }
}
