/// A pair match-based coupling made.
public struct MatchedPair: Sendable, Equatable {
    public var erpID: RecordID
    public var crmID: RecordID
    public var label: String
    /// The priority group that matched; nil when the CRM record was created.
    public var priority: Int?
}
