/// One ERP record match-based coupling could not couple, and why.
public struct UnmatchedRecord: Sendable, Equatable {
    public var erpID: RecordID
    public var label: String
    public var reason: UnmatchedReason
}
