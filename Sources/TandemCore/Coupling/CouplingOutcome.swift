/// What setting up a coupling did.
public struct CouplingOutcome: Sendable {
    public var coupling: Coupling
    public var job: SyncJob
    /// Set when a coupling of the CRM record to a deleted ERP record was removed on the way.
    public var removedStaleCoupling: Coupling?
    /// The synchronization that followed, when asked for.
    public var sync: SyncResult?
}
