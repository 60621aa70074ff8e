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

    public var message: String {
        switch self {
        case .notCoupled: "not coupled"
        case .markedSkipped: "marked as skipped"
        case .destinationChanged(let side, let fields):
            "the \(side.displayName) record changed since the last sync (\(fields.joined(separator: ", ")))"
        case .neverSynchronized(let fields):
            "the pair was never synchronized and differs in \(fields.joined(separator: ", "))"
        case .outsideFilter(let side, let filter): "the \(side.displayName) record is outside the filter (\(filter))"
        case .conflicts(let conflicts):
            "changed on both sides: " + conflicts.map(\.summary).joined(separator: "; ")
        }
    }
}
