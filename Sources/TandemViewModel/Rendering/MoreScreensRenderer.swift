import TandemCore

/// The coupled-data errors list and the mappings screen.
enum MoreScreensRenderer {
    static func drawErrors(_ screen: ErrorsState, _ state: AppState, _ canvas: inout Canvas) {
        let size = state.size
        Renderer.drawTitle(tr("Coupled data synchronization errors"), state, &canvas)
        canvas.draw(tr("   Table     Record                    Coupled to                ERP  CRM  Skipped"), row: 1, column: 0,
                    width: size.width, style: .header)
        var row = 2
        let (gone, present) = (DisplayWidth.fit(tr("gone"), to: 4) + " ", DisplayWidth.fit(tr("ok"), to: 4) + " ")
        for (index, error) in screen.rows.enumerated() where row < size.height - 3 {
            let style: StyleRole = index == screen.cursor ? .cursor : .normal
            let text = "   " + DisplayWidth.fit(error.table, to: 9) + " "
                + DisplayWidth.fit(error.erpLabel ?? tr("(deleted)"), to: 25) + " " + DisplayWidth.fit(error.crmLabel ?? tr("(deleted)"), to: 25)
                + " " + (error.erpLabel == nil ? gone : present) + (error.crmLabel == nil ? gone : present)
                + (error.skipped ? tr("yes") : tr("no"))
            canvas.draw(text, row: row, column: 0, width: size.width, style: style)
            let detail = "     " + (error.failedOn.map { Format.dateTime($0, in: state.timeZone) + "  " } ?? "") + (error.lastError ?? "")
            canvas.draw(detail, row: row + 1, column: 0, width: size.width, style: style == .cursor ? .cursor : .failed)
            row += 2
        }
        if screen.loaded && screen.rows.isEmpty {
            canvas.draw("   " + tr("No skipped or failed couplings."), row: 2, column: 0, width: size.width, style: .dim)
        }
    }

    static func drawMappings(_ view: MappingsState, _ state: AppState, _ canvas: inout Canvas) {
        let size = state.size
        guard let mapping = view.mappings[safe: view.selected] else {
            Renderer.drawTitle(tr("Mappings"), state, &canvas)
            return
        }
        Renderer.drawTitle(tr("Mapping {0}: {1}", mapping.name, mapping.caption(nil)), state, &canvas)
        let notes = ConnectionNote.notes(for: mapping, sides: state.services)
        canvas.draw(" " + tr("Direction {0} · update conflicts {1} · deletion {2}", mapping.direction.rawValue,
                             mapping.updateConflict.rawValue, mapping.deletionConflict.rawValue), row: 1, column: 0, width: size.width, style: .header)
        if let prompt = view.prompt {
            let what: String
            switch prompt.purpose {
            case .filter(let side): what = tr("{0} filter (Field=Value;Field!=Value;Field=)", side.displayName)
            case .constant(let index):
                what = tr("constant of {0} (empty: none)", mapping.fields[safe: index].map { Captions.field($0.erpField, on: .erp) } ?? tr("the field"))
            }
            canvas.draw(" \(what): " + DisplayText.sanitized(prompt.text) + "▏", row: 2, column: 0, width: size.width, style: .focused)
            if let error = prompt.error {
                canvas.draw(" " + DisplayText.sanitized(error), row: 3, column: 0, width: size.width, style: .error)
                return
            }
        } else if let note = connectionNote(notes, field: mapping.fields[safe: view.cursor]) {
            canvas.draw(" " + note, row: 2, column: 0, width: size.width, style: .dim)
        } else {
            canvas.draw(" " + (mapping.onlyCoupled ? tr("Only coupled records") : tr("Creates uncoupled records"))
                        + " · " + tr("filters: ERP {0} · CRM {1}", DisplayText.sanitized(mapping.erpFilter.summary), DisplayText.sanitized(mapping.crmFilter.summary))
                        + (mapping.dependsOn.isEmpty ? "" : " · " + tr("depends on {0}", mapping.dependsOn.joined(separator: ", "))),
                        row: 2, column: 0, width: size.width, style: .dim)
        }
        canvas.draw(tr("   ERP field            CRM field              Direction     On   Match"), row: 3, column: 0,
                    width: size.width, style: .header)
        let visible = size.height - 6
        let first = max(0, min(view.cursor - visible / 2, mapping.fields.count - visible))
        for (offset, field) in mapping.fields.dropFirst(first).prefix(visible).enumerated() {
            let index = first + offset
            let style: StyleRole = index == view.cursor ? .cursor : field.isEnabled ? .normal : .dim
            let match = field.matchOn ? "@\(field.matchPriority)\(field.caseSensitive ? " cs" : "")" : ""
            // A lookup field is translated through another mapping and never matched on: say which.
            // "~": a field the connected service's API lacks (the line above says so on the cursor's).
            let lacked = notes.contains { $0.concerns(field) }
            let text = (lacked ? "  ~" : "   ") + DisplayWidth.fit(Captions.field(field.erpField, on: .erp), to: 20) + " " + DisplayWidth.fit(field.crmField, to: 22) + " "
                + DisplayWidth.fit(field.direction.rawValue, to: 13) + " " + DisplayWidth.fit(field.isEnabled ? tr("yes") : tr("no"), to: 5)
                + (field.lookupMapping.map { tr("via {0}", $0) } ?? match)
                + (field.constant.map { " = \"" + DisplayText.sanitized($0) + "\"" } ?? "")
            canvas.draw(text, row: 4 + offset, column: 0, width: size.width, style: style)
        }
    }

    /// The note line 2 shows: a table the service does not carry, else the cursor's field it lacks.
    private static func connectionNote(_ notes: [ConnectionNote], field: FieldMapping?) -> String? {
        let shown = notes.first { if case .tableNotCarried = $0 { true } else { false } }
            ?? field.flatMap { field in notes.first { $0.concerns(field) } }
        switch shown {
        case .tableNotCarried?: return shown?.text
        case .fieldLacking?: return shown.map { "~ " + $0.text }
        case nil: return nil
        }
    }
}
