/// Synchronize now: plans a request batch by batch (the plan is the preview) and applies it, each batch
/// read with a few bulk reads and written in one transaction per database.
public struct SyncEngine: Sendable {
    public let workspace: Workspace
    /// Records per batch: one read per table, one transaction per database.
    public var batchSize: Int
    /// How many skipped or failed records a result lists; the job's counters count them all.
    public var problemLimit: Int

    public init(workspace: Workspace, batchSize: Int = 5_000, problemLimit: Int = 1000) {
        self.workspace = workspace
        self.batchSize = batchSize
        self.problemLimit = problemLimit
    }

    /// What the request would do, writing nothing: every plan, held whole (for a known, small selection).
    /// A preview of the modified records names them, so applying it writes exactly those.
    public func preview(_ request: SyncRequest) throws -> SyncPlan {
        let request = try resolved(request, mapping: try validated(request))
        var records: [RecordPlan] = []
        _ = try preview(request) { plans in records += plans }
        return SyncPlan(request: request, records: records)
    }

    /// What the request would do, writing nothing, a batch at a time: each batch's plans go to `body` as
    /// they are made and are not kept; only their counts are, and returned.
    public func preview(_ request: SyncRequest, batches body: ([RecordPlan]) throws -> Void) throws -> SyncPlan.Counts {
        let mapping = try validated(request)
        let request = try resolved(request, mapping: mapping)
        var counts = SyncPlan.Counts()
        try forEachBatch(of: request, mapping: mapping) { plans in
            for plan in plans { counts.add(plan) }
            try body(plans)
        }
        return counts
    }

    /// A preview to hold on a screen: the first `limit` plans, the counts of all and a fingerprint of each.
    public func preview(_ request: SyncRequest, keeping limit: Int) throws -> SyncPreview {
        let request = try resolved(request, mapping: try validated(request))
        var preview = SyncPreview(request: request)
        preview.counts = try self.preview(request) { plans in
            preview.shown += plans.prefix(max(0, limit - preview.shown.count))
            preview.fingerprints += plans.map(SyncPreview.fingerprint)
        }
        return preview
    }

    /// Plans and applies the request, one batch at a time, as one job in the log.
    public func synchronize(_ request: SyncRequest, progress: ProgressHandler? = nil) throws -> SyncResult {
        let mapping = try validated(request)
        try IntentRecovery.recover(mapping: mapping, in: workspace)
        // Taken before anything is read: a pass over every pair earns the marks modified runs start from.
        let marks = request.selection.coversEveryPair ? try SyncMarkTracker(mapping: mapping, in: workspace) : nil
        let request = try resolved(request, mapping: mapping)
        return try runJob(request: request, mapping: mapping, total: try total(of: request, mapping: mapping),
                          marks: marks, progress: progress) { applier, handle in
            try BatchPipeline.run(produce: { emit in try forEachBatch(of: request, mapping: mapping, emit) },
                                  consume: { plans in try handle(plans, try applier.apply(plans)) })
        }
    }

    /// Applies a previewed plan exactly; records that changed since the preview fail instead.
    public func apply(_ plan: SyncPlan, progress: ProgressHandler? = nil) throws -> SyncResult {
        let mapping = try validated(plan.request)
        try IntentRecovery.recover(mapping: mapping, in: workspace)
        return try runJob(request: plan.request, mapping: mapping, total: plan.records.count,
                          marks: nil, progress: progress) { applier, handle in
            for batch in plan.records.chunked(into: batchSize) {
                try handle(batch, try applier.apply(try applier.refuseStale(batch)))
            }
        }
    }

    /// Applies a held preview: exactly its plans when it kept them all (see `apply(_ plan:)`); otherwise
    /// it plans again, batch by batch, and fails every record whose new plan would change something and
    /// differs from the previewed one, so what is written is what the preview counted.
    public func apply(_ preview: SyncPreview, progress: ProgressHandler? = nil) throws -> SyncResult {
        if preview.isComplete {
            return try apply(SyncPlan(request: preview.request, records: preview.shown), progress: progress)
        }
        let mapping = try validated(preview.request)
        try IntentRecovery.recover(mapping: mapping, in: workspace)
        return try runJob(request: preview.request, mapping: mapping, total: preview.counts.records,
                          marks: nil, progress: progress) { applier, handle in
            try BatchPipeline.run(produce: { emit in
                var position = 0
                try forEachBatch(of: preview.request, mapping: mapping) { plans in
                    try emit(preview.refusingChanged(plans, from: position))
                    position += plans.count
                }
            }, consume: { plans in try handle(plans, try applier.apply(plans)) })
        }
    }

    struct Cancelled: Error {}

