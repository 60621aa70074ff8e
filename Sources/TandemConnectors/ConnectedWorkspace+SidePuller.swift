import TandemCore

/// The screens pull through the same connected workspace the commands use.
extension ConnectedWorkspace: SidePuller {
    public var connectedServices: [Side: ConnectedSide] {
        services.mapValues { service in
            let tables = ServiceCatalog.tables(of: service.kind)
            return ConnectedSide(service: service.kind.displayName, tables: Set(tables), missingFields: Dictionary(uniqueKeysWithValues: tables.map {
                ($0, Set(ServiceCatalog.replicaOnlyFields(of: $0, in: service.kind)))
            }))
        }
    }

    public func secondsWaited() -> [String: Double] { waits.secondsWaited.byService }

    public func pullConnectedSides() throws -> [PulledTable] {
        try pull().map { PulledTable(table: $0.table, changes: $0.changes) }
    }
}
