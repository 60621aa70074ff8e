/// The modal layer: at most one dialog at a time.
public enum Modal: Equatable, Sendable {
    /// The bindings of a context, scrolled down by `offset` rows.
    case help(Context, offset: Int)
    case coupling(CouplingDialog)
    case syncQuestion(SyncDialog)
    case preview(PreviewState)
    case progress(ProgressState)
    case result(ResultState)
    case confirm(ConfirmDialog)
    case match(MatchDialog)
    case undoPreview(UndoPreviewDialog)
}
