import Foundation

/// Leases of one process's jobs, held in memory: for in-memory workspaces, which no other process
/// can open. `abandon` stands for a process dying with its leases.
public final class InMemoryJobLeases: JobLeases {
    private let held = Locked(Set<String>())

    public init() {}

    public func acquire() throws -> String {
        let token = UUID().uuidString.lowercased()
        held.withLock { _ = $0.insert(token) }
        return token
    }

    public func release(_ token: String) { held.withLock { _ = $0.remove(token) } }

    public func isHeld(_ token: String) -> Bool { held.withLock { $0.contains(token) } }

    /// Drops every lease, as a process's death does (for crash tests).
    public func abandonAll() { held.withLock { $0.removeAll() } }
}
