/// A workspace that can keep its sides as replicas of remote services: where each side lives, and
/// each table's replica. A folder workspace and a shared PostgreSQL one both are.
public protocol ReplicaHost: Sendable {
    /// The workspace as opened, every table the embedded (or replica) table itself.
    var workspace: Workspace { get }

    /// Where `side` lives when it is not the embedded database (nil: it is).
    func connection(on side: Side) throws -> SideConnection?

    /// Records where `side` lives (nil: back to the embedded database). Going back keeps the records
    /// as the embedded side's own and forgets their remote ids, ETags and cursors.
    func setConnection(_ connection: SideConnection?, on side: Side) throws

    /// The replica of one of `side`'s tables.
    func replica(_ name: String, on side: Side) throws -> any RecordReplica
}
