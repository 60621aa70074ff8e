/// What storing one pulled page did to the replica.
public struct ReplicaChanges: Sendable, Equatable {
    public var inserted = 0
    public var changed = 0
    public var unchanged = 0
    public var deleted = 0

    public init(inserted: Int = 0, changed: Int = 0, unchanged: Int = 0, deleted: Int = 0) {
        self.inserted = inserted
        self.changed = changed
        self.unchanged = unchanged
        self.deleted = deleted
    }

    public static func + (lhs: ReplicaChanges, rhs: ReplicaChanges) -> ReplicaChanges {
        ReplicaChanges(inserted: lhs.inserted + rhs.inserted, changed: lhs.changed + rhs.changed,
                       unchanged: lhs.unchanged + rhs.unchanged, deleted: lhs.deleted + rhs.deleted)
    }
}
