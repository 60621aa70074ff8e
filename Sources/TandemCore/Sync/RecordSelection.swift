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
