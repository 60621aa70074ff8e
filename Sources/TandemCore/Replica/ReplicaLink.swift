/// How a replica record is known to its remote service: the service's id and the ETag of the version
/// the replica holds.
public struct ReplicaLink: Sendable, Equatable {
    public var remoteID: String
    public var etag: String

    public init(remoteID: String, etag: String) {
        self.remoteID = remoteID
        self.etag = etag
    }
}
