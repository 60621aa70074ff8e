/// Exact counts of what match-based coupling did.
public struct MatchCounts: Sendable, Equatable {
    public var coupled = 0
    public var created = 0
    public var unmatched = 0
    public var failed = 0
    /// Records another job coupled (or claimed) first.
    public var refused = 0

    public init() {}
}
