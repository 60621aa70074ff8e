/// Options of match-based coupling.
public struct MatchOptions: Sendable {
    public var criteria: MatchCriteria
    /// Create the CRM record (and couple it) for each ERP record that matched nothing (not for
    /// ambiguous records, nor those whose only candidate is coupled already).
    public var createNewIfNoMatch: Bool
    /// Synchronize each newly matched pair afterwards, in the mapping's direction (ERP data first).
    public var synchronizeAfterCoupling: Bool

    public init(criteria: MatchCriteria, createNewIfNoMatch: Bool = false, synchronizeAfterCoupling: Bool = false) {
        self.criteria = criteria
        self.createNewIfNoMatch = createNewIfNoMatch
        self.synchronizeAfterCoupling = synchronizeAfterCoupling
    }
}
