/// Converts between CSV files and the records of one table: columns `id`, `modifiedAt`, then the
/// table's fields. Every problem is reported with file, line and field, before anything is written.
public enum RecordCSV {
    public static let idColumn = "id"
    public static let modifiedAtColumn = "modifiedAt"

    /// The header an export writes for `schema`.
    public static func header(for schema: TableSchema) -> [String] {
        [idColumn, modifiedAtColumn] + schema.fieldNames
    }

    /// Reads and validates the rows of a file of Tandem's own form (an export): `id` and `modifiedAt`
    /// required, every column a field, ids and numbers unique within the file and against
    /// `existingIDs`/`existingNumbers`. Every problem names file, line and field.
    public static func records(from table: CSVTable, schema: TableSchema, existingIDs: Set<RecordID> = [],
                               existingNumbers: Set<String> = []) throws -> [Record] {
        let columns = try importColumns(table, schema: schema)
        if let unknown = columns.ignored.first, let index = table.header.firstIndex(of: unknown) {
            throw CSVError(file: table.file, line: 1, field: FieldValue.normalizedText(unknown),
                           message: tr("{0} has no such field (column {1})", schema.name, index + 1))
        }
        for required in [idColumn, modifiedAtColumn] where !columns.targets.contains(required) {
            throw CSVError(file: table.file, line: 1, field: required, message: tr("the header has no {0} column", required))
        }
        return try rows(from: table, schema: schema, columns: columns, existingIDs: existingIDs,
                        existingNumbers: existingNumbers).compactMap { row in
            guard let id = row.id, let modifiedAt = row.modifiedAt else {
                throw CSVError(file: table.file, line: row.line, field: row.id == nil ? idColumn : modifiedAtColumn,
                               message: tr("the value is empty"))
            }
            return Record(id: id, modifiedAt: modifiedAt, fields: schema.withDerivedName(row.fields))
        }
    }

    /// What each column of `table` stands for: a field (by its name or another program's caption, see
    /// `ColumnCaptions`), Tandem's `id` or `modifiedAt`, or nothing (ignored). A field named twice is an error.
    public static func importColumns(_ table: CSVTable, schema: TableSchema) throws -> ImportColumns {
        var targets: [String?] = [], ignored: [String] = [], seen = Set<String>()
        for (index, heading) in table.header.enumerated() {
            let text = FieldValue.normalizedText(heading)
            let target = text == idColumn || ColumnCaptions.isID(text, in: schema) ? idColumn
                : text == modifiedAtColumn ? modifiedAtColumn : ColumnCaptions.field(for: text, in: schema)
            guard let target else { ignored.append(heading); targets.append(nil); continue }
            guard seen.insert(target).inserted else {
                throw CSVError(file: table.file, line: 1, field: text,
                               message: tr("the column appears twice (column {0} is {1} again)", index + 1, target))
            }
            targets.append(target)
        }
        return ImportColumns(targets: targets, ignored: ignored)
    }

    /// Reads and validates every row: value counts, ids, dates, values the field cannot hold (too long,
    /// a NUL character: `FieldRefusal`), decimals, and duplicate ids or numbers within the file and
    /// against `existingIDs`/`existingNumbers`. Empty `id`/`modifiedAt` values read as absent.
    public static func rows(from table: CSVTable, schema: TableSchema, columns: ImportColumns,
                            existingIDs: Set<RecordID> = [], existingNumbers: Set<String> = []) throws -> [ImportedRow] {
        let count = columns.targets.count
        var result: [ImportedRow] = []
        result.reserveCapacity(table.rows.count)
        var idLines: [RecordID: Int] = [:], numberLines: [String: Int] = [:]
        for row in table.rows {
            if row.values.count < count {
                throw CSVError(file: table.file, line: row.line, field: columns.targets[row.values.count] ?? table.header[row.values.count],
                               message: tr("the row has {0} values for {1} columns; this one is missing", row.values.count, count))
            }
            if row.values.count > count {
                throw CSVError(file: table.file, line: row.line, field: nil,
                               message: tr("the row has {0} values for {1} columns (an extra value after \"{2}\")", row.values.count, count, table.header.last ?? ""))
            }
            var imported = ImportedRow(line: row.line, fields: [:])
            for (target, value) in zip(columns.targets, row.values) {
                guard let target else { continue }
                let text = FieldValue.normalizedText(value)
                switch target {
                case idColumn where !text.isEmpty:
                    guard RecordID.looksLikeID(text) else {
                        throw CSVError(file: table.file, line: row.line, field: target, message: tr("\"{0}\" is not a UUID", value))
                    }
                    imported.id = RecordID(text)
                case modifiedAtColumn where !text.isEmpty:
                    guard let stamp = Timestamp(iso8601: text) else {
                        throw CSVError(file: table.file, line: row.line, field: target,
                                       message: tr("\"{0}\" is not a UTC date and time like 2026-11-20T09:15:00.000Z", value))
                    }
                    imported.modifiedAt = stamp
                case idColumn, modifiedAtColumn:
                    break
                default:
                    imported.fields[target] = value
                }
            }
            if let refused = FieldRefusal.first(in: imported.fields, schema: schema) {
                throw CSVError(file: table.file, line: row.line, field: refused.field, message: refused.refusal.description)
            }
            if let id = imported.id {
                if let first = idLines[id] ?? (existingIDs.contains(id) ? 0 : nil) {
                    throw CSVError(file: table.file, line: row.line, field: idColumn,
                                   message: first == 0 ? tr("duplicate id {0} (already in the workspace)", id) : tr("duplicate id {0} (first on line {1})", id, first))
                }
                idLines[id] = row.line
            }
            if let numberField = schema.numberField {
                let number = FieldValue.normalizedText(imported.fields[numberField] ?? "")
                if number.isEmpty && imported.id != nil && columns.targets.contains(numberField) {
                    throw CSVError(file: table.file, line: row.line, field: numberField, message: tr("the number is empty"))
                }
                if !number.isEmpty {
                    if let first = numberLines[number] ?? (existingNumbers.contains(number) ? 0 : nil) {
                        throw CSVError(file: table.file, line: row.line, field: numberField,
                                       message: first == 0 ? tr("duplicate number {0} (already in the workspace)", number) : tr("duplicate number {0} (first on line {1})", number, first))
                    }
                    numberLines[number] = row.line
                }
            }
            if let kindError = decimalError(imported.fields, schema: schema) {
                throw CSVError(file: table.file, line: row.line, field: kindError.0, message: kindError.1)
            }
            result.append(imported)
        }
        return result
    }

    private static func decimalError(_ fields: [String: String], schema: TableSchema) -> (String, String)? {
        for definition in schema.fields where definition.kind == .decimal {
            let value = FieldValue.normalizedText(fields[definition.name] ?? "")
            if !value.isEmpty && !FieldValue.isNumber(value) {
                return (definition.name, tr("\"{0}\" is not a number", value))
            }
        }
        return nil
    }

    /// The rows an export writes for `records`, in the order given.
    public static func rows(for records: [Record], schema: TableSchema) -> [[String]] {
        records.map { record in [record.id.rawValue, record.modifiedAt.iso8601] + schema.fieldNames.map { record[$0] } }
    }
}
