import Foundation

/// One table of the emulated organization as the Web API shows it: its entity set, its key, the
/// attributes a client may write (String MaxLength from the table's reference page), its lookups, and
/// what the service computes itself. Sources: interop.md §2.2 (`account.md`, `contact.md`).
struct DataverseEntityType: Sendable {
    /// How a writable attribute's value is checked.
    enum Kind: Sendable { case text(Int), money, state, boolean }

    /// The entity set in URLs (`accounts`).
    let setName: String
    /// The logical name in messages and annotations (`account`).
    let logicalName: String
    /// The primary key (`accountid`), settable on create.
    let idAttribute: String
    let writable: [String: Kind]
    let lookups: [DataverseLookup]
    /// Read-only attributes the service composes from others (`contact.fullname`).
    let computed: [String: @Sendable ([String: JSONValue]) -> JSONValue]
    /// The lookup every row has a value in (`ownerid`): a create without one gets the calling user, and
    /// a bind to null is refused.
    var requiredLookup: String?
    /// Rows the Web API client may only read (users, which come from Microsoft Entra ID); the test
    /// hooks still add them.
    var readOnly = false
    /// Whether the table has `statecode` (users have `isdisabled` instead).
    var hasState: Bool { writable["statecode"] != nil }

    /// Every attribute `$select` and `$filter` may name.
    var properties: Set<String> {
        Set(writable.keys).union(lookups.map(\.valueProperty)).union(computed.keys)
            .union([idAttribute, "modifiedon", "createdon", "versionnumber"])
    }

    func lookup(bind key: String) -> DataverseLookup? { lookups.first { $0.navigation + "@odata.bind" == key } }

    static let account = DataverseEntityType(
        setName: "accounts", logicalName: "account", idAttribute: "accountid",
        writable: [
            "name": .text(160), "accountnumber": .text(20), "address1_line1": .text(250), "address1_line2": .text(250),
            "address1_postalcode": .text(20), "address1_city": .text(80), "address1_country": .text(80),
            "telephone1": .text(50), "emailaddress1": .text(100), "websiteurl": .text(200),
            "address1_primarycontactname": .text(100), "creditlimit": .money, "statecode": .state,
        ],
        lookups: [DataverseLookup(navigation: "transactioncurrencyid", valueProperty: "_transactioncurrencyid_value",
                                  targetSet: "transactioncurrencies", targetLogicalName: "transactioncurrency"),
                  // Unverified: an owner may also be a team (`/teams(…)`); teams are not emulated.
                  DataverseLookup(navigation: "ownerid", valueProperty: "_ownerid_value",
                                  targetSet: "systemusers", targetLogicalName: "systemuser")],
        computed: [:], requiredLookup: "ownerid")

    /// `parentcustomerid` is a Customer lookup with two targets, bound through `parentcustomerid_account`
    /// or `parentcustomerid_contact`; reads answer the target's logical name when asked
    /// (`Prefer: odata.include-annotations`). Not emulated: the relationship's cascade when an account
    /// is deleted (the service applies the relationship's configured behaviour; here its contacts stay,
    /// still naming it).
    static let contact = DataverseEntityType(
        setName: "contacts", logicalName: "contact", idAttribute: "contactid",
        writable: [
            "firstname": .text(50), "lastname": .text(50), "jobtitle": .text(100), "emailaddress1": .text(100),
            "telephone1": .text(50), "mobilephone": .text(50), "statecode": .state,
        ],
        lookups: [DataverseLookup(navigation: "parentcustomerid_account", valueProperty: "_parentcustomerid_value",
                                  targetSet: "accounts", targetLogicalName: "account"),
                  DataverseLookup(navigation: "parentcustomerid_contact", valueProperty: "_parentcustomerid_value",
                                  targetSet: "contacts", targetLogicalName: "contact")],
        // Unverified: the organization's full-name format decides the order; "First Last" is assumed.
        computed: ["fullname": { fields in
            let parts = ["firstname", "lastname"].compactMap { fields[$0]?.stringValue }.filter { !$0.isEmpty }
            return parts.isEmpty ? .null : .string(parts.joined(separator: " "))
        }])
}

extension DataverseEntityType {
    /// `systemusers`: read only through the Web API here. Unverified: which attributes the service lets
    /// a client update (Tandem never writes users), and whether change tracking is enabled on the
    /// table in every organization (its metadata says so in those Microsoft documents).
    static let systemUser = DataverseEntityType(
        setName: "systemusers", logicalName: "systemuser", idAttribute: "systemuserid",
        writable: [
            "firstname": .text(256), "lastname": .text(256), "title": .text(128), "internalemailaddress": .text(100),
            "mobilephone": .text(64), "isdisabled": .boolean,
        ],
        lookups: [],
        computed: ["fullname": { fields in
            let parts = ["firstname", "lastname"].compactMap { fields[$0]?.stringValue }.filter { !$0.isEmpty }
            return parts.isEmpty ? .null : .string(parts.joined(separator: " "))
        }], readOnly: true)
}
