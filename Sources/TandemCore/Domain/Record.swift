/// One record of one table on one side: its stable id, when it last changed, and its field values.
///
/// Field values are text (decimals in their canonical text form). A field absent from `fields`
/// reads as the empty string, which is also how an empty field is stored.
public struct Record: Sendable, Equatable {
    public var id: RecordID
    public var modifiedAt: Timestamp
    public var fields: [String: String]

    public init(id: RecordID, modifiedAt: Timestamp, fields: [String: String]) {
        self.id = id
        self.modifiedAt = modifiedAt
        self.fields = fields
    }

    /// The value of a field, empty when the record does not carry it.
    public subscript(field: String) -> String {
        get { fields[field] ?? "" }
        set { fields[field] = newValue }
    }
}
