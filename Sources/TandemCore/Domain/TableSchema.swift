import Foundation

/// How a field's values compare: as trimmed text, or as numbers ("1000" equals "1000.00").
public enum FieldKind: String, Sendable, Codable {
    case text
    case decimal
}

/// One field of a table: its name as the side spells it, its kind, the card group it shows in, and the
/// longest value the real system stores in it.
public struct FieldDefinition: Sendable, Equatable {
    public var name: String
    public var kind: FieldKind
    public var group: String
    /// The most characters the real system's field holds (BC's `Text[n]`/`Code[n]`, Dataverse's
    /// MaxLength), counted in UTF-16 code units as both systems count them.
    public var maxLength: Int
    /// The value a newly created record gets when none is given (Dataverse's statecode starts Active).
    public var defaultValue: String

    public init(_ name: String, kind: FieldKind = .text, group: String, maxLength: Int, defaultValue: String = "") {
        self.name = name
        self.kind = kind
        self.group = group
        self.maxLength = maxLength
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
            FieldDefinition("No.", group: "General", maxLength: 20),
            FieldDefinition("Name", group: "General", maxLength: 100),
            FieldDefinition("Address", group: "Address", maxLength: 100),
            FieldDefinition("Address 2", group: "Address", maxLength: 50),
            FieldDefinition("Post Code", group: "Address", maxLength: 20),
            FieldDefinition("City", group: "Address", maxLength: 30),
            FieldDefinition("Country/Region Code", group: "Address", maxLength: 10),
            FieldDefinition("Phone No.", group: "Communication", maxLength: 30),
            FieldDefinition("E-Mail", group: "Communication", maxLength: 80),
            FieldDefinition("Home Page", group: "Communication", maxLength: 80),
            FieldDefinition("Contact", group: "General", maxLength: 100),
            FieldDefinition("Currency Code", group: "Payments", maxLength: 10),
            // BC: a Decimal, no text length; 250 bounds its text form.
            FieldDefinition("Credit Limit", kind: .decimal, group: "Payments", maxLength: 250),
            // BC: an Enum (blank, Ship, Invoice, All), no documented text length; 250.
            FieldDefinition("Blocked", group: "General", maxLength: 250),
        ],
        nameField: "Name", numberField: "No.", numberPrefix: "C", searchFields: ["City", "E-Mail"])

    public static let erpContact = TableSchema(
        side: .erp, name: "Contact", displayName: "Contact",
        fields: [
            FieldDefinition("No.", group: "General", maxLength: 20),
            FieldDefinition("Name", group: "General", maxLength: 100),
            FieldDefinition("First Name", group: "General", maxLength: 30),
            FieldDefinition("Surname", group: "General", maxLength: 30),
            FieldDefinition("Job Title", group: "General", maxLength: 30),
            FieldDefinition("Company No.", group: "General", maxLength: 20),
            FieldDefinition("E-Mail", group: "Communication", maxLength: 80),
            FieldDefinition("Phone No.", group: "Communication", maxLength: 30),
            FieldDefinition("Mobile Phone No.", group: "Communication", maxLength: 30),
        ],
        nameField: "Name", composedNameFields: ["First Name", "Surname"], numberField: "No.", numberPrefix: "CT",
        searchFields: ["E-Mail", "Company No."])

    public static let account = TableSchema(
        side: .crm, name: "account", displayName: "CRM account",
        fields: [
            FieldDefinition("name", group: "General", maxLength: 160),
            FieldDefinition("accountnumber", group: "General", maxLength: 20),
            FieldDefinition("address1_line1", group: "Address", maxLength: 250),
            FieldDefinition("address1_line2", group: "Address", maxLength: 250),
            FieldDefinition("address1_postalcode", group: "Address", maxLength: 20),
            FieldDefinition("address1_city", group: "Address", maxLength: 80),
            FieldDefinition("address1_country", group: "Address", maxLength: 80),
            FieldDefinition("telephone1", group: "Communication", maxLength: 50),
            FieldDefinition("emailaddress1", group: "Communication", maxLength: 100),
            FieldDefinition("websiteurl", group: "Communication", maxLength: 200),
            // Dataverse's documented MaxLength.
            FieldDefinition("address1_primarycontactname", group: "General", maxLength: 100),
            // Dataverse: a lookup to the currency, held here as text; no documented length, 250.
            FieldDefinition("transactioncurrency", group: "Payments", maxLength: 250),
            // Dataverse: Money, no text length; 250 bounds its text form.
            FieldDefinition("creditlimit", kind: .decimal, group: "Payments", maxLength: 250),
            // Dataverse: a State choice, no text length; 250.
            FieldDefinition("statecode", group: "Status", maxLength: 250, defaultValue: "Active"),
        ],
        nameField: "name", searchFields: ["accountnumber", "address1_city", "emailaddress1"])

    public static let crmContact = TableSchema(
        side: .crm, name: "contact", displayName: "CRM contact",
        fields: [
            FieldDefinition("fullname", group: "General", maxLength: 160),
            FieldDefinition("firstname", group: "General", maxLength: 50),
            FieldDefinition("lastname", group: "General", maxLength: 50),
            FieldDefinition("jobtitle", group: "General", maxLength: 100),
            // Dataverse: a lookup, held here as the account's id; no documented length, 250.
            FieldDefinition("parentcustomerid", group: "General", maxLength: 250),
            FieldDefinition("emailaddress1", group: "Communication", maxLength: 100),
            FieldDefinition("telephone1", group: "Communication", maxLength: 50),
            FieldDefinition("mobilephone", group: "Communication", maxLength: 50),
            // Dataverse: a State choice, no text length; 250.
            FieldDefinition("statecode", group: "Status", maxLength: 250, defaultValue: "Active"),
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
