import GRDB
import GRDBSQLite

/// The current row of a stepping statement read straight from SQLite, for the hot paths that read
/// thousands of records a batch: text columns become Swift strings without an intermediate
/// `DatabaseValue` or a copied row. A column that is not what it should be reads as nil, and the
/// caller falls back to `StoredRow`, which names the file, table, row and column.
struct StatementColumns {
    let statement: SQLiteStatement

    init(_ statement: Statement) { self.statement = statement.sqliteStatement }

    /// The column's text; nil unless it holds text.
    func text(_ index: Int32) -> String? {
        guard sqlite3_column_type(statement, index) == SQLITE_TEXT else { return nil }
        guard let bytes = sqlite3_column_text(statement, index) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, index))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// Whether the column holds the empty text (read without making a string).
    func isEmptyText(_ index: Int32) -> Bool {
        sqlite3_column_type(statement, index) == SQLITE_TEXT && sqlite3_column_bytes(statement, index) == 0
    }

    /// The column's integer; nil unless it holds one.
    func integer(_ index: Int32) -> Int64? {
        guard sqlite3_column_type(statement, index) == SQLITE_INTEGER else { return nil }
        return sqlite3_column_int64(statement, index)
    }

    /// A nullable column: `.some(nil)` for NULL, `.some(value)` for an integer, nil for anything else.
    func optionalInteger(_ index: Int32) -> Int64?? {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_NULL: return .some(nil)
        case SQLITE_INTEGER: return .some(sqlite3_column_int64(statement, index))
        default: return nil
        }
    }

    /// A nullable text column: `.some(nil)` for NULL, `.some(text)` for text, nil for anything else.
    func optionalText(_ index: Int32) -> String?? {
        sqlite3_column_type(statement, index) == SQLITE_NULL ? .some(nil) : text(index).map { .some($0) }
    }
}
