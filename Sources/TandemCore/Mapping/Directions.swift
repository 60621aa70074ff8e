/// Which way a mapping (or one field of it) may carry data.
public enum MappingDirection: String, Sendable, Codable, CaseIterable {
    case bidirectional
    case toCRM
    case fromCRM

    /// Whether a pass in `direction` may use this mapping or field.
    public func allows(_ direction: SyncDirection) -> Bool {
        switch self {
        case .bidirectional: true
        case .toCRM: direction == .toCRM
        case .fromCRM: direction == .fromCRM
        }
    }
}

/// One pass of a synchronization: from the ERP to the CRM, or back.
public enum SyncDirection: String, Sendable, Codable, CaseIterable {
    case toCRM
    case fromCRM

    public var source: Side { self == .toCRM ? .erp : .crm }
    public var destination: Side { self == .toCRM ? .crm : .erp }

    /// The pass that reads from `side`.
    public static func from(_ side: Side) -> SyncDirection { side == .erp ? .toCRM : .fromCRM }
}

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

/// What to do when a coupled record's counterpart no longer exists.
public enum DeletionConflictPolicy: String, Sendable, Codable, CaseIterable {
    /// Fail the record: "coupled to a deleted record".
    case none
    /// Re-create the missing record from the surviving one and couple it.
    case restore
    /// Remove the coupling.
    case removeCoupling
}
