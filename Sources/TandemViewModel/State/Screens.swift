import TandemCore

/// A screen above the list pages; `AppState.screens` is a stack, the list page is beneath it.
public enum Screen: Equatable, Sendable {
    case card(CardState)
    case jobs(JobsState)
    case jobErrors(JobErrorsState)
    case errors(ErrorsState)
    case mappings(MappingsState)
}

/// What the card shows about a record's coupling.
public struct CouplingSummary: Equatable, Sendable {
    public var counterpartID: RecordID
    /// The counterpart's label, nil when it was deleted.
    public var counterpartLabel: String?
    public var status: CouplingStatus
    public var toCRM: PassResult?
    public var fromCRM: PassResult?
    public var erpSyncedAt: Timestamp?
    public var crmSyncedAt: Timestamp?
    public var skipped: Bool
    public var lastError: String?
    public var changedOnERP: [String]
    public var changedOnCRM: [String]
    public var conflicts: [FieldConflict]

    public init(counterpartID: RecordID, counterpartLabel: String?, status: CouplingStatus, toCRM: PassResult?,
                fromCRM: PassResult?, erpSyncedAt: Timestamp?, crmSyncedAt: Timestamp?, skipped: Bool, lastError: String?,
                changedOnERP: [String], changedOnCRM: [String], conflicts: [FieldConflict]) {
        self.counterpartID = counterpartID
        self.counterpartLabel = counterpartLabel
        self.status = status
        self.toCRM = toCRM
        self.fromCRM = fromCRM
        self.erpSyncedAt = erpSyncedAt
        self.crmSyncedAt = crmSyncedAt
        self.skipped = skipped
        self.lastError = lastError
        self.changedOnERP = changedOnERP
        self.changedOnCRM = changedOnCRM
        self.conflicts = conflicts
    }
}

/// A record's card: its fields in groups, its coupling, and a field being edited.
public struct CardState: Equatable, Sendable {
    public var page: PageKind
    public var side: Side
    public var id: RecordID
    /// nil until loaded (or when the record was deleted).
    public var record: Record?
    public var coupling: CouplingSummary?
    /// Index into the table's fields.
    public var cursor = 0
    /// The text typed for the field at the cursor, while editing.
    public var editing: String?
    public var loaded = false

    public init(page: PageKind, side: Side, id: RecordID) {
        self.page = page
        self.side = side
        self.id = id
    }
}

/// The job log, newest first.
public struct JobsState: Equatable, Sendable {
    public var jobs: [SyncJob] = []
    public var cursor = 0
    public var loaded = false

    public init() {}
}

/// One job and its errors.
public struct JobErrorsState: Equatable, Sendable {
    public var jobID: JobID
    public var job: SyncJob?
    public var errors: [JobError] = []
    public var cursor = 0

    public init(jobID: JobID) { self.jobID = jobID }
}
