import TandemCore

struct CouplingJSON: Encodable {
    var mapping: String
    var erpId: String
    var crmId: String
    var erpModifiedAtLastSync: String?
    var crmModifiedAtLastSync: String?
    var lastResultToCRM: PassResultJSON?
    var lastResultFromCRM: PassResultJSON?
    var skipped: Bool
    var lastError: String?
    /// The same, as a code with its arguments (language-neutral).
    var lastErrorReason: RecordFailure?

    init(_ coupling: Coupling) {
        mapping = coupling.mapping
        erpId = coupling.erpID.rawValue
        crmId = coupling.crmID.rawValue
        erpModifiedAtLastSync = coupling.erpModifiedAtLastSync?.iso8601
        crmModifiedAtLastSync = coupling.crmModifiedAtLastSync?.iso8601
        lastResultToCRM = coupling.lastResultToCRM.map(PassResultJSON.init)
        lastResultFromCRM = coupling.lastResultFromCRM.map(PassResultJSON.init)
        skipped = coupling.skipped
        lastError = coupling.lastError?.message
        lastErrorReason = coupling.lastError
    }
}
