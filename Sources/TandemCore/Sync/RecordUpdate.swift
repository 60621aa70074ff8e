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
