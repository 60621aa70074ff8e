/// Why a selected record is left alone.
public enum SkipReason: Sendable, Equatable {
    case notCoupled
    case markedSkipped
    /// The pass would overwrite these destination fields, which changed since the last sync.
    case destinationChanged(side: Side, fields: [String])
    /// The pair was never synchronized, so every differing field may be a change on either side.
    case neverSynchronized(fields: [String])
    case outsideFilter(side: Side, filter: String)
    /// Merge met true conflicts and no resolution was given for them.
    case conflicts([FieldConflict])

    /// The reason in words, in the current language.
    public var message: String {
        switch self {
        case .notCoupled: tr("not coupled")
        case .markedSkipped: tr("marked as skipped")
        case .destinationChanged(let side, let fields):
            tr("the {0} record changed since the last sync ({1})", side.displayName, fields.joined(separator: ", "))
        case .neverSynchronized(let fields):
            tr("the pair was never synchronized and differs in {0}", fields.joined(separator: ", "))
        case .outsideFilter(let side, let filter): tr("the {0} record is outside the filter ({1})", side.displayName, filter)
        case .conflicts(let conflicts):
            tr("changed on both sides: {0}", conflicts.map(\.summary).joined(separator: "; "))
        }
    }
}
