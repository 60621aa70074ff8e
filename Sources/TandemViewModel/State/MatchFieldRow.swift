/// One field mapping as the match dialog offers it.
public struct MatchFieldRow: Equatable, Sendable {
    public var erpField: String
    public var crmField: String
    public var on: Bool
    public var caseSensitive: Bool
    public var priority: Int

    public init(erpField: String, crmField: String, on: Bool, caseSensitive: Bool, priority: Int) {
        self.erpField = erpField
        self.crmField = crmField
        self.on = on
        self.caseSensitive = caseSensitive
        self.priority = priority
    }
}
