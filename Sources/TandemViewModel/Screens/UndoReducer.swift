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
        let command = Bindings.command(for: key, in: .undoPreview)
        if let scroll = ScrollCommand.scrolled(dialog.scroll, by: command, last: last, page: state.visibleRows) {
            dialog.scroll = scroll
        }
        switch command {
        case .cancel?:
            state.modal = nil
            return []
        case .accept?:
            state.modal = .progress(ProgressState(title: tr("Undo job {0}", dialog.jobID), total: 0, token: nil))
            return [.undo(dialog.jobID)]
        default: break
        }
        state.modal = .undoPreview(dialog)
        return []
    }
}
