import TandemCore

/// The end of a job: "Synchronized 41 of 50 records. 2 failed. 7 were skipped."
public struct ResultState: Equatable, Sendable {
    /// What ran: "Synchronize now", "Match-based coupling", "Undo".
    public var title: String
    public var summary: String
    public var jobID: JobID?
    /// Records that failed or were skipped, with their reasons; the last line says how many more
    /// there are when the run listed only the first.
    public var problems: [String]
    /// The first problem shown: the list scrolls.
    public var scroll = 0
    /// Set when records failed on something they refer to that is not coupled, and the run can be
    /// tried again after coupling it by match.
    public var dependencies: DependencyRetry?
    /// What was done before the run, shown above its summary ("Coupled 1 of the 1 CUSTOMER records …").
    public var note: String?

    /// A result titled `title`, or *Synchronize now* in the current language when none is given.
    public init(title: String? = nil, summary: String, jobID: JobID?, problems: [String]) {
        self.title = title ?? tr("Synchronize now")
        self.summary = summary
        self.jobID = jobID
        self.problems = problems
    }
}
