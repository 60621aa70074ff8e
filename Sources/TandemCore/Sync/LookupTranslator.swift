/// Translates lookup fields (a contact's company) between the sides through another mapping's couplings:
/// ERP `Company No.` C00010 ↔ the CRM account coupled to customer C00010. Never copies a raw id across.
public struct LookupTranslator: Sendable {
    /// Per lookup mapping: ERP value → CRM value, and back.
    private var erpToCRM: [String: [String: String]] = [:]
    private var crmToERP: [String: [String: String]] = [:]

    public init() {}

    /// The value `value` (a field of `side`) stands for on the other side; "" for ""; nil when the
    /// referenced record is not coupled (or does not exist).
    public func translate(_ value: String, lookup: String, from side: Side) -> String? {
        let key = FieldValue.normalizedText(value)
        if key.isEmpty { return "" }
        return (side == .erp ? erpToCRM : crmToERP)[lookup]?[key]
    }

    /// Builds the translations the given records need, with a handful of batched reads.
    public static func build(for mapping: TableMapping, erpRecords: some Sequence<Record>,
                             crmRecords: some Sequence<Record>, in workspace: Workspace) throws -> LookupTranslator {
        var translator = LookupTranslator()
        for field in mapping.enabledFields {
            guard let lookupName = field.lookupMapping else { continue }
            let lookup = try workspace.store.mapping(named: lookupName)
            let erpValues = Set(erpRecords.map { FieldValue.normalizedText($0[field.erpField]) }.filter { !$0.isEmpty })
            let crmValues = Set(crmRecords.map { FieldValue.normalizedText($0[field.crmField]) }.filter { !$0.isEmpty })
            translator.erpToCRM[lookupName, default: [:]]
                .merge(try erpReferences(erpValues, lookup: lookup, in: workspace)) { $1 }
            translator.crmToERP[lookupName, default: [:]]
                .merge(try crmReferences(crmValues, lookup: lookup, in: workspace)) { $1 }
        }
        return translator
    }

    /// ERP references are the referenced table's numbers when it has them, else its ids.
    private static func erpReferences(_ values: Set<String>, lookup: TableMapping,
                                      in workspace: Workspace) throws -> [String: String] {
        guard !values.isEmpty else { return [:] }
        let table = try workspace.table(of: lookup, on: .erp)
        var idByValue: [String: RecordID] = [:]
        if let numberField = table.schema.numberField {
            for chunk in Array(values).chunked(into: 900) {
                for record in try table.records(numbers: chunk) { idByValue[record[numberField]] = record.id }
            }
        } else {
            for value in values { idByValue[value] = RecordID(value) }
        }
        let couplings = try workspace.store.couplingsByID(mapping: lookup.name, side: .erp, ids: idByValue.values)
        return idByValue.compactMapValues { couplings[$0]?.crmID.rawValue }
    }

    private static func crmReferences(_ values: Set<String>, lookup: TableMapping,
                                      in workspace: Workspace) throws -> [String: String] {
        guard !values.isEmpty else { return [:] }
        let couplings = try workspace.store.couplingsByID(mapping: lookup.name, side: .crm,
                                                          ids: values.map { RecordID($0) })
        let table = try workspace.table(of: lookup, on: .erp)
        guard let numberField = table.schema.numberField else {
            return Dictionary(uniqueKeysWithValues: couplings.map { ($0.key.rawValue, $0.value.erpID.rawValue) })
        }
        let erpRecords = try table.recordsByID(couplings.values.map(\.erpID))
        var result: [String: String] = [:]
        for (crmID, coupling) in couplings {
            if let record = erpRecords[coupling.erpID] { result[crmID.rawValue] = record[numberField] }
        }
        return result
    }
}
