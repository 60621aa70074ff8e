import TandemCore

/// A record as the remote service holds it, already in Tandem's field names and canonical values
/// (so the replica compares it with what the engine wrote without phantom changes).
public struct RemoteRecord: Sendable, Equatable {
    /// The service's own key, lower-case: Business Central's `id` (SystemId), Dataverse's `accountid`.
    public var remoteID: String
    /// The `@odata.etag` the service sent, kept verbatim (opaque).
    public var etag: String
    /// The service's last-modified time (`lastModifiedDateTime`, `modifiedon`).
    public var modifiedAt: Timestamp
    /// Values by Tandem field name (`Name`, `Credit Limit`, `name`, `transactioncurrency`, …).
    public var fields: [String: String]

    public init(remoteID: String, etag: String, modifiedAt: Timestamp, fields: [String: String]) {
        self.remoteID = remoteID
        self.etag = etag
        self.modifiedAt = modifiedAt
        self.fields = fields
    }
}
