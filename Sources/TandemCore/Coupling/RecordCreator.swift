/// Creates records on the other side and couples them, safe against a crash half-way and against a
/// second process doing the same: each new id is decided and written down as an intent that claims
/// the source record *before* the create (a source coupled already, or claimed by another job, is
/// refused there and nothing is created), so the next run finds a created record by its id (or, on a
/// service that assigns ids itself, by the number the intent names) and couples it instead of creating
/// it again (see `IntentRecovery`).
struct RecordCreator {
    let workspace: Workspace
    let mapping: TableMapping
    let jobID: JobID

    func create(_ requests: [CreationRequest]) throws -> CreationOutcome {
        var outcome = CreationOutcome()
        guard !requests.isEmpty else { return outcome }
        let now = workspace.clock.now()
        // Each new record's number is decided before its intent is written, so the intent can name it.
        var numbers = NumberAllocator()
        var fieldsToSend: [[String: String]] = []
        for request in requests {
            var fields = request.fields
            let table = try workspace.table(of: mapping, on: request.sourceSide.other)
            if let numberField = table.schema.numberField, FieldValue.normalizedText(fields[numberField] ?? "").isEmpty {
                fields[numberField] = try numbers.next(for: table)
            }
            fieldsToSend.append(fields)
        }
        var claims = WorkspaceChanges(jobID: jobID)
        var intents: [CreationIntent] = []
        for (request, fields) in zip(requests, fieldsToSend) {
            let table = try workspace.table(of: mapping, on: request.sourceSide.other)
            let intent = CreationIntent(newID: RecordID.generate(), mapping: mapping.name, side: request.sourceSide.other,
                                        sourceID: request.source.id, jobID: jobID,
                                        number: table.schema.numberField.flatMap { fields[$0] })
            intents.append(intent)
            claims.couplings.append(.intend(intent, replacing: request.replacing))
        }
        let refused = try workspace.store.commit(claims)
        // The caller read the source as uncoupled: coupled now means another job got there first.
        outcome.failures = refused.mapValues { $0 == .alreadyCoupled ? .couplingChangedElsewhere : $0 }

        var finish = WorkspaceChanges(jobID: jobID)
        var finishing: [Int] = []
        for side in Side.allCases {
            let table = try workspace.table(of: mapping, on: side)
            var writes: [(index: Int, write: RecordWrite)] = []
            for (index, request) in requests.enumerated() where request.sourceSide.other == side && refused[index] == nil {
                writes.append((index, .insert(id: intents[index].newID, fields: fieldsToSend[index])))
            }
            let written = SideWrites.apply(writes, to: table, on: side)
            for (index, write) in writes {
                guard case .insert(let newID, let fields) = write else { continue }
                let request = requests[index], intent = intents[index]
                if let failure = written.refusals[index] {
                    outcome.failures[index] = failure
                    // Refused by the side: nothing was created, so the claim ends here. A side that
                    // failed as a whole may still have created it (a timeout after the other system
                    // accepted it): that intent stays, and the next run's recovery looks the id up.
                    if case .storage = failure { continue }
                    finish.couplings.append(.resolve(intent, coupling: nil, replacing: nil))
                    finishing.append(index)
                    continue
                }
                let stamp = written.stamps[newID] ?? now
                let erp = side == .erp ? (newID, stamp) : (request.source.id, request.source.modifiedAt)
                let crm = side == .crm ? (newID, stamp) : (request.source.id, request.source.modifiedAt)
                var coupling = Coupling(mapping: mapping.name, erpID: erp.0, crmID: crm.0,
                                        snapshot: RecordBlueprint.snapshot(for: mapping, source: request.source,
                                                                           sourceSide: request.sourceSide,
                                                                           created: fields))
                coupling.recordSuccess(SyncDirection.from(request.sourceSide), job: jobID, at: now,
                                       erpModifiedAt: erp.1, crmModifiedAt: crm.1)
                finish.couplings.append(.resolve(intent, coupling: coupling, replacing: request.replacing))
                finishing.append(index)
                finish.recordChanges.append(RecordChange(
                    jobID: jobID, side: side, table: table.schema.name, recordID: newID, modifiedAtAfter: stamp,
                    created: true, fields: fields.sorted { $0.key < $1.key }.map {
                        RecordChange.Field(name: $0.key, oldValue: "", newValue: $0.value)
                    }))
                outcome.couplings[index] = coupling
            }
        }
        for (changeIndex, reason) in try workspace.store.commit(finish) {
            let index = finishing[changeIndex]
            outcome.couplings[index] = nil
            outcome.failures[index] = outcome.failures[index] ?? reason
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
