import TandemCore

extension Reducer {
    static func load(_ state: AppState, _ pane: PaneID, _ placement: Placement, countTotal: Bool = false) -> Effect {
        let current = state[pane]
        return .loadRows(PageRequest(pane: pane, placement: placement, filter: current.filter, limit: pageSize(state),
                                     generation: current.generation, countTotal: countTotal))
    }

    static func startPage(_ state: inout AppState) -> [Effect] {
        guard !state.currentPage.started else { return [] }
        state.currentPage.started = true
        return Side.allCases.map { side in
            state[PaneID(state.page, side)].loading = true
            return load(state, PaneID(state.page, side), .first, countTotal: true)
        }
    }

    static func receive(_ state: inout AppState, _ loaded: RowsLoaded) -> [Effect] {
        let pane = loaded.request.pane
        guard loaded.request.generation == state[pane].generation else { return [] }
        let visible = state.visibleRows
        var effects: [Effect] = loaded.request.countTotal ? [.countRows(loaded.request)] : []
        if let pending = state[pane].receive(loaded, visible: visible) {
            let placement: Placement?
            switch pending {
            case .down(let count): placement = state[pane].move(by: count, visible: visible)
            case .up(let count): placement = state[pane].move(by: -count, visible: visible)
            }
            if let placement {
                state[pane].loading = true
                effects.append(load(state, pane, placement))
            }
        }
        if pane.page == state.page && pane.side == state.currentPage.focus {
            effects += followCounterpart(&state)
        }
        return effects
    }

    /// When the cursor rests on a coupled row, the other pane shows (and points at) its counterpart.
    static func followCounterpart(_ state: inout AppState) -> [Effect] {
        let focus = state.currentPage.focus
        guard let counterpart = state.currentPage[focus].currentRow?.counterpart else { return [] }
        let other = PaneID(state.page, focus.other)
        var pane = state[other]
        if let index = pane.rows.firstIndex(where: { $0.id == counterpart }) {
            pane.cursor = index
            pane.keepCursorVisible(state.visibleRows)
            state[other] = pane
            return []
        }
        guard pane.filter.isEmpty, !pane.loading else { return [] }
        state[other].loading = true
        return [load(state, other, .around(counterpart))]
    }

    /// The records a command acts on: the focused pane's selection, or its cursor row.
    static func target(_ state: AppState) -> (RecordTarget, count: Int)? {
        let paneID = PaneID(state.page, state.currentPage.focus)
        let pane = state[paneID]
        if pane.selection.all {
            return (.allShown(paneID, filter: pane.filter, except: pane.selection.toggled), pane.selection.count(of: pane.total))
        }
        if !pane.selection.isEmpty {
            // Window order first, so the records are handled in the order they are shown.
            let shown = pane.rows.map(\.id).filter { pane.selection.contains($0) }
            let rest = pane.selection.toggled.subtracting(shown).sorted()
            return (.records(paneID, shown + rest), pane.selection.toggled.count)
        }
        return pane.currentRow.map { (.records(paneID, [$0.id]), 1) }
    }

