/// The workspace held in memory: the reference implementation of `WorkspaceStore` for tests.
public final class InMemoryWorkspaceStore: WorkspaceStore {
    private struct State {
        var mappings: [TableMapping]
        var couplings: [CouplingKey: Coupling] = [:]
        var jobs: [JobID: SyncJob] = [:]
        var nextJobID: JobID = 1
        var errors: [JobError] = []
        var changes: [RecordChange] = []
        var intents: [RecordID: CreationIntent] = [:]
    }

    private let state: Locked<State>

    public init(mappings: [TableMapping] = DefaultMappings.all) {
        state = Locked(State(mappings: mappings))
    }

    public func mappings() throws -> [TableMapping] { state.withLock { $0.mappings } }

    public func save(_ mapping: TableMapping) throws {
        state.withLock { state in
            if let index = state.mappings.firstIndex(where: { $0.name == mapping.name }) {
                state.mappings[index] = mapping
            } else {
                state.mappings.append(mapping)
            }
        }
    }

    public func couplings(mapping: String, side: Side, ids: [RecordID]) throws -> [Coupling] {
        let wanted = Set(ids)
        return state.withLock { state in
            state.couplings.values.filter { $0.mapping == mapping && wanted.contains($0.id(on: side)) }
        }
    }

    public func couplings(mapping: String, after erpID: RecordID?, limit: Int) throws -> [Coupling] {
        state.withLock { state in
            Array(state.couplings.values
                .filter { coupling in coupling.mapping == mapping && erpID.map { coupling.erpID > $0 } ?? true }
                .sorted { $0.erpID < $1.erpID }
                .prefix(limit))
        }
    }

    public func coupledIDs(mapping: String, side: Side) throws -> Set<RecordID> {
        state.withLock { state in Set(state.couplings.values.filter { $0.mapping == mapping }.map { $0.id(on: side) }) }
    }

    public func couplingCount(mapping: String) throws -> Int {
        state.withLock { state in state.couplings.values.filter { $0.mapping == mapping }.count }
    }

    public func problemCouplings() throws -> [Coupling] {
        state.withLock { state in
            state.couplings.values.filter { $0.skipped || $0.hasFailure }.sorted { $0.erpID < $1.erpID }
        }
    }

    public func startJob(_ job: NewJob) throws -> SyncJob {
        state.withLock { state in
            let entry = SyncJob(id: state.nextJobID, type: job.type, mapping: job.mapping,
                                direction: job.direction, startedAt: job.startedAt)
            state.jobs[entry.id] = entry
            state.nextJobID += 1
            return entry
        }
    }

    public func commit(_ changes: WorkspaceChanges) throws {
        try state.withLock { state in
            var working = state
            for key in changes.removedCouplings { working.couplings[key] = nil }
            for coupling in changes.upsertedCouplings {
                let key = CouplingKey(mapping: coupling.mapping, erpID: coupling.erpID)
                if let other = working.couplings.values.first(where: {
                    $0.mapping == coupling.mapping && $0.crmID == coupling.crmID && $0.erpID != coupling.erpID
                }) {
                    throw WorkspaceStoreError.crmRecordCoupledTwice(mapping: coupling.mapping, crmID: coupling.crmID,
                                                                     erpID: other.erpID)
                }
                working.couplings[key] = coupling
            }
            working.errors += changes.jobErrors
            working.changes += changes.recordChanges
            for intent in changes.addedIntents { working.intents[intent.newID] = intent }
            for id in changes.removedIntents { working.intents[id] = nil }
            for job in changes.updatedJobs { working.jobs[job.id] = job }
            state = working
        }
    }

    public func jobs(limit: Int) throws -> [SyncJob] {
        state.withLock { state in Array(state.jobs.values.sorted { $0.id > $1.id }.prefix(limit)) }
    }

    public func job(_ id: JobID) throws -> SyncJob? { state.withLock { $0.jobs[id] } }

    public func jobErrors(_ id: JobID) throws -> [JobError] {
        state.withLock { state in state.errors.filter { $0.jobID == id } }
    }

    /// Pages by position in the log (positions move when old jobs are deleted, as ids in SQLite do not;
    /// nothing here deletes jobs while an undo pages).
    public func recordChanges(_ job: JobID, after: Int64?, limit: Int) throws -> RecordChangePage {
        state.withLock { state in
            let start = after.map { Int($0) + 1 } ?? 0
            var changes: [RecordChange] = [], last: Int64?
            for index in state.changes.indices.dropFirst(start) where state.changes[index].jobID == job {
                guard changes.count < limit else { break }
                changes.append(state.changes[index])
                last = Int64(index)
            }
            return RecordChangePage(changes: changes, last: last)
        }
    }

    public func recordChangeCount(_ job: JobID) throws -> Int {
        state.withLock { state in state.changes.reduce(0) { $0 + ($1.jobID == job ? 1 : 0) } }
    }

    public func creationIntents(mapping: String) throws -> [CreationIntent] {
        state.withLock { state in state.intents.values.filter { $0.mapping == mapping }.sorted { $0.newID < $1.newID } }
    }

    public func deleteJobs(startedBefore cutoff: Timestamp?) throws -> Int {
        state.withLock { state in
            let kept = Set(state.couplings.values.filter(\.skipped).flatMap { coupling in
                [coupling.lastResultToCRM, coupling.lastResultFromCRM].compactMap { $0 }.filter { !$0.succeeded }.map(\.jobID)
            })
            let doomed = Set(state.jobs.values.filter { job in
                (cutoff.map { job.startedAt < $0 } ?? true) && !kept.contains(job.id)
            }.map(\.id))
            for id in doomed { state.jobs[id] = nil }
            state.errors.removeAll { doomed.contains($0.jobID) }
            state.changes.removeAll { doomed.contains($0.jobID) }
            return doomed.count
        }
    }
}

/// Integrity errors a workspace store refuses with.
public enum WorkspaceStoreError: Error, Equatable, CustomStringConvertible {
    case crmRecordCoupledTwice(mapping: String, crmID: RecordID, erpID: RecordID)

    public var description: String {
        switch self {
        case .crmRecordCoupledTwice(let mapping, let crmID, let erpID):
            "CRM record \(crmID) is already coupled to ERP record \(erpID) in \(mapping)."
        }
    }
}
