/// A record the engine is about to create on one side, written down before the create so that a crash
/// between "created" and "coupled" ends in a coupling on the next run, never in a duplicate.
public struct CreationIntent: Sendable, Codable, Equatable {
    /// The id the new record gets.
    public var newID: RecordID
    public var mapping: String
    /// The side the record is created on.
    public var side: Side
    /// The record it is created from (or restored for).
    public var sourceID: RecordID
    public var jobID: JobID

    public init(newID: RecordID, mapping: String, side: Side, sourceID: RecordID, jobID: JobID) {
        self.newID = newID
        self.mapping = mapping
        self.side = side
        self.sourceID = sourceID
        self.jobID = jobID
    }

    /// The coupling this intent ends in.
    public var erpID: RecordID { side == .erp ? newID : sourceID }
    public var crmID: RecordID { side == .crm ? newID : sourceID }
}

/// Identifies a coupling: per mapping, an ERP record has at most one.
public struct CouplingKey: Sendable, Hashable, Codable {
    public var mapping: String
    public var erpID: RecordID

    public init(mapping: String, erpID: RecordID) {
        self.mapping = mapping
        self.erpID = erpID
    }
}

/// A coupled pair as it was read.
public struct CouplingPair: Sendable, Hashable, Codable {
    public var mapping: String
    public var erpID: RecordID
    public var crmID: RecordID

    public init(mapping: String, erpID: RecordID, crmID: RecordID) {
        self.mapping = mapping
        self.erpID = erpID
        self.crmID = crmID
    }
}

/// One change to the couplings or the creation intents. A store checks each against what is stored
/// inside the transaction that writes it, so two processes can never both couple one record; a
/// refused change writes nothing of its own and the others in the commit still land.
public enum CouplingChange: Sendable {
    /// Couples a new pair. Refused when either record is coupled already, or claimed by another
    /// job's creation intent.
    case claim(Coupling)
    /// Stores a pair's new state. Refused when the pair is gone or its row moved since it was read
    /// (`Coupling.version`).
    case update(Coupling)
    /// Removes a pair. Refused when it is no longer this pair.
    case remove(CouplingPair)
    /// Removes the `old` pairs (refused if one is no longer that pair) and claims `new`, all or nothing.
    case replace(old: [CouplingPair], new: Coupling)
    /// Writes down a record about to be created, claiming its source record: refused when another
    /// intent claims the source, or the source is coupled (other than in `replacing`, the pair a
    /// restore re-creates).
    case intend(CreationIntent, replacing: CouplingPair?)
    /// Ends an intent: removes it (refused when it is gone: someone else ended it) and, when given,
    /// replaces `replacing` by `coupling`, both or neither.
    case resolve(CreationIntent, coupling: Coupling?, replacing: CouplingPair?)
}

/// Everything one batch changes in the workspace; a store commits it in one transaction.
public struct WorkspaceChanges: Sendable {
    /// The job on whose behalf the changes are made: its own intents do not stand in its way.
    public var jobID: JobID?
    /// Checked and applied in order.
    public var couplings: [CouplingChange] = []
    public var jobErrors: [JobError] = []
    public var recordChanges: [RecordChange] = []
    /// Jobs whose counters, finish time, message or undo mark changed.
    public var updatedJobs: [SyncJob] = []
    /// Marks a pass over every pair earned; a store keeps the later of a stored mark and a new one.
    public var syncMarks: [SyncMark] = []

    public init(jobID: JobID? = nil) { self.jobID = jobID }

    public var isEmpty: Bool {
        couplings.isEmpty && jobErrors.isEmpty && recordChanges.isEmpty && updatedJobs.isEmpty && syncMarks.isEmpty
    }
}

/// What a commit refused: index in `WorkspaceChanges.couplings` → why.
public typealias CouplingRefusals = [Int: RecordFailure]

/// What belongs to the integration rather than to either side: mappings, couplings, the job log.
public protocol WorkspaceStore: Sendable {
    func mappings() throws -> [TableMapping]
    /// Replaces the mapping of the same name.
    func save(_ mapping: TableMapping) throws

