import GRDB

/// A value in a workspace file that is not what its schema promises (text where a timestamp belongs,
/// an undecodable snapshot, an unknown job type): reported with the file, table, row and column
/// instead of crashing, so the person knows which row to repair.
public enum StoredDataError: Error, Equatable, CustomStringConvertible {
    case badValue(path: String, table: String, row: String, column: String, found: String)

    public var description: String {
        switch self {
        case .badValue(let path, let table, let row, let column, let found):
            tr("{0}: table {1}, row {2}, column {3} holds {4}, which Tandem cannot read; repair or remove that row.", path, table, row, column, found)
        }
    }

    /// How a stored value is named in a message: its SQLite type and a short excerpt.
    static func describe(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "NULL"
        case .int64(let number): tr("the integer {0}", number)
        case .double(let number): tr("the real number {0}", number)
        case .string(let text): tr("the text \"{0}\"", text.count > 40 ? String(text.prefix(40)) + "…" : text)
        case .blob(let data): tr("a blob of {0} bytes", data.count)
        }
    }
}
