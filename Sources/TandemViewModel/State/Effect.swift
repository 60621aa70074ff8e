import TandemCore

/// Work the reducer asks for, as a value: a runner performs it (inline in tests, off the UI thread in
/// the terminal) and reports back with actions. Effects that replace one another are wrapped in
/// `cancellable` with an `EffectID`.
public enum Effect: Equatable, Sendable {
    /// `effect` under `id`: whatever still runs or waits under the same id is cancelled first (its
    /// actions never arrive), and `effect` starts only after `debounce`, so a burst of keystrokes
    /// runs one search. A runner that performs effects inline runs it at once.
    indirect case cancellable(EffectID, debounce: Duration = .zero, Effect)
    /// Cancels whatever runs or waits under `id`.
    case cancel(EffectID)
    case loadRows(PageRequest)
    /// Counts the rows a pane's filter lets through (a scan of the table). Asked for once the pane's
    /// rows have arrived, so it queues behind the other pane's first page instead of in front of it.
    case countRows(PageRequest)
    case loadCard(PageKind, Side, RecordID)
    /// Write one field, if the record is still at the version the card shows (`expected`).
    case saveField(PageKind, Side, RecordID, field: String, value: String, expected: Timestamp)
    case loadDraft(PageKind, erpID: RecordID)
    case resolveCRM(PageKind, text: String, generation: Int)
    case compare(PageKind, erpID: RecordID, crmID: RecordID)
    case lookup(PageKind, search: String)
    case couple(PageKind, erpID: RecordID, crmID: RecordID, SyncAfterCoupling)
    case createAndCouple(PageKind, erpID: RecordID)
    /// The single-record checks (one record) or the selection's question (several).
    case askSync(RecordTarget)
    /// The question before *Synchronize modified records* on a page's mapping.
    case askSyncModified(PageKind)
    case preview(SyncDialog, SyncChoice)
    case synchronize(SyncDialog, SyncChoice, token: Int)
    /// Writes a previewed plan: exactly its plans when the preview kept them all, else refusing what changed.
    case applyPlan(SyncPreview, token: Int)
    case cancelRun(token: Int)
    case uncouple(RecordTarget)
    case createNew(RecordTarget)
    case loadJobs
    case loadJobErrors(JobID)
    case openMatch(PageKind, RecordTarget?, count: Int?)
    case match(MatchDialog)
    case loadErrors
    case retry(mapping: String, erpIDs: [RecordID])
    case retryAll
    case restore(mapping: String, erpID: RecordID)
    case deleteRecord(mapping: String, erpID: RecordID)
    case loadMappings
    case saveMapping(TableMapping)
    case cleanupJobs(olderThanDays: Int?)
    /// What undoing the job would put back and refuse; nothing is written.
    case previewUndo(JobID)
    case undo(JobID)
    /// Whether any record was written, or any job started or ended, since `since` (nil: the first
    /// look, which only notes the time).
    case checkOthers(since: Timestamp?)
    /// Pull every connected side from its service, then read the lists again.
    case pullSides
    /// Couple by match what the failures refer to that is not coupled, then run the synchronization again.
    case coupleDependencies(DependencyRetry, token: Int)
}

extension Effect {
    /// Work that can take long (a remote side answers slowly, or many records are written): the
    /// background runner performs it beside the ordinary effects instead of in their queue, so lists
    /// and lookups keep answering meanwhile.
    public var isLongRunning: Bool {
        switch self {
        case .synchronize, .applyPlan, .match, .createNew, .retryAll, .cleanupJobs, .undo, .pullSides, .coupleDependencies: true
        case .cancellable(_, _, let effect): effect.isLongRunning
        default: false
        }
    }
}
