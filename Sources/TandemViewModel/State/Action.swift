import TandemCore

/// Where loaded rows go in a pane's window.
public enum Placement: Equatable, Sendable {
    /// The list's first rows (a new filter, Home).
    case first
    /// The list's last rows (End).
    case last
    case after(ListKey)
    case before(ListKey)
    /// The rows around one record, which becomes the cursor row (a counterpart to show).
    case around(RecordID)
}

/// A request for rows, carried by an effect and answered by `RowsLoaded`.
public struct PageRequest: Equatable, Sendable {
    public var pane: PaneID
    public var placement: Placement
    public var filter: String
    public var limit: Int
    public var generation: Int
    /// Count the rows matching the filter too (only when the window is replaced). The count is a
    /// scan, so it follows the rows as `totalCounted`: the rows are painted first.
    public var countTotal: Bool
}

/// Rows for a pane, from the store.
public struct RowsLoaded: Equatable, Sendable {
    public var request: PageRequest
    public var rows: [ListRow]
    /// Whether the rows reach the list's first / last row.
    public var reachesStart: Bool
    public var reachesEnd: Bool

    public init(request: PageRequest, rows: [ListRow], reachesStart: Bool, reachesEnd: Bool) {
        self.request = request
        self.rows = rows
        self.reachesStart = reachesStart
        self.reachesEnd = reachesEnd
    }
}

/// What the card needs about one record.
public struct CardData: Equatable, Sendable {
    public var record: Record?
    public var coupling: CouplingSummary?

    public init(record: Record?, coupling: CouplingSummary?) {
        self.record = record
        self.coupling = coupling
    }
}

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
    case syncProgress(token: Int, done: Int, total: Int)
    case syncFinished(token: Int, ResultState)
    case jobsLoaded([SyncJob])
    case jobErrorsLoaded(SyncJob?, [JobError])
    case matchDialogLoaded(MatchDialog)
    case matchFinished(ResultState)
    case errorsLoaded([ErrorRow])
    case mappingsLoaded([TableMapping])
}
