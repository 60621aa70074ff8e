import Foundation
import TandemCore

/// Imports and exports one table as CSV. An import validates the whole file first (columns, ids,
/// dates, numbers, duplicates within the file and against the table) and then writes it in one
/// transaction: a file with any bad line writes nothing.
public enum RecordImporter {
    /// Reads a file's bytes, naming the file when it cannot be read.
    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CSVError(file: path, line: 0, message: "the file cannot be read (missing or no permission)")
        }
        return Array(data)
    }

    /// The records a CSV file holds for `table`, validated against what the table already has.
    public static func records(inFile path: String, for table: SQLiteRecordSource) throws -> [TandemCore.Record] {
        try records(fromCSV: read(path), file: path, for: table)
    }

    static func records(fromCSV bytes: [UInt8], file: String, for table: SQLiteRecordSource) throws -> [TandemCore.Record] {
        let csv = try CSV.parse(bytes, file: file)
        let records = try RecordCSV.records(from: csv, schema: table.schema)
        let existingIDs = Set(try table.records(ids: records.map(\.id)).map(\.id))
        var existingNumbers = Set<String>()
        if let numberField = table.schema.numberField {
            existingNumbers = Set(try table.records(numbers: records.map { $0[numberField] }).map { $0[numberField] })
        }
        guard existingIDs.isEmpty && existingNumbers.isEmpty else {
            // Validate again against the table, so the error names the first clashing line.
            return try RecordCSV.records(from: csv, schema: table.schema, existingIDs: existingIDs,
                                         existingNumbers: existingNumbers)
        }
        return records
    }

    /// Imports a CSV file into a table; returns how many records were added.
    @discardableResult
    public static func importFile(_ path: String, into table: SQLiteRecordSource) throws -> Int {
        let records = try records(inFile: path, for: table)
        try table.insertVerbatim(records)
        return records.count
    }

    /// Writes every record of the table to a CSV file (`-`: standard output), in id order,
    /// `modifiedAt` included, through `OutputFile`: the workspace's own files are refused, and a
    /// failure leaves the destination as it was.
    @discardableResult
    public static func exportFile(_ path: String, from table: SQLiteRecordSource, protecting protected: [String]) throws -> Int {
        var count = 0
        try OutputFile.write(to: path, protecting: protected) { write in
            try write(RecordCSV.header(for: table.schema).map(CSV.escape).joined(separator: ",") + "\n")
            try table.forEachBatch { batch in
                try write(RecordCSV.rows(for: batch, schema: table.schema)
                    .map { $0.map(CSV.escape).joined(separator: ",") + "\n" }.joined())
                count += batch.count
            }
        }
        return count
    }
}
