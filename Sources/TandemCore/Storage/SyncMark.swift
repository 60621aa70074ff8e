/// How far back "Synchronize modified records" must look on one side of a mapping: every coupled
/// pair whose record on `side` is at a version at or before `modifiedAt` was in step on that side
/// when a pass over every pair ended — or is never synchronized, or its last pass failed, which the
/// store finds by index. Like Business Central's "Synch. Modified On Filter" on a table mapping.
public struct SyncMark: Sendable, Equatable {
    public var mapping: String
    public var side: Side
    public var modifiedAt: Timestamp

    public init(mapping: String, side: Side, modifiedAt: Timestamp) {
        self.mapping = mapping
        self.side = side
        self.modifiedAt = modifiedAt
    }
}
