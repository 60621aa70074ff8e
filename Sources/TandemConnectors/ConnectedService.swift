/// A side that lives in a service: which one, where, and the record source of each of its tables.
public struct ConnectedService: Sendable {
    public let kind: ServiceKind
    public let endpoint: ServiceEndpoint
    public let sources: [String: RemoteRecordSource]
}
