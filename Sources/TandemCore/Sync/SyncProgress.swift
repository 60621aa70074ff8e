/// Progress reported between batches; the handler returns false to cancel the rest of the job.
public struct SyncProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int
    public var counters: JobCounters
}
