import TandemCore

/// The reducer: one action in, the new state and the effects it needs out. Pure: no I/O here.
/// Keys are dispatched by context; each area (list, card, dialogs, jobs) has its own file.
public enum Reducer {
    /// Rows asked for per load: enough for a few screens.
    static func pageSize(_ state: AppState) -> Int { max(50, state.visibleRows * 3) }

    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .start:
            return startPage(&state)
        case .resize(let size):
            state.size = size
            for page in state.pageKinds {
                for side in Side.allCases { state[PaneID(page, side)].keepCursorVisible(state.visibleRows) }
            }
            return []
        case .notice(let message):
            state.message = message
            state.messageIsError = false
            return []
        case .failed(let message):
            state.message = message
            state.messageIsError = true
            for page in state.pageKinds {
                for side in Side.allCases {
                    state[PaneID(page, side)].loading = false
                    state[PaneID(page, side)].counting = false
                }
            }
            return []
        case .rowsLoaded(let loaded):
            return receive(&state, loaded)
        case .totalCounted(let request, let total):
            // A count for an older filter is stale; the newer request brings its own.
            guard state[request.pane].generation == request.generation, state[request.pane].filter == request.filter
            else { return [] }
            state[request.pane].total = total
            state[request.pane].counting = false
            return []
        case .key(let key):
            state.message = nil
            state.messageIsError = false
            return handle(key, &state)
        case .cardLoaded(let page, let side, let id, let data):
            updateCard(&state) { card in
                guard card.page == page, card.side == side, card.id == id else { return }
                card.record = data.record
                card.coupling = data.coupling
                card.loaded = true
            }
            return []
        case .idle:
            return [.cancellable(.othersCheck, .checkOthers(since: state.othersCheckedAt))]
        case .othersChecked(let changed, let at):
            // Only a list with no dialog over it is read again: a card being edited or an open
            // dialog keeps what it shows (its writes are checked against the version it read), and
            // the change is seen at the next look after it closes.
            guard !changed || (state.screens.isEmpty && state.modal == nil) else { return [] }
            state.othersCheckedAt = at
            return changed ? refresh(state, countsChanged: true) : []
        case .written(let message, let countsChanged):
            if case .coupling? = state.modal { state.modal = nil }
            state.message = message
            state.messageIsError = false
            return refresh(state, countsChanged: countsChanged)
        case .draftLoaded, .crmResolved, .comparisonLoaded, .lookupLoaded, .couplingFailed:
            return receiveForCouplingDialog(&state, action)
        case .syncQuestionLoaded, .previewLoaded, .syncProgress, .syncFinished:
            return receiveForSync(&state, action)
        case .jobsLoaded, .jobErrorsLoaded:
            return receiveForJobs(&state, action)
        case .matchDialogLoaded, .matchFinished, .errorsLoaded, .mappingsLoaded:
            return receiveForMoreScreens(&state, action)
        case .undoPreviewLoaded, .undoFinished:
            return receiveForUndo(&state, action)
        }
    }

    private static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        let context = state.context
        switch context {
        case .filterEditing: return editFilter(key, &state)
        case .cardEditing: return editCardField(key, &state)
        case .help: return helpKey(key, &state)
        case .coupling, .couplingLookup: return couplingDialogKey(key, context, &state)
        case .syncQuestion, .preview, .progress, .result, .confirm: return syncDialogKey(key, context, &state)
        case .working: return []
        case .match: return matchKey(key, &state)
        case .undoPreview: return undoPreviewKey(key, &state)
        case .card: return cardKey(key, &state)
        case .jobs, .jobErrors: return jobsKey(key, context, &state)
        case .errors: return errorsKey(key, &state)
        case .mappings: return mappingsKey(key, &state)
        case .mappingPrompt: return mappingPromptKey(key, &state)
        case .list:
            guard let command = Bindings.command(for: key, in: .list) else { return [] }
            return listCommand(command, key: key, &state)
        }
    }

    private static func helpKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard case .help(let context, let offset)? = state.modal else { return [] }
        let rows = HelpLayout.rows(for: state.size)
        switch Bindings.command(for: key, in: .help) {
        case .closeOverlay?: state.modal = nil
        case .scrollHelpDown?:
            let last = max(0, HelpEntries.entries(in: context).count - rows)
            state.modal = .help(context, offset: min(last, offset + (key == .pageDown ? rows : 1)))
        case .scrollHelpUp?:
            state.modal = .help(context, offset: max(0, offset - (key == .pageUp ? rows : 1)))
        default: break
        }
        return []
    }

    /// Opens help for the context under it.
    static func openHelp(_ state: inout AppState) -> [Effect] {
        state.modal = .help(state.context, offset: 0)
        return []
    }

    /// After a write: reload the rows around each pane's cursor (their marks may have changed) and
    /// the card that is open. Totals are counted again only when records were created or deleted,
    /// or when a filter is on (an edit can move a record into or out of it): a count is a scan.
    static func refresh(_ state: AppState, countsChanged: Bool = false) -> [Effect] {
        var effects: [Effect] = []
        for side in Side.allCases {
            let pane = PaneID(state.page, side)
            let placement: Placement = state[pane].currentRow.map { .around($0.id) } ?? .first
            effects.append(load(state, pane, placement, countTotal: countsChanged || !state[pane].filter.isEmpty))
        }
        if case .card(let card)? = state.screens.last { effects.append(.loadCard(card.page, card.side, card.id)) }
        if case .jobs? = state.screens.last { effects.append(.loadJobs) }
        if case .errors? = state.screens.last { effects.append(.loadErrors) }
        return effects
    }

    static func updateCard(_ state: inout AppState, _ change: (inout CardState) -> Void) {
        guard case .card(var card)? = state.screens.last else { return }
        change(&card)
        state.screens[state.screens.count - 1] = .card(card)
    }
}
