import Foundation

/// Makes the client of one table of a connected side, with its credential from the environment.
public enum RemoteTableFactory {
    public static func make(table: String, endpoint: ServiceEndpoint, environment: [String: String],
                            transport: any HTTPTransport, sleeper: any Sleeper = ThreadSleeper(),
                            waits: ServiceWaits? = nil) throws -> any RemoteTable {
        let authorizer = try Credentials.authorizer(for: endpoint, environment: environment, transport: transport)
        let client = ServiceClient(service: endpoint.kind.displayName, transport: transport, authorizer: authorizer,
                                   sleeper: sleeper, waits: waits)
        switch (endpoint.kind, table) {
        case (.businessCentral, "Customer"): return BusinessCentralTable.customers(endpoint: endpoint, client: client)
        case (.businessCentral, "Salesperson"): return BusinessCentralTable.salespeople(endpoint: endpoint, client: client)
        case (.dataverse, "account"): return DataverseTable(entity: .account, endpoint: endpoint, client: client)
        case (.dataverse, "contact"): return DataverseTable(entity: .contact, endpoint: endpoint, client: client)
        case (.dataverse, "systemuser"): return DataverseTable(entity: .systemUser, endpoint: endpoint, client: client)
        default: throw UnconnectedTableError(table: table, service: endpoint.kind.displayName)
        }
    }
}
