import TandemCore

/// The end of a job: "Synchronized 41 of 50 records. 2 failed. 7 were skipped."
public struct ResultState: Equatable, Sendable {
    public var summary: String
    public var jobID: JobID?
    /// Records that failed or were skipped, with their reasons.
    public var problems: [String]

    public init(summary: String, jobID: JobID?, problems: [String]) {
        self.summary = summary
        self.jobID = jobID
        self.problems = problems
    }
}
