/// One record an undo would put back or refuse: the values it would restore (the job's old values,
/// written over its new ones), or why it is left alone.
public struct UndoStep: Sendable, Equatable {
    public var label: String
    public var side: Side
    public var recordID: RecordID
    /// The job created the record: undo deletes it, with its coupling.
    public var deletes: Bool
    /// Each field as the job left it (`newValue`) and as undo would put it back (`oldValue`).
    public var fields: [RecordChange.Field]
    /// Why the record is left alone, if it is.
    public var refusal: RecordFailure?

    public init(label: String, side: Side, recordID: RecordID, deletes: Bool, fields: [RecordChange.Field],
                refusal: RecordFailure?) {
        self.label = label
        self.side = side
        self.recordID = recordID
        self.deletes = deletes
        self.fields = fields
        self.refusal = refusal
    }
}
