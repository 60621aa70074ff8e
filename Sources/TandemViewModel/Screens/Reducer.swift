import TandemCore

/// The reducer: one action in, the new state and the effects it needs out. Pure: no I/O here.
public enum Reducer {
    /// Rows asked for per load: enough for a few screens.
    static func pageSize(_ state: AppState) -> Int { max(50, state.visibleRows * 3) }

    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .start:
            return startPage(&state)
        case .resize(let size):
            state.size = size
            for page in PageKind.allCases {
                for side in Side.allCases { state[PaneID(page, side)].keepCursorVisible(state.visibleRows) }
            }
            return []
        case .failed(let message):
            state.message = message
            return []
        case .rowsLoaded(let loaded):
            return receive(&state, loaded)
        case .key(let key):
            return handle(key, in: &state)
        }
    }

    private static func load(_ state: AppState, _ pane: PaneID, _ placement: Placement, countTotal: Bool = false) -> Effect {
        let current = state[pane]
        return .loadRows(PageRequest(pane: pane, placement: placement, filter: current.filter, limit: pageSize(state),
                                     generation: current.generation, countTotal: countTotal))
    }

    private static func startPage(_ state: inout AppState) -> [Effect] {
        guard !state.currentPage.started else { return [] }
        state.currentPage.started = true
        return Side.allCases.map { side in
            state[PaneID(state.page, side)].loading = true
            return load(state, PaneID(state.page, side), .first, countTotal: true)
        }
    }

    private static func receive(_ state: inout AppState, _ loaded: RowsLoaded) -> [Effect] {
        let pane = loaded.request.pane
        guard loaded.request.generation == state[pane].generation else { return [] }
        let visible = state.visibleRows
        var effects: [Effect] = []
        if let pending = state[pane].receive(loaded, visible: visible) {
            let placement: Placement?
            switch pending {
            case .down(let count): placement = state[pane].move(by: count, visible: visible)
            case .up(let count): placement = state[pane].move(by: -count, visible: visible)
            case .top, .bottom: placement = nil
            }
            if let placement { effects.append(load(state, pane, placement)) }
        }
        if pane.page == state.page && pane.side == state.currentPage.focus {
            effects += followCounterpart(&state)
        }
        return effects
    }

    /// When the cursor rests on a coupled row, the other pane shows (and points at) its counterpart.
    private static func followCounterpart(_ state: inout AppState) -> [Effect] {
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

    private static func handle(_ key: Key, in state: inout AppState) -> [Effect] {
        state.message = nil
        switch state.context {
        case .filterEditing: return editFilter(key, &state)
        case .help:
            guard case .help(let context, let offset)? = state.overlay else { return [] }
            switch Bindings.command(for: key, in: .help) {
            case .closeOverlay?: state.overlay = nil
            case .scrollHelpDown?:
                let last = max(0, Bindings.bindings(in: context).count - HelpLayout.rows(for: state.size))
                state.overlay = .help(context, offset: min(last, offset + (key == .pageDown ? HelpLayout.rows(for: state.size) : 1)))
            case .scrollHelpUp?:
                state.overlay = .help(context, offset: max(0, offset - (key == .pageUp ? HelpLayout.rows(for: state.size) : 1)))
            default: break
            }
            return []
        case .list:
            guard let command = Bindings.command(for: key, in: .list) else { return [] }
            return run(command, &state)
        }
    }

    private static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        let focus = state.currentPage.focus
        let pane = PaneID(state.page, focus)
        let visible = state.visibleRows
        var placement: Placement?
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
        case .filter:
            state.currentPage.editingFilter = true
            return []
        case .otherPane:
            state.currentPage.focus = focus.other
            return followCounterpart(&state)
        case .customersPage, .contactsPage, .nextPage, .previousPage:
            state.page = command == .customersPage ? .customers : command == .contactsPage ? .contacts
                : state.page == .customers ? .contacts : .customers
            return startPage(&state)
        case .help:
            state.overlay = .help(.list, offset: 0)
            return []
        case .quit:
            state.quitRequested = true
            return []
        case .closeOverlay, .scrollHelpUp, .scrollHelpDown:
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

    /// Typing into the focused pane's filter: every change reloads the pane from its first row.
    private static func editFilter(_ key: Key, _ state: inout AppState) -> [Effect] {
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
        case .character(let character) where !character.isNewline && character.unicodeScalars.allSatisfy({ $0.value >= 0x20 }):
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
