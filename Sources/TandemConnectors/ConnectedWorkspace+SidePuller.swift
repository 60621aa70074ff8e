import TandemCore

/// The screens pull through the same connected workspace the commands use.
extension ConnectedWorkspace: SidePuller {
    public var connectedServices: [Side: ConnectedSide] {
        services.mapValues { ConnectedSide(service: $0.kind.displayName, tables: Set(ServiceCatalog.tables(of: $0.kind))) }
    }

    public func secondsWaited() -> [String: Double] { waits.secondsWaited.byService }

    public func pullConnectedSides() throws -> [PulledTable] {
        try pull().map { PulledTable(table: $0.table, changes: $0.changes) }
    }
}