    static func listCommand(_ command: Command, key: Key, _ state: inout AppState) -> [Effect] {
        let focus = state.currentPage.focus
        let pane = PaneID(state.page, focus)
        let visible = state.visibleRows
        var placement: Placement?
        if command != .extendUp && command != .extendDown { state[pane].shiftExtension = nil }
        switch command {
        case .moveDown: placement = state[pane].move(by: 1, visible: visible)
        case .moveUp: placement = state[pane].move(by: -1, visible: visible)
        case .pageDown: placement = state[pane].move(by: visible, visible: visible)
        case .pageUp: placement = state[pane].move(by: -visible, visible: visible)
        case .extendDown: placement = state[pane].move(by: 1, visible: visible, selecting: true)
        case .extendUp: placement = state[pane].move(by: -1, visible: visible, selecting: true)
        case .top:
            if state[pane].atStart { placement = state[pane].move(by: -state[pane].cursor, visible: visible) } else {
                state[pane].loading = true
                return [load(state, pane, .first)]
            }
        case .bottom:
            if state[pane].atEnd {
                placement = state[pane].move(by: state[pane].rows.count - 1 - state[pane].cursor, visible: visible)
            } else {
                state[pane].loading = true
                return [load(state, pane, .last)]
            }
        case .toggleSelection:
            guard let row = state[pane].currentRow else { return [] }
            state[pane].selection.toggle(row.id)
            placement = state[pane].move(by: 1, visible: visible)
        case .rangeMode:
            state[pane].rangeMode.toggle()
            if state[pane].rangeMode, let row = state[pane].currentRow { state[pane].selection.select(row.id) }
            return []
        case .selectAll:
            state[pane].selection.selectAll()
            return []
        case .clearSelection:
            state[pane].selection.clear()
            state[pane].rangeMode = false
            return []
        case .clearFilterOrRange:
            if state[pane].rangeMode {
                state[pane].rangeMode = false
                return []
            }
            guard !state[pane].filter.isEmpty else { return [] }
            return editFilter(.escape, &state)
        case .filter:
            state.currentPage.editingFilter = true
            return []
        case .otherPane:
            state.currentPage.focus = focus.other
            return followCounterpart(&state)
        case .numberedPage, .nextPage, .previousPage:
            let kinds = state.pageKinds
            let current = kinds.firstIndex(of: state.page) ?? 0
            let index: Int
            switch command {
            case .nextPage: index = (current + 1) % kinds.count
            case .previousPage: index = (current + kinds.count - 1) % kinds.count
            default:
                // The digit pressed: 1 is the first page.
                guard case .character(let digit) = key, let number = digit.wholeNumberValue,
                      kinds.indices.contains(number - 1) else { return [] }
                index = number - 1
            }
            state.page = kinds[index]
            return startPage(&state)
        case .open:
            guard let row = state[pane].currentRow else { return [] }
            state.screens.append(.card(CardState(page: state.page, side: focus, id: row.id)))
            return [.loadCard(state.page, focus, row.id)]
        case .setUpCoupling:
            guard let row = state[pane].currentRow else { return [] }
            return openCouplingDialog(&state, side: focus, id: row.id, counterpart: row.counterpart,
                                      label: row.label(state.schema(pane)))
        case .synchronize:
            guard let (target, _) = target(state) else { return [] }
            return [.askSync(target)]
        case .synchronizeModified:
            return [.askSyncModified(state.page)]
        case .pull:
            state.message = tr("Pulling the connected sides…")
            state.messageIsError = false
            return [.pullSides]
        case .deleteCoupling, .createNew:
            guard let (target, count) = target(state) else { return [] }
            state.modal = .confirm(command == .deleteCoupling
                ? ConfirmDialog(text: trn("Delete the coupling of {0} record? The records stay as they are.",
                                          "Delete the coupling of {0} records? The records stay as they are.", count),
                                purpose: .deleteCoupling(target), defaultYes: false)
                : ConfirmDialog(text: trn("Create {0} record in the {1} from the {2} and couple them?",
                                          "Create {0} records in the {1} from the {2} and couple them?", count,
                                          focus.other.displayName, focus.displayName),
                                purpose: .createNew(target), defaultYes: true))
            return []
        case .jobs, .errors, .mappings:
            return openScreen(command, &state)
        case .match:
            return openMatch(&state)
        case .help:
            return openHelp(&state)
        case .quit:
            state.quitRequested = true
            return []
        default:
            return []
        }
        if let placement {
            // One load per pane at a time; the move waits in `pending` until it arrives.
            guard !state[pane].loading else { return [] }
            state[pane].loading = true
            return [load(state, pane, placement)]
        }
        return followCounterpart(&state)
    }

    /// Opens the job log, the coupled-data errors or the mappings.
    static func openScreen(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .jobs:
            state.screens.append(.jobs(JobsState()))
            return [.loadJobs]
        case .errors:
            state.screens.append(.errors(ErrorsState()))
            return [.loadErrors]
        case .mappings:
            state.screens.append(.mappings(MappingsState()))
            return [.loadMappings]
        default:
            return []
        }
    }

    /// Typing into the focused pane's filter: every change reloads the pane from its first row.
    static func editFilter(_ key: Key, _ state: inout AppState) -> [Effect] {
        let pane = PaneID(state.page, state.currentPage.focus)
        var filter = state[pane].filter
        switch key {
        case .enter:
            state.currentPage.editingFilter = false
            return []
        case .escape:
            state.currentPage.editingFilter = false
            filter = ""
        case .backspace:
            guard !filter.isEmpty else { return [] }
            filter.removeLast()
        case .character(let character) where TextInput.isPrintable(character):
            filter.append(character)
        default:
            return []
        }
        guard filter != state[pane].filter else { return [] }
        state[pane].filter = filter
        state[pane].generation += 1
        state[pane].selection.clear()
        state[pane].loading = true
        return [load(state, pane, .first, countTotal: true)]
    }
}
