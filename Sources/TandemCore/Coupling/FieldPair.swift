/// One mapped field of two records side by side, as the dialog shows them before OK.
public struct FieldPair: Sendable, Equatable {
    public var erpField: String
    public var crmField: String
    public var erpValue: String
    public var crmValue: String
    public var differs: Bool

    public init(erpField: String, crmField: String, erpValue: String, crmValue: String, differs: Bool) {
        self.erpField = erpField
        self.crmField = crmField
        self.erpValue = erpValue
        self.crmValue = crmValue
        self.differs = differs
    }
}
