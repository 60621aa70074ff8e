

/// Set up coupling, create new and couple, delete coupling: spec §4 and §7.
public struct CouplingService: Sendable {
    public let workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    /// The dialog's starting state for an ERP record.
    public func draft(mapping name: String, erpID: RecordID) throws -> CouplingDraft {
        let mapping = try workspace.store.mapping(named: name)
        let erpTable = try workspace.table(of: mapping, on: .erp)
        guard let erp = try erpTable.record(id: erpID) else { throw TandemError.recordNotFound(erpID.rawValue) }
        let current = try workspace.store.coupling(mapping: mapping.name, side: .erp, id: erpID)
        let crm = try current.flatMap { try workspace.table(of: mapping, on: .crm).record(id: $0.crmID) }
        // As Business Central: a new coupling synchronizes in the mapping's own direction.
        return CouplingDraft(erpRecord: erp, erpLabel: erpTable.schema.label(of: erp), currentCRMRecord: crm,
                             defaultSync: current != nil ? .no : mapping.direction == .fromCRM ? .useCRM : .useERP)
    }

    /// Finds the CRM record a person means: an id, else the exact name, else the one name starting so.
    public func findCRMRecord(mapping name: String, reference: String) throws -> Record {
        let mapping = try workspace.store.mapping(named: name)
        let table = try workspace.table(of: mapping, on: .crm)
        let text = FieldValue.normalizedText(reference)
        if RecordID.looksLikeID(text) {
            guard let record = try table.record(id: RecordID(text)) else { throw TandemError.recordNotFound(text) }
            return record
        }
        for prefix in [false, true] {
            let found = try table.records(named: text, prefix: prefix, limit: 50)
            if found.count == 1 { return found[0] }
            if found.count > 1 { throw TandemError.ambiguousName(text, count: found.count) }
        }
        throw TandemError.crmRecordNameNotFound(text)
    }

    /// How many reads a lookup page makes at most to fill itself with records inside the mapping's CRM
    /// filter; a page that is still short after them holds what they found.
    static let lookupReads = 20

    /// A page of the CRM lookup list — only records inside the mapping's CRM filter, the only ones that
    /// can be coupled — each row marked with the ERP record it is coupled to. The table pages by name
    /// and search; the filter is applied to each page read, reading on by key until the page is full,
    /// the table ends, or `lookupReads` reads were made.
    public func lookupPage(mapping name: String, search: String?, from start: PageStart, limit: Int) throws -> [LookupRow] {
        let mapping = try workspace.store.mapping(named: name)
        let table = try workspace.table(of: mapping, on: .crm)
        let forward: Bool
        switch start {
        case .first, .after: forward = true
        case .last, .before: forward = false
        }
        var records: [Record] = []
        var next = start
        for _ in 0..<Self.lookupReads where records.count < limit {
            let read = try table.page(search: search, from: next, limit: limit)
            let admitted = read.filter(mapping.crmFilter.admits)
            if forward { records += admitted } else { records = admitted + records }
            guard read.count == limit, let edge = forward ? read.last : read.first else { break }
            next = forward ? .after(ListKey(edge, schema: table.schema)) : .before(ListKey(edge, schema: table.schema))
        }
        records = forward ? Array(records.prefix(limit)) : Array(records.suffix(limit))
        let couplings = try workspace.store.couplingsByID(mapping: mapping.name, side: .crm, ids: records.map(\.id))
        return records.map { LookupRow(record: $0, coupledERPID: couplings[$0.id]?.erpID) }
    }

    /// The mapped fields of two records side by side, differences marked.
    public func compare(mapping name: String, erpID: RecordID, crmID: RecordID) throws -> [FieldPair] {
        let mapping = try workspace.store.mapping(named: name)
        let erpTable = try workspace.table(of: mapping, on: .erp), crmTable = try workspace.table(of: mapping, on: .crm)
        guard let erp = try erpTable.record(id: erpID) else { throw TandemError.recordNotFound(erpID.rawValue) }
        guard let crm = try crmTable.record(id: crmID) else { throw TandemError.recordNotFound(crmID.rawValue) }
        let translator = try LookupTranslator.build(for: mapping, erpRecords: [erp], crmRecords: [crm], in: workspace)
        let unsynced = Coupling(mapping: mapping.name, erpID: erpID, crmID: crmID)
        return FieldComparison.compare(MappedFields(mapping, erpSchema: erpTable.schema, crmSchema: crmTable.schema),
                                       erp: erp, crm: crm, coupling: unsynced, translator: translator)
            .map { FieldPair(erpField: $0.mapping.erpField, crmField: $0.mapping.crmField, erpValue: $0.erpValue,
                             crmValue: $0.crmValue, differs: $0.sidesDiffer) }
    }

