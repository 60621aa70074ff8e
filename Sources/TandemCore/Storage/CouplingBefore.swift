/// A coupling's state as a job found it, kept with the job's undo log: undoing the job puts the
/// record's values back and the coupling's snapshot, timestamps and results with them, so the pair
/// reads as it did before the job (changed where it was changed), not as in step.
public struct CouplingBefore: Sendable, Equatable {
    public var jobID: JobID
    public var coupling: Coupling

    public init(jobID: JobID, coupling: Coupling) {
        self.jobID = jobID
        self.coupling = coupling
    }
}
