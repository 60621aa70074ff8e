import TandemCore

extension Reducer {
    static func receiveForUndo(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .undoPreviewLoaded(let dialog):
            state.modal = .undoPreview(dialog)
        case .undoFinished(let result):
            state.modal = .result(result)
            return refresh(state, countsChanged: true)
        default:
            break
        }
        return []
    }

    /// Keys on the undo preview: scroll it, undo (Enter), or leave the job alone (Esc).
    static func undoPreviewKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard case .undoPreview(var dialog)? = state.modal else { return [] }
        let last = UndoPreviewWidget.lastScroll(dialog.lines.count, on: state.size)
        switch Bindings.command(for: key, in: .undoPreview) {
        case .moveDown?: dialog.scroll = min(last, dialog.scroll + 1)
        case .moveUp?: dialog.scroll = max(0, dialog.scroll - 1)
        case .pageDown?: dialog.scroll = min(last, dialog.scroll + state.visibleRows)
        case .pageUp?: dialog.scroll = max(0, dialog.scroll - state.visibleRows)
        case .cancel?:
            state.modal = nil
            return []
        case .accept?:
            state.modal = .progress(ProgressState(title: "Undo job \(dialog.jobID)", total: 0, token: nil))
            return [.undo(dialog.jobID)]
        default: break
        }
        state.modal = .undoPreview(dialog)
        return []
    }
}
