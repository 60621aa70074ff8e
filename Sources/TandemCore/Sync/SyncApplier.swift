/// Carries out one batch of record plans: writes each side in one transaction (isolating a failing
/// record), creates restored records through `RecordCreator`, then commits couplings, job errors,
/// undo information and counters to the workspace in one transaction.
struct SyncApplier {
    let workspace: Workspace
    let mapping: TableMapping
    let jobID: JobID

    struct BatchOutcome {
        var counters = JobCounters()
        var problems: [RecordOutcome] = []
    }

    /// Refuses plans whose records moved since they were planned (applying an older preview).
    func refuseStale(_ plans: [RecordPlan]) throws -> [RecordPlan] {
        let erp = try workspace.table(of: mapping, on: .erp).recordsByID(plans.compactMap(\.erpID))
        let crm = try workspace.table(of: mapping, on: .crm).recordsByID(plans.compactMap(\.crmID))
        return plans.map { plan in
            guard case .write(let updates) = plan.outcome, !updates.isEmpty else { return plan }
            let moved = (plan.erpID.flatMap { erp[$0]?.modifiedAt } != plan.erpModifiedAt)
                || (plan.crmID.flatMap { crm[$0]?.modifiedAt } != plan.crmModifiedAt)
            guard moved else { return plan }
            var stale = plan
            stale.outcome = .fail("The record changed after the preview; preview again.")
            return stale
        }
    }

    func apply(_ plans: [RecordPlan]) throws -> BatchOutcome {
        let now = workspace.clock.now()
        var failures: [Int: String] = [:]
        var stamps: [RecordID: Timestamp] = [:]

        // The CRM side first: when a merge's second write fails, the first is on the CRM, and the
        // unchanged snapshot makes the next sync see it as a CRM change rather than lose it.
        for side in [Side.crm, .erp] {
            let groups: [(index: Int, writes: [RecordWrite])] = plans.enumerated().compactMap { index, plan in
                guard failures[index] == nil, case .write(let updates) = plan.outcome else { return nil }
                let writes = updates.filter { $0.side == side }.map {
                    RecordWrite.update(id: $0.recordID, fields: Dictionary($0.changes.map { ($0.field, $0.newValue) },
                                                                           uniquingKeysWith: { $1 }))
                }
                return writes.isEmpty ? nil : (index, writes)
            }
            let written = WriteIsolation.apply(groups, to: try workspace.table(of: mapping, on: side))
            stamps.merge(written.stamps) { $1 }
            failures.merge(written.failures) { first, _ in first }
        }

        let restores = plans.enumerated().compactMap { index, plan -> (Int, CreationRequest)? in
            guard case .restore(let side, let fields) = plan.outcome, let coupling = plan.coupling else { return nil }
            let survivor = side == .erp ? plan.crmID : plan.erpID
            let modifiedAt = side == .erp ? plan.crmModifiedAt : plan.erpModifiedAt
            guard let survivor, let modifiedAt else { return nil }
            return (index, CreationRequest(sourceSide: side.other, source: Record(id: survivor, modifiedAt: modifiedAt, fields: [:]),
                                           fields: fields, replacing: CouplingKey(mapping: mapping.name, erpID: coupling.erpID)))
        }
        var restoreSources = try survivingRecords(for: restores.map(\.1))
        let creation = try RecordCreator(workspace: workspace, mapping: mapping, jobID: jobID)
            .create(restores.map { index, request in
                var request = request
                request.source = restoreSources.removeValue(forKey: request.source.id) ?? request.source
                return request
            })
        var changes = creation.changes
        var outcome = BatchOutcome()

        for (index, plan) in plans.enumerated() {
            let restoreIndex = restores.firstIndex { $0.0 == index }
            switch plan.outcome {
            case .skip(let reason):
                outcome.counters.skipped += 1
                outcome.problems.append(problem(plan, .skipped, reason.message, reason))
            case .removeCoupling:
                if let coupling = plan.coupling {
                    changes.removedCouplings.append(CouplingKey(mapping: mapping.name, erpID: coupling.erpID))
                }
                outcome.counters.uncoupled += 1
            case .restore:
                if let restoreIndex, creation.couplings[restoreIndex] != nil {
                    outcome.counters.inserted += 1
                } else {
                    let message = restoreIndex.flatMap { creation.failures[$0] } ?? "The record could not be restored."
                    fail(plan, message, at: now, into: &changes, &outcome)
                }
            case .fail(let message):
                fail(plan, message, at: now, into: &changes, &outcome)
            case .write(let updates):
                if let message = failures[index] {
                    fail(plan, message, at: now, into: &changes, &outcome)
                    continue
                }
                guard var coupling = plan.coupling, let erpAt = plan.erpModifiedAt, let crmAt = plan.crmModifiedAt
                else { continue }
                let erpAfter = stamps[coupling.erpID] ?? erpAt, crmAfter = stamps[coupling.crmID] ?? crmAt
                for pass in plan.passes {
                    coupling.recordSuccess(pass, job: jobID, at: now, erpModifiedAt: erpAfter, crmModifiedAt: crmAfter)
                }
                coupling.snapshot = plan.snapshotAfter
                changes.upsertedCouplings.append(coupling)
                for update in updates {
                    changes.recordChanges.append(RecordChange(
                        jobID: jobID, side: update.side, table: mapping.table(on: update.side), recordID: update.recordID,
                        modifiedAtAfter: update.side == .erp ? erpAfter : crmAfter, created: false,
                        fields: update.changes.map { RecordChange.Field(name: $0.field, oldValue: $0.oldValue, newValue: $0.newValue) }))
                }
                if updates.isEmpty { outcome.counters.unchanged += 1 } else { outcome.counters.modified += 1 }
            }
        }
        try workspace.store.commit(changes)
        return outcome
    }

