/// One entry of the job log.
public struct SyncJob: Sendable, Codable, Equatable {
    public var id: JobID
    public var type: JobType
    public var mapping: String
    /// nil for jobs that are not a one-way pass (coupling, merge, undo).
    public var direction: SyncDirection?
    public var startedAt: Timestamp
    public var finishedAt: Timestamp?
    public var counters: JobCounters
    /// What the job says beyond its counters (the words: `message`).
    public var note: JobNote
    /// The undo job that reverted this one, if any.
    public var undoneBy: JobID?
    /// The lease of the process running the job (see `JobLeases`).
    public var owner: String?
    /// The process ended before the job did: the counters say what it committed.
    public var interrupted: Bool

    public init(id: JobID, type: JobType, mapping: String, direction: SyncDirection?, startedAt: Timestamp,
                finishedAt: Timestamp? = nil, counters: JobCounters = JobCounters(), note: JobNote = .none,
                undoneBy: JobID? = nil, owner: String? = nil, interrupted: Bool = false) {
        self.id = id
        self.type = type
        self.mapping = mapping
        self.direction = direction
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.counters = counters
        self.note = note
        self.undoneBy = undoneBy
        self.owner = owner
        self.interrupted = interrupted
    }

    /// "CUSTOMER → CRM", "CUSTOMER ← CRM", "CUSTOMER ⇄ CRM (merge)" or just the mapping.
    public var caption: String {
        switch (type, direction) {
        case (_, .toCRM?): "\(mapping) → CRM"
        case (_, .fromCRM?): "\(mapping) ← CRM"
        case (.synchronization, nil): "\(mapping) ⇄ CRM (merge)"
        default: mapping
        }
    }

    /// Milliseconds from start to finish, once finished.
    public var durationMilliseconds: Int64? { finishedAt.map { $0.milliseconds - startedAt.milliseconds } }
}
