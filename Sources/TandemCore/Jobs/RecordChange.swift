/// What a job did to one record, kept so the job can be undone.
public struct RecordChange: Sendable, Codable, Equatable {
    public struct Field: Sendable, Codable, Equatable {
        public var name: String
        public var oldValue: String
        public var newValue: String

        public init(name: String, oldValue: String, newValue: String) {
            self.name = name
            self.oldValue = oldValue
            self.newValue = newValue
        }
    }

    public var jobID: JobID
    public var side: Side
    public var table: String
    public var recordID: RecordID
    /// The record's `modifiedAt` right after the job wrote it: undo refuses if it moved since.
    public var modifiedAtAfter: Timestamp
    /// The job created the record (restore, create new); undo deletes it again.
    public var created: Bool
    public var fields: [Field]

    public init(jobID: JobID, side: Side, table: String, recordID: RecordID, modifiedAtAfter: Timestamp,
                created: Bool, fields: [Field]) {
        self.jobID = jobID
        self.side = side
        self.table = table
        self.recordID = recordID
        self.modifiedAtAfter = modifiedAtAfter
        self.created = created
        self.fields = fields
    }
}
