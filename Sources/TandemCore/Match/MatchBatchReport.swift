/// What one batch of match-based coupling did, handed out as it happens (so a caller can print a
/// million results without holding them).
public struct MatchBatchReport: Sendable {
    public var coupled: [MatchedPair] = []
    public var created: [MatchedPair] = []
    public var unmatched: [UnmatchedRecord] = []
    /// Records that could not be created, or that another job took first (status `changedElsewhere`).
    public var failed: [RecordOutcome] = []
}
