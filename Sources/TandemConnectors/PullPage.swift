/// One page of a pull: changed or new records, ids deleted since the cursor (Dataverse's
/// `$deletedEntity`; Business Central reports none this way), and what comes next.
public struct PullPage: Sendable, Equatable {
    public var records: [RemoteRecord]
    public var deletedIDs: [String]
    public var next: PullNext

    public init(records: [RemoteRecord], deletedIDs: [String] = [], next: PullNext) {
        self.records = records
        self.deletedIDs = deletedIDs
        self.next = next
    }
}
