import Foundation

/// How a field's values compare: as trimmed text, or as numbers ("1000" equals "1000.00").
public enum FieldKind: String, Sendable, Codable {
    case text
    case decimal
}

/// One field of a table: its name as the side spells it, its kind, and the card group it shows in.
public struct FieldDefinition: Sendable, Equatable {
    public var name: String
    public var kind: FieldKind
    public var group: String
    /// The value a newly created record gets when none is given (Dataverse's statecode starts Active).
    public var defaultValue: String

    public init(_ name: String, kind: FieldKind = .text, group: String, defaultValue: String = "") {
        self.name = name
        self.kind = kind
        self.group = group
        self.defaultValue = defaultValue
    }
}

/// The shape of one table on one side: its fields, which one names a record, and (ERP) its `No.`.
public struct TableSchema: Sendable, Equatable {
    public var side: Side
    public var name: String
    /// What a person calls one record: "Customer", "CRM account".
    public var displayName: String
    public var fields: [FieldDefinition]
    /// The field people search and sort by.
    public var nameField: String
    /// When set, the name field is derived: these fields joined by a space (BC's Contact Name,
    /// Dataverse's fullname). The side recomputes it on every write.
    public var composedNameFields: [String]?
    /// The ERP's human number (`No.`), nil for CRM tables.
    public var numberField: String?
    /// The prefix of new numbers for this table's number series ("C" gives C00001).
    public var numberPrefix: String?
    /// The fields a list filter searches (name, number, city, e-mail).
    public var searchFields: [String]

    public init(side: Side, name: String, displayName: String, fields: [FieldDefinition], nameField: String,
                composedNameFields: [String]? = nil, numberField: String? = nil, numberPrefix: String? = nil,
                searchFields: [String] = []) {
        self.side = side
        self.name = name
        self.displayName = displayName
        self.fields = fields
        self.nameField = nameField
        self.composedNameFields = composedNameFields
        self.numberField = numberField
        self.numberPrefix = numberPrefix
        self.searchFields = [nameField] + (numberField.map { [$0] } ?? []) + searchFields
    }

    public var fieldNames: [String] { fields.map(\.name) }

    public func field(named name: String) -> FieldDefinition? { fields.first { $0.name == name } }

    public func kind(of field: String) -> FieldKind { self.field(named: field)?.kind ?? .text }

    /// The record's name, as shown in lists and messages.
    public func name(of record: Record) -> String { record[nameField] }

    /// What lists sort and name lookups compare by: the name with case and accents folded
    /// ("Ärger GmbH" → "arger gmbh"), so names from every country sort where a person looks for them.
    public func sortKey(of record: Record) -> String { Self.sortKey(forName: name(of: record)) }

    public static func sortKey(forName name: String) -> String {
        FieldValue.normalizedText(name).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The record's number (`No.`), or nil on the CRM side.
    public func number(of record: Record) -> String? { numberField.map { record[$0] } }

    /// "C00010 Adatum Corporation" on the ERP side, "Adatum Corporation" on the CRM side.
    public func label(of record: Record) -> String {
        let name = self.name(of: record)
        guard let number = number(of: record), !number.isEmpty else { return name }
        return name.isEmpty ? number : "\(number) \(name)"
    }

    /// The fields of a record being created: defaults for what is not given, and the derived name.
    public func newRecordFields(_ given: [String: String]) -> [String: String] {
        var fields = given
        for definition in self.fields where !definition.defaultValue.isEmpty && fields[definition.name] == nil {
            fields[definition.name] = definition.defaultValue
        }
        return withDerivedName(fields)
    }

    /// Fills in the derived name field from its parts, when the table has one.
    public func withDerivedName(_ fields: [String: String]) -> [String: String] {
        guard let parts = composedNameFields else { return fields }
        var result = fields
        result[nameField] = parts.compactMap { fields[$0] }.filter { !$0.isEmpty }.joined(separator: " ")
        return result
    }
}

/// The four tables Tandem synchronizes out of the box (BC Customer/Contact, Dataverse account/contact).
public enum StandardTables {
    public static let customer = TableSchema(
        side: .erp, name: "Customer", displayName: "Customer",
        fields: [
            FieldDefinition("No.", group: "General"),
            FieldDefinition("Name", group: "General"),
            FieldDefinition("Address", group: "Address"),
            FieldDefinition("Address 2", group: "Address"),
            FieldDefinition("Post Code", group: "Address"),
            FieldDefinition("City", group: "Address"),
            FieldDefinition("Country/Region Code", group: "Address"),
            FieldDefinition("Phone No.", group: "Communication"),
            FieldDefinition("E-Mail", group: "Communication"),
            FieldDefinition("Home Page", group: "Communication"),
            FieldDefinition("Contact", group: "General"),
            FieldDefinition("Currency Code", group: "Payments"),
            FieldDefinition("Credit Limit", kind: .decimal, group: "Payments"),
            FieldDefinition("Blocked", group: "General"),
        ],
        nameField: "Name", numberField: "No.", numberPrefix: "C", searchFields: ["City", "E-Mail"])

