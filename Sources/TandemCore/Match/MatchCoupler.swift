/// Match-based coupling (spec §6): a hash join of the uncoupled ERP records against the CRM records,
/// priority group by priority group; exactly one uncoupled candidate couples. Memory stays bounded at
/// any table size: the CRM side is held as compact hash indexes (about 40 bytes a candidate), the ERP
/// side is read a batch at a time with its couplings, each batch's pairs are claimed, its missing
/// records created and its results handed out before the next, and only counts and samples are kept.
public struct MatchCoupler: Sendable {
    public let workspace: Workspace
    public var batchSize = 1000
    /// How many records of each kind the result lists (the counts are always exact).
    public var sampleLimit = 1000

    public init(workspace: Workspace) { self.workspace = workspace }

    /// Matches the given uncoupled ERP records (nil: every uncoupled ERP record inside the filter),
    /// handing each batch's results to `report` as they are committed.
    public func match(mapping name: String, erpIDs: [RecordID]? = nil, options: MatchOptions,
                      report: ((MatchBatchReport) -> Void)? = nil) throws -> MatchResult {
        let mapping = try workspace.store.mapping(named: name)
        guard !options.criteria.criteria.isEmpty else {
            throw TandemError.invalidCriteria(tr("Choose at least one field to match on."))
        }
        try IntentRecovery.recover(mapping: mapping, in: workspace)
        let erpTable = try workspace.table(of: mapping, on: .erp), crmTable = try workspace.table(of: mapping, on: .crm)
        var job = try workspace.beginJob(.matchCoupling, mapping: mapping.name)
        defer { workspace.endJob(job) }
        let groups = options.criteria.groups, batchSize = self.batchSize, store = workspace.store
        let createNew = options.createNewIfNoMatch

        var result = MatchResult(job: job, counts: MatchCounts(), coupled: [], created: [], unmatched: [], failed: [])
        var toSynchronize: [RecordID] = []
        // Matching batch N+1 (one thread, which owns the join) overlaps committing batch N.
        try BatchPipeline.run(produce: { emit in
            var join = CandidateJoin(mapping: mapping, table: crmTable, groups: groups, store: store)
            // Read only what matching needs: the match fields, the filter's fields and the label's.
            let schema = erpTable.schema
            let fields = Array(Set(groups.flatMap { $0.map(\.erpField) } + mapping.erpFilter.conditions.map(\.field)
                                   + [schema.nameField] + (schema.numberField.map { [$0] } ?? [])))
            try Self.forEachERPBatch(erpTable, ids: erpIDs, fields: fields, batchSize: batchSize) { records in
                let coupledERP = try store.coupledIDs(mapping: mapping.name, side: .erp, among: records.map(\.id))
                var batch = MatchBatch()
                for record in records where !coupledERP.contains(record.id) && mapping.erpFilter.admits(record) {
                    let label = erpTable.schema.label(of: record)
                    switch try join.match(record) {
                    case .matched(let crmID, let priority):
                        batch.couplings.append(Coupling(mapping: mapping.name, erpID: record.id, crmID: crmID))
                        batch.coupled.append(MatchedPair(erpID: record.id, crmID: crmID, label: label, priority: priority))
                    case .unmatched(let reason):
                        // Only when nothing matched: creating one more copy of an ambiguous or an
                        // already-coupled record would add a duplicate to the CRM.
                        if createNew && reason.meansNothingMatched {
                            batch.leftOver.append(record)
                        } else {
                            batch.unmatched.append(UnmatchedRecord(erpID: record.id, label: label, reason: reason))
                        }
                    }
                }
                try emit(batch)
            }
        }, consume: { batch in
            var done = MatchBatchReport(unmatched: batch.unmatched)
            // Each pair is claimed where it is written: one coupled (or claimed for a creation) by
            // another process since the join read it is reported, never re-pointed.
            var claims = WorkspaceChanges(jobID: job.id)
            claims.couplings = batch.couplings.map { .claim($0) }
            let refused = try workspace.store.commit(claims)
            for (index, pair) in batch.coupled.enumerated() {
                guard let reason = refused[index] else { done.coupled.append(pair); continue }
                done.failed.append(RecordOutcome(label: pair.label, erpID: pair.erpID, crmID: pair.crmID,
                                                 status: .changedElsewhere, failure: reason))
            }
            if !batch.leftOver.isEmpty {
                // Created from the whole record, read again (matching read only some fields).
                let whole = try erpTable.recordsByID(batch.leftOver.map(\.id))
                let (made, problems) = try create(batch.leftOver.compactMap { whole[$0.id] }, mapping: mapping,
                                                  erpSchema: erpTable.schema, job: job)
                done.created = made
                done.failed += problems
            }
            if options.synchronizeAfterCoupling { toSynchronize += done.coupled.map(\.erpID) }
            record(done, into: &result)
            job.counters = result.counters(of: job)
            var progress = WorkspaceChanges(jobID: job.id)
            progress.updatedJobs = [job]
            progress.jobErrors = done.unmatched.map {
                JobError(jobID: job.id, at: workspace.clock.now(), reason: .unmatched($0.reason),
                         sourceSide: .erp, sourceID: $0.erpID, destinationID: nil)
            } + done.failed.map {
                JobError(jobID: job.id, at: workspace.clock.now(), reason: $0.failure ?? .couldNotCreate,
                         sourceSide: .erp, sourceID: $0.erpID, destinationID: $0.crmID)
            }
            try workspace.store.commit(progress)
            report?(done)
        })

        if !toSynchronize.isEmpty {
            let choice: SyncChoice = mapping.direction == .fromCRM ? .fromCRM : .toCRM
            result.sync = try SyncEngine(workspace: workspace).synchronize(SyncRequest(
                mapping: mapping.name, selection: .records(.erp, toSynchronize), choice: choice,
                overwriteChangedDestination: true))
        }
        job.counters = result.counters(of: job)
        job.finishedAt = workspace.clock.now()
        result.job = job
        var changes = WorkspaceChanges(jobID: job.id)
        changes.updatedJobs = [job]
        try workspace.store.commit(changes)
        return result
    }

