/// What undoing a job did, record by record.
public struct UndoResult: Sendable {
    public var job: SyncJob
    public var restored: [RecordOutcome]
    /// Records left alone because they changed (or vanished) since the job wrote them.
    public var refused: [RecordOutcome]
}
