import TandemCore

/// A record's card: its fields in groups, its coupling, and a field being edited.
public struct CardState: Equatable, Sendable {
    public var page: PageKind
    public var side: Side
    public var id: RecordID
    /// nil until loaded (or when the record was deleted).
    public var record: Record?
    public var coupling: CouplingSummary?
    /// Index into the table's fields.
    public var cursor = 0
    /// The text typed for the field at the cursor, while editing.
    public var editing: String?
    public var loaded = false

    public init(page: PageKind, side: Side, id: RecordID) {
        self.page = page
        self.side = side
        self.id = id
    }
}