    /// Adds a batch's results to the counts, and to the samples while they have room.
    private func record(_ batch: MatchBatchReport, into result: inout MatchResult) {
        result.counts.coupled += batch.coupled.count
        result.counts.created += batch.created.count
        result.counts.unmatched += batch.unmatched.count
        result.counts.failed += batch.failed.filter { $0.status == .failed }.count
        result.counts.refused += batch.failed.filter { $0.status == .changedElsewhere }.count
        func sample<T>(_ kept: inout [T], _ more: [T]) { kept += more.prefix(max(0, sampleLimit - kept.count)) }
        sample(&result.coupled, batch.coupled)
        sample(&result.created, batch.created)
        sample(&result.unmatched, batch.unmatched)
        sample(&result.failed, batch.failed)
    }

    /// One batch of matching, handed from the matching thread to the committing one.
    private struct MatchBatch: Sendable {
        var couplings: [Coupling] = []
        var coupled: [MatchedPair] = []
        var unmatched: [UnmatchedRecord] = []
        var leftOver: [Record] = []
    }

    /// The ERP records to match a batch at a time: those named (whole), or every record with only `fields`.
    private static func forEachERPBatch(_ table: any RecordSource, ids: [RecordID]?, fields: [String], batchSize: Int,
                                        _ body: ([Record]) throws -> Void) throws {
        if let ids {
            for chunk in ids.chunked(into: batchSize) {
                let found = try table.recordsByID(chunk)
                try body(chunk.compactMap { found[$0] })
            }
            return
        }
        var after: RecordID?
        while true {
            let records = try table.scan(after: after, limit: batchSize, fields: fields)
            guard let last = records.last else { return }
            try body(records)
            after = last.id
        }
    }

    /// Creates the CRM record of each ERP record that matched nothing, and couples the pair.
    private func create(_ records: [Record], mapping: TableMapping, erpSchema: TableSchema,
                        job: SyncJob) throws -> ([MatchedPair], [RecordOutcome]) {
        let translator = try LookupTranslator.build(for: mapping, erpRecords: records, crmRecords: [], in: workspace)
        var requests: [CreationRequest] = [], failed: [RecordOutcome] = []
        for record in records {
            switch RecordBlueprint.fields(for: mapping, from: record, sourceSide: .erp, translator: translator) {
            case .success(let fields):
                requests.append(CreationRequest(sourceSide: .erp, source: record, fields: fields, replacing: nil))
            case .failure(let failure):
                failed.append(RecordOutcome(label: erpSchema.label(of: record), erpID: record.id, crmID: nil,
                                            status: .failed, failure: failure.reason(in: mapping)))
            }
        }
        let creation = try RecordCreator(workspace: workspace, mapping: mapping, jobID: job.id).create(requests)
        var made: [MatchedPair] = []
        for (index, request) in requests.enumerated() {
            let label = erpSchema.label(of: request.source)
            if let coupling = creation.couplings[index] {
                made.append(MatchedPair(erpID: coupling.erpID, crmID: coupling.crmID, label: label, priority: nil))
            } else {
                let reason = creation.failures[index] ?? .couldNotCreate
                failed.append(RecordOutcome(label: label, erpID: request.source.id, crmID: nil,
                                            status: reason.isChangedElsewhere ? .changedElsewhere : .failed,
                                            failure: reason))
            }
        }
        return (made, failed)
    }
}
