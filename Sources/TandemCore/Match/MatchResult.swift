/// What match-based coupling did: exact counts, and the first records of each kind.
public struct MatchResult: Sendable {
    public var job: SyncJob
    public var counts: MatchCounts
    /// The first `MatchCoupler.sampleLimit` records of each kind.
    public var coupled: [MatchedPair]
    public var created: [MatchedPair]
    public var unmatched: [UnmatchedRecord]
    public var failed: [RecordOutcome]
    public var sync: SyncResult?
}

extension MatchResult {
    /// The job's counters for these counts.
    func counters(of job: SyncJob) -> JobCounters {
        var counters = job.counters
        counters.coupled = counts.coupled + counts.created
        counters.inserted = counts.created
        counters.skipped = counts.unmatched
        counters.failed = counts.failed
        counters.changedElsewhere = counts.refused
        return counters
    }
}
