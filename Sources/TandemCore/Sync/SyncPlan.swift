/// The whole plan of a synchronization: exactly what applying it would write. It *is* the preview.
public struct SyncPlan: Sendable, Equatable {
    public var request: SyncRequest
    public var records: [RecordPlan]

    public init(request: SyncRequest, records: [RecordPlan]) {
        self.request = request
        self.records = records
    }

    /// How many records would be written.
    public var recordsToChange: Int { records.filter { $0.changeCount > 0 }.count }
}