    public static let erpContact = TableSchema(
        side: .erp, name: "Contact", displayName: "Contact",
        fields: [
            FieldDefinition("No.", group: "General"),
            FieldDefinition("Name", group: "General"),
            FieldDefinition("First Name", group: "General"),
            FieldDefinition("Surname", group: "General"),
            FieldDefinition("Job Title", group: "General"),
            FieldDefinition("Company No.", group: "General"),
            FieldDefinition("E-Mail", group: "Communication"),
            FieldDefinition("Phone No.", group: "Communication"),
            FieldDefinition("Mobile Phone No.", group: "Communication"),
        ],
        nameField: "Name", composedNameFields: ["First Name", "Surname"], numberField: "No.", numberPrefix: "CT",
        searchFields: ["E-Mail", "Company No."])

    public static let account = TableSchema(
        side: .crm, name: "account", displayName: "CRM account",
        fields: [
            FieldDefinition("name", group: "General"),
            FieldDefinition("accountnumber", group: "General"),
            FieldDefinition("address1_line1", group: "Address"),
            FieldDefinition("address1_line2", group: "Address"),
            FieldDefinition("address1_postalcode", group: "Address"),
            FieldDefinition("address1_city", group: "Address"),
            FieldDefinition("address1_country", group: "Address"),
            FieldDefinition("telephone1", group: "Communication"),
            FieldDefinition("emailaddress1", group: "Communication"),
            FieldDefinition("websiteurl", group: "Communication"),
            FieldDefinition("address1_primarycontactname", group: "General"),
            FieldDefinition("transactioncurrency", group: "Payments"),
            FieldDefinition("creditlimit", kind: .decimal, group: "Payments"),
            FieldDefinition("statecode", group: "Status", defaultValue: "Active"),
        ],
        nameField: "name", searchFields: ["accountnumber", "address1_city", "emailaddress1"])

    public static let crmContact = TableSchema(
        side: .crm, name: "contact", displayName: "CRM contact",
        fields: [
            FieldDefinition("fullname", group: "General"),
            FieldDefinition("firstname", group: "General"),
            FieldDefinition("lastname", group: "General"),
            FieldDefinition("jobtitle", group: "General"),
            FieldDefinition("parentcustomerid", group: "General"),
            FieldDefinition("emailaddress1", group: "Communication"),
            FieldDefinition("telephone1", group: "Communication"),
            FieldDefinition("mobilephone", group: "Communication"),
            FieldDefinition("statecode", group: "Status", defaultValue: "Active"),
        ],
        nameField: "fullname", composedNameFields: ["firstname", "lastname"], searchFields: ["emailaddress1"])

    /// Every standard table of one side.
    public static func tables(on side: Side) -> [TableSchema] {
        side == .erp ? [customer, erpContact] : [account, crmContact]
    }

    /// Looks a standard table up by side and name.
    public static func table(_ name: String, on side: Side) -> TableSchema? {
        tables(on: side).first { $0.name == name }
    }
}
