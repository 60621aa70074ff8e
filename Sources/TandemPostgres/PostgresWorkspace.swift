import TandemCore

/// A workspace in one PostgreSQL database, shared by everyone who points Tandem at it: both sides'
/// tables and the integration state, behind the same `Workspace` the engine and the screens use.
public struct PostgresWorkspace: ReplicaHost, Sendable {
    public let address: PostgresAddress
    public let session: PostgresSession
    public let workspace: Workspace
    public let erpTables: [String: PostgresRecordSource]
    public let crmTables: [String: PostgresRecordSource]

    /// The workspace's tables and store on an open session (whose database is at this schema), on
    /// `clock`, else the server's.
    private init(session: PostgresSession, clock: (any TimeSource)?) {
        let clock = clock ?? PostgresServerClock(session: session)
        let erp = StandardTables.tables(on: .erp).map { PostgresRecordSource(session: session, schema: $0, clock: clock) }
        let crm = StandardTables.tables(on: .crm).map { PostgresRecordSource(session: session, schema: $0, clock: clock) }
        address = session.address
        self.session = session
        workspace = Workspace(store: PostgresWorkspaceStore(session: session), erpTables: erp, crmTables: crm, clock: clock,
                              leases: PostgresJobLeases(session: session))
        erpTables = Dictionary(uniqueKeysWithValues: erp.map { ($0.schema.name, $0) })
        crmTables = Dictionary(uniqueKeysWithValues: crm.map { ($0.schema.name, $0) })
    }

    /// Connects and brings the database to this Tandem's schema: an empty database becomes a
    /// workspace with `mappings` (the default ones unless told); a foreign database, or one from a
    /// newer Tandem, is refused untouched. Unfinished jobs whose process is gone are marked interrupted.
    /// Time comes from the database server unless a `clock` is given (tests).
    public static func open(_ address: PostgresAddress, mappings: [TableMapping] = DefaultMappings.all,
                            clock: (any TimeSource)? = nil) throws -> PostgresWorkspace {
        let session = try PostgresSession(address)
        try PostgresSchema.migrate(session)
        let opened = PostgresWorkspace(session: session, clock: clock)
        try session.transaction {
            try session.query("SELECT pg_advisory_xact_lock(?)", [.integer(PostgresWorkspaceStore.commitLock)])
            if try opened.workspace.store.mappings().isEmpty {
                for mapping in mappings { try opened.workspace.store.save(mapping) }
            }
        }
        try opened.workspace.markInterruptedJobs()
        return opened
    }

    /// Whether the database holds a Tandem workspace; a foreign database is refused.
    public static func exists(_ address: PostgresAddress) throws -> Bool {
        try PostgresSchema.installedVersion(try PostgresSession(address)) > 0
    }

    /// Makes the database's workspace anew, in one transaction: the old workspace's tables (only
    /// Tandem's own schemas; a foreign database is refused) are dropped, the schema is made, and
    /// `fill` writes mappings, records and couplings on the new workspace. Until it commits, others
    /// see the old workspace; if anything fails, the old one stays as it was.
    public static func replace(_ address: PostgresAddress, clock: (any TimeSource)? = nil,
                               fill: (PostgresWorkspace) throws -> Void) throws {
        let session = try PostgresSession(address)
        try session.transaction {
            if try PostgresSchema.installedVersion(session) > 0 {
                try session.query("DROP SCHEMA tandem, tandem_erp, tandem_crm CASCADE")
            }
            try PostgresSchema.migrate(session)
            try fill(PostgresWorkspace(session: session, clock: clock))
        }
        try tidy(session)
    }

    /// After a bulk load, what autovacuum would do some minutes later: statistics for the planner, and
    /// each row marked visible to all once, rather than by the first synchronization to read it.
    private static func tidy(_ session: PostgresSession) throws {
        let tables = try session.query("""
            SELECT format('%I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname IN ('tandem', 'tandem_erp', 'tandem_crm')
            """).map { try $0.decode(String.self) }
        try session.query("VACUUM (ANALYZE) \(tables.joined(separator: ", "))")
    }

    public func connection(on side: Side) throws -> SideConnection? {
        try session.query("SELECT kind, url, company, connected_at FROM \(PostgresSchema.namespace(side)).remote_connection")
            .first.map { row in
                let cells = row.makeRandomAccess()
                return SideConnection(kind: try cells.text(0), url: try cells.text(1), company: try cells.text(2),
                                      connectedAt: Timestamp(milliseconds: try cells.integer(3)))
            }
    }

    public func setConnection(_ connection: SideConnection?, on side: Side) throws {
        let namespace = PostgresSchema.namespace(side)
        try session.transaction {
            try session.query("DELETE FROM \(namespace).remote_connection")
            if let connection {
                try session.query("""
                    INSERT INTO \(namespace).remote_connection (singleton, kind, url, company, connected_at) VALUES (1, ?, ?, ?, ?)
                    """, [.text(connection.kind), .text(connection.url), .text(connection.company),
                          .integer(connection.connectedAt.milliseconds)])
            } else {
                try session.query("DELETE FROM \(namespace).remote_rows")
                try session.query("DELETE FROM \(namespace).pull_state")
            }
        }
    }

    public func replica(_ name: String, on side: Side) throws -> any RecordReplica {
        guard let table = (side == .erp ? erpTables : crmTables)[name] else { throw TandemError.unknownTable(side, name) }
        return PostgresReplica(records: table, clock: workspace.clock)
    }
}
