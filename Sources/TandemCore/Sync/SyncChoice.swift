/// What a person asks *Synchronize now* to do.
public enum SyncChoice: String, Sendable, Codable, CaseIterable {
    /// Send data update to CRM.
    case toCRM
    /// Get data update from CRM.
    case fromCRM
    /// ERP→CRM then CRM→ERP, taking each field from the side that changed it (single record).
    case merge

    /// The one-way pass this choice is, nil for merge.
    public var direction: SyncDirection? {
        switch self {
        case .toCRM: .toCRM
        case .fromCRM: .fromCRM
        case .merge: nil
        }
    }

    public init(_ direction: SyncDirection) { self = direction == .toCRM ? .toCRM : .fromCRM }

    /// What a scheduled run does for a mapping that carries data `direction`: a one-way mapping goes
    /// its way; a two-way one merges, each field taken from the side that changed it, as Business
    /// Central's job queue synchronizes a bidirectional table mapping.
    public init(scheduledFor direction: MappingDirection) {
        switch direction {
        case .bidirectional: self = .merge
        case .toCRM: self = .toCRM
        case .fromCRM: self = .fromCRM
        }
    }
}
