/// One field a synchronization writes: its name on the destination, the value there now, the new value.
public struct FieldChange: Sendable, Equatable, Codable {
    public var field: String
    public var oldValue: String
    public var newValue: String

    public init(field: String, oldValue: String, newValue: String) {
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
    }
}

/// The changes to one record on one side.
public struct RecordUpdate: Sendable, Equatable {
    public var side: Side
    public var recordID: RecordID
    public var changes: [FieldChange]

    public init(side: Side, recordID: RecordID, changes: [FieldChange]) {
        self.side = side
        self.recordID = recordID
        self.changes = changes
    }
}

/// A field changed on both sides since the last sync, to different values.
public struct FieldConflict: Sendable, Equatable, Codable {
    public var erpField: String
    public var crmField: String
    public var erpValue: String
    public var crmValue: String
    /// The value both sides had after the last sync, when known.
    public var lastSyncedValue: String?

    public init(erpField: String, crmField: String, erpValue: String, crmValue: String, lastSyncedValue: String?) {
        self.erpField = erpField
        self.crmField = crmField
        self.erpValue = erpValue
        self.crmValue = crmValue
        self.lastSyncedValue = lastSyncedValue
    }

    /// `E-Mail: ERP "a@x.com" ≠ CRM "b@x.com"`.
    public var summary: String { "\(erpField): ERP \"\(erpValue)\" ≠ CRM \"\(crmValue)\"" }
}

/// Why a selected record is left alone.
public enum SkipReason: Sendable, Equatable {
    case notCoupled
    case markedSkipped
    /// The pass would overwrite these destination fields, which changed since the last sync.
    case destinationChanged(side: Side, fields: [String])
    /// The pair was never synchronized, so every differing field may be a change on either side.
    case neverSynchronized(fields: [String])
    case outsideFilter(side: Side, filter: String)
    /// Merge met true conflicts and no resolution was given for them.
    case conflicts([FieldConflict])

    public var message: String {
        switch self {
        case .notCoupled: "not coupled"
        case .markedSkipped: "marked as skipped"
        case .destinationChanged(let side, let fields):
            "the \(side.displayName) record changed since the last sync (\(fields.joined(separator: ", ")))"
        case .neverSynchronized(let fields):
            "the pair was never synchronized and differs in \(fields.joined(separator: ", "))"
        case .outsideFilter(let side, let filter): "the \(side.displayName) record is outside the filter (\(filter))"
        case .conflicts(let conflicts):
            "changed on both sides: " + conflicts.map(\.summary).joined(separator: "; ")
        }
    }
}

/// What the engine will do with one selected record.
public enum PlannedOutcome: Sendable, Equatable {
    /// Write these updates; none means the record is already in step (unchanged).
    case write([RecordUpdate])
    case skip(SkipReason)
    case fail(RecordFailure)
    /// The coupled record on `side` is gone: re-create it from the other side and re-couple.
    case restore(side: Side, fields: [String: String])
    /// The coupled record is gone and the mapping says to drop the coupling.
    case removeCoupling(reason: String)
}

/// The plan for one selected record: its outcome, and the state the coupling reaches on success.
public struct RecordPlan: Sendable, Equatable {
    public var erpID: RecordID?
    public var crmID: RecordID?
    /// "C00010 Adatum Corporation".
    public var label: String
    public var outcome: PlannedOutcome
    /// The passes this plan performs (one, or two for merge).
    public var passes: [SyncDirection]
    /// The coupling as read, nil when not coupled.
    public var coupling: Coupling?
    /// The field snapshot to store once the writes succeed.
    public var snapshotAfter: FieldSnapshot
    /// Each side's `modifiedAt` when planned: applying a preview refuses records that moved since.
    public var erpModifiedAt: Timestamp?
    public var crmModifiedAt: Timestamp?

    /// Fields this plan writes, over all sides.
    public var changeCount: Int {
        if case .write(let updates) = outcome { return updates.reduce(0) { $0 + $1.changes.count } }
        return 0
    }
}

/// The whole plan of a synchronization: exactly what applying it would write. It *is* the preview.
public struct SyncPlan: Sendable, Equatable {
    public var request: SyncRequest
    public var records: [RecordPlan]

    public init(request: SyncRequest, records: [RecordPlan]) {
        self.request = request
        self.records = records
    }

    /// How many records would be written.
    public var recordsToChange: Int { records.filter { $0.changeCount > 0 }.count }
}
