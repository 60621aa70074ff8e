/// What one pull did to one table's replica.
public struct PulledTable: Sendable, Equatable {
    public var table: String
    public var changes: ReplicaChanges

    public init(table: String, changes: ReplicaChanges) {
        self.table = table
        self.changes = changes
    }
}