    func runJob(request: SyncRequest, mapping: TableMapping, total: Int, marks: SyncMarkTracker?,
                floor: MarkFloor? = nil, progress: ProgressHandler?,
                body: (SyncApplier, ([RecordPlan], SyncApplier.BatchOutcome) throws -> Void) throws -> Void)
        throws -> SyncResult {
        var marks = marks
        var job = try workspace.beginJob(.synchronization, mapping: mapping.name, direction: request.choice.direction)
        defer { workspace.endJob(job) }
        let applier = SyncApplier(workspace: workspace, mapping: mapping, jobID: job.id)
        var done = 0
        var problems: [RecordOutcome] = []
        var overwrites: [OverwrittenRecord] = []
        var cancelled = false
        do {
            try body(applier) { plans, outcome in
                done += plans.count
                marks?.note(plans, problems: outcome.problems)
                job.counters = job.counters + outcome.counters
                problems += outcome.problems.prefix(max(0, problemLimit - problems.count))
                overwrites += outcome.overwrites.prefix(max(0, problemLimit - overwrites.count))
                var changes = WorkspaceChanges(jobID: job.id)
                changes.updatedJobs = [job]
                try workspace.store.commit(changes)
                if let progress, !progress(SyncProgress(done: done, total: total, counters: job.counters)) {
                    throw Cancelled()
                }
            }
        } catch is Cancelled {
            cancelled = true
        }
        if let floor { marks?.lower(to: floor) }
        job.finishedAt = workspace.clock.now()
        // A pass that also creates the uncoupled records selected more than the couplings it counted;
        // a shared pass selected what it took, not what it found.
        let selected = cancelled || floor != nil || request.createsUncoupled(mapping) ? done : total
        var result = SyncResult(job: job, selected: selected, problems: problems,
                                overwrites: overwrites, cancelled: cancelled)
        if cancelled { job.note = .cancelled }
        result.job = job
        var changes = WorkspaceChanges()
        changes.updatedJobs = [job]
        if !cancelled, let marks { changes.syncMarks = marks.earned }
        try workspace.store.commit(changes)
        return result
    }

    /// The request with the modified records named: found once, before planning.
    private func resolved(_ request: SyncRequest, mapping: TableMapping) throws -> SyncRequest {
        guard request.selection == .modified else { return request }
        var named = request
        named.selection = .records(.erp, try ModifiedPairs.erpIDs(mapping: mapping, in: workspace))
        return named
    }

    func validated(_ request: SyncRequest) throws -> TableMapping {
        let mapping = try workspace.store.mapping(named: request.mapping)
        if let direction = request.choice.direction, !mapping.direction.allows(direction) {
            throw TandemError.directionNotAllowed(mapping: mapping.name, direction: direction.rawValue)
        }
        if request.choice == .merge && mapping.direction != .bidirectional {
            throw TandemError.directionNotAllowed(mapping: mapping.name, direction: tr("both ways (merge)"))
        }
        return mapping
    }

    private func total(of request: SyncRequest, mapping: TableMapping) throws -> Int {
        switch request.selection {
        case .records(_, let ids): Set(ids).count
        case .allCoupled: try workspace.store.couplingCount(mapping: mapping.name)
        case .modified: 0  // resolved to its records before planning
        }
    }

    /// Reads the selection a batch at a time and hands each batch's plans to `body`.
    func forEachBatch(of request: SyncRequest, mapping: TableMapping,
                              _ body: ([RecordPlan]) throws -> Void) throws {
        let erpTable = try workspace.table(of: mapping, on: .erp)
        let crmTable = try workspace.table(of: mapping, on: .crm)
        func plan(_ selected: [(Side, RecordID, Coupling?)]) throws -> [RecordPlan] {
            let erpIDs = selected.compactMap { side, id, coupling in coupling?.erpID ?? (side == .erp ? id : nil) }
            let crmIDs = selected.compactMap { side, id, coupling in coupling?.crmID ?? (side == .crm ? id : nil) }
            let erp = try erpTable.recordsByID(erpIDs), crm = try crmTable.recordsByID(crmIDs)
            let translator = try LookupTranslator.build(for: mapping, erpRecords: erp.values, crmRecords: crm.values,
                                                        in: workspace)
            let planner = SyncPlanner(mapping: mapping, erpSchema: erpTable.schema, crmSchema: crmTable.schema,
                                      translator: translator, request: request)
            return selected.map { side, id, coupling in
                let erpID = coupling?.erpID ?? (side == .erp ? id : nil)
                let crmID = coupling?.crmID ?? (side == .crm ? id : nil)
                return planner.plan(PlanItem(selectedSide: side, selectedID: id, coupling: coupling,
                                             erp: erpID.flatMap { erp[$0] }, crm: crmID.flatMap { crm[$0] }))
            }
        }
        switch request.selection {
        case .records(let side, let ids):
            var seen = Set<RecordID>()
            let unique = ids.filter { seen.insert($0).inserted }
            for chunk in unique.chunked(into: batchSize) {
                let couplings = try workspace.store.couplingsByID(mapping: mapping.name, side: side, ids: chunk)
                try body(try plan(chunk.map { (side, $0, couplings[$0]) }))
            }
        case .modified:
            break  // resolved to its records before planning
        case .allCoupled:
            var after: RecordID?
            while true {
                let couplings = try workspace.store.couplings(mapping: mapping.name, after: after, limit: batchSize)
                guard let last = couplings.last else { break }
                try body(try plan(couplings.map { (.erp, $0.erpID, $0) }))
                after = last.erpID
            }
            if request.createsUncoupled(mapping), let direction = request.choice.direction {
                try UncoupledPlanner(workspace: workspace, mapping: mapping, direction: direction, batchSize: batchSize)
                    .forEachBatch(body)
            }
        }
    }
}
