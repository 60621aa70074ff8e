/// A record to create on `sourceSide.other` from `source`, and couple to it.
struct CreationRequest {
    var sourceSide: Side
    var source: Record
    var fields: [String: String]
    /// The coupling the new pair replaces (a restore re-couples in place of the broken pair).
    var replacing: CouplingPair?
}
