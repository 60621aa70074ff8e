/// Tells whether the process running a job is still alive. A job holds a lease from its start to its
/// end; a process that dies (kill -9, power loss) loses its leases with it, so a job left without an
/// end and without a held lease is known to be interrupted, and the creations it intended may be
/// finished by someone else. A live job's lease is never taken over.
public protocol JobLeases: Sendable {
    /// A new lease, held by this process until `release` or the process's end; returns its token.
    func acquire() throws -> String
    /// Lets the lease go (the job ended); for a lease of a dead process, clears what it left behind.
    func release(_ token: String)
    /// Whether some live process holds the lease `token`.
    func isHeld(_ token: String) -> Bool
}
