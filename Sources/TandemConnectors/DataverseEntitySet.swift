/// How one of Tandem's CRM tables travels through the Dataverse Web API: its entity set and key, the
/// attributes copied as text both ways, those only read (the service composes them), and the lookups
/// Tandem carries. interop.md §2.2 gives the names and types.
struct DataverseEntitySet: Sendable {
    /// Tandem's table (`account`).
    let tableName: String
    /// The entity set in URLs (`accounts`).
    let setName: String
    /// The primary key (`accountid`).
    let idAttribute: String
    /// String attributes, the same name in Tandem and in Dataverse.
    let textAttributes: [String]
    /// String attributes the service computes and refuses in a write (`contact.fullname`).
    let readOnlyAttributes: [String]
    /// Money attributes (`creditlimit`): a JSON number, null when blank.
    let moneyAttributes: [String]
    /// Boolean attributes (`systemuser.isdisabled`): "Yes" or "No" in Tandem.
    var booleanAttributes: [String] = []
    /// Whether the table has Dataverse's `statecode` (Active, Inactive); users do not.
    var hasState = true
    /// The Tandem field holding the ISO code of the record's `transactioncurrencyid` lookup.
    let currencyField: String?
    /// The lookups to other tables, each kept in Tandem as the target row's id.
    let lookups: [Lookup]
    /// Tandem reads these rows and never writes them (users come from Microsoft Entra ID).
    var isReadOnly = false

    /// A lookup to a row of another table: Tandem keeps the target's id (which is also its id in the
    /// replica), and a target of another table than `target` reads as none.
    struct Lookup: Sendable {
        /// Tandem's field (`parentcustomerid`).
        let field: String
        /// The single-valued navigation property written with `@odata.bind` (`parentcustomerid_account`).
        let navigation: String
        /// The attribute the id is read from (`_parentcustomerid_value`).
        let valueProperty: String
        /// The target's logical name (`account`) and entity set (`accounts`).
        let target: String
        let targetSet: String
        /// The row always has a value here (an owner): a blank is never sent, so the service keeps the
        /// one it has, or gives a new row its default (the calling user).
        var neverBlank = false
    }

    /// The `$select` of every read.
    var select: String {
        ([idAttribute] + textAttributes + readOnlyAttributes + moneyAttributes + booleanAttributes
            + (hasState ? ["statecode"] : [])
            + (currencyField == nil ? [] : ["_transactioncurrencyid_value"])
            + lookups.map(\.valueProperty) + ["modifiedon"]).joined(separator: ",")
    }

    static let account = DataverseEntitySet(
        tableName: "account", setName: "accounts", idAttribute: "accountid",
        textAttributes: ["name", "accountnumber", "address1_line1", "address1_line2", "address1_postalcode", "address1_city",
                         "address1_country", "telephone1", "emailaddress1", "websiteurl", "address1_primarycontactname"],
        readOnlyAttributes: [], moneyAttributes: ["creditlimit"], currencyField: "transactioncurrency",
        lookups: [Lookup(field: "ownerid", navigation: "ownerid", valueProperty: "_ownerid_value",
                         target: "systemuser", targetSet: "systemusers", neverBlank: true)])

    static let contact = DataverseEntitySet(
        tableName: "contact", setName: "contacts", idAttribute: "contactid",
        textAttributes: ["firstname", "lastname", "jobtitle", "emailaddress1", "telephone1", "mobilephone"],
        readOnlyAttributes: ["fullname"], moneyAttributes: [], currencyField: nil,
        lookups: [Lookup(field: "parentcustomerid", navigation: "parentcustomerid_account",
                         valueProperty: "_parentcustomerid_value", target: "account", targetSet: "accounts")])

    static let systemUser = DataverseEntitySet(
        tableName: "systemuser", setName: "systemusers", idAttribute: "systemuserid",
        textAttributes: ["firstname", "lastname", "title", "internalemailaddress", "mobilephone"],
        readOnlyAttributes: ["fullname"], moneyAttributes: [], booleanAttributes: ["isdisabled"], hasState: false,
        currencyField: nil, lookups: [], isReadOnly: true)
}
