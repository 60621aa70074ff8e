import TandemCore

/// One record's result in `match` output: the same rows for the text table and `--json`.
struct MatchRecordJSON: Encodable {
    var record: String
    var erpId: String
    var crmId: String?
    /// coupled, created, unmatched, failed or refused (another job took the record first).
    var result: String
    var priority: Int?
    /// The reason or the CRM id, in words.
    var detail: String?
    /// Why it is unmatched, failed or refused, as a code with its arguments.
    var reason: RecordFailure?

    /// A batch's rows, coupled first, then created, unmatched, failed and refused.
    static func rows(of batch: MatchBatchReport) -> [MatchRecordJSON] {
        batch.coupled.map {
            MatchRecordJSON(record: $0.label, erpId: $0.erpID.rawValue, crmId: $0.crmID.rawValue, result: "coupled",
                            priority: $0.priority, detail: tr("{0} (priority {1})", $0.crmID, $0.priority ?? 0))
        } + batch.created.map {
            MatchRecordJSON(record: $0.label, erpId: $0.erpID.rawValue, crmId: $0.crmID.rawValue, result: "created",
                            detail: $0.crmID.rawValue)
        } + batch.unmatched.map {
            MatchRecordJSON(record: $0.label, erpId: $0.erpID.rawValue, result: "unmatched", detail: $0.reason.message,
                            reason: .unmatched($0.reason))
        } + batch.failed.map {
            MatchRecordJSON(record: $0.label, erpId: $0.erpID?.rawValue ?? "", crmId: $0.crmID?.rawValue,
                            result: $0.status == .changedElsewhere ? "refused" : "failed", detail: $0.message,
                            reason: $0.failure)
        }
    }
}
