import TandemCore

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
