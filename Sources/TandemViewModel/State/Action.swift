import TandemCore

/// Everything that changes the state: keys, the terminal's size, and what effects report back.
public enum Action: Equatable, Sendable {
    /// Load the first page's rows.
    case start
    case key(Key)
    case resize(Size)
    case rowsLoaded(RowsLoaded)
    /// The rows matching a request's filter, counted after its rows arrived.
    case totalCounted(PageRequest, Int)
    case failed(String)
    /// Information for the status line (the workspace was just created, for instance).
    case notice(String)
    case cardLoaded(PageKind, Side, RecordID, CardData)
    /// A write finished: show the message, and reload what shows the records; `countsChanged` when it
    /// created or deleted records (the panes' totals are counted again).
    case written(message: String, countsChanged: Bool = false)
    /// The coupling dialog's starting state for a record.
    case draftLoaded(erpLabel: String, crm: ChosenRecord?, sync: SyncAfterCoupling)
    case crmResolved(generation: Int, ChosenRecord?, error: String?)
    case comparisonLoaded([FieldPair])
    case lookupLoaded([LookupEntry])
    /// The coupling dialog's OK failed; the dialog stays open and shows why.
    case couplingFailed(String)
    case syncQuestionLoaded(SyncDialog)
    case previewLoaded(PreviewState)
    /// Between batches: records done of total, and the seconds each service made the run wait so far.
    case syncProgress(token: Int, done: Int, total: Int, waited: [String: Double])
    case syncFinished(token: Int, ResultState)
    case jobsLoaded([SyncJob])
    case jobErrorsLoaded(SyncJob?, [JobErrorRow])
    case matchDialogLoaded(MatchDialog)
    case matchFinished(ResultState)
    case errorsLoaded([ErrorRow])
    case mappingsLoaded([TableMapping])
    case undoPreviewLoaded(UndoPreviewDialog)
    case undoFinished(ResultState)
    /// Nothing happened for a while (the terminal sends it every few seconds while idle): time to
    /// look whether others changed the workspace.
    case idle
    /// Whether records or jobs changed since the last look; `at` is where the next look starts.
    case othersChecked(changed: Bool, at: Timestamp)
}
