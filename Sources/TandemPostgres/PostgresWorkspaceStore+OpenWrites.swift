import TandemCore

/// What a pass over the pairs must know of the writers of a shared database.
extension PostgresWorkspaceStore {
    /// The start of the oldest transaction on this database that has written something and not yet
    /// ended (in the server's clock): its records may commit after a pass has read.
    public func oldestOpenWriteStart() throws -> Timestamp? {
        try session.query("""
            SELECT (extract(epoch FROM min(xact_start)) * 1000)::bigint FROM pg_stat_activity
            WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()
            """).first.flatMap { try $0.decode(Int64?.self) }.map(Timestamp.init(milliseconds:))
    }
}
