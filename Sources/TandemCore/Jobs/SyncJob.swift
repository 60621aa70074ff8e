/// A job's number in the workspace's job log.
public typealias JobID = Int64

/// What kind of work a job did.
public enum JobType: String, Sendable, Codable, CaseIterable {
    case synchronization
    case coupling
    case uncoupling
    case matchCoupling = "match-coupling"
    case undo
}

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
        return sum
    }
}

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

/// A job that has not been given its id yet.
public struct NewJob: Sendable {
    public var type: JobType
    public var mapping: String
    public var direction: SyncDirection?
    public var startedAt: Timestamp
    /// The lease of the process that runs it.
    public var owner: String?

    public init(type: JobType, mapping: String, direction: SyncDirection?, startedAt: Timestamp, owner: String? = nil) {
        self.type = type
        self.mapping = mapping
        self.direction = direction
        self.startedAt = startedAt
        self.owner = owner
    }
}

/// One record that failed inside a job, with where the data came from and was going.
public struct JobError: Sendable, Codable, Equatable {
    public var jobID: JobID
    public var at: Timestamp
    public var reason: RecordFailure
    public var sourceSide: Side
    public var sourceID: RecordID?
    public var destinationID: RecordID?

    public init(jobID: JobID, at: Timestamp, reason: RecordFailure, sourceSide: Side, sourceID: RecordID?,
                destinationID: RecordID?) {
        self.jobID = jobID
        self.at = at
        self.reason = reason
        self.sourceSide = sourceSide
        self.sourceID = sourceID
        self.destinationID = destinationID
    }

    /// The reason in words.
    public var message: String { reason.message }
}

/// What a job did to one record, kept so the job can be undone.
public struct RecordChange: Sendable, Codable, Equatable {
    public struct Field: Sendable, Codable, Equatable {
        public var name: String
        public var oldValue: String
        public var newValue: String

        public init(name: String, oldValue: String, newValue: String) {
            self.name = name
            self.oldValue = oldValue
            self.newValue = newValue
        }
    }

    public var jobID: JobID
    public var side: Side
    public var table: String
    public var recordID: RecordID
    /// The record's `modifiedAt` right after the job wrote it: undo refuses if it moved since.
    public var modifiedAtAfter: Timestamp
    /// The job created the record (restore, create new); undo deletes it again.
    public var created: Bool
    public var fields: [Field]

    public init(jobID: JobID, side: Side, table: String, recordID: RecordID, modifiedAtAfter: Timestamp,
                created: Bool, fields: [Field]) {
        self.jobID = jobID
        self.side = side
        self.table = table
        self.recordID = recordID
        self.modifiedAtAfter = modifiedAtAfter
        self.created = created
        self.fields = fields
    }
}
