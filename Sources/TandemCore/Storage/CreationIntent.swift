/// A record the engine is about to create on one side, written down before the create so that a crash
/// between "created" and "coupled" ends in a coupling on the next run, never in a duplicate.
public struct CreationIntent: Sendable, Codable, Equatable {
    /// The id the new record gets.
    public var newID: RecordID
    public var mapping: String
    /// The side the record is created on.
    public var side: Side
    /// The record it is created from (or restored for).
    public var sourceID: RecordID
    public var jobID: JobID
    /// The number (`No.`) the new record is sent with, when its table has one: a service that assigns
    /// its own ids (Business Central) knows the record by this after a crash lost the answer.
    public var number: String?

    public init(newID: RecordID, mapping: String, side: Side, sourceID: RecordID, jobID: JobID, number: String? = nil) {
        self.newID = newID
        self.mapping = mapping
        self.side = side
        self.sourceID = sourceID
        self.jobID = jobID
        self.number = number
    }

    /// The coupling this intent ends in.
    public var erpID: RecordID { side == .erp ? newID : sourceID }
    public var crmID: RecordID { side == .crm ? newID : sourceID }
}
