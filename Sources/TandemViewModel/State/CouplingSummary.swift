import TandemCore

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
