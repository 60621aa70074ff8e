import GRDBSQLite

/// One SQLite connection through the C API and nothing else: what the floor programs are written in,
/// so that a floor costs what SQLite costs. Same settings as Tandem's connections (WAL, synchronous
/// NORMAL, 8 MB page cache).
final class RawDatabase {
    let handle: OpaquePointer

    init(path: String) throws {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let handle else {
            sqlite3_close(handle)
            throw BenchmarkError(message: "cannot open \(path)")
        }
        self.handle = handle
        sqlite3_busy_timeout(handle, 10_000)
        try execute("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -8192")
    }

    deinit { sqlite3_close_v2(handle) }

    func execute(_ sql: String) throws {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else { throw error(sql) }
    }

    func prepare(_ sql: String) throws -> RawStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
              let statement else { throw error(sql) }
        return RawStatement(statement, database: self)
    }

    var changes: Int { Int(sqlite3_changes(handle)) }
    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    func error(_ sql: String) -> BenchmarkError {
        BenchmarkError(message: "\(String(cString: sqlite3_errmsg(handle))) in \(sql)")
    }
}
