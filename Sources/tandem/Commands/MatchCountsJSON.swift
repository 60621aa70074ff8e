import TandemCore

/// `match --json`'s exact counts.
struct MatchCountsJSON: Encodable {
    var coupled: Int
    var created: Int
    var unmatched: Int
    var failed: Int
    var refused: Int

    init(_ counts: MatchCounts) {
        coupled = counts.coupled
        created = counts.created
        unmatched = counts.unmatched
        failed = counts.failed
        refused = counts.refused
    }
}
