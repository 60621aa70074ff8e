/// What the single-record checks found: which sides changed, which fields conflict, what to ask.
public struct SyncCheck: Sendable, Equatable {
    public var label: String
    public var coupling: Coupling?
    public var erpChanged: Bool
    public var crmChanged: Bool
    /// ERP fields changed on one side only.
    public var changedOnERPOnly: [String]
    public var changedOnCRMOnly: [String]
    /// Fields changed on both sides to different values.
    public var conflicts: [FieldConflict]
    /// Whether the coupled record on the other side is missing.
    public var counterpartMissing: Bool
    public var question: SyncQuestion

    /// The choice preselected for the person.
    public var recommended: SyncChoice? {
        switch question {
        case .setUpCoupling: nil
        case .menu(_, _, let recommended, _): recommended
        case .confirm(_, let choice, _): choice
        }
    }
}
