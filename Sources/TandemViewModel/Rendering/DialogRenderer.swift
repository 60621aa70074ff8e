/// The modal dialogs: each is a widget, drawn centred over the screen into its own rectangle.
enum DialogRenderer {
    static func draw(_ modal: Modal, _ state: AppState, _ canvas: inout Canvas) {
        switch modal {
        case .coupling(let dialog):
            CouplingDialogWidget(dialog: dialog).renderCentred(on: state.size, &canvas)
            if let lookup = dialog.lookup {
                LookupWidget(entries: lookup, cursor: dialog.lookupCursor).renderCentred(on: state.size, &canvas)
            }
        case .syncQuestion(let dialog): SyncQuestionWidget(dialog: dialog).renderCentred(on: state.size, &canvas)
        case .preview(let preview): PreviewWidget(preview: preview).renderCentred(on: state.size, &canvas)
        case .progress(let progress): ProgressWidget(progress: progress).renderCentred(on: state.size, &canvas)
        case .result(let result): ResultWidget(result: result).renderCentred(on: state.size, &canvas)
        case .confirm(let confirm): ConfirmWidget(confirm: confirm).renderCentred(on: state.size, &canvas)
        case .match(let dialog): MatchDialogWidget(dialog: dialog).renderCentred(on: state.size, &canvas)
        case .undoPreview(let dialog): UndoPreviewWidget(dialog: dialog).renderCentred(on: state.size, &canvas)
        case .help(let context, let offset): HelpWidget(context: context, offset: offset).renderCentred(on: state.size, &canvas)
        }
    }
}
