
/// Undoes a job from the previous values it recorded: every field goes back, records it created are
/// deleted with their coupling. A record that changed since the job is refused, and says so. The undo
/// log is read, written and committed a batch at a time, so a job of any size is undone in bounded
/// memory; the original job is marked undone once the last batch is in.
public struct JobUndoer: Sendable {
    public let workspace: Workspace
    /// Undo-log entries read, written and committed together.
    public var batchSize: Int
    /// How many restored and refused records the result lists; its counts are always exact.
    public var sampleLimit: Int

    public init(workspace: Workspace, batchSize: Int = 500, sampleLimit: Int = 100) {
        self.workspace = workspace
        self.batchSize = batchSize
        self.sampleLimit = sampleLimit
    }

    /// What `undo` would do now, read a page at a time; nothing is written.
    public func preview(_ jobID: JobID) throws -> UndoPreview {
        let (original, first) = try undoable(jobID)
        let mapping = try workspace.store.mapping(named: original.mapping)
        var preview = UndoPreview(job: original)
        var page = first
        while let last = page.last {
            for side in Side.allCases {
                let table = try workspace.table(of: mapping, on: side)
                let mine = page.changes.filter { $0.side == side }
                guard !mine.isEmpty else { continue }
                let current = try table.recordsByID(mine.map(\.recordID))
                for change in mine {
                    let record = current[change.recordID]
                    let refusal: RecordFailure? = record == nil ? .deletedAfterJob(jobID)
                        : record?.modifiedAt != change.modifiedAtAfter ? .changedAfterJob(jobID) : nil
                    let step = UndoStep(label: record.map(table.schema.label) ?? change.recordID.rawValue, side: side,
                                        recordID: change.recordID, deletes: change.created, fields: change.fields, refusal: refusal)
                    if refusal == nil {
                        preview.restorableCount += 1
                        if preview.restores.count < sampleLimit { preview.restores.append(step) }
                    } else {
                        preview.refusedCount += 1
                        if preview.refusals.count < sampleLimit { preview.refusals.append(step) }
                    }
                }
            }
            page = try workspace.store.recordChanges(jobID, after: last, limit: batchSize)
        }
        return preview
    }

    /// The job, if it can be undone, and the first page of its undo log.
    private func undoable(_ jobID: JobID) throws -> (SyncJob, RecordChangePage) {
        guard let original = try workspace.store.job(jobID) else { throw TandemError.jobNotFound(jobID) }
        if let undoneBy = original.undoneBy { throw TandemError.jobAlreadyUndone(jobID, by: undoneBy) }
        let page = try workspace.store.recordChanges(jobID, after: nil, limit: batchSize)
        guard !page.changes.isEmpty else { throw TandemError.jobNotUndoable(jobID, type: original.type) }
        return (original, page)
    }

    public func undo(_ jobID: JobID) throws -> UndoResult {
        var (original, page) = try undoable(jobID)
        let mapping = try workspace.store.mapping(named: original.mapping)
        var job = try workspace.beginJob(.undo, mapping: mapping.name)
        defer { workspace.endJob(job) }
        var result = UndoResult(job: job, restored: [], refused: [])
        while let last = page.last {
            var workspaceChanges = try undoBatch(page.changes, of: jobID, mapping: mapping, into: &result)
            workspaceChanges.updatedJobs = [result.job]
            try workspace.store.commit(workspaceChanges)
            page = try workspace.store.recordChanges(jobID, after: last, limit: batchSize)
        }
        result.job.finishedAt = workspace.clock.now()
        result.job.note = .undid(jobID)
        job = result.job
        original.undoneBy = job.id
        var workspaceChanges = WorkspaceChanges(jobID: job.id)
        workspaceChanges.updatedJobs = [result.job, original]
        try workspace.store.commit(workspaceChanges)
        return result
    }

