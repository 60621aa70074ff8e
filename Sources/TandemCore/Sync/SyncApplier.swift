/// Carries out one batch of record plans: writes each side in one transaction, every write conditional
/// on the version the plan was made from, creates restored records through `RecordCreator`, then
/// commits couplings, job errors, undo information and counters to the workspace in one transaction.
/// A record someone else wrote since it was read is left as they wrote it, counted and listed, and
/// planned again by the next run.
struct SyncApplier {
    let workspace: Workspace
    let mapping: TableMapping
    let jobID: JobID

    struct BatchOutcome {
        var counters = JobCounters()
        var problems: [RecordOutcome] = []
        /// The records whose write overwrote a change the destination made since the last sync.
        var overwrites: [OverwrittenRecord] = []
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
            stale.outcome = .fail(.changedSincePreview)
            return stale
        }
    }

    func apply(_ plans: [RecordPlan]) throws -> BatchOutcome {
        let now = workspace.clock.now()
        var failures: [Int: RecordFailure] = [:]
        var stamps: [RecordID: Timestamp] = [:]

        // The CRM side first: when a merge's second write fails, the first is on the CRM, and the
        // unchanged snapshot makes the next sync see it as a CRM change rather than lose it.
        for side in [Side.crm, .erp] {
            let writes: [(index: Int, write: RecordWrite)] = plans.enumerated().compactMap { index, plan in
                guard failures[index] == nil, case .write(let updates) = plan.outcome,
                      let expected = side == .erp ? plan.erpModifiedAt : plan.crmModifiedAt else { return nil }
                let mine = updates.filter { $0.side == side }
                guard let id = mine.first?.recordID else { return nil }
                var fields: [String: String] = [:]
                for update in mine { for change in update.changes { fields[change.field] = change.newValue } }
                return (index, .update(id: id, fields: fields, expected: expected))
            }
            let written = SideWrites.apply(writes, to: try workspace.table(of: mapping, on: side), on: side)
            stamps.merge(written.stamps) { $1 }
            failures.merge(written.refusals) { first, _ in first }
        }

        let restores = plans.enumerated().compactMap { index, plan -> (Int, CreationRequest)? in
            let side: Side, fields: [String: String], replacing: CouplingPair?
            switch plan.outcome {
            case .restore(let restored, let values):
                guard let coupling = plan.coupling else { return nil }
                (side, fields, replacing) = (restored, values, coupling.pair)
            case .create(let created, let values):
                (side, fields, replacing) = (created, values, nil)
            default:
                return nil
            }
            let survivor = side == .erp ? plan.crmID : plan.erpID
            let modifiedAt = side == .erp ? plan.crmModifiedAt : plan.erpModifiedAt
            guard let survivor, let modifiedAt else { return nil }
            return (index, CreationRequest(sourceSide: side.other, source: Record(id: survivor, modifiedAt: modifiedAt, fields: [:]),
                                           fields: fields, replacing: replacing))
        }
        var restoreSources = try survivingRecords(for: restores.map(\.1))
        let creation = try RecordCreator(workspace: workspace, mapping: mapping, jobID: jobID)
            .create(restores.map { index, request in
                var request = request
                request.source = restoreSources.removeValue(forKey: request.source.id) ?? request.source
                return request
            })
        /// Each restore's or creation's position among the requests, by its plan's index.
        let restorePositions = Dictionary(uniqueKeysWithValues: restores.enumerated().map { ($1.0, $0) })
        var changes = WorkspaceChanges(jobID: jobID)
        var outcome = BatchOutcome()
        /// Which plan each coupling change belongs to, to report a refused change on its record.
        var couplingOwners: [Int] = []

        for (index, plan) in plans.enumerated() {
            let restoreIndex = restorePositions[index]
            switch plan.outcome {
            case .skip(let reason):
                outcome.counters.skipped += 1
                outcome.problems.append(problem(plan, .skipped, skip: reason))
            case .removeCoupling:
                if let coupling = plan.coupling {
                    changes.couplings.append(.remove(coupling.pair))
                    couplingOwners.append(index)
                }
                outcome.counters.uncoupled += 1
            case .restore, .create:
                if let restoreIndex, creation.couplings[restoreIndex] != nil {
                    outcome.counters.inserted += 1
                    if plan.isCreation { outcome.counters.coupled += 1 }
                } else {
                    let fallback: RecordFailure = plan.isCreation ? .couldNotCreate : .couldNotRestore
                    let reason = restoreIndex.flatMap { creation.failures[$0] } ?? fallback
                    fail(plan, reason, at: now, into: &changes, &couplingOwners, index, &outcome)
                }
            case .fail(let reason):
                fail(plan, reason, at: now, into: &changes, &couplingOwners, index, &outcome)
            case .write(let updates):
                if let reason = failures[index] {
                    fail(plan, reason, at: now, into: &changes, &couplingOwners, index, &outcome)
                    continue
                }
                guard var coupling = plan.coupling, let erpAt = plan.erpModifiedAt, let crmAt = plan.crmModifiedAt
                else { continue }
                let erpAfter = stamps[coupling.erpID] ?? erpAt, crmAfter = stamps[coupling.crmID] ?? crmAt
                for pass in plan.passes {
                    coupling.recordSuccess(pass, job: jobID, at: now, erpModifiedAt: erpAfter, crmModifiedAt: crmAfter)
                }
                if !updates.isEmpty, let before = plan.coupling {
                    changes.couplingsBefore.append(CouplingBefore(jobID: jobID, coupling: before))
                }
                coupling.snapshot = plan.snapshotAfter
                changes.couplings.append(.update(coupling))
                couplingOwners.append(index)
                for update in updates {
                    changes.recordChanges.append(RecordChange(
                        jobID: jobID, side: update.side, table: mapping.table(on: update.side), recordID: update.recordID,
                        modifiedAtAfter: update.side == .erp ? erpAfter : crmAfter, created: false,
                        fields: update.changes.map { RecordChange.Field(name: $0.field, oldValue: $0.oldValue, newValue: $0.newValue) }))
                }
                if updates.isEmpty { outcome.counters.unchanged += 1 } else { outcome.counters.modified += 1 }
                if !plan.overwritten.isEmpty {
                    outcome.counters.overwritten += plan.overwritten.count
                    outcome.overwrites.append(OverwrittenRecord(label: plan.label, erpID: plan.erpID, crmID: plan.crmID,
                                                                changes: plan.overwritten))
                }
            }
        }
        let refused = try workspace.store.commit(changes)
        // A coupling someone else changed meanwhile (uncoupled, re-coupled, or synchronized it): its
        // record is reported instead of counted as done; the next run plans it from what is stored.
        for (changeIndex, reason) in refused.sorted(by: { $0.key < $1.key }) {
            let index = couplingOwners[changeIndex], plan = plans[index]
            switch plan.outcome {
            case .write(let updates) where failures[index] == nil:
                if updates.isEmpty { outcome.counters.unchanged -= 1 } else { outcome.counters.modified -= 1 }
            case .removeCoupling:
                outcome.counters.uncoupled -= 1
            default:
                continue  // a failure, reported already
            }
            outcome.counters.changedElsewhere += 1
            outcome.problems.append(problem(plan, .changedElsewhere, failure: reason))
        }
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

    private func problem(_ plan: RecordPlan, _ status: RecordOutcome.Status, failure: RecordFailure? = nil,
                         skip: SkipReason? = nil) -> RecordOutcome {
        RecordOutcome(label: plan.label, erpID: plan.erpID, crmID: plan.crmID, status: status, failure: failure,
                      skipReason: skip)
    }

    /// Logs a record that failed or was left alone: a job error naming source and destination, and —
    /// for a failure of its own — the coupling's failure state (the same reason twice in a row marks
    /// it skipped). A record someone else changed meanwhile leaves its coupling as it is.
    private func fail(_ plan: RecordPlan, _ reason: RecordFailure, at now: Timestamp,
                      into changes: inout WorkspaceChanges, _ couplingOwners: inout [Int], _ index: Int,
                      _ outcome: inout BatchOutcome) {
        let elsewhere = reason.isChangedElsewhere
        if elsewhere { outcome.counters.changedElsewhere += 1 } else { outcome.counters.failed += 1 }
        outcome.problems.append(problem(plan, elsewhere ? .changedElsewhere : .failed, failure: reason))
        for pass in plan.passes {
            let source = pass.source == .erp ? plan.erpID : plan.crmID
            let destination = pass.source == .erp ? plan.crmID : plan.erpID
            changes.jobErrors.append(JobError(jobID: jobID, at: now, reason: reason, sourceSide: pass.source,
                                              sourceID: source, destinationID: destination))
        }
        guard !elsewhere, var coupling = plan.coupling, let first = plan.passes.first else { return }
        // One failure per job and record: a merge's two passes count once toward skipping.
        coupling.recordFailure(first, reason: reason, job: jobID, at: now)
        for pass in plan.passes.dropFirst() {
            let result = PassResult(succeeded: false, jobID: jobID, at: now)
            if pass == .toCRM { coupling.lastResultToCRM = result } else { coupling.lastResultFromCRM = result }
        }
        changes.couplings.append(.update(coupling))
        couplingOwners.append(index)
    }
}
