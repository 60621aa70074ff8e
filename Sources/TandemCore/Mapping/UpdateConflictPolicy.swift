/// What to do when a scheduled or bulk pass finds the destination changed too.
public enum UpdateConflictPolicy: String, Sendable, Codable, CaseIterable {
    /// Leave the record alone and report it (BC's "none": the record fails / is skipped).
    case none
    /// The ERP wins: ERP→CRM passes overwrite the changed CRM record.
    case sendERP
    /// The CRM wins: CRM→ERP passes overwrite the changed ERP record.
    case getCRM

    /// Whether this policy lets a pass in `direction` overwrite a destination that changed.
    public func lets(_ direction: SyncDirection) -> Bool {
        switch self {
        case .none: false
        case .sendERP: direction == .toCRM
        case .getCRM: direction == .fromCRM
        }
    }
}
