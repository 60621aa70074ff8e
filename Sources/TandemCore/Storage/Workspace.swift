/// Everything the engine works on: the workspace store and both sides' tables, plus the clock.
public struct Workspace: Sendable {
    public let store: any WorkspaceStore
    public let erpTables: [String: any RecordSource]
    public let crmTables: [String: any RecordSource]
    public let clock: any TimeSource
    /// The leases that tell a running job from an interrupted one.
    public let leases: any JobLeases

    public init(store: any WorkspaceStore, erpTables: [any RecordSource], crmTables: [any RecordSource],
                clock: any TimeSource = SystemTimeSource(), leases: any JobLeases = InMemoryJobLeases()) {
        self.store = store
        self.leases = leases
        self.erpTables = Dictionary(uniqueKeysWithValues: erpTables.map { ($0.schema.name, $0) })
        self.crmTables = Dictionary(uniqueKeysWithValues: crmTables.map { ($0.schema.name, $0) })
        self.clock = clock
    }

    /// The table `name` on `side`.
    public func table(_ name: String, on side: Side) throws -> any RecordSource {
        guard let table = (side == .erp ? erpTables : crmTables)[name] else {
            throw TandemError.unknownTable(side, name)
        }
        return table
    }

    /// The table a mapping uses on `side`.
    public func table(of mapping: TableMapping, on side: Side) throws -> any RecordSource {
        try table(mapping.table(on: side), on: side)
    }
}
