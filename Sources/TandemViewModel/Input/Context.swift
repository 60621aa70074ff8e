/// Where the user is; each context has its own bindings.
public enum Context: String, Sendable, CaseIterable {
    /// A list page with a pane focused.
    case list
    /// Typing a list filter.
    case filterEditing
    /// A record's card.
    case card
    /// Typing a field's new value on a card.
    case cardEditing
    /// The set-up-coupling dialog, and its lookup list.
    case coupling
    case couplingLookup
    /// The synchronize-now question, its preview, the progress of a run and its result.
    case syncQuestion
    case preview
    case progress
    /// Work that cannot be cancelled; no keys apply until it ends.
    case working
    case result
    /// A yes/no question.
    case confirm
    /// Match-based coupling.
    case match
    /// The preview of a job's undo.
    case undoPreview
    /// The job log and one job's errors.
    case jobs
    case jobErrors
    /// Coupled data synchronization errors.
    case errors
    /// The table and field mappings, and typing a filter or constant there.
    case mappings
    case mappingPrompt
    /// The help overlay.
    case help
}
