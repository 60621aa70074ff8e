/// Options of match-based coupling.
public struct MatchOptions: Sendable {
    public var criteria: MatchCriteria
    /// Create the CRM record (and couple it) for each ERP record that matched nothing (not for
    /// ambiguous records, nor those whose only candidate is coupled already).
    public var createNewIfNoMatch: Bool
    /// Synchronize each newly matched pair afterwards, in the mapping's direction (ERP data first).
    public var synchronizeAfterCoupling: Bool

    public init(criteria: MatchCriteria, createNewIfNoMatch: Bool = false, synchronizeAfterCoupling: Bool = false) {
        self.criteria = criteria
        self.createNewIfNoMatch = createNewIfNoMatch
        self.synchronizeAfterCoupling = synchronizeAfterCoupling
    }
}

/// One ERP record match-based coupling could not couple, and why.
public struct UnmatchedRecord: Sendable, Equatable {
    public var erpID: RecordID
    public var label: String
    public var reason: UnmatchedReason
}

/// A pair match-based coupling made.
public struct MatchedPair: Sendable, Equatable {
    public var erpID: RecordID
    public var crmID: RecordID
    public var label: String
    /// The priority group that matched; nil when the CRM record was created.
    public var priority: Int?
}

/// What match-based coupling did.
public struct MatchResult: Sendable {
    public var job: SyncJob
    public var coupled: [MatchedPair]
    public var created: [MatchedPair]
    public var unmatched: [UnmatchedRecord]
    /// Records that could not be created (with create new), with the reason.
    public var failed: [RecordOutcome]
    public var sync: SyncResult?
}

/// Match-based coupling (spec §6): a hash join of the uncoupled ERP records against the CRM records,
/// priority group by priority group; exactly one uncoupled candidate couples.
public struct MatchCoupler: Sendable {
    public let workspace: Workspace
    public var batchSize = 1000

    public init(workspace: Workspace) { self.workspace = workspace }