    /// Couples an ERP record to an existing CRM record, then synchronizes if asked. Nothing is written
    /// when a rule refuses it.
    public func couple(mapping name: String, erpID: RecordID, crmID: RecordID,
                       sync: SyncAfterCoupling = .useERP) throws -> CouplingOutcome {
        let mapping = try workspace.store.mapping(named: name)
        try requireDirection(for: sync, in: mapping)
        let erpTable = try workspace.table(of: mapping, on: .erp), crmTable = try workspace.table(of: mapping, on: .crm)
        guard let erp = try erpTable.record(id: erpID) else { throw TandemError.recordNotFound(erpID.rawValue) }
        guard let crm = try crmTable.record(id: crmID) else { throw TandemError.recordNotFound(crmID.rawValue) }
        for (side, record, schema) in [(Side.erp, erp, erpTable.schema), (.crm, crm, crmTable.schema)]
        where !mapping.filter(on: side).admits(record) {
            throw TandemError.outsideFilter(record: schema.label(of: record), filter: mapping.filter(on: side).summary)
        }
        try IntentRecovery.recover(mapping: mapping, in: workspace)
        var stale: Coupling?
        if let holder = try workspace.store.coupling(mapping: mapping.name, side: .crm, id: crmID), holder.erpID != erpID {
            if let other = try erpTable.record(id: holder.erpID) {
                throw TandemError.alreadyCoupled(crmRecord: crmTable.schema.label(of: crm),
                                                 erpRecord: erpTable.schema.label(of: other))
            }
            stale = holder
        }
        let current = try workspace.store.coupling(mapping: mapping.name, side: .erp, id: erpID)
        var coupling = current ?? Coupling(mapping: mapping.name, erpID: erpID, crmID: crmID)
        var job = try workspace.beginJob(.coupling, mapping: mapping.name)
        defer { workspace.endJob(job) }
        // The pairs read above are replaced only if they are still those pairs, and the new one is
        // claimed in the same transaction: a second process coupling either record meanwhile wins
        // or loses as a whole, and nothing is re-pointed unseen.
        if current?.crmID != crmID {
            coupling.resetCRMSyncState(to: crmID)
            var claim = WorkspaceChanges(jobID: job.id)
            claim.couplings = [.replace(old: [current?.pair, stale?.pair].compactMap { $0 }, new: coupling)]
            if let refusal = try workspace.store.commit(claim)[0] {
                job.counters.failed = 1
                job.finishedAt = workspace.clock.now()
                job.note = .refused(refusal)
                var ending = WorkspaceChanges(jobID: job.id)
                ending.updatedJobs = [job]
                try workspace.store.commit(ending)
                throw TandemError.refused(refusal)
            }
        }
        job.counters.coupled = 1
        if stale != nil { job.counters.uncoupled = 1 }
        job.finishedAt = workspace.clock.now()
        job.note = .coupled(erp: erpTable.schema.label(of: erp), crm: crmTable.schema.label(of: crm))
        var changes = WorkspaceChanges(jobID: job.id)
        changes.updatedJobs = [job]
        try workspace.store.commit(changes)

        var outcome = CouplingOutcome(coupling: coupling, job: job, removedStaleCoupling: stale, sync: nil)
        if let choice = choice(for: sync) {
            let request = SyncRequest(mapping: mapping.name, selection: .records(.erp, [erpID]), choice: choice,
                                      overwriteChangedDestination: true)
            outcome.sync = try SyncEngine(workspace: workspace).synchronize(request)
            outcome.coupling = try workspace.store.coupling(mapping: mapping.name, side: .erp, id: erpID) ?? coupling
        }
        return outcome
    }

