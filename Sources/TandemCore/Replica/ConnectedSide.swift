/// Where one connected side lives, as the screens name it: the service, the tables it carries, and
/// the fields of those tables its API has no property for. A table it does not carry (Business
/// Central's contacts) stays in the local side database; a field it lacks (the customer's Contact)
/// is kept in the replica only and never sent.
public struct ConnectedSide: Sendable, Equatable {
    /// The service's name ("Business Central", "Dataverse").
    public let service: String
    /// The tables the service fills (`Customer`; `account`, `contact`).
    public let tables: Set<String>
    /// Per carried table, the fields the service's API lacks.
    public let missingFields: [String: Set<String>]

    public init(service: String, tables: Set<String>, missingFields: [String: Set<String>] = [:]) {
        self.service = service
        self.tables = tables
        self.missingFields = missingFields
    }

    /// The service `table` lives in, or nil when it stays local.
    public func service(of table: String) -> String? { tables.contains(table) ? service : nil }

    /// Whether `field` of a carried `table` is one the service's API has no property for.
    public func lacks(_ field: String, of table: String) -> Bool { missingFields[table]?.contains(field) == true }
}
