/// A record's id and the version (`modifiedAt`) it is at: what finding the changed records reads.
public struct RecordVersion: Sendable, Hashable {
    public var id: RecordID
    public var modifiedAt: Timestamp

    public init(id: RecordID, modifiedAt: Timestamp) {
        self.id = id
        self.modifiedAt = modifiedAt
    }

    /// Order by version, then id: the order a side hands out changed records in.
    public static func sortsBefore(_ lhs: RecordVersion, _ rhs: RecordVersion) -> Bool {
        lhs.modifiedAt != rhs.modifiedAt ? lhs.modifiedAt < rhs.modifiedAt : lhs.id < rhs.id
    }
}
