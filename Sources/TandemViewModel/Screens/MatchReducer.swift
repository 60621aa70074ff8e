import TandemCore

extension Reducer {
    /// `m` on a list: match the ERP selection, or every uncoupled ERP record when nothing is selected.
    static func openMatch(_ state: inout AppState) -> [Effect] {
        let pane = state[PaneID(state.page, .erp)]
        let hasSelection = state.currentPage.focus == .erp && !pane.selection.isEmpty
        let target = hasSelection ? Reducer.target(state) : nil
        return [.openMatch(state.page, target?.0, count: target?.count)]
    }

    static func matchKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard case .match(var dialog)? = state.modal else { return [] }
        let field = dialog.cursor < dialog.fields.count ? dialog.cursor : nil
        switch Bindings.command(for: key, in: .match) {
        case .moveDown?: dialog.cursor = min(dialog.rowCount - 1, dialog.cursor + 1)
        case .moveUp?: dialog.cursor = max(0, dialog.cursor - 1)
        case .toggle?:
            if let field { dialog.fields[field].on.toggle() }
            else if dialog.cursor == dialog.fields.count { dialog.createNew.toggle() }
            else if dialog.cursor == dialog.fields.count + 1 { dialog.synchronize.toggle() }
        case .caseSensitive?:
            if let field { dialog.fields[field].caseSensitive.toggle() }
        case .priorityUp?:
            if let field { dialog.fields[field].priority = min(9, dialog.fields[field].priority + 1) }
        case .priorityDown?:
            if let field { dialog.fields[field].priority = max(0, dialog.fields[field].priority - 1) }
        case .cancel?:
            state.modal = nil
            return []
        case .accept?:
            guard dialog.fields.contains(where: \.on) else {
                dialog.error = tr("Choose at least one field to match on.")
                break
            }
            state.modal = .progress(ProgressState(title: tr("Match-based coupling"), total: dialog.count ?? 0, token: nil))
            return [.match(dialog)]
        default:
            break
        }
        state.modal = .match(dialog)
        return []
    }
}

