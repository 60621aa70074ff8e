/// What the screens need of a workspace's connected sides: which service each lives in, a pull of all
/// of them that says what each table's pull brought, and how long the services made Tandem wait.
public protocol SidePuller: Sendable {
    /// The service each connected side lives in, and the tables it carries.
    var connectedServices: [Side: ConnectedSide] { get }

    /// Seconds each service has made this process wait so far (throttling, a busy service, lost
    /// answers), by service name; a long job shows the growth as it runs.
    func secondsWaited() -> [String: Double]

    /// Brings every connected side's replicas up to date, table by table.
    func pullConnectedSides() throws -> [PulledTable]
}