    /// The couplings of `mapping` whose record on `side` is one of `ids`.
    func couplings(mapping: String, side: Side, ids: [RecordID]) throws -> [Coupling]
    /// Up to `limit` couplings of `mapping` in ERP id order after `erpID` (nil: from the first).
    func couplings(mapping: String, after erpID: RecordID?, limit: Int) throws -> [Coupling]
    /// The ids of every coupled record of `mapping` on `side`.
    func coupledIDs(mapping: String, side: Side) throws -> Set<RecordID>
    /// Which of `ids` (records of `side`) are coupled in `mapping`: the ids alone, no coupling state.
    func coupledIDs(mapping: String, side: Side, among ids: [RecordID]) throws -> Set<RecordID>
    func couplingCount(mapping: String) throws -> Int
    /// Couplings that are skipped or whose last pass failed (the coupled-data errors list).
    func problemCouplings() throws -> [Coupling]
    /// The couplings of `mapping` that are `Coupling.isUnsettled`: the pairs "Synchronize modified
    /// records" takes whatever their records' versions.
    func unsettledCouplings(mapping: String) throws -> [Coupling]
    /// The stored `SyncMark` of `mapping` on `side` (nil: no pass over every pair has ended yet).
    func syncMark(mapping: String, side: Side) throws -> Timestamp?

    /// Opens a job in the log and gives it its id.
    func startJob(_ job: NewJob) throws -> SyncJob
    /// Jobs that have no end yet: running, or interrupted and not yet marked so.
    func unfinishedJobs() throws -> [SyncJob]
    /// Ends these jobs as interrupted at `at`, each only if it still has no end; returns those it ended.
    func markInterrupted(_ ids: [JobID], at: Timestamp) throws -> [JobID]
    /// Commits one batch's changes in one transaction and returns the coupling changes it refused.
    @discardableResult
    func commit(_ changes: WorkspaceChanges) throws -> CouplingRefusals

    /// The newest `limit` jobs, newest first.
    func jobs(limit: Int) throws -> [SyncJob]
    func job(_ id: JobID) throws -> SyncJob?
    func jobErrors(_ id: JobID) throws -> [JobError]
    /// Up to `limit` of a job's undo-log entries in the order they were written, after the page that ended
    /// at `after` (nil: from the first).
    func recordChanges(_ job: JobID, after: Int64?, limit: Int) throws -> RecordChangePage
    func recordChangeCount(_ job: JobID) throws -> Int

    func creationIntents(mapping: String) throws -> [CreationIntent]

    /// Deletes jobs started before `cutoff` (nil: all) with their errors and changes, except failed
    /// jobs a skipped coupling still refers to. Returns how many were deleted.
    func deleteJobs(startedBefore cutoff: Timestamp?) throws -> Int
}

extension WorkspaceStore {
    /// The mapping called `name`, or an error naming it.
    public func mapping(named name: String) throws -> TableMapping {
        guard let mapping = try mappings().first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame })
        else { throw TandemError.unknownMapping(name) }
        return mapping
    }

    /// A job's whole undo log, read a page at a time (for small jobs and tests; undo pages itself).
    public func recordChanges(_ job: JobID) throws -> [RecordChange] {
        var all: [RecordChange] = []
        var page = try recordChanges(job, after: nil, limit: 1000)
        while let last = page.last {
            all += page.changes
            page = try recordChanges(job, after: last, limit: 1000)
        }
        return all
    }

    /// The coupling of one record, if any.
    public func coupling(mapping: String, side: Side, id: RecordID) throws -> Coupling? {
        try couplings(mapping: mapping, side: side, ids: [id]).first
    }

    /// Couplings keyed by their record's id on `side`, fetched in chunks.
    public func couplingsByID(mapping: String, side: Side, ids: some Collection<RecordID>) throws
        -> [RecordID: Coupling] {
        var result: [RecordID: Coupling] = [:]
        for chunk in Array(Set(ids)).chunked(into: 900) {
            for coupling in try couplings(mapping: mapping, side: side, ids: chunk) {
                result[coupling.id(on: side)] = coupling
            }
        }
        return result
    }
}
