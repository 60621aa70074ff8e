/// How one of Tandem's ERP tables travels through Business Central's API v2.0: its entity set, its
/// key (what a create whose answer was lost is found again by), and how each property maps to a
/// field. interop.md §1.2 gives `customers`; Microsoft's `salespersonPurchaser` resource page gives
/// `salespeoplePurchasers`.
struct BusinessCentralEntitySet: Sendable {
    /// Tandem's table (`Customer`).
    let tableName: String
    /// The entity set in URLs (`customers`).
    let setName: String
    /// The key property and its Tandem field (`number` ↔ `No.`, `code` ↔ `Code`).
    let keyProperty: String
    let keyField: String
    /// API property ↔ Tandem field, for the fields that are plain text (the key among them).
    let textFields: [(api: String, field: String)]
    /// Decimals (`creditLimit` ↔ `Credit Limit`): a JSON number.
    var decimalFields: [(api: String, field: String)] = []
    /// Enums whose blank member is `_x0020_` on the wire (`blocked` ↔ `Blocked` of a customer).
    var enumFields: [(api: String, field: String)] = []
    /// Booleans, Yes or No in Tandem (`blocked` ↔ `Blocked` of a salesperson).
    var booleanFields: [(api: String, field: String)] = []
    /// The Tandem field of `currencyCode`, which the API shows as the local currency when blank.
    var currencyField: String?
    /// The set came with a later version of the API: an older service answers 404 for it, and its
    /// table is then left as it is instead of failing the pull.
    var isRecent = false

    static let customer = BusinessCentralEntitySet(
        tableName: "Customer", setName: "customers", keyProperty: "number", keyField: "No.",
        textFields: [("number", "No."), ("displayName", "Name"), ("addressLine1", "Address"), ("addressLine2", "Address 2"),
                     ("postalCode", "Post Code"), ("city", "City"), ("country", "Country/Region Code"), ("phoneNumber", "Phone No."),
                     ("email", "E-Mail"), ("website", "Home Page"), ("salespersonCode", "Salesperson Code")],
        decimalFields: [("creditLimit", "Credit Limit")], enumFields: [("blocked", "Blocked")], currencyField: "Currency Code")

    static let salesperson = BusinessCentralEntitySet(
        tableName: "Salesperson", setName: "salespeoplePurchasers", keyProperty: "code", keyField: "Code",
        textFields: [("code", "Code"), ("displayName", "Name"), ("jobTitle", "Job Title"), ("email", "E-Mail"),
                     ("phoneNo", "Phone No.")],
        booleanFields: [("blocked", "Blocked")], isRecent: true)
}
