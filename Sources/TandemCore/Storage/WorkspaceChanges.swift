/// Everything one batch changes in the workspace; a store commits it in one transaction.
public struct WorkspaceChanges: Sendable {
    /// The job on whose behalf the changes are made: its own intents do not stand in its way.
    public var jobID: JobID?
    /// Checked and applied in order.
    public var couplings: [CouplingChange] = []
    public var jobErrors: [JobError] = []
    public var recordChanges: [RecordChange] = []
    /// The state of the couplings a job is about to change, for undo.
    public var couplingsBefore: [CouplingBefore] = []
    /// Jobs whose counters, finish time, message or undo mark changed.
    public var updatedJobs: [SyncJob] = []
    /// Marks a pass over every pair earned; a store keeps the later of a stored mark and a new one.
    public var syncMarks: [SyncMark] = []

    public init(jobID: JobID? = nil) { self.jobID = jobID }

    public var isEmpty: Bool {
        couplings.isEmpty && jobErrors.isEmpty && recordChanges.isEmpty && updatedJobs.isEmpty && syncMarks.isEmpty
            && couplingsBefore.isEmpty
    }
}
