/// A change to one record, as a side applies it. Updates and deletes are conditional: they carry the
/// version (`modifiedAt`) the caller read, and a side refuses them when the record moved since, so an
/// edit made by someone else in between is never overwritten unseen.
public enum RecordWrite: Sendable, Equatable {
    /// Create a record with this id (decided by the caller, so a retried create cannot duplicate it).
    case insert(id: RecordID, fields: [String: String])
    /// Set these fields, if the record is still at version `expected`; others stay as they are.
    case update(id: RecordID, fields: [String: String], expected: Timestamp)
    /// Delete the record, if it is still at version `expected`.
    case delete(id: RecordID, expected: Timestamp)

    public var id: RecordID {
        switch self {
        case .insert(let id, _), .update(let id, _, _), .delete(let id, _): id
        }
    }
}
