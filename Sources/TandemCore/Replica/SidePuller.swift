/// What the screens need of a workspace's connected sides: which service each lives in, and a pull
/// of all of them that says what each table's pull brought.
public protocol SidePuller: Sendable {
    /// The name of the service each connected side lives in ("Business Central", "Dataverse").
    var connectedServices: [Side: String] { get }

    /// Brings every connected side's replicas up to date, table by table.
    func pullConnectedSides() throws -> [PulledTable]
}
