/// The workspace held in memory: the reference implementation of `WorkspaceStore` for tests.
public final class InMemoryWorkspaceStore: WorkspaceStore {
    private struct State {
        var mappings: [TableMapping]
        var couplings: [CouplingKey: Coupling] = [:]
        var jobs: [JobID: SyncJob] = [:]
        var nextJobID: JobID = 1
        var errors: [JobError] = []
        var changes: [RecordChange] = []
        var couplingsBefore: [CouplingBefore] = []
        var intents: [RecordID: CreationIntent] = [:]
        var marks: [String: Timestamp] = [:]
        var pairClaims: [CouplingKey: String] = [:]
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

    public func coupledIDs(mapping: String, side: Side, among ids: [RecordID]) throws -> Set<RecordID> {
        Set(try couplings(mapping: mapping, side: side, ids: ids).map { $0.id(on: side) })
    }

    public func couplingCount(mapping: String) throws -> Int {
        state.withLock { state in state.couplings.values.filter { $0.mapping == mapping }.count }
    }

    public func problemCouplings() throws -> [Coupling] {
        state.withLock { state in
            state.couplings.values.filter { $0.skipped || $0.hasFailure }.sorted { $0.erpID < $1.erpID }
        }
    }

    public func unsettledCouplings(mapping: String) throws -> [Coupling] {
        state.withLock { state in
            state.couplings.values.filter {
                $0.mapping == mapping && $0.isUnsettled
            }.sorted { $0.erpID < $1.erpID }
        }
    }

    public func oldestOpenWriteStart() throws -> Timestamp? { nil }

    public func syncMark(mapping: String, side: Side) throws -> Timestamp? {
        state.withLock { $0.marks["\(mapping)/\(side.rawValue)"] }
    }

    public func startJob(_ job: NewJob) throws -> SyncJob {
        state.withLock { state in
            let entry = SyncJob(id: state.nextJobID, type: job.type, mapping: job.mapping,
                                direction: job.direction, startedAt: job.startedAt, owner: job.owner)
            state.jobs[entry.id] = entry
            state.nextJobID += 1
            return entry
        }
    }

    public func unfinishedJobs() throws -> [SyncJob] {
        state.withLock { state in state.jobs.values.filter { $0.finishedAt == nil }.sorted { $0.id < $1.id } }
    }

    public func markInterrupted(_ ids: [JobID], at: Timestamp) throws -> [JobID] {
        state.withLock { state in
            ids.filter { id in
                guard var job = state.jobs[id], job.finishedAt == nil else { return false }
                job.finishedAt = at
                job.interrupted = true
                state.jobs[id] = job
                return true
            }
        }
    }

    @discardableResult
    public func commit(_ changes: WorkspaceChanges) throws -> CouplingRefusals {
        state.withLock { state in
            var refused: CouplingRefusals = [:]
            for (index, change) in changes.couplings.enumerated() {
                var working = state
                if let refusal = Self.apply(change, claimant: changes.jobID, to: &working) {
                    refused[index] = refusal
                } else {
                    state = working
                }
            }
            state.errors += changes.jobErrors
            state.changes += changes.recordChanges
            state.couplingsBefore += changes.couplingsBefore
            for job in changes.updatedJobs { state.jobs[job.id] = job }
            for mark in changes.syncMarks {
                let key = "\(mark.mapping)/\(mark.side.rawValue)"
                state.marks[key] = max(state.marks[key] ?? mark.modifiedAt, mark.modifiedAt)
            }
            return refused
        }
    }