    /// The surviving side of each restore, read whole (the plan carries only its id).
    private func survivingRecords(for requests: [CreationRequest]) throws -> [RecordID: Record] {
        var result: [RecordID: Record] = [:]
        for side in Side.allCases {
            let ids = requests.filter { $0.sourceSide == side }.map(\.source.id)
            if !ids.isEmpty { result.merge(try workspace.table(of: mapping, on: side).recordsByID(ids)) { $1 } }
        }
        return result
    }

    private func problem(_ plan: RecordPlan, _ status: RecordOutcome.Status, _ message: String,
                         _ reason: SkipReason? = nil) -> RecordOutcome {
        RecordOutcome(label: plan.label, erpID: plan.erpID, crmID: plan.crmID, status: status, message: message,
                      skipReason: reason)
    }

    /// Logs a failed record: a job error naming source and destination, and the coupling's failure
    /// state (two identical failures in a row mark it skipped).
    private func fail(_ plan: RecordPlan, _ message: String, at now: Timestamp, into changes: inout WorkspaceChanges,
                      _ outcome: inout BatchOutcome) {
        outcome.counters.failed += 1
        outcome.problems.append(problem(plan, .failed, message))
        for pass in plan.passes {
            let source = pass.source == .erp ? plan.erpID : plan.crmID
            let destination = pass.source == .erp ? plan.crmID : plan.erpID
            changes.jobErrors.append(JobError(jobID: jobID, at: now, message: message, sourceSide: pass.source,
                                              sourceID: source, destinationID: destination))
        }
        guard var coupling = plan.coupling else { return }
        // One failure per job and record: a merge's two passes count once toward skipping.
        coupling.recordFailure(plan.passes[0], message: message, job: jobID, at: now)
        for pass in plan.passes.dropFirst() {
            let result = PassResult(succeeded: false, jobID: jobID, at: now)
            if pass == .toCRM { coupling.lastResultToCRM = result } else { coupling.lastResultFromCRM = result }
        }
        changes.upsertedCouplings.append(coupling)
    }
}
