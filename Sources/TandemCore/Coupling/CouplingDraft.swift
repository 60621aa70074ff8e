/// What the set-up-coupling dialog opens with.
public struct CouplingDraft: Sendable, Equatable {
    public var erpRecord: Record
    public var erpLabel: String
    /// The CRM record the ERP record is coupled to now, if any.
    public var currentCRMRecord: Record?
    /// For a new coupling, the data of the side the mapping synchronizes from ("Use the CRM data" for a
    /// mapping that only synchronizes from the CRM, else the ERP's); "No" when the record is already coupled.
    public var defaultSync: SyncAfterCoupling
}
