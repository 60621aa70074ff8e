/// One record whose write overwrote changes the destination made since the last sync: which record,
/// and per field the destination's value that is lost and the value written. A synchronization's result
/// names these, so an overwrite the update-conflict policy allows is never a silent one.
public struct OverwrittenRecord: Sendable, Equatable {
    /// "C00010 Adatum Corporation".
    public var label: String
    public var erpID: RecordID?
    public var crmID: RecordID?
    /// The overwritten fields, on the destination side (`oldValue` is what was lost).
    public var changes: [RecordPlan.PlannedChange]

    public init(label: String, erpID: RecordID?, crmID: RecordID?, changes: [RecordPlan.PlannedChange]) {
        self.label = label
        self.erpID = erpID
        self.crmID = crmID
        self.changes = changes
    }
}
