/// One row of the coupled data synchronization errors list: a skipped or failed coupling.
public struct CoupledDataError: Sendable, Equatable {
    public var coupling: Coupling
    public var erpTable: String
    /// The ERP record's label, when it still exists.
    public var erpLabel: String?
    /// The CRM record's label, when it still exists.
    public var crmLabel: String?
    public var lastError: RecordFailure?
    /// When the last failing pass ran.
    public var failedOn: Timestamp?

    public var erpExists: Bool { erpLabel != nil }
    public var crmExists: Bool { crmLabel != nil }
    /// Restore record and Delete record apply only when exactly one side is gone.
    public var exactlyOneSideMissing: Bool { erpExists != crmExists }
}
