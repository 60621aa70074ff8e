/// Which of Tandem's tables each service carries today, and what the others lack.
public enum ServiceCatalog {
    /// The Tandem tables a service fills. Business Central's contacts stay in the local side database:
    /// the standard `contacts` API has no First Name or Surname, which Tandem's contact name is made
    /// of and the CONTACT mapping sends to Dataverse (docs/connectors.md). Salespeople travel through
    /// `salespeoplePurchasers`, documented for API v2.0 in recent versions only.
    public static func tables(of kind: ServiceKind) -> [String] {
        switch kind {
        case .businessCentral: ["Customer", "Salesperson"]
        case .dataverse: ["account", "contact", "systemuser"]
        }
    }

    /// Fields of a carried table that the service's standard API has no property for: they are kept in
    /// the replica only and never sent.
    public static func replicaOnlyFields(of table: String, in kind: ServiceKind) -> [String] {
        switch (kind, table) {
        case (.businessCentral, "Customer"): ["Contact"]
        default: []
        }
    }

    /// Whether the service reports deletions to an incremental pull (Dataverse's change tracking does;
    /// Business Central's `$filter` reads do not, so each of its pulls ends with an id scan).
    public static func reportsDeletions(_ kind: ServiceKind) -> Bool { kind == .dataverse }

    /// The largest page each service serves (Business Central 20,000; Dataverse 5,000).
    public static func maximumPageSize(_ kind: ServiceKind) -> Int { kind == .businessCentral ? 20_000 : 5_000 }
}
