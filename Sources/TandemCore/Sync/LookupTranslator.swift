/// Translates lookup fields (a contact's company) between the sides through another mapping's couplings:
/// ERP `Company No.` C00010 ↔ the CRM account coupled to customer C00010. Never copies a raw id across.
public struct LookupTranslator: Sendable {
    /// Per lookup mapping: ERP value → CRM value, and back.
    private var erpToCRM: [String: [String: String]] = [:]
    private var crmToERP: [String: [String: String]] = [:]
    /// Per lookup mapping: values coupled to a record on the other side that no longer exists.
    private var erpDangling: [String: Set<String>] = [:]
    private var crmDangling: [String: Set<String>] = [:]

    public init() {}

    /// The value `value` (a field of `side`) stands for on the other side; "" for ""; nil when the
    /// referenced record is not coupled (or does not exist).
    public func translate(_ value: String, lookup: String, from side: Side) -> String? {
        let key = FieldValue.normalizedText(value)
        if key.isEmpty { return "" }
        return (side == .erp ? erpToCRM : crmToERP)[lookup]?[key]
    }

    /// Whether `value` has no translation because its coupled counterpart was deleted (rather than
    /// because it is not coupled at all).
    public func isCoupledToDeletedRecord(_ value: String, lookup: String, from side: Side) -> Bool {
        (side == .erp ? erpDangling : crmDangling)[lookup]?.contains(FieldValue.normalizedText(value)) ?? false
    }

    /// Builds the translations the given records need, with a handful of batched reads.
    public static func build(for mapping: TableMapping, erpRecords: some Sequence<Record>,
                             crmRecords: some Sequence<Record>, in workspace: Workspace) throws -> LookupTranslator {
        var translator = LookupTranslator()
        for field in mapping.enabledFields {
            guard let lookupName = field.lookupMapping else { continue }
            // Only the way the field travels: an account's owner is sent, never read back, so the
            // owners of the accounts need no translation.
            let erpValues = field.direction.allows(.toCRM)
                ? Set(erpRecords.map { FieldValue.normalizedText($0[field.erpField]) }.filter { !$0.isEmpty }) : []
            let crmValues = field.direction.allows(.fromCRM)
                ? Set(crmRecords.map { FieldValue.normalizedText($0[field.crmField]) }.filter { !$0.isEmpty }) : []
            // Nothing to look up (no customer names a salesperson): the lookup's mapping is not read.
            guard !erpValues.isEmpty || !crmValues.isEmpty else { continue }
            let lookup = try workspace.store.mapping(named: lookupName)
            let erp = try erpReferences(erpValues, lookup: lookup, in: workspace)
            translator.erpToCRM[lookupName, default: [:]].merge(erp.translated) { $1 }
            translator.erpDangling[lookupName, default: []].formUnion(erp.dangling)
            let crm = try crmReferences(crmValues, lookup: lookup, in: workspace)
            translator.crmToERP[lookupName, default: [:]].merge(crm.translated) { $1 }
            translator.crmDangling[lookupName, default: []].formUnion(crm.dangling)
        }
        return translator
    }

    /// What a set of references translates to, and which are coupled to a record that is gone.
    private typealias References = (translated: [String: String], dangling: Set<String>)

    /// ERP references are the referenced table's numbers when it has them, else its ids. A reference
    /// whose coupled CRM record no longer exists translates to nothing.
    private static func erpReferences(_ values: Set<String>, lookup: TableMapping,
                                      in workspace: Workspace) throws -> References {
        guard !values.isEmpty else { return ([:], []) }
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
        let existing = try workspace.table(of: lookup, on: .crm).recordsByID(couplings.values.map(\.crmID))
        var result: References = ([:], [])
        for (value, id) in idByValue {
            guard let crmID = couplings[id]?.crmID else { continue }
            if existing[crmID] != nil { result.translated[value] = crmID.rawValue } else { result.dangling.insert(value) }
        }
        return result
    }

    private static func crmReferences(_ values: Set<String>, lookup: TableMapping,
                                      in workspace: Workspace) throws -> References {
        guard !values.isEmpty else { return ([:], []) }
        let couplings = try workspace.store.couplingsByID(mapping: lookup.name, side: .crm,
                                                          ids: values.map { RecordID($0) })
        let table = try workspace.table(of: lookup, on: .erp)
        let erpRecords = try table.recordsByID(couplings.values.map(\.erpID))
        var result: References = ([:], [])
        for (crmID, coupling) in couplings {
            guard let record = erpRecords[coupling.erpID] else { result.dangling.insert(crmID.rawValue); continue }
            result.translated[crmID.rawValue] = table.schema.numberField.map { record[$0] } ?? coupling.erpID.rawValue
        }
        return result
    }
}
