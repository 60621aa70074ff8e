/// The outcome of the last pass one way over a coupling.
public struct PassResult: Sendable, Codable, Equatable {
    public var succeeded: Bool
    public var jobID: JobID
    public var at: Timestamp

    public init(succeeded: Bool, jobID: JobID, at: Timestamp) {
        self.succeeded = succeeded
        self.jobID = jobID
        self.at = at
    }
}
