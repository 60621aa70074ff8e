/// "Synchronize modified records" shared by workers: several processes (`tandem watch`) run it on one
/// workspace at once and split the work by claiming pairs a chunk at a time, so no pair is planned
/// by two of them at once, and a pair another worker synchronized meanwhile is not done again.
extension SyncEngine {
    /// This worker's share of synchronizing the modified pairs of `mapping` in `choice`'s way, as one
    /// job. The pairs are found as `.modified` finds them and taken a chunk of `claimSize` at a time:
    /// the pairs of a chunk that a live worker holds are left to it, those whose worker died are
    /// taken over. The claims are held until the job ends. The sync marks the job earns stay below
    /// every pair it left to another worker, so if that worker never finishes them the next run
    /// takes them again. When no pair is out of step there is no job: nil, and the marks move on.
    public func synchronizeModifiedShared(mapping name: String, choice: SyncChoice, claimSize: Int = 1_000,
                                          progress: ProgressHandler? = nil) throws -> SyncResult? {
        let request = SyncRequest(mapping: name, selection: .modified, choice: choice)
        let mapping = try validated(request)
        try IntentRecovery.recover(mapping: mapping, in: workspace)
        let marks = try SyncMarkTracker(mapping: mapping, in: workspace)
        let found = try ModifiedPairs.erpIDs(mapping: mapping, in: workspace)
        guard !found.isEmpty else {
            var changes = WorkspaceChanges()
            changes.syncMarks = marks.earned
            try workspace.store.commit(changes)
            return nil
        }
        let holder = try workspace.leases.acquire()
        defer {
            try? workspace.store.releasePairs(holder: holder)
            workspace.leases.release(holder)
        }
        let floor = MarkFloor()
        return try runJob(request: request, mapping: mapping, total: found.count, marks: marks, floor: floor,
                          progress: progress) { applier, handle in
            for chunk in found.chunked(into: claimSize) {
                let claimed = try workspace.store.claimPairs(mapping: mapping.name, erpIDs: chunk, holder: holder,
                                                             isLive: workspace.leases.isHeld)
                let won = Set(claimed)
                let left = chunk.filter { !won.contains($0) }
                for pair in try ModifiedPairs.current(left, mapping: mapping, in: workspace) {
                    if let erp = pair.erp { floor.note(.erp, erp) }
                    if let crm = pair.crm { floor.note(.crm, crm) }
                }
                let pending = try ModifiedPairs.stillModified(claimed, mapping: mapping, in: workspace)
                guard !pending.isEmpty else { continue }
                var share = request
                share.selection = .records(.erp, pending)
                try forEachBatch(of: share, mapping: mapping) { plans in try handle(plans, try applier.apply(plans)) }
            }
        }
    }
}
