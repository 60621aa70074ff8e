/// What the set-up-coupling dialog opens with.
public struct CouplingDraft: Sendable, Equatable {
    public var erpRecord: Record
    public var erpLabel: String
    /// The CRM record the ERP record is coupled to now, if any.
    public var currentCRMRecord: Record?
    /// "Use the ERP data" for a new coupling, "No" when the record is already coupled.
    public var defaultSync: SyncAfterCoupling
}
