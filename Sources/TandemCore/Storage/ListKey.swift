/// The position of a row in a list sorted by name: its sort key (the name folded, see
/// `TableSchema.sortKey`), then its id to break ties.
public struct ListKey: Sendable, Equatable, Hashable {
    public var sortKey: String
    public var id: RecordID

    public init(sortKey: String, id: RecordID) {
        self.sortKey = sortKey
        self.id = id
    }

    /// The key of `record` in a list of `schema`'s table.
    public init(_ record: Record, schema: TableSchema) {
        self.init(sortKey: schema.sortKey(of: record), id: record.id)
    }

    /// Byte order of the sort keys (as SQLite's BINARY collation), then id.
    public static func sortsBefore(_ lhs: ListKey, _ rhs: ListKey) -> Bool {
        if lhs.sortKey != rhs.sortKey { return lhs.sortKey.utf8.lexicographicallyPrecedes(rhs.sortKey.utf8) }
        return lhs.id < rhs.id
    }
}