extension Reducer {
    static func receiveForMoreScreens(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .matchDialogLoaded(let dialog):
            state.modal = .match(dialog)
        case .matchFinished(let result):
            state.modal = .result(result)
            for side in Side.allCases { state[PaneID(state.page, side)].selection.clear() }
            return refresh(state, countsChanged: true)
        case .errorsLoaded(let rows):
            updateTop(&state) { screen in
                guard case .errors(var errors) = screen else { return }
                errors.rows = rows
                errors.loaded = true
                errors.cursor = min(errors.cursor, max(0, rows.count - 1))
                screen = .errors(errors)
            }
        case .mappingsLoaded(let mappings):
            updateTop(&state) { screen in
                guard case .mappings(var view) = screen else { return }
                view.mappings = mappings
                view.selected = min(view.selected, max(0, mappings.count - 1))
                screen = .mappings(view)
            }
        default:
            break
        }
        return []
    }

    static func updateTop(_ state: inout AppState, _ change: (inout Screen) -> Void) {
        guard let top = state.screens.indices.last else { return }
        change(&state.screens[top])
    }

    static func errorsKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard case .errors(var screen)? = state.screens.last, let command = Bindings.command(for: key, in: .errors) else { return [] }
        let row = screen.rows[safe: screen.cursor]
        let page = state.pageKinds.first { $0.mapping == row?.mapping } ?? state.page
        if state.unavailableCommands.contains(command) {
            state.refuse(command == .restoreRecord || command == .deleteRecord
                ? tr("Restore and delete record apply only when exactly one side is missing.")
                : command == .setUpCoupling ? tr("The ERP record of this coupling is gone: restore it (t) or delete the coupling (d).")
                : tr("One side of this coupling is gone: restore it (t) or delete the surviving record (x)."))
            return []
        }
        switch command {
        case .moveDown: screen.cursor = min(max(0, screen.rows.count - 1), screen.cursor + 1)
        case .moveUp: screen.cursor = max(0, screen.cursor - 1)
        case .back:
            state.screens.removeLast()
            return refresh(state)
        case .help: return openHelp(&state)
        case .retry:
            guard let row else { return [] }
            return [.retry(mapping: row.mapping, erpIDs: [row.erpID])]
        case .retryAll: return [.retryAll]
        case .synchronize:
            guard let row, row.erpLabel != nil else { return [] }
            return [.askSync(.records(PaneID(page, .erp), [row.erpID]))]
        case .setUpCoupling:
            guard let row, let label = row.erpLabel else { return [] }
            state.modal = .coupling(CouplingDialog(page: page, erpID: row.erpID, erpLabel: label))
            return [.loadDraft(page, erpID: row.erpID)]
        case .deleteCoupling:
            guard let row else { return [] }
            state.modal = .confirm(ConfirmDialog(text: tr("Delete this coupling? The records stay as they are."),
                                                 purpose: .deleteCoupling(.records(PaneID(page, .erp), [row.erpID])), defaultYes: false))
        case .restoreRecord, .deleteRecord:
            guard let row else { return [] }
            guard command == .deleteRecord else { return [.restore(mapping: row.mapping, erpID: row.erpID)] }
            // Deleting cannot be undone (undo never brings a deleted record back): ask first, No under the cursor.
            let survivor = row.erpLabel ?? row.crmLabel ?? tr("the surviving record")
            state.modal = .confirm(ConfirmDialog(
                text: tr("Delete {0} and its coupling for good? This cannot be undone.", survivor),
                purpose: .deleteRecord(mapping: row.mapping, erpID: row.erpID), defaultYes: false))
        default: break
        }
        state.screens[state.screens.count - 1] = .errors(screen)
        return []
    }

    static func mappingsKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard case .mappings(var view)? = state.screens.last, let command = Bindings.command(for: key, in: .mappings) else { return [] }
        guard var mapping = view.mappings[safe: view.selected] else {
            if command == .back { state.screens.removeLast() }
            return []
        }
        func next<T: CaseIterable & Equatable>(_ value: T) -> T {
            let all = Array(T.allCases)
            return all[((all.firstIndex(of: value) ?? 0) + 1) % all.count]
        }
        switch command {
        case .moveDown: view.cursor = min(max(0, mapping.fields.count - 1), view.cursor + 1)
        case .moveUp: view.cursor = max(0, view.cursor - 1)
        case .nextMapping:
            view.selected = (view.selected + 1) % max(1, view.mappings.count)
            view.cursor = 0
        case .back:
            state.screens.removeLast()
            return refresh(state)
        case .help: return openHelp(&state)
        case .editERPFilter, .editCRMFilter:
            let side: Side = command == .editERPFilter ? .erp : .crm
            view.prompt = MappingPrompt(purpose: .filter(side),
                                        text: MappingPrompt.text(of: side == .erp ? mapping.erpFilter : mapping.crmFilter))
        case .editConstant where mapping.fields.indices.contains(view.cursor):
            view.prompt = MappingPrompt(purpose: .constant(field: view.cursor), text: mapping.fields[view.cursor].constant ?? "")
        case .toggle, .cycleDirection, .cycleUpdateConflict, .cycleDeletionConflict, .cycleFieldDirection, .toggleOnlyCoupled:
            switch command {
            case .toggle where mapping.fields.indices.contains(view.cursor): mapping.fields[view.cursor].isEnabled.toggle()
            case .cycleFieldDirection where mapping.fields.indices.contains(view.cursor):
                mapping.fields[view.cursor].direction = next(mapping.fields[view.cursor].direction)
            case .toggleOnlyCoupled: mapping.onlyCoupled.toggle()
            case .cycleDirection: mapping.direction = next(mapping.direction)
            case .cycleUpdateConflict: mapping.updateConflict = next(mapping.updateConflict)
            case .cycleDeletionConflict: mapping.deletionConflict = next(mapping.deletionConflict)
            default: break
            }
            view.mappings[view.selected] = mapping
            state.screens[state.screens.count - 1] = .mappings(view)
            return [.saveMapping(mapping)]
        default: break
        }
        state.screens[state.screens.count - 1] = .mappings(view)
        return []
    }
}
