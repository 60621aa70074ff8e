import GRDBSQLite

/// A prepared statement: bind by position (1-based), step, read columns (0-based), reset.
final class RawStatement {
    private let statement: OpaquePointer
    private let database: RawDatabase
    /// SQLite's SQLITE_TRANSIENT: copy the bound bytes.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ statement: OpaquePointer, database: RawDatabase) {
        self.statement = statement
        self.database = database
    }

    deinit { sqlite3_finalize(statement) }

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(statement, index, value) }
    func bindNull(_ index: Int32) { sqlite3_bind_null(statement, index) }
    func bind(_ index: Int32, _ text: String) { sqlite3_bind_text(statement, index, text, -1, Self.transient) }
    /// Binds the bytes as text; an empty buffer (whose address may be nil) binds the empty text.
    func bind(_ index: Int32, bytes: UnsafeRawBufferPointer) {
        guard let address = bytes.baseAddress, bytes.count > 0 else {
            sqlite3_bind_text(statement, index, "", 0, Self.transient)
            return
        }
        sqlite3_bind_text(statement, index, address.assumingMemoryBound(to: CChar.self), Int32(bytes.count), Self.transient)
    }
    func bind(_ index: Int32, bytes: [UInt8]) { bytes.withUnsafeBytes { bind(index, bytes: $0) } }
    /// Binds column `column` of `other`'s current row, as text.
    func bind(_ index: Int32, columnOf other: RawStatement, _ column: Int32) { bind(index, bytes: other.bytes(column)) }

    /// true while there is a row.
    func step() throws -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.error(String(cString: sqlite3_sql(statement)))
        }
    }

    /// Runs to the end and resets.
    func run() throws {
        while try step() {}
        reset()
    }

    func reset() {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }

    var columnCount: Int32 { sqlite3_column_count(statement) }
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }
    /// The column's text bytes, valid until the next step or reset.
    func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
        guard let pointer = sqlite3_column_text(statement, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(statement, column)))
    }
    func text(_ column: Int32) -> String { String(decoding: bytes(column), as: UTF8.self) }
}
