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

    var hasProblems: Bool { job.counters.failed + job.counters.skipped + job.counters.changedElsewhere > 0 }

    init(result: SyncResult, mapping: String) {
        self.mapping = mapping
        preview = false
        job = JobJSON(result.job)
        summary = result.summary
        problems = result.problems.map(OutcomeJSON.init)
        unlistedProblems = result.unlistedProblems > 0 ? result.unlistedProblems : nil
    }

    static func planned(_ plan: RecordPlan) -> PlannedRecord {
        PlannedRecord(record: plan.label, erpId: plan.erpID?.rawValue, crmId: plan.crmID?.rawValue,
                      action: plan.action.rawValue, reason: plan.reason,
                      changes: plan.plannedChanges.map {
                          PlannedChange(side: $0.side.rawValue, recordId: $0.recordID.rawValue, field: $0.change.field,
                                        old: $0.change.oldValue, new: $0.change.newValue)
                      })
    }
}