    /// Undoes one page of the log: writes both sides, each record only if it is still as the job left
    /// it, counts each record into `result`, and returns the workspace changes (couplings, the undo
    /// job's own log) for the caller to commit.
    private func undoBatch(_ changes: [RecordChange], of jobID: JobID, mapping: TableMapping,
                           into result: inout UndoResult) throws -> WorkspaceChanges {
        let job = result.job
        var workspaceChanges = WorkspaceChanges(jobID: job.id)
        func restored(_ outcome: RecordOutcome) {
            if outcome.status == .uncoupled {
                result.job.counters.deleted += 1
                result.job.counters.uncoupled += 1
            } else {
                result.job.counters.modified += 1
            }
            if result.restored.count < sampleLimit { result.restored.append(outcome) }
        }
        func refused(_ outcome: RecordOutcome) {
            if outcome.status == .failed { result.job.counters.failed += 1 } else { result.job.counters.skipped += 1 }
            if result.refused.count < sampleLimit { result.refused.append(outcome) }
        }

        for side in Side.allCases {
            let table = try workspace.table(of: mapping, on: side)
            let mine = changes.filter { $0.side == side }
            guard !mine.isEmpty else { continue }
            let current = try table.recordsByID(mine.map(\.recordID))
            var writes: [(index: Int, write: RecordWrite)] = []
            for (index, change) in mine.enumerated() {
                let label = current[change.recordID].map(table.schema.label) ?? change.recordID.rawValue
                guard current[change.recordID] != nil else {
                    refused(outcome(change, label, .skipped, .deletedAfterJob(jobID)))
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
            let befores = try workspace.store.couplingsBefore(jobID, mapping: mapping.name, erpIDs: touched.values.map(\.erpID))
            for (index, _) in writes {
                let change = mine[index]
                let label = current[change.recordID].map(table.schema.label) ?? change.recordID.rawValue
                if let failure = written.refusals[index] {
                    refused(outcome(change, label, failure.isChangedElsewhere ? .skipped : .failed,
                                    failure.isChangedElsewhere ? .changedAfterJob(jobID) : failure))
                    continue
                }
                restored(outcome(change, label, change.created ? .uncoupled : .modified, nil))
                guard var coupling = touched[change.recordID] else { continue }
                if change.created {
                    workspaceChanges.couplings.append(.remove(coupling.pair))
                    continue
                }
                if let before = befores[coupling.erpID], before.crmID == coupling.crmID {
                    // The pair goes back to how the job found it: snapshot, timestamps and results, so it
                    // reads as it did then (an ERP change the job had carried reads as changed again).
                    coupling.restoreState(of: before)
                } else {
                    // A job from before couplings were kept with it: the undone side's values become its
                    // last-synced state, so the next sync does not mistake the undo for a user's change.
                    for field in change.fields {
                        guard let mapped = mapping.fields.first(where: { $0.field(on: side) == field.name }),
                              var value = coupling.snapshot[mapped.erpField] else { continue }
                        if side == .erp { value.erp = field.oldValue } else { value.crm = field.oldValue }
                        coupling.snapshot[mapped.erpField] = value
                    }
                    if let stamp = written.stamps[change.recordID] {
                        if side == .erp { coupling.erpModifiedAtLastSync = stamp } else { coupling.crmModifiedAtLastSync = stamp }
                    }
                }
                workspaceChanges.couplings.append(.update(coupling))
                workspaceChanges.recordChanges.append(RecordChange(
                    jobID: job.id, side: side, table: table.schema.name, recordID: change.recordID,
                    modifiedAtAfter: written.stamps[change.recordID] ?? change.modifiedAtAfter, created: false,
                    fields: change.fields.map { RecordChange.Field(name: $0.name, oldValue: $0.newValue, newValue: $0.oldValue) }))
            }
        }
        return workspaceChanges
    }

    private func outcome(_ change: RecordChange, _ label: String, _ status: RecordOutcome.Status,
                         _ failure: RecordFailure?) -> RecordOutcome {
        RecordOutcome(label: label, erpID: change.side == .erp ? change.recordID : nil,
                      crmID: change.side == .crm ? change.recordID : nil, status: status, failure: failure)
    }
}