    /// Matches the given uncoupled ERP records (nil: every uncoupled ERP record inside the filter).
    public func match(mapping name: String, erpIDs: [RecordID]? = nil, options: MatchOptions) throws -> MatchResult {
        let mapping = try workspace.store.mapping(named: name)
        guard !options.criteria.criteria.isEmpty else {
            throw TandemError.invalidCriteria("Choose at least one field to match on.")
        }
        try IntentRecovery.recover(mapping: mapping, in: workspace)
        let erpTable = try workspace.table(of: mapping, on: .erp), crmTable = try workspace.table(of: mapping, on: .crm)
        var job = try workspace.beginJob(.matchCoupling, mapping: mapping.name)
        defer { workspace.endJob(job) }
        let coupledERP = try workspace.store.coupledIDs(mapping: mapping.name, side: .erp)
        let crmCoupled = try workspace.store.coupledIDs(mapping: mapping.name, side: .crm)
        let groups = options.criteria.groups, batchSize = self.batchSize
        let createNew = options.createNewIfNoMatch

        // Matching batch N+1 (one thread, which owns the join) overlaps committing batch N.
        var coupled: [MatchedPair] = [], unmatched: [UnmatchedRecord] = [], leftOver: [Record] = []
        var failed: [RecordOutcome] = []
        try BatchPipeline.run(produce: { emit in
            var join = try CandidateJoin(mapping: mapping, table: crmTable, groups: groups, coupled: crmCoupled)
            // Read only what matching needs: the match fields, the filter's fields and the label's.
            let schema = erpTable.schema
            let fields = Array(Set(groups.flatMap { $0.map(\.erpField) } + mapping.erpFilter.conditions.map(\.field)
                                   + [schema.nameField] + (schema.numberField.map { [$0] } ?? [])))
            try Self.forEachERPBatch(erpTable, ids: erpIDs, fields: fields, batchSize: batchSize) { records in
                var batch = MatchBatch()
                for record in records where !coupledERP.contains(record.id) && mapping.erpFilter.admits(record) {
                    let label = erpTable.schema.label(of: record)
                    switch join.match(record) {
                    case .matched(let crmID, let priority):
                        batch.couplings.append(Coupling(mapping: mapping.name, erpID: record.id, crmID: crmID))
                        batch.coupled.append(MatchedPair(erpID: record.id, crmID: crmID, label: label, priority: priority))
                    case .unmatched(let reason):
                        batch.unmatched.append(UnmatchedRecord(erpID: record.id, label: label, reason: reason))
                        // Only when nothing matched: creating one more copy of an ambiguous or an
                        // already-coupled record would add a duplicate to the CRM.
                        if createNew && reason.meansNothingMatched { batch.leftOver.append(record) }
                    }
                }
                try emit(batch)
            }
        }, consume: { batch in
            unmatched += batch.unmatched
            leftOver += batch.leftOver
            // Each pair is claimed where it is written: one coupled (or claimed for a creation) by
            // another process since the join read it is reported, never re-pointed.
            var claims = WorkspaceChanges(jobID: job.id)
            claims.couplings = batch.couplings.map { .claim($0) }
            let refused = try workspace.store.commit(claims)
            for (index, pair) in batch.coupled.enumerated() {
                guard let reason = refused[index] else { coupled.append(pair); continue }
                failed.append(RecordOutcome(label: pair.label, erpID: pair.erpID, crmID: pair.crmID,
                                            status: .changedElsewhere, failure: reason))
            }
            job.counters.coupled = coupled.count
            var progress = WorkspaceChanges(jobID: job.id)
            progress.updatedJobs = [job]
            try workspace.store.commit(progress)
        })

        var created: [MatchedPair] = []
        for batch in leftOver.chunked(into: batchSize) {
            // Created from the whole record, read again (matching read only some fields).
            let whole = try erpTable.recordsByID(batch.map(\.id))
            let (made, problems) = try create(batch.compactMap { whole[$0.id] }, mapping: mapping, erpSchema: erpTable.schema,
                                              job: &job)
            created += made
            failed += problems
        }
        // A record created, or refused because another job took it first, is reported as that alone.
        let settled = Set(created.map(\.erpID) + failed.map(\.erpID).compactMap { $0 })
        unmatched.removeAll { settled.contains($0.erpID) }

        var sync: SyncResult?
        if options.synchronizeAfterCoupling && !coupled.isEmpty {
            let choice: SyncChoice = mapping.direction == .fromCRM ? .fromCRM : .toCRM
            sync = try SyncEngine(workspace: workspace).synchronize(SyncRequest(
                mapping: mapping.name, selection: .records(.erp, coupled.map(\.erpID)), choice: choice,
                overwriteChangedDestination: true))
        }
        job.counters.coupled = coupled.count + created.count
        job.counters.inserted = created.count
        job.counters.failed = failed.filter { $0.status == .failed }.count
        job.counters.changedElsewhere = failed.filter { $0.status == .changedElsewhere }.count
        job.counters.skipped = unmatched.count
        job.finishedAt = workspace.clock.now()
        var changes = WorkspaceChanges(jobID: job.id)
        changes.updatedJobs = [job]
        changes.jobErrors = unmatched.map {
            JobError(jobID: job.id, at: workspace.clock.now(), reason: .unmatched($0.reason),
                     sourceSide: .erp, sourceID: $0.erpID, destinationID: nil)
        } + failed.map {
            JobError(jobID: job.id, at: workspace.clock.now(), reason: $0.failure ?? .couldNotCreate,
                     sourceSide: .erp, sourceID: $0.erpID, destinationID: $0.crmID)
        }
        try workspace.store.commit(changes)
        return MatchResult(job: job, coupled: coupled, created: created, unmatched: unmatched, failed: failed, sync: sync)
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

    private func create(_ records: [Record], mapping: TableMapping, erpSchema: TableSchema,
                        job: inout SyncJob) throws -> ([MatchedPair], [RecordOutcome]) {
        let translator = try LookupTranslator.build(for: mapping, erpRecords: records, crmRecords: [], in: workspace)
        var requests: [CreationRequest] = [], failed: [RecordOutcome] = []
        for record in records {
            switch RecordBlueprint.fields(for: mapping, from: record, sourceSide: .erp, translator: translator) {
            case .success(let fields):
                requests.append(CreationRequest(sourceSide: .erp, source: record, fields: fields, replacing: nil))
            case .failure(let failure):
                let reason: RecordFailure = switch failure {
                case .directionNotAllowed(let direction):
                    .directionNotAllowed(mapping: mapping.name, direction: direction.rawValue)
                case .untranslatableLookup(let field, let value): .lookupNotCoupled(field: field, value: value)
                }
                failed.append(RecordOutcome(label: erpSchema.label(of: record), erpID: record.id, crmID: nil,
                                            status: .failed, failure: reason))
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
        var changes = WorkspaceChanges(jobID: job.id)
        job.counters.inserted += made.count
        changes.updatedJobs = [job]
        try workspace.store.commit(changes)
        return (made, failed)
    }
}

/// The CRM side of the join: candidates inside the filter, reduced to their match fields, with one
/// hash index per priority group and set of non-empty ERP fields, built on first use.
struct CandidateJoin {
    private let groups: [[MatchCriterion]]
    private var candidates: [RecordID: Record] = [:]
    private var coupled: Set<RecordID>
    /// Built indexes, each for one group's criteria with a value (by position in the group), with the
    /// CRM fields (and case flags) it keys on; few, so a list.
    private var indexes: [(group: Int, present: [Int], fields: [(field: String, caseSensitive: Bool)], index: MatchIndex)] = []

    enum Probe {
        case matched(RecordID, priority: Int)
        case unmatched(UnmatchedReason)
    }

    init(mapping: TableMapping, table: any RecordSource, groups: [[MatchCriterion]], coupled: Set<RecordID>) throws {
        self.groups = groups
        self.coupled = coupled
        // Read only what matching needs: the match fields and the filter's fields.
        let fields = Array(Set(groups.flatMap { $0.map(\.crmField) } + mapping.crmFilter.conditions.map(\.field)))
        var after: RecordID?
        while true {
            let page = try table.scan(after: after, limit: 5000, fields: fields)
            guard let last = page.last else { break }
            for record in page where mapping.crmFilter.admits(record) { candidates[record.id] = record }
            after = last.id
        }
    }

    /// The one uncoupled candidate for `record` with the priority that found it, or why there is none.
    mutating func match(_ record: Record) -> Probe {
        var reason: UnmatchedReason?
        var anyValue = false
        for (number, group) in groups.enumerated() {
            let present = group.indices.filter { !FieldValue.normalizedText(record[group[$0].erpField]).isEmpty }
            guard !present.isEmpty else { continue }
            anyValue = true
            let erpFields = present.map { (field: group[$0].erpField, caseSensitive: group[$0].caseSensitive) }
            guard let key = MatchIndex.key(record, fields: erpFields), let bucket = index(group: number, present).bucket(for: key)
            else { continue }
            if bucket.uncoupled.count == 1 {
                take(bucket.uncoupled[0])
                return .matched(bucket.uncoupled[0], priority: group[0].priority)
            }
            if bucket.uncoupled.count > 1 {
                if case .ambiguous = reason {} else { reason = .ambiguous(candidates: bucket.uncoupled.count) }
            } else if reason == nil, !bucket.coupled.isEmpty {
                reason = .candidateAlreadyCoupled(crmIDs: bucket.coupled.sorted())
            }
        }
        return .unmatched(reason ?? (anyValue ? .noMatch : .nothingToMatchOn))
    }

    private mutating func index(group: Int, _ present: [Int]) -> MatchIndex {
        if let built = indexes.first(where: { $0.group == group && $0.present == present }) { return built.index }
        let fields = present.map { (field: groups[group][$0].crmField, caseSensitive: groups[group][$0].caseSensitive) }
        let index = MatchIndex(candidates: Array(candidates.values), fields: fields, coupled: coupled)
        indexes.append((group, present, fields, index))
        return index
    }

    /// Marks a candidate coupled in every index built so far (and, through `coupled`, those built later).
    private mutating func take(_ id: RecordID) {
        coupled.insert(id)
        guard let candidate = candidates[id] else { return }
        for position in indexes.indices {
            if let key = MatchIndex.key(candidate, fields: indexes[position].fields) {
                indexes[position].index.markCoupled(id, key: key)
            }
        }
    }
}
