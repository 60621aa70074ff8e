/// One field to match on: compared trimmed, with or without regard to case, in a priority group.
public struct MatchCriterion: Sendable, Equatable, Codable {
    public var erpField: String
    public var crmField: String
    public var caseSensitive: Bool
    /// 0 is tried first.
    public var priority: Int

    public init(erpField: String, crmField: String, caseSensitive: Bool = false, priority: Int = 0) {
        self.erpField = erpField
        self.crmField = crmField
        self.caseSensitive = caseSensitive
        self.priority = priority
    }
}
