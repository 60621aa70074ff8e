/// One API v2.0 entity of the emulated company: its entity set and type names, the properties a
/// client may write and how each is checked, its key (`number`, `code`) and whether the service fills
/// a missing one from a number series, and the rules peculiar to it. Sources: interop.md §1.2
/// (`customers`) and Microsoft's `salespersonPurchaser` resource page (API v2.0, recent versions).
struct BusinessCentralEntityType: Sendable {
    /// How a writable property's value is checked.
    enum Kind: Sendable { case text(Int), choice([String]), decimal, guid, boolean }

    /// The entity set in URLs (`customers`).
    let setName: String
    /// The entity type in messages (`customer` in `Microsoft.NAV.customer`).
    let typeName: String
    /// The table's caption in messages (`Customer`).
    let tableCaption: String
    let writable: [String: Kind]
    /// Properties the API returns but ignores in a request body.
    let readOnly: Set<String>
    /// Every property of the entity, in the documented order.
    let properties: [String]
    /// The human key (`number`, `code`), unique in the company.
    let keyProperty: String
    /// The key's field in BC (`No.`, `Code`), for messages.
    let keyCaption: String
    /// The number series a create without a key draws from (`C%05d`); nil: the key is required.
    let numberSeries: String?
    /// A property that may not be blank (`displayName` of a customer).
    let requiredText: String?
    /// `currencyCode` goes through the local-currency translation (blank ↔ the company's LCY).
    let translatesCurrency: Bool

    /// The writable properties and their kinds. An enum's blank member is named `_x0020_` on the wire
    /// (OData's encoding of " "), as recorded v2.0 responses show for `blocked`.
    static let customer = BusinessCentralEntityType(
        setName: "customers", typeName: "customer", tableCaption: "Customer",
        writable: [
            "number": .text(20), "displayName": .text(100), "type": .choice(["Company", "Person"]),
            "addressLine1": .text(100), "addressLine2": .text(50), "city": .text(30), "state": .text(30),
            "country": .text(10), "postalCode": .text(20), "phoneNumber": .text(30), "email": .text(80),
            "website": .text(80), "salespersonCode": .text(20), "creditLimit": .decimal,
            "currencyId": .guid, "currencyCode": .text(10), "blocked": .choice(["_x0020_", "Ship", "Invoice", "All"]),
        ],
        readOnly: ["id", "lastModifiedDateTime", "balanceDue"],
        properties: ["id", "number", "displayName", "type", "addressLine1", "addressLine2", "city", "state",
                     "country", "postalCode", "phoneNumber", "email", "website", "salespersonCode",
                     "balanceDue", "creditLimit", "currencyId", "currencyCode", "blocked", "lastModifiedDateTime"],
        keyProperty: "number", keyCaption: "No.", numberSeries: "C%05d", requiredText: "displayName", translatesCurrency: true)

    /// `salespeoplePurchasers`. Unverified: that a create without `code` is refused (Code is the
    /// table's primary key and has no number series), and the message it is refused with; the
    /// property spelled `commisionPercent` is taken as the documentation spells it.
    static let salesperson = BusinessCentralEntityType(
        setName: "salespeoplePurchasers", typeName: "salespersonPurchaser", tableCaption: "Salesperson/Purchaser",
        writable: [
            "code": .text(20), "displayName": .text(50), "email": .text(80), "email2": .text(80), "phoneNo": .text(30),
            "jobTitle": .text(30), "commisionPercent": .decimal, "privacyBlocked": .boolean, "blocked": .boolean,
        ],
        readOnly: ["id", "lastModifiedDateTime"],
        properties: ["id", "code", "displayName", "email", "email2", "phoneNo", "jobTitle", "commisionPercent",
                     "privacyBlocked", "blocked", "lastModifiedDateTime"],
        keyProperty: "code", keyCaption: "Code", numberSeries: nil, requiredText: nil, translatesCurrency: false)
}
