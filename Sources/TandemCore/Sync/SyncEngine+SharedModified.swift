/// "Synchronize modified records" shared by workers: several processes (`tandem watch`) run it on one
/// workspace at once and split the work by claiming pairs a chunk at a time, so no pair is planned
/// by two of them at once, and a pair another worker synchronized meanwhile is not done again.
extension SyncEngine {
    /// This worker's share of synchronizing the modified pairs of `mapping` in `choice`'s way, as one
    /// job. The pairs are found as `.modified` finds them and taken a chunk of `claimSize` at a time:
    /// the pairs of a chunk that a live worker holds are left to it, those whose worker died are
    /// taken over. The claims are held until the job ends. The sync marks the job earns stay below
    /// every pair it left to another worker, so if that worker never finishes them the next run
    /// takes them again. When this worker takes no pair (none is out of step, or others hold them
    /// all) there is no job: nil, and the marks are stored all the same.
    public func synchronizeModifiedShared(mapping name: String, choice: SyncChoice, claimSize: Int = 1_000,
                                          progress: ProgressHandler? = nil) throws -> SyncResult? {
        let request = SyncRequest(mapping: name, selection: .modified, choice: choice)
        let mapping = try validated(request)
        try IntentRecovery.recover(mapping: mapping, in: workspace)
        var marks = try SyncMarkTracker(mapping: mapping, in: workspace)
        let found = try ModifiedPairs.erpIDs(mapping: mapping, in: workspace)
        let holder = try workspace.leases.acquire()
        defer {
            try? workspace.store.releasePairs(holder: holder)
            workspace.leases.release(holder)
        }
        let floor = MarkFloor()
        /// Claims a chunk; returns the pairs of it this worker is to synchronize. One read of the
        /// chunk's couplings and versions serves both what was won and what was left.
        func take(_ chunk: [RecordID]) throws -> [RecordID] {
            let won = Set(try workspace.store.claimPairs(mapping: mapping.name, erpIDs: chunk, holder: holder,
                                                         isLive: workspace.leases.isHeld))
            var pending: [RecordID] = []
            for pair in try ModifiedPairs.current(chunk, mapping: mapping, in: workspace) {
                if won.contains(pair.erpID) {
                    if ModifiedPairs.isStillModified(coupling: pair.coupling, erp: pair.erp, crm: pair.crm) { pending.append(pair.erpID) }
                } else {
                    if let erp = pair.erp { floor.note(.erp, erp) }
                    if let crm = pair.crm { floor.note(.crm, crm) }
                }
            }
            return pending
        }
        // No job is opened until there is a pair to take.
        var chunks = found.chunked(into: claimSize)[...]
        var first: [RecordID] = []
        while first.isEmpty, let chunk = chunks.popFirst() { first = try take(chunk) }
        guard !first.isEmpty else {
            marks.lower(to: floor)
            var changes = WorkspaceChanges()
            changes.syncMarks = marks.earned
            try workspace.store.commit(changes)
            return nil
        }
        return try runJob(request: request, mapping: mapping, total: found.count, marks: marks, floor: floor,
                          progress: progress) { applier, handle in
            var pending = first
            while true {
                if !pending.isEmpty {
                    var share = request
                    share.selection = .records(.erp, pending)
                    try forEachBatch(of: share, mapping: mapping) { plans in try handle(plans, try applier.apply(plans)) }
                }
                guard let chunk = chunks.popFirst() else { break }
                pending = try take(chunk)
            }
        }
    }
}
