import Foundation
import TandemCore

/// Job leases as PostgreSQL session advisory locks: a process holds its lease for as long as its
/// connection lives, so a process that was killed (or lost its connection) frees its lease at once,
/// and any other process sees that through `pg_locks`. The token is the lock's key.
public final class PostgresJobLeases: JobLeases, @unchecked Sendable {
    private let session: PostgresSession
    /// Advisory-lock keys of leases live in their own class (the first key of the two-key form).
    private static let leaseClass: Int64 = 7_231

    public init(session: PostgresSession) { self.session = session }

    public func acquire() throws -> String {
        for _ in 0..<16 {
            let key = Int64.random(in: 1...Int64(Int32.max))
            let taken = try session.queryOnFirstConnection("SELECT pg_try_advisory_lock(?::int, ?::int)", [.integer(Self.leaseClass), .integer(key)])
                .first?.decode(Bool.self) ?? false
            if taken { return "pg-lease-\(key)" }
        }
        throw PostgresWorkspaceError.failed(address: session.address.description, message: "no job lease could be taken")
    }

    public func release(_ token: String) {
        guard let key = Self.key(token) else { return }
        _ = try? session.queryOnFirstConnection("SELECT pg_advisory_unlock(?::int, ?::int)", [.integer(Self.leaseClass), .integer(key)])
    }

    public func isHeld(_ token: String) -> Bool {
        guard let key = Self.key(token) else { return false }
        // Unreadable answers count as held: a job must never be marked interrupted by mistake.
        let rows = try? session.query("""
            SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = ?::int::oid AND objid = ?::int::oid AND objsubid = 2 AND granted
            """, [.integer(Self.leaseClass), .integer(key)])
        return rows.map { !$0.isEmpty } ?? true
    }

    private static func key(_ token: String) -> Int64? {
        token.hasPrefix("pg-lease-") ? Int64(token.dropFirst("pg-lease-".count)) : nil
    }
}
