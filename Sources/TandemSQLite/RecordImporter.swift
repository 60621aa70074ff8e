import Foundation
import TandemCore

/// Imports and exports one table as CSV. An import validates the whole file first (columns, ids,
/// dates, numbers, lengths, duplicates within the file and against the table) and then writes it in
/// one transaction: a file with any bad line writes nothing.
public enum RecordImporter {
    /// Reads a file's bytes, naming the file when it cannot be read.
    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CSVError(file: path, line: 0, message: tr("the file cannot be read (missing or no permission)"))
        }
        return Array(data)
    }

    /// Imports a CSV file into a table, in one transaction after checking every line: a row whose id
    /// (or, on the ERP side, whose `No.`) the table has updates that record — on the version read, so a
    /// record someone changes meanwhile stops the import rather than being overwritten —, a row that
    /// changes nothing is counted unchanged, the rest are added (with the file's id and `modifiedAt`
    /// when it has them, else new ones; an empty ERP `No.` takes the next of the number series).
    /// The file may use another program's column captions (`ColumnCaptions`); unknown columns are left
    /// out and reported.
    @discardableResult
    public static func importFile(_ path: String, into table: any ImportableRecordSource) throws -> ImportSummary {
        let csv = try CSV.parse(try read(path), file: path)
        let schema = table.schema
        let columns = try RecordCSV.importColumns(csv, schema: schema)
        let rows = try RecordCSV.rows(from: csv, schema: schema, columns: columns)
        let byID = try table.recordsByID(rows.compactMap(\.id))
        var byNumber: [String: Record] = [:]
        if let numberField = schema.numberField {
            let numbers = rows.compactMap { row in row.fields[numberField].map(FieldValue.normalizedText) }.filter { !$0.isEmpty }
            for chunk in numbers.chunked(into: 900) {
                for record in try table.records(numbers: chunk) { byNumber[record[numberField]] = record }
            }
        }
        var summary = ImportSummary()
        summary.ignoredColumns = columns.ignored
        var verbatim: [Record] = [], writes: [(line: Int, write: RecordWrite)] = []
        var numbers = NumberSeriesCursor(table: table, taken: schema.numberField.map { field in
            rows.compactMap { $0.fields[field].map(FieldValue.normalizedText) }
        } ?? [])
        for row in rows {
            let number = schema.numberField.flatMap { row.fields[$0] }.map(FieldValue.normalizedText) ?? ""
            let byItsNumber = number.isEmpty ? nil : byNumber[number]
            if let existing = row.id.flatMap({ byID[$0] }) ?? (row.id == nil ? byItsNumber : nil) {
                if let other = byItsNumber, other.id != existing.id, let numberField = schema.numberField {
                    throw CSVError(file: path, line: row.line, field: numberField,
                                   message: tr("No. {0} belongs to another record already in the workspace", number))
                }
                let changed = row.fields.filter { name, value in
                    !FieldValue.same(existing[name], value, kind: schema.field(named: name)?.kind ?? .text)
                }
                if changed.isEmpty { summary.unchanged += 1; continue }
                writes.append((row.line, .update(id: existing.id, fields: changed, expected: existing.modifiedAt)))
                summary.updated += 1
                continue
            }
            if let other = byItsNumber, let numberField = schema.numberField {
                throw CSVError(file: path, line: row.line, field: numberField,
                               message: tr("duplicate number {0} (already in the workspace, as {1})", number, other.id))
            }
            var fields = row.fields
            if let numberField = schema.numberField, number.isEmpty { fields[numberField] = try numbers.next() }
            let id = row.id ?? RecordID.generate()
            if let modifiedAt = row.modifiedAt {
                verbatim.append(Record(id: id, modifiedAt: modifiedAt, fields: schema.withDerivedName(schema.newRecordFields(fields))))
            } else {
                writes.append((row.line, .insert(id: id, fields: fields)))
            }
            summary.added += 1
        }
        try table.importRows(verbatim: verbatim, writes: writes, file: path)
        return summary
    }

    /// Writes every record of the table to a CSV file (`-`: standard output), in id order,
    /// `modifiedAt` included, through `OutputFile`: the workspace's own files are refused, and a
    /// failure leaves the destination as it was.
    @discardableResult
    public static func exportFile(_ path: String, from table: any RecordSource, protecting protected: [String],
                                  byteOrderMark: Bool = false) throws -> Int {
        var count = 0
        try OutputFile.write(to: path, protecting: protected) { write in
            // Excel reads a file without the mark in the system's legacy code page.
            try write((byteOrderMark ? "\u{FEFF}" : "") + RecordCSV.header(for: table.schema).map(CSV.escape).joined(separator: ",") + "\n")
            var after: RecordID?
            while case let batch = try table.scan(after: after, limit: 1_000), let last = batch.last {
                try write(RecordCSV.rows(for: batch, schema: table.schema)
                    .map { $0.map(CSV.escape).joined(separator: ",") + "\n" }.joined())
                count += batch.count
                after = last.id
            }
        }
        return count
    }
}
