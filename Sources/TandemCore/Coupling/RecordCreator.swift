/// A record to create on `sourceSide.other` from `source`, and couple to it.
struct CreationRequest {
    var sourceSide: Side
    var source: Record
    var fields: [String: String]
    /// A coupling the new pair replaces (a restore re-couples in place of the broken pair).
    var replacing: CouplingKey?
}

/// What a batch of creations did: per request index, the new coupling or the error, plus the workspace
/// changes that finish it (to be committed by the caller together with its own).
struct CreationOutcome {
    var couplings: [Int: Coupling] = [:]
    var failures: [Int: String] = [:]
    var changes = WorkspaceChanges()
}

/// Creates records on the other side and couples them, safe against a crash half-way: the new ids are
/// decided and written down as intents in the workspace *before* the create, so the next run finds
/// the created record by its id and couples it instead of creating it again (see `IntentRecovery`).
struct RecordCreator {
    let workspace: Workspace
    let mapping: TableMapping
    let jobID: JobID

    func create(_ requests: [CreationRequest]) throws -> CreationOutcome {
        var outcome = CreationOutcome()
        guard !requests.isEmpty else { return outcome }
        let now = workspace.clock.now()
        var inserts: [(index: Int, writes: [RecordWrite])] = []
        var intents: [CreationIntent] = []
        var numbers = NumberAllocator()
        for (index, request) in requests.enumerated() {
            let side = request.sourceSide.other
            let table = try workspace.table(of: mapping, on: side)
            var fields = request.fields
            if let numberField = table.schema.numberField, FieldValue.normalizedText(fields[numberField] ?? "").isEmpty {
                fields[numberField] = try numbers.next(for: table)
            }
            let newID = RecordID.generate()
            intents.append(CreationIntent(newID: newID, mapping: mapping.name, side: side,
                                          sourceID: request.source.id, jobID: jobID))
            inserts.append((index, [.insert(id: newID, fields: fields)]))
        }
        var recorded = WorkspaceChanges()
        recorded.addedIntents = intents
        try workspace.store.commit(recorded)

        for side in Side.allCases {
            let group = inserts.filter { requests[$0.index].sourceSide.other == side }
            guard !group.isEmpty else { continue }
            let table = try workspace.table(of: mapping, on: side)
            let written = WriteIsolation.apply(group, to: table)
            for (index, writes) in group {
                let request = requests[index]
                guard case .insert(let newID, let fields)? = writes.first else { continue }
                if let failure = written.failures[index] {
                    // Keep the intent: a write that reports failure may still have landed (a timeout
                    // after the other system accepted it). The next run's recovery looks the id up.
                    outcome.failures[index] = failure
                    continue
                }
                outcome.changes.removedIntents.append(newID)
                let stamp = written.stamps[newID] ?? now
                let erp = side == .erp ? (newID, stamp) : (request.source.id, request.source.modifiedAt)
                let crm = side == .crm ? (newID, stamp) : (request.source.id, request.source.modifiedAt)
                var coupling = Coupling(mapping: mapping.name, erpID: erp.0, crmID: crm.0,
                                        snapshot: RecordBlueprint.snapshot(for: mapping, source: request.source,
                                                                           sourceSide: request.sourceSide,
                                                                           created: fields))
                coupling.recordSuccess(SyncDirection.from(request.sourceSide), job: jobID, at: now,
                                       erpModifiedAt: erp.1, crmModifiedAt: crm.1)
                if let replaced = request.replacing { outcome.changes.removedCouplings.append(replaced) }
                outcome.changes.upsertedCouplings.append(coupling)
                outcome.changes.recordChanges.append(RecordChange(
                    jobID: jobID, side: side, table: table.schema.name, recordID: newID, modifiedAtAfter: stamp,
                    created: true, fields: fields.sorted { $0.key < $1.key }.map {
                        RecordChange.Field(name: $0.key, oldValue: "", newValue: $0.value)
                    }))
                outcome.couplings[index] = coupling
            }
        }
        return outcome
    }
}

/// Hands out consecutive numbers of a table's number series within one batch.
private struct NumberAllocator {
    private var last: [String: String] = [:]

    mutating func next(for table: any RecordSource) throws -> String {
        let name = table.schema.name
        let number: String
        if let previous = last[name], let prefix = table.schema.numberPrefix {
            number = NumberSeries.next(after: [previous], prefix: prefix)
        } else {
            number = try table.nextNumber()
        }
        last[name] = number
        return number
    }
}

/// Finishes creations a crash interrupted: a record that was created gets its coupling; an intent whose
/// record never appeared is dropped (the next create makes it afresh).
public enum IntentRecovery {
    /// Returns how many interrupted creations were coupled.
    @discardableResult
    public static func recover(mapping: TableMapping, in workspace: Workspace) throws -> Int {
        let intents = try workspace.store.creationIntents(mapping: mapping.name)
        guard !intents.isEmpty else { return 0 }
        var changes = WorkspaceChanges()
        var coupled = 0
        for intent in intents {
            changes.removedIntents.append(intent.newID)
            let table = try workspace.table(of: mapping, on: intent.side)
            guard try table.record(id: intent.newID) != nil else { continue }
            let taken = try workspace.store.coupling(mapping: mapping.name, side: .erp, id: intent.erpID) != nil
                || workspace.store.coupling(mapping: mapping.name, side: .crm, id: intent.crmID) != nil
            guard !taken else { continue }
            changes.upsertedCouplings.append(Coupling(mapping: mapping.name, erpID: intent.erpID, crmID: intent.crmID))
            coupled += 1
        }
        try workspace.store.commit(changes)
        return coupled
    }
}
