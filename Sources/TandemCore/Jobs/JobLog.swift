
/// The job log and the coupled-data errors, with their actions (spec §8).
public struct JobLog: Sendable {
    public let workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    /// Skipped and failed couplings, with whether each side still exists.
    public func coupledDataErrors() throws -> [CoupledDataError] {
        let problems = try workspace.store.problemCouplings()
        var rows: [CoupledDataError] = []
        for (mappingName, couplings) in Dictionary(grouping: problems, by: \.mapping).sorted(by: { $0.key < $1.key }) {
            let mapping = try workspace.store.mapping(named: mappingName)
            let erpTable = try workspace.table(of: mapping, on: .erp), crmTable = try workspace.table(of: mapping, on: .crm)
            let erp = try erpTable.recordsByID(couplings.map(\.erpID)), crm = try crmTable.recordsByID(couplings.map(\.crmID))
            for coupling in couplings {
                let failedOn = [coupling.lastResultToCRM, coupling.lastResultFromCRM].compactMap { $0 }
                    .filter { !$0.succeeded }.map(\.at).max()
                rows.append(CoupledDataError(coupling: coupling, erpTable: mapping.erpTable,
                                             erpLabel: erp[coupling.erpID].map(erpTable.schema.label),
                                             crmLabel: crm[coupling.crmID].map(crmTable.schema.label),
                                             lastError: coupling.lastError, failedOn: failedOn))
            }
        }
        return rows
    }

    /// Clears the skipped mark of these couplings so the next synchronization takes them again.
    /// Returns how many were skipped.
    @discardableResult
    public func retry(mapping name: String, erpIDs: [RecordID]) throws -> Int {
        let mapping = try workspace.store.mapping(named: name)
        let couplings = try workspace.store.couplingsByID(mapping: mapping.name, side: .erp, ids: erpIDs)
        return try clearSkipped(Array(couplings.values))
    }

    /// Retry for every skipped coupling.
    @discardableResult
    public func retryAll() throws -> Int {
        try clearSkipped(try workspace.store.problemCouplings())
    }

    private func clearSkipped(_ couplings: [Coupling]) throws -> Int {
        var changes = WorkspaceChanges()
        for var coupling in couplings where coupling.skipped {
            coupling.skipped = false
            coupling.consecutiveFailures = 0
            changes.couplings.append(.update(coupling))
        }
        let refused = try workspace.store.commit(changes)
        return changes.couplings.count - refused.count
    }

    /// Re-creates the missing side of a coupling from the surviving one, and couples the new record.
    public func restoreRecord(mapping name: String, erpID: RecordID) throws -> Coupling {
        let mapping = try workspace.store.mapping(named: name)
        let (coupling, survivor, survivingSide) = try brokenPair(mapping, erpID: erpID)
        var job = try workspace.beginJob(.synchronization, mapping: mapping.name, direction: .from(survivingSide))
        defer { workspace.endJob(job) }
        let translator = try LookupTranslator.build(for: mapping, erpRecords: survivingSide == .erp ? [survivor] : [],
                                                    crmRecords: survivingSide == .crm ? [survivor] : [], in: workspace)
        let fields: [String: String]
        switch RecordBlueprint.fields(for: mapping, from: survivor, sourceSide: survivingSide, translator: translator) {
        case .success(let result): fields = result
        case .failure(.directionNotAllowed(let direction)):
            throw TandemError.directionNotAllowed(mapping: mapping.name, direction: direction.rawValue)
        case .failure(let failure):
            throw TandemError.refused(failure.reason(in: mapping))
        }
        let creation = try RecordCreator(workspace: workspace, mapping: mapping, jobID: job.id).create([
            CreationRequest(sourceSide: survivingSide, source: survivor, fields: fields,
                            replacing: coupling.pair),
        ])
        var changes = WorkspaceChanges(jobID: job.id)
        job.counters.inserted = creation.couplings.count
        job.counters.failed = creation.failures.count
        job.finishedAt = workspace.clock.now()
        job.note = creation.failures[0].map(JobNote.restoreFailed) ?? .restored(side: survivingSide.other)
        changes.updatedJobs = [job]
        try workspace.store.commit(changes)
        guard let restored = creation.couplings[0] else {
            throw TandemError.refused(creation.failures[0] ?? .couldNotRestore)
        }
        return restored
    }

    /// Deletes the surviving record of a coupling whose other side is gone, and the coupling.
    public func deleteRecord(mapping name: String, erpID: RecordID) throws {
        let mapping = try workspace.store.mapping(named: name)
        let (coupling, survivor, survivingSide) = try brokenPair(mapping, erpID: erpID)
        var job = try workspace.beginJob(.uncoupling, mapping: mapping.name)
        defer { workspace.endJob(job) }
        let table = try workspace.table(of: mapping, on: survivingSide)
        try table.write(.delete(id: survivor.id, expected: survivor.modifiedAt))
        job.counters.deleted = 1
        job.counters.uncoupled = 1
        job.finishedAt = workspace.clock.now()
        job.note = .deleted(record: table.schema.label(of: survivor))
        var changes = WorkspaceChanges(jobID: job.id)
        changes.couplings = [.remove(coupling.pair)]
        changes.updatedJobs = [job]
        try workspace.store.commit(changes)
    }

    /// The coupling, its surviving record and that record's side; refuses unless exactly one side is gone.
    private func brokenPair(_ mapping: TableMapping, erpID: RecordID) throws -> (Coupling, Record, Side) {
        guard let coupling = try workspace.store.coupling(mapping: mapping.name, side: .erp, id: erpID) else {
            throw TandemError.notCoupled(erpID.rawValue)
        }
        let erp = try workspace.table(of: mapping, on: .erp).record(id: coupling.erpID)
        let crm = try workspace.table(of: mapping, on: .crm).record(id: coupling.crmID)
        switch (erp, crm) {
        case (let erp?, nil): return (coupling, erp, .erp)
        case (nil, let crm?): return (coupling, crm, .crm)
        default:
            throw TandemError.invalidCriteria(tr("Restore and delete apply only when exactly one coupled record is missing."))
        }
    }

    /// Deletes jobs older than `days` days (nil: all), keeping failed jobs a skipped coupling refers to.
    @discardableResult
    public func cleanup(olderThanDays days: Int?) throws -> Int {
        let cutoff = days.map { workspace.clock.now().adding(milliseconds: -Int64($0) * 86_400_000) }
        return try workspace.store.deleteJobs(startedBefore: cutoff)
    }
}
