import GRDB

/// One fetched row read strictly: every value must have the type its column promises, or the read
/// throws `StoredDataError.badValue` naming the file, table, row and column. (GRDB's `row[i]`
/// subscript traps on a failed conversion; this never does.)
struct StoredRow {
    let row: Row
    let path: String
    let table: String
    /// How the row is named in a message (its key), worked out only when a message needs it.
    let key: (Row) -> String

    init(_ row: Row, path: String, table: String,
         key: @escaping (Row) -> String = { StoredRow.keyText($0[0] as DatabaseValue) }) {
        self.row = row
        self.path = path
        self.table = table
        self.key = key
    }

    /// A key value as a message names it: text as it is, anything else described.
    static func keyText(_ value: DatabaseValue) -> String {
        if case .string(let text) = value.storage { return text }
        if case .int64(let number) = value.storage { return String(number) }
        return StoredDataError.describe(value)
    }

    func bad(_ index: Int) -> StoredDataError {
        .badValue(path: path, table: table, row: key(row), column: row.columnNames[row.index(row.startIndex, offsetBy: index)],
                  found: StoredDataError.describe(row[index]))
    }

    func text(_ index: Int) throws -> String {
        guard case .string(let text) = (row[index] as DatabaseValue).storage else { throw bad(index) }
        return text
    }

    func optionalText(_ index: Int) throws -> String? {
        (row[index] as DatabaseValue).isNull ? nil : try text(index)
    }

    func integer(_ index: Int) throws -> Int64 {
        guard case .int64(let number) = (row[index] as DatabaseValue).storage else { throw bad(index) }
        return number
    }

    func optionalInteger(_ index: Int) throws -> Int64? {
        (row[index] as DatabaseValue).isNull ? nil : try integer(index)
    }

    /// A REAL column (an integer stored in it reads as its value).
    func real(_ index: Int) throws -> Double {
        switch (row[index] as DatabaseValue).storage {
        case .double(let number): return number
        case .int64(let number): return Double(number)
        default: throw bad(index)
        }
    }

    func int(_ index: Int) throws -> Int {
        guard let number = Int(exactly: try integer(index)) else { throw bad(index) }
        return number
    }

    /// 0 or 1.
    func bool(_ index: Int) throws -> Bool {
        switch try integer(index) {
        case 0: false
        case 1: true
        default: throw bad(index)
        }
    }

    func optionalBool(_ index: Int) throws -> Bool? {
        (row[index] as DatabaseValue).isNull ? nil : try bool(index)
    }

    /// Text that must be one of an enumeration's raw values.
    func value<Value: RawRepresentable>(_ index: Int, as type: Value.Type) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: try text(index)) else { throw bad(index) }
        return value
    }

    func optionalValue<Value: RawRepresentable>(_ index: Int, as type: Value.Type) throws -> Value?
    where Value.RawValue == String {
        (row[index] as DatabaseValue).isNull ? nil : try value(index, as: type)
    }

    /// Text that a decoder must accept (a snapshot, a field list).
    func decoded<Value>(_ index: Int, _ decode: (String) -> Value?) throws -> Value {
        guard let value = decode(try text(index)) else { throw bad(index) }
        return value
    }

    // Outside the hot path, rows are read by column name: a SELECT whose columns are reordered or
    // extended cannot shift what a number pointed at.

    /// The position of the column named `name` in the row; a missing column is a bad value too.
    func column(_ name: String) throws -> Int {
        guard let index = row.columnNames.firstIndex(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) else {
            throw StoredDataError.badValue(path: path, table: table, row: key(row), column: name, found: tr("no such column"))
        }
        return row.columnNames.distance(from: row.columnNames.startIndex, to: index)
    }

    func text(_ name: String) throws -> String { try text(column(name)) }
    func optionalText(_ name: String) throws -> String? { try optionalText(column(name)) }
    func integer(_ name: String) throws -> Int64 { try integer(column(name)) }
    func optionalInteger(_ name: String) throws -> Int64? { try optionalInteger(column(name)) }
    func int(_ name: String) throws -> Int { try int(column(name)) }
    func bool(_ name: String) throws -> Bool { try bool(column(name)) }

    func value<Value: RawRepresentable>(_ name: String, as type: Value.Type) throws -> Value where Value.RawValue == String {
        try value(column(name), as: type)
    }

    func optionalValue<Value: RawRepresentable>(_ name: String, as type: Value.Type) throws -> Value?
    where Value.RawValue == String {
        try optionalValue(column(name), as: type)
    }
}
