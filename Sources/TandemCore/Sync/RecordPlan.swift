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
    /// The written fields whose destination value was a change of its own since the last sync, lost to
    /// this write (the update-conflict policy or `--force` let the source win): field, the destination's
    /// value that is lost (`oldValue`), and the value written. A subset of the plan's changes.
    public var overwritten: [PlannedChange] = []

    /// Fields this plan writes, over all sides.
    public var changeCount: Int {
        if case .write(let updates) = outcome { return updates.reduce(0) { $0 + $1.changes.count } }
        return 0
    }
}
