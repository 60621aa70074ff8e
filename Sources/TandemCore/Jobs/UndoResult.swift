/// What undoing a job did: exact counts in the job's counters, and the first records of each kind.
public struct UndoResult: Sendable {
    public var job: SyncJob
    /// The first records put back (at most the undoer's `sampleLimit`).
    public var restored: [RecordOutcome]
    /// The first records left alone because they changed (or vanished) since the job wrote them, or
    /// whose write failed (at most `sampleLimit`).
    public var refused: [RecordOutcome]

    /// Every record put back: fields restored, or created records deleted with their coupling.
    public var restoredCount: Int { job.counters.modified + job.counters.deleted }
    /// Every record left alone.
    public var refusedCount: Int { job.counters.skipped + job.counters.failed }
}
