/// What coupling one mapping's dependencies by match did: how many records were referenced, and the
/// match (nil when none of them could be found to match).
public struct DependencyCoupling: Sendable {
    public var mapping: String
    public var referenced: Int
    public var result: MatchResult?

    /// How many of them are coupled now.
    public var coupled: Int { result.map { $0.counts.coupled } ?? 0 }
}
