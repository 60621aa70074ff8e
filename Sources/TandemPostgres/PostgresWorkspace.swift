import TandemCore

/// A workspace in one PostgreSQL database, shared by everyone who points Tandem at it: both sides'
/// tables and the integration state, behind the same `Workspace` the engine and the screens use.
public struct PostgresWorkspace: Sendable {
    public let address: PostgresAddress
    public let session: PostgresSession
    public let workspace: Workspace
    public let erpTables: [String: PostgresRecordSource]
    public let crmTables: [String: PostgresRecordSource]

    /// Connects and brings the database to this Tandem's schema: an empty database becomes a
    /// workspace with `mappings` (the default ones unless told); a foreign database, or one from a
    /// newer Tandem, is refused untouched. Unfinished jobs whose process is gone are marked interrupted.
    public static func open(_ address: PostgresAddress, mappings: [TableMapping] = DefaultMappings.all,
                            clock: any TimeSource = SystemTimeSource()) throws -> PostgresWorkspace {
        let session = try PostgresSession(address)
        try PostgresSchema.migrate(session)
        let erp = StandardTables.tables(on: .erp).map { PostgresRecordSource(session: session, schema: $0, clock: clock) }
        let crm = StandardTables.tables(on: .crm).map { PostgresRecordSource(session: session, schema: $0, clock: clock) }
        let store = PostgresWorkspaceStore(session: session)
        let workspace = Workspace(store: store, erpTables: erp, crmTables: crm, clock: clock,
                                  leases: PostgresJobLeases(session: session))
        try session.transaction {
            try session.query("SELECT pg_advisory_xact_lock(?)", [.integer(PostgresWorkspaceStore.commitLock)])
            if try store.mappings().isEmpty {
                for mapping in mappings { try store.save(mapping) }
            }
        }
        try workspace.markInterruptedJobs()
        return PostgresWorkspace(address: address, session: session, workspace: workspace,
                                 erpTables: Dictionary(uniqueKeysWithValues: erp.map { ($0.schema.name, $0) }),
                                 crmTables: Dictionary(uniqueKeysWithValues: crm.map { ($0.schema.name, $0) }))
    }
}