    /// One coupling change, checked against `state`; nil when it was applied.
    private static func apply(_ change: CouplingChange, claimant: JobID?, to state: inout State) -> RecordFailure? {
        switch change {
        case .claim(let coupling):
            return claim(coupling, claimant: claimant, in: &state)
        case .update(let coupling):
            let key = CouplingKey(mapping: coupling.mapping, erpID: coupling.erpID)
            guard let stored = state.couplings[key], stored.crmID == coupling.crmID, stored.version == coupling.version
            else { return .couplingChangedElsewhere }
            var updated = coupling
            updated.version += 1
            state.couplings[key] = updated
            return nil
        case .remove(let pair):
            return remove(pair, from: &state)
        case .replace(let old, let new):
            for pair in old { if let refusal = remove(pair, from: &state) { return refusal } }
            return claim(new, claimant: claimant, in: &state)
        case .intend(let intent, let replacing):
            if let other = state.intents.values.first(where: {
                $0.mapping == intent.mapping && $0.side == intent.side && $0.sourceID == intent.sourceID
            }) { return .claimedByJob(other.jobID) }
            let sourceSide = intent.side.other
            if let coupled = state.couplings.values.first(where: {
                $0.mapping == intent.mapping && $0.id(on: sourceSide) == intent.sourceID
            }), coupled.pair != replacing { return .alreadyCoupled }
            state.intents[intent.newID] = intent
            return nil
        case .resolve(let intent, let coupling, let replacing):
            guard state.intents.removeValue(forKey: intent.newID) != nil else { return .couplingChangedElsewhere }
            guard let coupling else { return nil }
            if let replacing { _ = remove(replacing, from: &state) }
            return claim(coupling, claimant: claimant, in: &state)
        }
    }

    private static func claim(_ coupling: Coupling, claimant: JobID?, in state: inout State) -> RecordFailure? {
        let key = CouplingKey(mapping: coupling.mapping, erpID: coupling.erpID)
        guard state.couplings[key] == nil,
              !state.couplings.values.contains(where: { $0.mapping == coupling.mapping && $0.crmID == coupling.crmID })
        else { return .alreadyCoupled }
        if let intent = state.intents.values.first(where: { intent in
            intent.mapping == coupling.mapping && intent.jobID != claimant
                && intent.sourceID == coupling.id(on: intent.side.other)
        }) { return .claimedByJob(intent.jobID) }
        var stored = coupling
        stored.version = 1
        state.couplings[key] = stored
        return nil
    }

    private static func remove(_ pair: CouplingPair, from state: inout State) -> RecordFailure? {
        let key = CouplingKey(mapping: pair.mapping, erpID: pair.erpID)
        guard state.couplings[key]?.crmID == pair.crmID else { return .couplingChangedElsewhere }
        state.couplings[key] = nil
        return nil
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

    public func couplingsBefore(_ job: JobID, mapping: String, erpIDs: [RecordID]) throws -> [RecordID: Coupling] {
        let wanted = Set(erpIDs)
        return state.withLock { state in
            var result: [RecordID: Coupling] = [:]
            for entry in state.couplingsBefore where entry.jobID == job && entry.coupling.mapping == mapping
                && wanted.contains(entry.coupling.erpID) && result[entry.coupling.erpID] == nil {
                result[entry.coupling.erpID] = entry.coupling
            }
            return result
        }
    }

    public func recordChangeCount(_ job: JobID) throws -> Int {
        state.withLock { state in state.changes.reduce(0) { $0 + ($1.jobID == job ? 1 : 0) } }
    }

    public func claimPairs(mapping: String, erpIDs: [RecordID], holder: String, isLive: (String) -> Bool) throws -> [RecordID] {
        state.withLock { state in
            erpIDs.filter { id in
                let key = CouplingKey(mapping: mapping, erpID: id)
                if let current = state.pairClaims[key], current != holder, isLive(current) { return false }
                state.pairClaims[key] = holder
                return true
            }
        }
    }

    public func releasePairs(holder: String) throws {
        state.withLock { state in state.pairClaims = state.pairClaims.filter { $0.value != holder } }
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
            state.couplingsBefore.removeAll { doomed.contains($0.jobID) }
            return doomed.count
        }
    }
}
