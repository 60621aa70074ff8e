import Foundation

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
    /// Records for which this holds keep the name they are given instead (BC's company contacts).
    public var ownNameWhen: OwnNameCondition?
    /// The ERP's human number (`No.`), nil for CRM tables.
    public var numberField: String?
    /// The prefix of new numbers for this table's number series ("C" gives C00001).
    public var numberPrefix: String?
    /// The fields a list filter searches (name, number, city, e-mail).
    public var searchFields: [String]

    public init(side: Side, name: String, displayName: String, fields: [FieldDefinition], nameField: String,
                composedNameFields: [String]? = nil, ownNameWhen: OwnNameCondition? = nil, numberField: String? = nil, numberPrefix: String? = nil,
                searchFields: [String] = []) {
        self.side = side
        self.name = name
        self.displayName = displayName
        self.fields = fields
        self.nameField = nameField
        self.composedNameFields = composedNameFields
        self.ownNameWhen = ownNameWhen
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

    /// Whether a record with these fields (all of them, or at least `ownNameWhen`'s) has its name made
    /// from the parts.
    public func composesName(_ fields: [String: String]) -> Bool {
        composedNameFields != nil && !(ownNameWhen?.holds(for: fields) ?? false)
    }

    /// Fills in the derived name field from its parts, when the table has one and the record does not
    /// keep its own name.
    public func withDerivedName(_ fields: [String: String]) -> [String: String] {
        guard let parts = composedNameFields, composesName(fields) else { return fields }
        var result = fields
        result[nameField] = parts.compactMap { fields[$0] }.filter { !$0.isEmpty }.joined(separator: " ")
        return result
    }
}
