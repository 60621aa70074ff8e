/// How one of Tandem's CRM tables travels through the Dataverse Web API: its entity set and key, the
/// attributes copied as text both ways, those only read (the service composes them), and the two
/// kinds of lookup Tandem carries. interop.md §2.2 gives the names and types.
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
    /// The Tandem field holding the ISO code of the record's `transactioncurrencyid` lookup.
    let currencyField: String?
    /// The Tandem field holding the id of the record's company, the account target of a Customer lookup.
    let accountLookup: AccountLookup?

    /// A lookup to an account: Tandem keeps the account's id (which is also its id in the replica).
    struct AccountLookup: Sendable {
        /// Tandem's field (`parentcustomerid`).
        let field: String
        /// The single-valued navigation property written with `@odata.bind` (`parentcustomerid_account`).
        let navigation: String
        /// The attribute the id is read from (`_parentcustomerid_value`).
        let valueProperty: String
    }

    /// The `$select` of every read.
    var select: String {
        ([idAttribute] + textAttributes + readOnlyAttributes + moneyAttributes + ["statecode"]
            + (currencyField == nil ? [] : ["_transactioncurrencyid_value"])
            + (accountLookup.map { [$0.valueProperty] } ?? []) + ["modifiedon"]).joined(separator: ",")
    }

    static let account = DataverseEntitySet(
        tableName: "account", setName: "accounts", idAttribute: "accountid",
        textAttributes: ["name", "accountnumber", "address1_line1", "address1_line2", "address1_postalcode", "address1_city",
                         "address1_country", "telephone1", "emailaddress1", "websiteurl", "address1_primarycontactname"],
        readOnlyAttributes: [], moneyAttributes: ["creditlimit"], currencyField: "transactioncurrency", accountLookup: nil)

    static let contact = DataverseEntitySet(
        tableName: "contact", setName: "contacts", idAttribute: "contactid",
        textAttributes: ["firstname", "lastname", "jobtitle", "emailaddress1", "telephone1", "mobilephone"],
        readOnlyAttributes: ["fullname"], moneyAttributes: [], currencyField: nil,
        accountLookup: AccountLookup(field: "parentcustomerid", navigation: "parentcustomerid_account",
                                     valueProperty: "_parentcustomerid_value"))
}
