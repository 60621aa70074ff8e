/// A record as a remote service sent it, ready for the replica: its remote id, ETag and values by
/// Tandem field name (only the fields the service carries; the replica leaves the others alone).
public struct PulledRow: Sendable, Equatable {
    public var remoteID: String
    public var etag: String
    public var fields: [String: String]

    public init(remoteID: String, etag: String, fields: [String: String]) {
        self.remoteID = remoteID
        self.etag = etag
        self.fields = fields
    }
}
