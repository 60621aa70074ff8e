/// Where one connected side lives, as the screens name it: the service, and the tables it carries.
/// A table it does not carry (Business Central's contacts) stays in the local side database.
public struct ConnectedSide: Sendable, Equatable {
    /// The service's name ("Business Central", "Dataverse").
    public let service: String
    /// The tables the service fills (`Customer`; `account`, `contact`).
    public let tables: Set<String>

    public init(service: String, tables: Set<String>) {
        self.service = service
        self.tables = tables
    }

    /// The service `table` lives in, or nil when it stays local.
    public func service(of table: String) -> String? { tables.contains(table) ? service : nil }
}
