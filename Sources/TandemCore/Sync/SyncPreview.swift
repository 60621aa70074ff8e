/// A preview a screen can hold at any size: the first plans to show, the counts of all of them, and one
/// fingerprint per plan (8 bytes, not the plan). Applying it writes exactly the kept plans when it kept
/// them all; otherwise it plans again and refuses every record whose new plan would write something other
/// than what was previewed (see `SyncEngine.apply(_:progress:)`).
public struct SyncPreview: Sendable, Equatable {
    public var request: SyncRequest
    /// The first plans, in plan order; at most the limit the preview was made with.
    public var shown: [RecordPlan] = []
    /// Every plan counted, shown or not.
    public var counts = SyncPlan.Counts()
    /// One per plan, in plan order. Hash values are per process: a preview is applied where it was made.
    public var fingerprints: [Int] = []

    public init(request: SyncRequest) { self.request = request }

    /// Every plan is kept: applying it writes exactly these plans.
    public var isComplete: Bool { shown.count == counts.records }

    /// Plans counted but not kept.
    public var hidden: Int { counts.records - shown.count }

    /// What identifies a plan's effect: both records and their versions, the action, and every field it
    /// writes with the new value.
    public static func fingerprint(_ plan: RecordPlan) -> Int {
        var hasher = Hasher()
        hasher.combine(plan.erpID)
        hasher.combine(plan.crmID)
        hasher.combine(plan.erpModifiedAt)
        hasher.combine(plan.crmModifiedAt)
        hasher.combine(plan.action.rawValue)
        for planned in plan.plannedChanges {
            hasher.combine(planned.side)
            hasher.combine(planned.change.field)
            hasher.combine(planned.change.newValue)
        }
        return hasher.finalize()
    }

    /// The plans of a new planning pass, starting at plan number `position`, with every plan that would
    /// change something and is not the previewed one turned into a failure.
    func refusingChanged(_ plans: [RecordPlan], from position: Int) -> [RecordPlan] {
        plans.enumerated().map { offset, plan in
            switch plan.action {
            case .unchanged, .skip, .fail: return plan
            case .write, .restore, .removeCoupling: break
            }
            let index = position + offset
            guard index >= fingerprints.count || fingerprints[index] != Self.fingerprint(plan) else { return plan }
            var stale = plan
            stale.outcome = .fail(.changedSincePreview)
            return stale
        }
    }

}
