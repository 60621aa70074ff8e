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

/// Which records a synchronization covers.
public enum RecordSelection: Sendable, Equatable {
    /// These records of one side (a list selection, a card, ERP numbers resolved to ids).
    case records(Side, [RecordID])
    /// Every coupled pair of the mapping.
    case allCoupled
    /// The coupled pairs where either side changed since its last sync, or that were never
    /// synchronized, or whose last pass failed ("Synchronize modified records"): found by index,
    /// so the cost follows the changes, not the table.
    case modified

    /// Whether a pass over this selection visits every pair that may be out of step.
    var coversEveryPair: Bool {
        switch self {
        case .records: false
        case .allCoupled, .modified: true
        }
    }
}

/// A synchronize-now request.
public struct SyncRequest: Sendable, Equatable {
    public var mapping: String
    public var selection: RecordSelection
    public var choice: SyncChoice
    /// Overwrite a destination that changed since the last sync. Set only when a person confirmed it
    /// (the single-record question) or asked for it (`--force`); a bulk run never does so silently.
    public var overwriteChangedDestination: Bool
    /// For merge: which side wins each true conflict, keyed by ERP field name.
    public var resolutions: [String: Side]

    public init(mapping: String, selection: RecordSelection, choice: SyncChoice,
                overwriteChangedDestination: Bool = false, resolutions: [String: Side] = [:]) {
        self.mapping = mapping
        self.selection = selection
        self.choice = choice
        self.overwriteChangedDestination = overwriteChangedDestination
        self.resolutions = resolutions
    }
}
