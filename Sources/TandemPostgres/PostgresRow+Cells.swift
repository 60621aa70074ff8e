import PostgresNIO
import TandemCore

extension PostgresRandomAccessRow {
    func text(_ index: Int) throws -> String { try self[index].decode(String.self) }
    func optionalText(_ index: Int) throws -> String? { try self[index].decode(String?.self) }
    func integer(_ index: Int) throws -> Int64 { try self[index].decode(Int64.self) }
    func optionalInteger(_ index: Int) throws -> Int64? { try self[index].decode(Int64?.self) }
    func int(_ index: Int) throws -> Int { Int(try integer(index)) }
    func bool(_ index: Int) throws -> Bool { try integer(index) != 0 }
    func optionalBool(_ index: Int) throws -> Bool? { try optionalInteger(index).map { $0 != 0 } }

    /// A text column that must read as `Value` (an enum's raw value), else a clear error naming it.
    func value<Value: RawRepresentable>(_ index: Int, as type: Value.Type, table: String) throws -> Value where Value.RawValue == String {
        let text = try text(index)
        guard let value = Value(rawValue: text) else {
            throw PostgresStoredDataError(table: table, column: self[index].columnName, value: text)
        }
        return value
    }

    func decoded<Value>(_ index: Int, table: String, _ decode: (String) -> Value?) throws -> Value {
        let text = try text(index)
        guard let value = decode(text) else { throw PostgresStoredDataError(table: table, column: self[index].columnName, value: text) }
        return value
    }
}
