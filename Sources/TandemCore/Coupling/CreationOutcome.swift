/// What a batch of creations did: per request index, the new coupling or why there is none.
struct CreationOutcome {
    var couplings: [Int: Coupling] = [:]
    var failures: [Int: RecordFailure] = [:]
}
