/// How one selected record came out of a job.
public struct RecordOutcome: Sendable, Equatable {
    public enum Status: String, Sendable, Codable {
        case modified, unchanged, inserted, uncoupled, skipped, failed
        /// Left alone: someone else wrote the record (or its coupling) after it was read.
        case changedElsewhere = "changed-elsewhere"
    }

    public var label: String
    public var erpID: RecordID?
    public var crmID: RecordID?
    public var status: Status
    /// Why it failed or was refused, as data.
    public var failure: RecordFailure?
    /// Why it was skipped, as data (so callers decide by the reason, not by the wording).
    public var skipReason: SkipReason?

    public init(label: String, erpID: RecordID?, crmID: RecordID?, status: Status, failure: RecordFailure? = nil,
                skipReason: SkipReason? = nil) {
        self.label = label
        self.erpID = erpID
        self.crmID = crmID
        self.status = status
        self.failure = failure
        self.skipReason = skipReason
    }

    /// Why it was skipped or failed, in words.
    public var message: String { failure?.message ?? skipReason?.message ?? "" }
}
