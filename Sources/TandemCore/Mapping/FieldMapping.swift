/// Pairs one ERP field with one CRM field inside a table mapping.
public struct FieldMapping: Sendable, Codable, Equatable {
    public var erpField: String
    public var crmField: String
    /// Which passes use this field (together with the table mapping's own direction).
    public var direction: MappingDirection
    /// When set, the destination receives this value instead of the source field's.
    public var constant: String?
    public var isEnabled: Bool
    /// Offered to match-based coupling by default.
    public var matchOn: Bool
    public var caseSensitive: Bool
    /// 0 is the highest priority.
    public var matchPriority: Int
    /// When set, the value is a reference into another mapping's table (a contact's company) and is
    /// translated through that mapping's couplings, never copied as a raw id.
    public var lookupMapping: String?

    public init(erp erpField: String, crm crmField: String, direction: MappingDirection = .bidirectional,
                constant: String? = nil, isEnabled: Bool = true, matchOn: Bool = false,
                caseSensitive: Bool = false, matchPriority: Int = 0, lookupMapping: String? = nil) {
        self.erpField = erpField
        self.crmField = crmField
        self.direction = direction
        self.constant = constant
        self.isEnabled = isEnabled
        self.matchOn = matchOn
        self.caseSensitive = caseSensitive
        self.matchPriority = matchPriority
        self.lookupMapping = lookupMapping
    }

    /// The field's name on `side`.
    public func field(on side: Side) -> String { side == .erp ? erpField : crmField }
}
