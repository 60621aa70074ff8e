/// Jobs that end: a job is opened holding a lease of this process and ended by releasing it; a job
/// whose process died is found by its lease and marked interrupted, keeping what it committed (each
/// batch commits its counters), and its records are simply planned again by the next run.
extension Workspace {
    /// Opens a job in the log, held by this process until `endJob`. Interrupted jobs of dead
    /// processes are marked first.
    public func beginJob(_ type: JobType, mapping: String, direction: SyncDirection? = nil) throws -> SyncJob {
        try markInterruptedJobs()
        let owner = try leases.acquire()
        do {
            return try store.startJob(NewJob(type: type, mapping: mapping, direction: direction,
                                             startedAt: clock.now(), owner: owner))
        } catch {
            leases.release(owner)
            throw error
        }
    }

    /// Lets the job's lease go. Called once its final state is committed; a job released without an
    /// end (an error part-way) is marked interrupted by the next sweep.
    public func endJob(_ job: SyncJob) {
        if let owner = job.owner { leases.release(owner) }
    }

    /// Whether the job's process still runs it.
    public func isRunning(_ job: SyncJob) -> Bool {
        guard job.finishedAt == nil, let owner = job.owner else { return false }
        return leases.isHeld(owner)
    }

    /// Marks every unfinished job whose process is gone as interrupted; returns their ids.
    @discardableResult
    public func markInterruptedJobs() throws -> [JobID] {
        let dead = try store.unfinishedJobs().filter { !isRunning($0) }
        guard !dead.isEmpty else { return [] }
        let marked = try store.markInterrupted(dead.map(\.id), at: clock.now())
        for job in dead { if let owner = job.owner { leases.release(owner) } }
        return marked
    }

    /// The job as it stands, without writing: an unfinished job whose process is gone reads as
    /// interrupted even where the workspace cannot be written to mark it so.
    public func current(_ job: SyncJob) -> SyncJob {
        guard job.finishedAt == nil, !isRunning(job) else { return job }
        var interrupted = job
        interrupted.interrupted = true
        return interrupted
    }
}
