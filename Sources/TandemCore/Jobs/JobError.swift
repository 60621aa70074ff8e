/// One record that failed inside a job, with where the data came from and was going.
public struct JobError: Sendable, Codable, Equatable {
    public var jobID: JobID
    public var at: Timestamp
    public var reason: RecordFailure
    public var sourceSide: Side
    public var sourceID: RecordID?
    public var destinationID: RecordID?

    public init(jobID: JobID, at: Timestamp, reason: RecordFailure, sourceSide: Side, sourceID: RecordID?,
                destinationID: RecordID?) {
        self.jobID = jobID
        self.at = at
        self.reason = reason
        self.sourceSide = sourceSide
        self.sourceID = sourceID
        self.destinationID = destinationID
    }

    /// The reason in words.
    public var message: String { reason.message }
}
