import TandemCore

/// One row of a list pane, as loaded from the store: the record's key, its coupling mark, its
/// counterpart, and its display values (already sanitised).
public struct ListRow: Equatable, Sendable {
    public var id: RecordID
    public var key: ListKey
    public var status: CouplingStatus
    /// The coupled record on the other side, if any.
    public var counterpart: RecordID?
    /// Display values by field name, control characters made visible.
    public var values: [String: String]

    public init(record: Record, schema: TableSchema, status: CouplingStatus, counterpart: RecordID?) {
        id = record.id
        key = ListKey(record, schema: schema)
        self.status = status
        self.counterpart = counterpart
        values = record.fields.mapValues(DisplayText.sanitized)
    }

    public subscript(field: String) -> String { values[field] ?? "" }

    /// "C00010 Adatum Corporation": the row as messages and dialogs name it.
    public func label(_ schema: TableSchema) -> String {
        schema.label(of: Record(id: id, modifiedAt: Timestamp(milliseconds: 0), fields: values))
    }
}
