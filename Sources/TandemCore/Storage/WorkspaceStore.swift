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
    /// When the oldest transaction still writing to the workspace began, where a writer may hold
    /// records uncommitted for longer than `SyncMarkTracker.margin` (a shared database); nil where
    /// writes are bounded by that margin (SQLite's single writer, memory).
    func oldestOpenWriteStart() throws -> Timestamp?

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
    /// The couplings as `job` found them, by ERP id, for those of `erpIDs` it changed.
    func couplingsBefore(_ job: JobID, mapping: String, erpIDs: [RecordID]) throws -> [RecordID: Coupling]

    func creationIntents(mapping: String) throws -> [CreationIntent]

    /// Claims for `holder` (the lease token of the job that will synchronize them) those pairs of
    /// `mapping`, named by ERP id, that no live holder has claimed; a claim whose holder `isLive` says
    /// is gone (its process died) is taken over. Returns the ids claimed, in the order given. A pair is
    /// claimed once: two callers never both win it.
    func claimPairs(mapping: String, erpIDs: [RecordID], holder: String, isLive: (String) -> Bool) throws -> [RecordID]
    /// Lets go of every pair `holder` claimed.
    func releasePairs(holder: String) throws

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
