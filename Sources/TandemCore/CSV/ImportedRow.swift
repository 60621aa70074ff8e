/// One row of a file to import, checked: the fields it sets, and its id and `modifiedAt` when the file
/// has Tandem's own columns (an export does; a file from Excel or another system need not).
public struct ImportedRow: Sendable, Equatable {
    public var line: Int
    public var id: RecordID?
    public var modifiedAt: Timestamp?
    /// The table's fields this row's columns set (captions already turned into field names).
    public var fields: [String: String]
}
