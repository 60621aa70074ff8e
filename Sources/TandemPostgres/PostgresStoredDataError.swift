import TandemCore

/// A stored value Tandem cannot read (a job type it does not know, a snapshot that does not decode),
/// named by table and column; the text is shown escaped.
public struct PostgresStoredDataError: Error, Equatable, CustomStringConvertible {
    public let table: String
    public let column: String
    public let value: String

    public var description: String {
        tr("The {0} column of {1} holds a value Tandem cannot read: {2}", column, table, value.debugDescription)
    }
}
