import TandemCore
import TandemSQLite

/// Turns what people type (an ERP `No.`, a CRM id) into records.
struct RecordReferences {
    let opened: OpenedWorkspace

    private func mapping(for table: any RecordSource) throws -> TableMapping {
        guard let mapping = try opened.workspace.store.mappings().first(where: {
            $0.table(on: table.schema.side) == table.schema.name
        }) else { throw CommandError(.noMapping, tr("No mapping covers the {0} table.", Captions.table(table.schema))) }
        return mapping
    }

    /// An ERP number (`C00010`, `CT000010`) or a record id of either side.
    func resolve(_ reference: String) throws -> ResolvedRecord {
        let text = FieldValue.normalizedText(reference)
        if RecordID.looksLikeID(text) {
            for side in [Side.crm, .erp] {
                for schema in StandardTables.tables(on: side) {
                    let table = try opened.table(schema.name, on: side)
                    if let record = try table.record(id: RecordID(text)) {
                        return ResolvedRecord(side: side, table: table, record: record, mapping: try mapping(for: table))
                    }
                }
            }
            throw CommandError(.recordNotFound, tr("No record has the id {0}.", text), usage: true)
        }
        return try resolveERPNumbers([text])[0]
    }

    /// ERP numbers, each found in whichever ERP table has it; unknown numbers are a usage error naming them.
    func resolveERPNumbers(_ numbers: [String]) throws -> [ResolvedRecord] {
        var found: [String: ResolvedRecord] = [:]
        for schema in StandardTables.tables(on: .erp) {
            let table = try opened.table(schema.name, on: .erp)
            let mapping = try mapping(for: table)
            for record in try table.records(numbers: numbers) where found[record[schema.numberField ?? "No."]] == nil {
                found[record[schema.numberField ?? "No."]] = ResolvedRecord(side: .erp, table: table, record: record, mapping: mapping)
            }
        }
        let missing = numbers.filter { found[$0] == nil }
        guard missing.isEmpty else {
            throw CommandError(.recordNotFound, tr("No ERP record has the number {0}.", missing.joined(separator: ", ")), usage: true)
        }
        return numbers.compactMap { found[$0] }
    }
}
