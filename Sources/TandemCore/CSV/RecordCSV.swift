/// Converts between CSV files and the records of one table: columns `id`, `modifiedAt`, then the
/// table's fields. Every problem is reported with file, line and field, before anything is written.
public enum RecordCSV {
    public static let idColumn = "id"
    public static let modifiedAtColumn = "modifiedAt"

    /// The header an export writes for `schema`.
    public static func header(for schema: TableSchema) -> [String] {
        [idColumn, modifiedAtColumn] + schema.fieldNames
    }

    /// Reads and validates all rows: missing or extra values, unknown columns, ids, dates, values the
    /// field cannot hold (too long, or a NUL character: `FieldRefusal`), and duplicate ids or numbers (within the file and against `existingIDs`/`existingNumbers`).
    public static func records(from table: CSVTable, schema: TableSchema, existingIDs: Set<RecordID> = [],
                               existingNumbers: Set<String> = []) throws -> [Record] {
        let columns = table.header.map { FieldValue.normalizedText($0) }
        var seenColumns = Set<String>()
        for (index, column) in columns.enumerated() {
            guard column == idColumn || column == modifiedAtColumn || schema.field(named: column) != nil else {
                throw CSVError(file: table.file, line: 1, field: column,
                               message: "\(schema.name) has no such field (column \(index + 1))")
            }
            guard seenColumns.insert(column).inserted else {
                throw CSVError(file: table.file, line: 1, field: column, message: "the column appears twice")
            }
        }
        for required in [idColumn, modifiedAtColumn] where !seenColumns.contains(required) {
            throw CSVError(file: table.file, line: 1, field: required, message: "the header has no \(required) column")
        }
        var records: [Record] = []
        records.reserveCapacity(table.rows.count)
        var idLines: [RecordID: Int] = [:], numberLines: [String: Int] = [:]
        for row in table.rows {
            if row.values.count < columns.count {
                throw CSVError(file: table.file, line: row.line, field: columns[row.values.count],
                               message: "the row has \(row.values.count) values for \(columns.count) columns; this one is missing")
            }
            if row.values.count > columns.count {
                throw CSVError(file: table.file, line: row.line, field: nil,
                               message: "the row has \(row.values.count) values for \(columns.count) columns (an extra value after \"\(columns.last ?? "")\")")
            }
            var fields: [String: String] = [:]
            var id: RecordID?
            var modifiedAt: Timestamp?
            for (column, value) in zip(columns, row.values) {
                switch column {
                case idColumn:
                    let text = FieldValue.normalizedText(value)
                    guard RecordID.looksLikeID(text) else {
                        throw CSVError(file: table.file, line: row.line, field: column, message: "\"\(value)\" is not a UUID")
                    }
                    id = RecordID(text)
                case modifiedAtColumn:
                    guard let stamp = Timestamp(iso8601: FieldValue.normalizedText(value)) else {
                        throw CSVError(file: table.file, line: row.line, field: column,
                                       message: "\"\(value)\" is not a UTC date and time like 2026-11-20T09:15:00.000Z")
                    }
                    modifiedAt = stamp
                default:
                    fields[column] = value
                }
            }
            if let refused = FieldRefusal.first(in: fields, schema: schema) {
                throw CSVError(file: table.file, line: row.line, field: refused.field, message: refused.refusal.description)
            }
            guard let id, let modifiedAt else { continue }
            if let first = idLines[id] ?? (existingIDs.contains(id) ? 0 : nil) {
                throw CSVError(file: table.file, line: row.line, field: idColumn,
                               message: "duplicate id \(id) (\(first == 0 ? "already in the workspace" : "first on line \(first)"))")
            }
            idLines[id] = row.line
            if let numberField = schema.numberField {
                let number = FieldValue.normalizedText(fields[numberField] ?? "")
                guard !number.isEmpty else {
                    throw CSVError(file: table.file, line: row.line, field: numberField, message: "the number is empty")
                }
                if let first = numberLines[number] ?? (existingNumbers.contains(number) ? 0 : nil) {
                    throw CSVError(file: table.file, line: row.line, field: numberField,
                                   message: "duplicate number \(number) (\(first == 0 ? "already in the workspace" : "first on line \(first)"))")
                }
                numberLines[number] = row.line
            }
            if let kindError = decimalError(fields, schema: schema) {
                throw CSVError(file: table.file, line: row.line, field: kindError.0, message: kindError.1)
            }
            records.append(Record(id: id, modifiedAt: modifiedAt, fields: schema.withDerivedName(fields)))
        }
        return records
    }

    private static func decimalError(_ fields: [String: String], schema: TableSchema) -> (String, String)? {
        for definition in schema.fields where definition.kind == .decimal {
            let value = FieldValue.normalizedText(fields[definition.name] ?? "")
            if !value.isEmpty && !FieldValue.isNumber(value) {
                return (definition.name, "\"\(value)\" is not a number")
            }
        }
        return nil
    }

    /// The rows an export writes for `records`, in the order given.
    public static func rows(for records: [Record], schema: TableSchema) -> [[String]] {
        records.map { record in [record.id.rawValue, record.modifiedAt.iso8601] + schema.fieldNames.map { record[$0] } }
    }
}
