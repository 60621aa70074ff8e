/// What undoing a job did: exact counts in the job's counters, and the first records of each kind.
public struct UndoResult: Sendable {
    public var job: SyncJob
    /// The first records put back (at most the undoer's `sampleLimit`).
    public var restored: [RecordOutcome]
    /// The first records left alone because they changed (or vanished) since the job wrote them, or
    /// whose write failed (at most `sampleLimit`).
    public var refused: [RecordOutcome]

    /// Every record put back: fields restored, or created records deleted with their coupling.
    public var restoredCount: Int { job.counters.modified + job.counters.deleted }
    /// Every record left alone.
    public var refusedCount: Int { job.counters.skipped + job.counters.failed }
}

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

    public func undo(_ jobID: JobID) throws -> UndoResult {
        guard var original = try workspace.store.job(jobID) else { throw TandemError.jobNotFound(jobID) }
        if let undoneBy = original.undoneBy { throw TandemError.jobAlreadyUndone(jobID, by: undoneBy) }
        var page = try workspace.store.recordChanges(jobID, after: nil, limit: batchSize)
        guard !page.changes.isEmpty else { throw TandemError.jobNotUndoable(jobID, type: original.type) }
        let mapping = try workspace.store.mapping(named: original.mapping)
        let job = try workspace.store.startJob(NewJob(type: .undo, mapping: mapping.name, direction: nil,
                                                      startedAt: workspace.clock.now()))
        var result = UndoResult(job: job, restored: [], refused: [])
        while let last = page.last {
            var workspaceChanges = try undoBatch(page.changes, of: jobID, mapping: mapping, into: &result)
            workspaceChanges.updatedJobs = [result.job]
            try workspace.store.commit(workspaceChanges)
            page = try workspace.store.recordChanges(jobID, after: last, limit: batchSize)
        }
        result.job.finishedAt = workspace.clock.now()
        result.job.message = "Undid job \(jobID): \(result.restoredCount) records restored, \(result.refusedCount) refused."
        original.undoneBy = job.id
        var workspaceChanges = WorkspaceChanges()
        workspaceChanges.updatedJobs = [result.job, original]
        try workspace.store.commit(workspaceChanges)
        return result
    }

    /// Undoes one page of the log: writes both sides, counts each record into `result`, and returns the
    /// workspace changes (couplings, the undo job's own log) for the caller to commit.
    private func undoBatch(_ changes: [RecordChange], of jobID: JobID, mapping: TableMapping,
                           into result: inout UndoResult) throws -> WorkspaceChanges {
        let job = result.job
        var workspaceChanges = WorkspaceChanges()
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
            var groups: [(index: Int, writes: [RecordWrite])] = []
            for (index, change) in mine.enumerated() {
                let label = current[change.recordID].map(table.schema.label) ?? change.recordID.rawValue
                guard let record = current[change.recordID] else {
                    refused(outcome(change, label, .skipped, "the record was deleted after job \(jobID)"))
                    continue
                }
                guard record.modifiedAt == change.modifiedAtAfter else {
                    refused(outcome(change, label, .skipped,
                                    "the record changed after job \(jobID) (modified \(record.modifiedAt))"))
                    continue
                }
                groups.append((index, change.created
                    ? [.delete(id: change.recordID)]
                    : [.update(id: change.recordID, fields: Dictionary(change.fields.map { ($0.name, $0.oldValue) },
                                                                       uniquingKeysWith: { first, _ in first }))]))
            }
            let written = WriteIsolation.apply(groups, to: table)
            let touched = try workspace.store.couplingsByID(mapping: mapping.name, side: side,
                                                            ids: groups.map { mine[$0.index].recordID })
            for (index, _) in groups {
                let change = mine[index]
                let label = current[change.recordID].map(table.schema.label) ?? change.recordID.rawValue
                if let failure = written.failures[index] {
                    refused(outcome(change, label, .failed, failure))
                    continue
                }
                restored(outcome(change, label, change.created ? .uncoupled : .modified, ""))
                guard var coupling = touched[change.recordID] else { continue }
                if change.created {
                    workspaceChanges.removedCouplings.append(CouplingKey(mapping: mapping.name, erpID: coupling.erpID))
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
                workspaceChanges.upsertedCouplings.append(coupling)
                workspaceChanges.recordChanges.append(RecordChange(
                    jobID: job.id, side: side, table: table.schema.name, recordID: change.recordID,
                    modifiedAtAfter: written.stamps[change.recordID] ?? change.modifiedAtAfter, created: false,
                    fields: change.fields.map { RecordChange.Field(name: $0.name, oldValue: $0.newValue, newValue: $0.oldValue) }))
            }
        }
        return workspaceChanges
    }

    private func outcome(_ change: RecordChange, _ label: String, _ status: RecordOutcome.Status,
                         _ message: String) -> RecordOutcome {
        RecordOutcome(label: label, erpID: change.side == .erp ? change.recordID : nil,
                      crmID: change.side == .crm ? change.recordID : nil, status: status, message: message)
    }
}
