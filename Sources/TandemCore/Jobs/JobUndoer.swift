
/// Undoes a job from the previous values it recorded: every field goes back, records it created are
/// deleted with their coupling. A record that changed since the job is refused, and says so.
public struct JobUndoer: Sendable {
    public let workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    public func undo(_ jobID: JobID) throws -> UndoResult {
        guard var original = try workspace.store.job(jobID) else { throw TandemError.jobNotFound(jobID) }
        if let undoneBy = original.undoneBy { throw TandemError.jobAlreadyUndone(jobID, by: undoneBy) }
        let changes = try workspace.store.recordChanges(jobID)
        guard !changes.isEmpty else { throw TandemError.jobNotUndoable(jobID, type: original.type) }
        let mapping = try workspace.store.mapping(named: original.mapping)
        var job = try workspace.beginJob(.undo, mapping: mapping.name)
        defer { workspace.endJob(job) }
        var restored: [RecordOutcome] = [], refused: [RecordOutcome] = []
        var workspaceChanges = WorkspaceChanges(jobID: job.id)

        for side in Side.allCases {
            let table = try workspace.table(of: mapping, on: side)
            let mine = changes.filter { $0.side == side }
            guard !mine.isEmpty else { continue }
            let current = try table.recordsByID(mine.map(\.recordID))
            var writes: [(index: Int, write: RecordWrite)] = []
            for (index, change) in mine.enumerated() {
                let label = current[change.recordID].map(table.schema.label) ?? change.recordID.rawValue
                guard current[change.recordID] != nil else {
                    refused.append(outcome(change, label, .skipped, .deletedAfterJob(jobID)))
                    continue
                }
                // Written only if the record is still as the job left it: a change made since, by
                // anyone, is never undone over.
                writes.append((index, change.created
                    ? .delete(id: change.recordID, expected: change.modifiedAtAfter)
                    : .update(id: change.recordID, fields: Dictionary(change.fields.map { ($0.name, $0.oldValue) },
                                                                      uniquingKeysWith: { first, _ in first }),
                              expected: change.modifiedAtAfter)))
            }
            let written = SideWrites.apply(writes, to: table, on: side)
            let touched = try workspace.store.couplingsByID(mapping: mapping.name, side: side,
                                                            ids: writes.map { mine[$0.index].recordID })
            for (index, _) in writes {
                let change = mine[index]
                let label = current[change.recordID].map(table.schema.label) ?? change.recordID.rawValue
                if let failure = written.refusals[index] {
                    refused.append(outcome(change, label, .skipped,
                                           failure.isChangedElsewhere ? .changedAfterJob(jobID) : failure))
                    continue
                }
                restored.append(outcome(change, label, change.created ? .uncoupled : .modified, nil))
                guard var coupling = touched[change.recordID] else { continue }
                if change.created {
                    workspaceChanges.couplings.append(.remove(coupling.pair))
                    continue
                }
                // The undone side is back to what it was: record that as its last-synced state, so the
                // next sync neither mistakes the undo for a user's change nor loses the other side's data.
                for field in change.fields {
                    guard let mapped = mapping.fields.first(where: { $0.field(on: side) == field.name }),
                          var value = coupling.snapshot[mapped.erpField] else { continue }
                    if side == .erp { value.erp = field.oldValue } else { value.crm = field.oldValue }
                    coupling.snapshot[mapped.erpField] = value
                }
                if let stamp = written.stamps[change.recordID] {
                    if side == .erp { coupling.erpModifiedAtLastSync = stamp } else { coupling.crmModifiedAtLastSync = stamp }
                }
                workspaceChanges.couplings.append(.update(coupling))
                workspaceChanges.recordChanges.append(RecordChange(
                    jobID: job.id, side: side, table: table.schema.name, recordID: change.recordID,
                    modifiedAtAfter: written.stamps[change.recordID] ?? change.modifiedAtAfter, created: false,
                    fields: change.fields.map { RecordChange.Field(name: $0.name, oldValue: $0.newValue, newValue: $0.oldValue) }))
            }
        }
        job.counters.modified = restored.filter { $0.status == .modified }.count
        job.counters.deleted = restored.filter { $0.status == .uncoupled }.count
        job.counters.uncoupled = job.counters.deleted
        job.counters.skipped = refused.filter { $0.status == .skipped }.count
        job.counters.failed = refused.filter { $0.status == .failed }.count
        job.finishedAt = workspace.clock.now()
        job.note = .undid(jobID)
        original.undoneBy = job.id
        workspaceChanges.updatedJobs = [job, original]
        try workspace.store.commit(workspaceChanges)
        return UndoResult(job: job, restored: restored, refused: refused)
    }

    private func outcome(_ change: RecordChange, _ label: String, _ status: RecordOutcome.Status,
                         _ failure: RecordFailure?) -> RecordOutcome {
        RecordOutcome(label: label, erpID: change.side == .erp ? change.recordID : nil,
                      crmID: change.side == .crm ? change.recordID : nil, status: status, failure: failure)
    }
}
