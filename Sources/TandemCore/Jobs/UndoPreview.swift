/// What undoing a job would do, worked out without writing anything: exact counts of the records it
/// would put back and of those it would refuse (changed or deleted since the job), and the first of
/// each. The undo itself checks every record again when it writes, so a record changed between the
/// preview and the undo is refused then.
public struct UndoPreview: Sendable, Equatable {
    public var job: SyncJob
    public var restorableCount = 0
    public var refusedCount = 0
    /// The first records undo would put back, and the first it would refuse (at most the undoer's
    /// `sampleLimit` of each).
    public var restores: [UndoStep] = []
    public var refusals: [UndoStep] = []

    public init(job: SyncJob) { self.job = job }
}
