/// One write sent to a remote table, in Tandem's field names. Updates and deletes are conditional on
/// the ETag the replica holds.
public enum RemoteWrite: Sendable, Equatable {
    /// Create a record. Dataverse: with this id (`PATCH` + `If-None-Match: *`, so a retry cannot
    /// duplicate). Business Central: `remoteID` is ignored (the service assigns its own id) and a
    /// retry is recognised by the `No.` in `fields`.
    case create(remoteID: String, fields: [String: String])
    /// Set these fields if the record still has this ETag (`PATCH` + `If-Match`).
    case update(remoteID: String, etag: String, fields: [String: String])
    /// Delete the record if it still has this ETag.
    case delete(remoteID: String, etag: String)
}
