import TandemCore

/// A workspace whose sides may live in services: the engine's `Workspace` with every table of a
/// connected side read from its replica and written through its connector, and the pulls that keep
/// the replicas current. A side that is not connected stays the embedded database, untouched.
public struct ConnectedWorkspace: Sendable {
    /// The workspace as opened: a folder, or a shared PostgreSQL database.
    public let opened: any ReplicaHost
    /// What the engine, the screens and the commands work on.
    public let workspace: Workspace
    /// Each connected side's service and its tables' sources.
    public let services: [Side: ConnectedService]
    /// Every pause the services asked for (throttling, busy, lost answers), as it starts.
    public let waits: ServiceWaits

    /// Reads where each side lives and puts the remote sources in place. Nothing is sent and no
    /// credential is read until a table is first written or pulled.
    public static func attach(_ opened: any ReplicaHost, environment: [String: String],
                              transport: any HTTPTransport = CurlTransport(),
                              sleeper: any Sleeper = ThreadSleeper()) throws -> ConnectedWorkspace {
        var workspace = opened.workspace
        var services: [Side: ConnectedService] = [:]
        let waits = ServiceWaits()
        for side in Side.allCases {
            guard let connection = try opened.connection(on: side) else { continue }
            let kind = try ServiceKind(argument: connection.kind, side: side)
            let endpoint = try ServiceEndpoint(kind: kind, url: connection.url, company: connection.company)
            let carried = ServiceCatalog.tables(of: kind)
            var sources: [RemoteRecordSource] = []
            for schema in StandardTables.tables(on: side) {
                let replica = try opened.replica(schema.name, on: side)
                let provider: RemoteTableProvider
                let fields: [String]
                if carried.contains(schema.name) {
                    let name = schema.name
                    provider = RemoteTableProvider(serviceName: kind.displayName) {
                        try RemoteTableFactory.make(table: name, endpoint: endpoint, environment: environment, transport: transport,
                                                    sleeper: sleeper, waits: waits)
                    }
                    let kept = ServiceCatalog.replicaOnlyFields(of: schema.name, in: kind)
                    fields = schema.fieldNames.filter { !kept.contains($0) }
                } else {
                    let name = schema.name
                    provider = RemoteTableProvider(serviceName: kind.displayName) {
                        throw UnconnectedTableError(table: name, service: kind.displayName)
                    }
                    fields = []
                }
                sources.append(RemoteRecordSource(replica: replica, carriedFields: fields, remote: provider))
            }
            workspace = workspace.replacingTables(sources, on: side)
            services[side] = ConnectedService(kind: kind, endpoint: endpoint,
                                              sources: Dictionary(uniqueKeysWithValues: sources.map { ($0.schema.name, $0) }))
        }
        return ConnectedWorkspace(opened: opened, workspace: workspace, services: services, waits: waits)
    }

    /// Brings the replicas of `side` (nil: every connected side) up to date, table by table.
    public func pull(_ side: Side? = nil, full: Bool = false, progress: (PullReport) -> Void = { _ in }) throws -> [PullReport] {
        var reports: [PullReport] = []
        for (connectedSide, service) in services.sorted(by: { $0.key.rawValue < $1.key.rawValue })
        where side == nil || side == connectedSide {
            for name in ServiceCatalog.tables(of: service.kind) {
                guard let source = service.sources[name] else { continue }
                let puller = ReplicaPuller(replica: source.replica, remote: try source.remote.table(),
                                           carriedFields: source.carriedFields,
                                           scansForDeletions: !ServiceCatalog.reportsDeletions(service.kind),
                                           pageSize: ServiceCatalog.maximumPageSize(service.kind), clock: opened.workspace.clock)
                do {
                    reports.append(try puller.pull(full: full, progress: progress))
                } catch let error as ConnectorError {
                    // One table an older service lacks does not stop the pull of the others.
                    guard case .tableNotOffered = error else { throw error }
                    var report = PullReport(table: name, full: full, resumed: false)
                    report.notOffered = error.description
                    reports.append(report)
                    continue
                }
                if let code = try puller.remote.localCurrency() {
                    reports[reports.count - 1].adoptedLocalCurrency = try LocalCurrencyRule.adopt(code, for: name, on: connectedSide,
                                                                                                   in: workspace.store)
                }
            }
        }
        return reports
    }
}
