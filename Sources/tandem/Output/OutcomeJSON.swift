import TandemCore

struct OutcomeJSON: Encodable {
    var record: String
    var erpId: String?
    var crmId: String?
    var status: String
    var message: String?
    /// Why it failed or was refused, as a code with its arguments (language-neutral).
    var reason: RecordFailure?

    init(_ outcome: RecordOutcome) {
        record = outcome.label
        erpId = outcome.erpID?.rawValue
        crmId = outcome.crmID?.rawValue
        status = outcome.status.rawValue
        message = outcome.message.isEmpty ? nil : outcome.message
        reason = outcome.failure
    }
}
