/// Where the next incremental pull of one table starts, stored in the replica with the rows it brought.
/// Business Central: a `lastModifiedDateTime` watermark; Dataverse: the `@odata.deltaLink`.
public struct PullCursor: Sendable, Equatable, Codable {
    public var value: String
    public init(_ value: String) { self.value = value }
}
