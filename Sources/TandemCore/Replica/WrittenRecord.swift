/// A record as the service answered a write with it: what replaces the replica's copy, if the replica
/// still holds the version the write was sent from.
public struct WrittenRecord: Sendable, Equatable {
    public let id: RecordID
    public let row: PulledRow
    /// The ETag the write was sent from; nil for a create.
    public let sentFrom: String?

    public init(id: RecordID, row: PulledRow, sentFrom: String?) {
        self.id = id
        self.row = row
        self.sentFrom = sentFrom
    }
}
