import TandemCore

/// What `sync --json` prints per mapping: the plan (preview) or the job and its problems.
struct SyncReport: Encodable {
    struct PlannedRecord: Encodable {
        var record: String
        var erpId: String?
        var crmId: String?
        var action: String
        var reason: String?
        var changes: [PlannedChange]
        /// The changes that overwrite a change the destination made since the last sync (`old` is
        /// what is lost); absent when none.
        var overwrites: [PlannedChange]?
    }

    /// A record whose write overwrote changes the destination made since the last sync.
    struct OverwrittenJSON: Encodable {
        var record: String
        var erpId: String?
        var crmId: String?
        var overwrites: [PlannedChange]
    }

    struct PlannedChange: Encodable {
        var side: String
        var recordId: String
        var field: String
        var old: String
        var new: String
    }

    var mapping: String
    var preview: Bool
    var job: JobJSON
    var summary: String
    /// The first problems (`SyncEngine.problemLimit`); the job's counters count them all.
    var problems: [OutcomeJSON]
    /// Skipped or failed records beyond `problems`, absent when none.
    var unlistedProblems: Int?
    /// The first records whose write overwrote changes made at the destination since the last sync
    /// (`job.counters.overwritten` counts every field), absent when none.
    var overwritten: [OverwrittenJSON]?

    var hasProblems: Bool { job.counters.failed + job.counters.skipped + job.counters.changedElsewhere > 0 }

    init(result: SyncResult, mapping: String) {
        self.mapping = mapping
        preview = false
        job = JobJSON(result.job)
        summary = result.summary
        problems = result.problems.map(OutcomeJSON.init)
        unlistedProblems = result.unlistedProblems > 0 ? result.unlistedProblems : nil
        overwritten = result.overwrites.isEmpty ? nil : result.overwrites.map {
            OverwrittenJSON(record: $0.label, erpId: $0.erpID?.rawValue, crmId: $0.crmID?.rawValue,
                            overwrites: $0.changes.map(Self.change))
        }
    }

    static func change(_ planned: RecordPlan.PlannedChange) -> PlannedChange {
        PlannedChange(side: planned.side.rawValue, recordId: planned.recordID.rawValue, field: planned.change.field,
                      old: planned.change.oldValue, new: planned.change.newValue)
    }

    static func planned(_ plan: RecordPlan) -> PlannedRecord {
        PlannedRecord(record: plan.label, erpId: plan.erpID?.rawValue, crmId: plan.crmID?.rawValue,
                      action: plan.isCreation ? "create" : plan.action.rawValue, reason: plan.reason,
                      changes: plan.plannedChanges.map(change),
                      overwrites: plan.overwritten.isEmpty ? nil : plan.overwritten.map(change))
    }
}
