/// A table a CSV file can be imported into: all of it or nothing.
public protocol ImportableRecordSource: RecordSource {
    /// Inserts `verbatim` as given (ids and versions included) and applies `writes`, in one
    /// transaction; the first write refused ends it with a `CSVError` naming `file` and the write's
    /// line, and nothing is imported.
    func importRows(verbatim: [Record], writes: [(line: Int, write: RecordWrite)], file: String) throws
}
