import TandemCore

/// One job and its errors.
public struct JobErrorsState: Equatable, Sendable {
    public var jobID: JobID
    public var job: SyncJob?
    public var errors: [JobError] = []
    public var cursor = 0

    public init(jobID: JobID) { self.jobID = jobID }
}