    /// Creates each record on the other side from its own data and couples the pair (spec: *Create new*,
    /// which always uses the source's data). Each record succeeds or fails on its own.
    public func createNew(mapping name: String, side: Side, ids: [RecordID]) throws -> BulkOutcome {
        let mapping = try workspace.store.mapping(named: name)
        try IntentRecovery.recover(mapping: mapping, in: workspace)
        let table = try workspace.table(of: mapping, on: side)
        var job = try workspace.beginJob(.coupling, mapping: mapping.name, direction: .from(side))
        defer { workspace.endJob(job) }
        let records = try table.recordsByID(ids)
        let coupled = try workspace.store.couplingsByID(mapping: mapping.name, side: side, ids: ids)
        let translator = try LookupTranslator.build(for: mapping, erpRecords: side == .erp ? Array(records.values) : [],
                                                    crmRecords: side == .crm ? Array(records.values) : [], in: workspace)
        var outcomes: [RecordOutcome] = []
        var requests: [(label: String, request: CreationRequest)] = []
        for id in ids {
            guard let record = records[id] else {
                outcomes.append(RecordOutcome(label: id.rawValue, erpID: side == .erp ? id : nil, crmID: side == .crm ? id : nil,
                                              status: .failed, failure: .notFound(reference: id.rawValue)))
                continue
            }
            let label = table.schema.label(of: record)
            func failed(_ reason: RecordFailure) {
                outcomes.append(RecordOutcome(label: label, erpID: side == .erp ? id : nil, crmID: side == .crm ? id : nil,
                                              status: .failed, failure: reason))
            }
            if coupled[id] != nil { failed(.alreadyCoupled); continue }
            if !mapping.filter(on: side).admits(record) {
                failed(.outsideFilter(record: label, filter: mapping.filter(on: side).summary))
                continue
            }
            switch RecordBlueprint.fields(for: mapping, from: record, sourceSide: side, translator: translator) {
            case .success(let fields):
                requests.append((label, CreationRequest(sourceSide: side, source: record, fields: fields, replacing: nil)))
            case .failure(.untranslatableLookup) where mapping.name == DefaultMappings.contactName:
                failed(.companyNotCoupled)
            case .failure(let failure):
                failed(failure.reason(in: mapping))
            }
        }
        let creation = try RecordCreator(workspace: workspace, mapping: mapping, jobID: job.id).create(requests.map(\.request))
        for (index, entry) in requests.enumerated() {
            let source = entry.request.source.id
            if let coupling = creation.couplings[index] {
                outcomes.append(RecordOutcome(label: entry.label, erpID: coupling.erpID, crmID: coupling.crmID, status: .inserted))
            } else {
                let reason = creation.failures[index] ?? .couldNotCreate
                outcomes.append(RecordOutcome(label: entry.label, erpID: side == .erp ? source : nil,
                                              crmID: side == .crm ? source : nil,
                                              status: reason.isChangedElsewhere ? .changedElsewhere : .failed,
                                              failure: reason))
            }
        }
        var changes = WorkspaceChanges(jobID: job.id)
        job.counters.inserted = creation.couplings.count
        job.counters.coupled = creation.couplings.count
        job.counters.failed = outcomes.filter { $0.status == .failed }.count
        job.counters.changedElsewhere = outcomes.filter { $0.status == .changedElsewhere }.count
        job.finishedAt = workspace.clock.now()
        changes.updatedJobs = [job]
        for outcome in outcomes where outcome.status == .failed || outcome.status == .changedElsewhere {
            changes.jobErrors.append(JobError(jobID: job.id, at: workspace.clock.now(),
                                              reason: outcome.failure ?? .couldNotCreate,
                                              sourceSide: side, sourceID: side == .erp ? outcome.erpID : outcome.crmID,
                                              destinationID: nil))
        }
        try workspace.store.commit(changes)
        return BulkOutcome(job: job, outcomes: outcomes)
    }

    /// Removes the couplings of the given records; the records themselves are untouched.
    public func uncouple(mapping name: String, side: Side, ids: [RecordID]) throws -> BulkOutcome {
        let mapping = try workspace.store.mapping(named: name)
        let table = try workspace.table(of: mapping, on: side)
        let couplings = try workspace.store.couplingsByID(mapping: mapping.name, side: side, ids: ids)
        let records = try table.recordsByID(ids)
        var job = try workspace.beginJob(.uncoupling, mapping: mapping.name)
        defer { workspace.endJob(job) }
        var removals = WorkspaceChanges(jobID: job.id)
        var outcomes: [RecordOutcome] = []
        var removalOutcome: [Int] = []
        for id in ids {
            let label = records[id].map(table.schema.label) ?? id.rawValue
            if let coupling = couplings[id] {
                removals.couplings.append(.remove(coupling.pair))
                removalOutcome.append(outcomes.count)
                outcomes.append(RecordOutcome(label: label, erpID: coupling.erpID, crmID: coupling.crmID, status: .uncoupled))
            } else {
                outcomes.append(RecordOutcome(label: label, erpID: side == .erp ? id : nil, crmID: side == .crm ? id : nil,
                                              status: .failed, failure: .notCoupled))
            }
        }
        for (index, reason) in try workspace.store.commit(removals) {
            outcomes[removalOutcome[index]].status = .changedElsewhere
            outcomes[removalOutcome[index]].failure = reason
        }
        let removed = outcomes.filter { $0.status == .uncoupled }.count
        job.counters.uncoupled = removed
        job.counters.failed = outcomes.filter { $0.status == .failed }.count
        job.counters.changedElsewhere = outcomes.filter { $0.status == .changedElsewhere }.count
        job.finishedAt = workspace.clock.now()
        var changes = WorkspaceChanges(jobID: job.id)
        changes.updatedJobs = [job]
        try workspace.store.commit(changes)
        return BulkOutcome(job: job, outcomes: outcomes)
    }

    private func choice(for sync: SyncAfterCoupling) -> SyncChoice? {
        switch sync {
        case .no: nil
        case .useERP: .toCRM
        case .useCRM: .fromCRM
        }
    }

    private func requireDirection(for sync: SyncAfterCoupling, in mapping: TableMapping) throws {
        guard let direction = choice(for: sync)?.direction, !mapping.direction.allows(direction) else { return }
        throw TandemError.directionNotAllowed(mapping: mapping.name, direction: direction.rawValue)
    }
}
