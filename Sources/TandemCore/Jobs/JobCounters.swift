/// The counters BC keeps per job.
public struct JobCounters: Sendable, Codable, Equatable {
    public var inserted = 0
    public var modified = 0
    public var unchanged = 0
    public var skipped = 0
    public var failed = 0
    public var deleted = 0
    public var coupled = 0
    public var uncoupled = 0
    /// Records left alone because someone else wrote them after the job read them; the next run plans
    /// them again.
    public var changedElsewhere = 0
    /// Fields written over a change the destination made since the last sync (the update-conflict
    /// policy or a confirmed overwrite let the source win); the job's record changes keep what was lost.
    public var overwritten = 0

    public init() {}

    public static func + (lhs: JobCounters, rhs: JobCounters) -> JobCounters {
        var sum = lhs
        sum.inserted += rhs.inserted
        sum.modified += rhs.modified
        sum.unchanged += rhs.unchanged
        sum.skipped += rhs.skipped
        sum.failed += rhs.failed
        sum.deleted += rhs.deleted
        sum.coupled += rhs.coupled
        sum.uncoupled += rhs.uncoupled
        sum.changedElsewhere += rhs.changedElsewhere
        sum.overwritten += rhs.overwritten
        return sum
    }
}
