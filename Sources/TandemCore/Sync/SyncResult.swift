/// What a finished (or cancelled) synchronization reports.
public struct SyncResult: Sendable {
    public var job: SyncJob
    public var selected: Int
    /// The first records that were skipped or failed, with their reasons: at most the engine's
    /// `problemLimit` (successes are only counted; failures are all in the job's errors).
    public var problems: [RecordOutcome]
    /// The first records (at most `problemLimit`) whose write overwrote changes the destination made
    /// since the last sync, each field named; `job.counters.overwritten` counts every such field.
    public var overwrites: [OverwrittenRecord]
    public var cancelled: Bool

    /// Skipped or failed records beyond those listed in `problems`.
    public var unlistedProblems: Int { max(0, job.counters.skipped + job.counters.failed - problems.count) }

    /// Records synchronized: written, already in step, restored or uncoupled by the deletion policy.
    public var synchronized: Int {
        job.counters.modified + job.counters.unchanged + job.counters.inserted + job.counters.uncoupled
    }

    /// "Synchronized 41 of 50 records. 2 failed. 7 were skipped." in the current language.
    public var summary: String {
        let text = SyncJob.synchronizedSentences(synchronized, of: selected, job.counters, job.direction)
        return cancelled ? text + " " + SyncJob.cancelledSentence : text
    }
}
