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
}
