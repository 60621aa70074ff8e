import TandemCore

/// A record as `--json` prints it.
struct RecordJSON: Encodable {
    var id: String
    var side: String
    var table: String
    var number: String?
    var name: String
    var modifiedAt: String
    var status: String?
    var fields: [String: String]
    var coupling: CouplingJSON?

    init(_ record: Record, schema: TableSchema, status: CouplingStatus? = nil, coupling: Coupling? = nil) {
        id = record.id.rawValue
        side = schema.side.rawValue
        table = schema.name
        number = schema.number(of: record)
        name = schema.name(of: record)
        modifiedAt = record.modifiedAt.iso8601
        self.status = status?.rawValue
        fields = Dictionary(uniqueKeysWithValues: schema.fieldNames.map { ($0, record[$0]) })
        self.coupling = coupling.map(CouplingJSON.init)
    }
}

struct PassResultJSON: Encodable {
    var succeeded: Bool
    var job: Int64
    var at: String

    init(_ result: PassResult) {
        succeeded = result.succeeded
        job = result.jobID
        at = result.at.iso8601
    }
}

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

struct JobJSON: Encodable {
    var id: Int64
    var type: String
    var mapping: String
    var direction: String?
    var startedAt: String
    var finishedAt: String?
    var durationMilliseconds: Int64?
    var counters: JobCounters
    var message: String
    var undoneBy: Int64?
    /// The process ended before the job did; the counters say what it committed.
    var interrupted: Bool

    init(_ job: SyncJob) {
        id = job.id
        type = job.type.rawValue
        mapping = job.mapping
        direction = job.direction?.rawValue
        startedAt = job.startedAt.iso8601
        finishedAt = job.finishedAt?.iso8601
        durationMilliseconds = job.durationMilliseconds
        counters = job.counters
        message = job.message
        undoneBy = job.undoneBy
        interrupted = job.interrupted
    }
}

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
