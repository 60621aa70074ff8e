/// What the engine will do with one selected record.
public enum PlannedOutcome: Sendable, Equatable {
    /// Write these updates; none means the record is already in step (unchanged).
    case write([RecordUpdate])
    case skip(SkipReason)
    case fail(RecordFailure)
    /// The coupled record on `side` is gone: re-create it from the other side and re-couple.
    case restore(side: Side, fields: [String: String])
    /// The source record is not coupled and the mapping synchronizes more than its coupled records
    /// (`onlyCoupled` false): create it on `side` and couple the pair, through the same claim as
    /// *Create new*.
    case create(side: Side, fields: [String: String])
    /// The coupled record is gone and the mapping says to drop the coupling.
    case removeCoupling(reason: String)
}
