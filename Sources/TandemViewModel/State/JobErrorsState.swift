import TandemCore

/// One job and its errors.
public struct JobErrorsState: Equatable, Sendable {
    public var jobID: JobID
    public var job: SyncJob?
    public var errors: [JobErrorRow] = []
    /// The row at the top of the screen.
    public var scroll = 0
    public var cursor = 0

    public init(jobID: JobID) { self.jobID = jobID }
}
