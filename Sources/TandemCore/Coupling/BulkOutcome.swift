/// What a bulk operation (create new, delete coupling) did to each record.
public struct BulkOutcome: Sendable {
    public var job: SyncJob
    public var outcomes: [RecordOutcome]
}
